"""Records with known text written straight into a vault (no reader processes), for search tests."""

from __future__ import annotations

import io
import json
import os
from collections.abc import Mapping, Sequence

from organizer.core.catalog import DOCUMENT
from organizer.core.intake.text import PAGE_BREAK
from organizer.core.vault import Change, Vault


def add_records(vault: Vault, person: str, records: Sequence[Mapping[str, object]]) -> list[str]:
    """Store each record's `pages` in one text pack and record them; returns their ids.

    Each record: pages (list of str), and any document fields (title, type, notes, record_date).
    """
    ids = [os.urandom(16).hex() for _ in records]
    texts = {i: PAGE_BREAK.join(r["pages"]) for i, r in zip(ids, records, strict=True)}  # type: ignore[arg-type]
    pack = vault.store_file(io.BytesIO(json.dumps(texts, ensure_ascii=False).encode()))
    changes = [vault.file_change(pack)]
    for doc_id, record in zip(ids, records, strict=True):
        fields = {k: v for k, v in record.items() if k != "pages"}
        changes.append(Change(DOCUMENT, doc_id, {"person": person, "filename": f"{doc_id}.pdf",
                                                 "text_file": pack.id, "added": "2024", **fields}))
    vault.record(changes)
    return ids


def new_text(vault: Vault, doc_id: str, pages: Sequence[str]) -> None:
    """Give a record new text, as text recognition does: a new text pack, a new text_file."""
    pack = vault.store_file(io.BytesIO(json.dumps({doc_id: PAGE_BREAK.join(pages)}).encode()))
    vault.record([vault.file_change(pack), Change(DOCUMENT, doc_id, {"text_file": pack.id})])
