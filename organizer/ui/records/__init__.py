"""The Records page: the person's documents, a preview, their details, and importing more."""

from organizer.ui.records.page import RecordsPage

__all__ = ["RecordsPage"]
