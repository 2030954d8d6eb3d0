"""Encrypted full-text search over a vault's records (titles, notes, types and page text).

The index is an SQLite FTS5 database built in memory and stored only encrypted with the vault's
key (VAULT/search-index.scache); see docs/vault-format.md. The window and the command line both
call `search_records`; text recognition calls `index_document` when a record gets new text.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from organizer.core.search.index import Hit, SearchIndex
from organizer.core.search.keeping import ATTACHMENT, CACHE_NAME, attached, open_index, save, update
from organizer.core.search.query import Query, parse_query
from organizer.core.vault import Vault

__all__ = ["Hit", "SearchResult", "forget_document", "index_document", "index_documents",
           "parse_query", "search_records"]

NOTHING_TO_SEARCH = "Please type a word to look for (letters or digits)."


@dataclass(frozen=True)
class SearchResult:
    """Records found, best first; `message` explains an empty answer that needs explaining."""

    hits: tuple[Hit, ...]
    query: Query
    message: str = ""


def search_records(vault: Vault, text: str, *, person: str | None = None,
                   record_type: str | None = None, limit: int | None = None) -> SearchResult:
    """Find records holding every word typed (as a prefix), or the quoted phrases as phrases."""
    query = parse_query(text)
    if query.empty:
        return SearchResult((), query, NOTHING_TO_SEARCH)
    index = open_index(vault)
    hits = index.search(query, person=person, record_type=record_type, limit=limit)
    return SearchResult(tuple(hits), query)


def index_documents(vault: Vault, document_ids: Iterable[str]) -> None:
    """Bring these records (and anything else that changed) up to date in the index and save it.

    Does nothing until the index exists (kept in memory or saved): the first search builds it.
    """
    if not _index_exists(vault):
        return
    open_index(vault, force=document_ids)


def index_document(vault: Vault, document_id: str) -> None:
    """Re-read one record's text and details (call after giving it new text, e.g. from OCR)."""
    index_documents(vault, [document_id])


def forget_document(vault: Vault, document_id: str) -> None:
    """Take a record out of the index now (its removal is also noticed on the next search)."""
    if not _index_exists(vault):
        return
    index = attached(vault)
    index.remove(document_id)
    index.compact()
    update(vault, index)  # a record still in the vault comes back: removing it is what forgets
    save(vault, index)


def _index_exists(vault: Vault) -> bool:
    return isinstance(vault.attachments.get(ATTACHMENT), SearchIndex) or \
        (vault.folder / f"{CACHE_NAME}.scache").exists()
