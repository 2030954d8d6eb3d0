"""Keeping the index in step with the vault: load it encrypted, bring changed records up to date,
save it encrypted again. The index is a cache: missing, stale or damaged, it is rebuilt in memory.

Each record's signature (text file id, title, notes, type, person, date) is kept in the index, so
records imported, re-typed, retitled, given new text (text recognition) or removed — here or on
another computer through a sync folder — are found by comparing signatures, without reading text
that did not change. Text is read from the vault (decrypted in memory) before the index's own
lock is taken, so a search and an import on two threads never wait on each other in a circle.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from organizer.core.catalog import DOCUMENT
from organizer.core.errors import DocumentDamaged, DocumentNotFound, VaultError
from organizer.core.intake.text import PAGE_BREAK
from organizer.core.records import RecordType
from organizer.core.search.index import IndexedDocument, SearchIndex
from organizer.core.vault import Vault

CACHE_NAME = "search-index"  # VAULT/search-index.scache
ATTACHMENT = "search-index"  # the index kept in memory while the vault is unlocked


@dataclass
class _Texts:
    """Text packs read during one update, each decrypted once however many records it holds."""

    vault: Vault
    packs: dict[str, dict[str, Any]] = field(default_factory=dict)

    def pages(self, document_id: str, fields: dict[str, Any]) -> list[str]:
        pack_id = str(fields.get("text_file") or "")
        if not pack_id:
            return []
        if pack_id not in self.packs:
            try:
                found = json.loads(self.vault.read_file(pack_id))
            except (DocumentDamaged, DocumentNotFound, ValueError):
                found = {}  # the record is still found by its title and notes
            self.packs[pack_id] = found if isinstance(found, dict) else {}
        text = self.packs[pack_id].get(document_id, "")
        return str(text).split(PAGE_BREAK) if text else []


def describe(document_id: str, fields: dict[str, Any]) -> IndexedDocument:
    """What the index keeps about a record, with the signature that says when it changed."""
    kind = str(fields.get("type") or "")
    label = RecordType(kind).label if kind in RecordType._value2member_map_ else ""
    values = [str(fields.get(name) or "") for name in
              ("person", "title", "notes", "record_date", "filename", "text_file")]
    person, title, notes, date, filename, _ = values
    signature = json.dumps([kind, *values], ensure_ascii=False)
    return IndexedDocument(document_id, person, kind, title or filename, notes, label, date,
                           signature)


def open_index(vault: Vault, force: Iterable[str] = ()) -> SearchIndex:
    """The vault's index, up to date (saved again when anything changed)."""
    index = attached(vault)
    if update(vault, index, force) or index.unsaved:
        save(vault, index)
    return index


def attached(vault: Vault) -> SearchIndex:
    """The index kept in memory while the vault is unlocked, else the saved one, else a new one."""
    index = vault.attachments.get(ATTACHMENT)
    if not isinstance(index, SearchIndex):
        index = _load(vault)
        vault.attachments[ATTACHMENT] = index
    return index


def update(vault: Vault, index: SearchIndex, force: Iterable[str] = ()) -> bool:
    """Index what changed since last time (and the `force`d records); True when anything did."""
    documents = vault.state.all(DOCUMENT)
    known = index.signatures()
    forced = set(force)
    described = {i: describe(i, f) for i, f in documents.items()}
    changed = [d for i, d in described.items() if i in forced or known.get(i) != d.signature]
    gone = [i for i in known if i not in documents]
    texts = _Texts(vault)
    ready = [(d, texts.pages(d.id, documents[d.id])) for d in changed]  # before the index lock
    for document_id in gone:
        index.remove(document_id)
    for document, pages in ready:
        index.put(document, pages)
    if gone:
        index.compact()  # a removed record's words must not stay behind in the saved copy
    return bool(ready or gone)


def save(vault: Vault, index: SearchIndex) -> None:
    """Store the index encrypted. A vault that cannot be written to (read-only stick, full
    disk) still searches: the index then stays in memory and is saved next time."""
    index.unsaved = True
    with contextlib.suppress(VaultError):
        vault.save_cache_file(CACHE_NAME, index.to_bytes())
        index.unsaved = False


def _load(vault: Vault) -> SearchIndex:
    data = vault.load_cache_file(CACHE_NAME)
    if data is not None:
        try:
            return SearchIndex(data)
        except ValueError:
            pass  # damaged inside, or an older format: built again below
    return SearchIndex()
