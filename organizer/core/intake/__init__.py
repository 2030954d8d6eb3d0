"""Reading files into records: checking, repairing, text, metadata and recognising the record type."""
