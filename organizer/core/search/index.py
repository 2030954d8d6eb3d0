"""The full-text index itself: an SQLite FTS5 database that only ever lives in memory.

Two FTS5 tables: `doc_fts` (one row per record, no stored text) decides which records match
every term and ranks them; `page_fts` (one row per page, plus page 0 for title, notes and type)
finds the best page of a record and cuts the snippet. `docs` holds what a hit shows and each
record's signature, so the index knows which records changed since they were indexed.
The connection is ':memory:' with temp_store=MEMORY: SQLite writes no file, journal or temp file.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Sequence
from dataclasses import dataclass

from organizer.core.search.query import Query

FORMAT = "organizer-search/1"
TOKENIZER = "unicode61 remove_diacritics 2"
WEIGHTS = (8.0, 4.0, 2.0, 1.0)  # title, notes, type, body
SNIPPET_WORDS = 14
OPEN, CLOSE = "\x01", "\x02"  # marks around matched words in snippets (never in record text)

_SCHEMA = f"""
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE docs(n INTEGER PRIMARY KEY, id TEXT UNIQUE NOT NULL, person TEXT, type TEXT,
                  title TEXT, notes TEXT, kind TEXT, date TEXT, signature TEXT NOT NULL);
CREATE VIRTUAL TABLE doc_fts USING fts5(title, notes, kind, body, content='',
                                        tokenize='{TOKENIZER}');
CREATE VIRTUAL TABLE page_fts USING fts5(body, doc UNINDEXED, page UNINDEXED,
                                         tokenize='{TOKENIZER}');
INSERT INTO meta VALUES ('format', '{FORMAT}');
"""


@dataclass(frozen=True)
class IndexedDocument:
    """What the index keeps about one record (its text comes separately, page by page)."""

    id: str
    person: str
    type: str
    title: str
    notes: str
    kind: str  # the type in words ("Pathology report"), so typing the type finds it
    date: str
    signature: str


@dataclass(frozen=True)
class Hit:
    """One record found: where (1-based page) and a snippet with the matched words marked."""

    id: str
    title: str
    type: str
    date: str
    page: int
    snippet: str
    marks: tuple[tuple[int, int], ...] = ()

    def as_json(self) -> dict[str, object]:
        return {"id": self.id, "title": self.title, "type": self.type or None,
                "date": self.date or None, "page": self.page, "snippet": self.snippet}


class SearchIndex:
    """An in-memory FTS5 index; safe to share between threads (one call at a time)."""

    def __init__(self, data: bytes | None = None) -> None:
        self._lock = threading.RLock()
        self.unsaved = False  # True while changes could not be saved (the next search tries again)
        self._db = sqlite3.connect(":memory:", check_same_thread=False)
        self._settings()
        if data is None:
            self._db.execute("PRAGMA auto_vacuum=FULL")  # the saved copy shrinks as records go
            self._db.executescript(_SCHEMA)
            return
        try:
            self._db.deserialize(data)
            self._settings()
            found = self._db.execute("SELECT value FROM meta WHERE key='format'").fetchone()
        except sqlite3.DatabaseError as error:
            self._db.close()
            raise ValueError("not a search index") from error
        if found is None or found[0] != FORMAT:
            self._db.close()
            raise ValueError("a search index of another format")

    def _settings(self) -> None:
        # No temp files, ever; and the text of a removed record is overwritten, not left in
        # free pages of the copy that is saved.
        self._db.execute("PRAGMA temp_store=MEMORY")
        self._db.execute("PRAGMA secure_delete=ON")

    def to_bytes(self) -> bytes:
        with self._lock:
            return bytes(self._db.serialize())

    def close(self) -> None:
        with self._lock:
            self._db.close()

    # --- keeping it up to date -------------------------------------------------------------

    def signatures(self) -> dict[str, str]:
        with self._lock:
            return dict(self._db.execute("SELECT id, signature FROM docs").fetchall())

    def put(self, document: IndexedDocument, pages: Sequence[str]) -> None:
        """Add a record, or replace what was indexed for it."""
        with self._lock, self._db:
            self._remove(document.id)
            d = document
            cursor = self._db.execute(
                "INSERT INTO docs(id, person, type, title, notes, kind, date, signature) "
                "VALUES (?,?,?,?,?,?,?,?)",
                (d.id, d.person, d.type, d.title, d.notes, d.kind, d.date, d.signature))
            n = cursor.lastrowid
            self._db.execute("INSERT INTO doc_fts(rowid, title, notes, kind, body) VALUES (?,?,?,?,?)",
                             (n, d.title, d.notes, d.kind, "\n".join(pages)))
            meta = "\n".join(part for part in (d.title, d.notes, d.kind) if part)
            self._db.executemany("INSERT INTO page_fts(body, doc, page) VALUES (?,?,?)",
                                 [(text, n, number) for number, text in
                                  enumerate([meta, *pages]) if text.strip()])

    def remove(self, document_id: str) -> None:
        with self._lock, self._db:
            self._remove(document_id)

    def compact(self) -> None:
        """Merge the index so removed records' words are gone from it, not only marked deleted."""
        with self._lock, self._db:
            for table in ("doc_fts", "page_fts"):
                self._db.execute(f"INSERT INTO {table}({table}) VALUES ('optimize')")
        with self._lock:
            self._db.execute("VACUUM")

    def _remove(self, document_id: str) -> None:
        row = self._db.execute("SELECT n, title, notes, kind FROM docs WHERE id=?",
                               (document_id,)).fetchone()
        if row is None:
            return
        n = row[0]
        pages = [text for (text,) in self._db.execute(
            "SELECT body FROM page_fts WHERE doc=? AND page>0 ORDER BY page", (n,))]
        # A table without stored text forgets a row only when given exactly what it indexed.
        self._db.execute("INSERT INTO doc_fts(doc_fts, rowid, title, notes, kind, body) "
                         "VALUES ('delete',?,?,?,?,?)", (*row, "\n".join(pages)))
        self._db.execute("DELETE FROM page_fts WHERE doc=?", (n,))
        self._db.execute("DELETE FROM docs WHERE n=?", (n,))

    # --- searching -------------------------------------------------------------------------

    def search(self, query: Query, *, person: str | None = None, record_type: str | None = None,
               limit: int | None = None) -> list[Hit]:
        """Records holding every term, best first, each with its best page and a snippet."""
        if query.empty:
            return []
        where, params = ["doc_fts MATCH ?"], [query.all_terms()]
        if person:
            where.append("d.person = ?")
            params.append(person)
        if record_type:
            where.append("d.type = ?")
            params.append(record_type)
        sql = (f"SELECT d.n, d.id, d.title, d.type, d.date, bm25(doc_fts, {', '.join(map(str, WEIGHTS))}) "
               f"AS score FROM doc_fts JOIN docs d ON d.n = doc_fts.rowid WHERE {' AND '.join(where)} "
               f"ORDER BY score, d.date DESC LIMIT ?")
        with self._lock:
            found = self._db.execute(sql, (*params, -1 if limit is None else limit)).fetchall()
            best = self._best_pages(query, {row[0] for row in found})
            return [self._hit(row, best.get(row[0])) for row in found]

    def _best_pages(self, query: Query, wanted: set[int]) -> dict[int, tuple[int, str]]:
        """For each wanted record: its best-matching page (text pages before page 0) and snippet.

        One pass over every matching page, snippets included: much cheaper than one snippet
        query per record (each query would look the terms up again).
        """
        best: dict[int, tuple[bool, float, int, str]] = {}
        if not wanted:
            return {}
        rows = self._db.execute(
            f"SELECT doc, page, bm25(page_fts), snippet(page_fts, 0, '{OPEN}', '{CLOSE}', '…', "
            f"{SNIPPET_WORDS}) FROM page_fts WHERE page_fts MATCH ?", (query.any_term(),))
        for doc, page, score, snippet in rows:
            if doc in wanted:
                key = (page == 0, score, page, snippet)
                if doc not in best or key < best[doc]:
                    best[doc] = key
        return {doc: (k[2], k[3]) for doc, k in best.items()}

    @staticmethod
    def _hit(row: tuple[int, str, str, str, str, float], page: tuple[int, str] | None) -> Hit:
        _, doc_id, title, record_type, date, _ = row
        if page is None:
            return Hit(doc_id, title or "", record_type or "", date or "", 1, "")
        snippet, marks = unmark(" ".join(str(page[1]).split()))
        return Hit(doc_id, title or "", record_type or "", date or "", max(page[0], 1), snippet, marks)


def unmark(marked: str) -> tuple[str, tuple[tuple[int, int], ...]]:
    """The snippet without its marks, and the (start, end) of each marked stretch."""
    plain: list[str] = []
    marks: list[tuple[int, int]] = []
    length, start = 0, -1
    for char in marked:
        if char == OPEN:
            start = length
        elif char == CLOSE:
            if start >= 0:
                marks.append((start, length))
            start = -1
        else:
            plain.append(char)
            length += 1
    return "".join(plain), tuple(marks)
