"""Saving imported documents in small groups: their files first, then one journal entry for all.

Each file is reported imported only once the entry that lists it is durable, so a crash loses
at most the group in flight. The group's files are stored without their own fsync and flushed
together (Vault.make_durable) just before the entry: a large import saves most per-file fsyncs.
The group's texts go into one encrypted "text pack" file (JSON: document id -> text).
"""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from organizer.core.catalog import DOCUMENT
from organizer.core.vault import Change, StoredFile, Vault
from organizer.core.vault.file_group import FileGroup

GROUP_FILES = 200
"""At most this many documents per journal entry, as for imaging discs; GROUP_SECONDS bounds
what a crash can lose either way (small portal files come some 600 a second)."""
GROUP_SECONDS = 0.5


@dataclass
class PendingDocument:
    index: int
    document_id: str
    fields: dict[str, Any]
    text: str
    stored: list[StoredFile] = field(default_factory=list)


class CommitGroup(FileGroup[PendingDocument]):
    """Collects stored documents and commits them together; `on_saved` runs after each commit."""

    def __init__(self, vault: Vault, on_saved: Callable[[int], None]) -> None:
        super().__init__(vault, files=GROUP_FILES, seconds=GROUP_SECONDS)
        self.on_saved = on_saved

    def entry(self, group: list[PendingDocument], stored: list[StoredFile]) -> list[Change]:
        stored += [s for document in group for s in document.stored]
        changes: list[Change] = []
        texts = {d.document_id: d.text for d in group if d.text}
        if texts:
            text_pack = io.BytesIO(json.dumps(texts, ensure_ascii=False).encode())
            pack = self.vault.store_file(text_pack, durable=False)
            stored.append(pack)
            changes.append(Vault.file_change(pack))
            for document in group:
                document.fields["text_file"] = pack.id if document.text else ""
        changes += [Vault.file_change(s) for d in group for s in d.stored]
        return changes + [Change(DOCUMENT, d.document_id, d.fields) for d in group]

    def saved(self, group: list[PendingDocument]) -> None:
        for document in group:
            self.on_saved(document.index)


def document_text(vault: Vault, document_id: str) -> str:
    """The text read from a document at import ("" for scans and photos)."""
    fields = vault.state.get(DOCUMENT, document_id) or {}
    pack_id = str(fields.get("text_file") or "")
    if not pack_id:
        return ""
    texts = json.loads(vault.read_file(pack_id))
    return str(texts.get(document_id, "")) if isinstance(texts, dict) else ""
