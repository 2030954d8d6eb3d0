"""What the person typed, turned into a safe SQLite FTS5 query (never raw FTS5 syntax).

Words match as prefixes ("linf" finds "linfático"), a quoted phrase matches as a phrase, and a
bare OR between two words means either. Everything else the person types (AND, NEAR, `*`, `^`,
`title:`, brackets, a lone quote) is taken as plain words or dropped: every part we hand to FTS5
is a double-quoted string, so nothing typed can become an operator or a syntax error.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_WORD = re.compile(r"[^\W_]+")
_PART = re.compile(r'"([^"]*)"?|(\S+)')  # a quoted phrase (closing quote optional), or a word
_DROPPED = {"AND", "NOT", "NEAR"}
MAX_TERMS = 40  # a pasted paragraph is looked for by its first 40 words
_FIELD = re.compile(r"^(?:title|notes|type|kind|body|doc|page):", re.IGNORECASE)  # FTS5-style


@dataclass(frozen=True)
class Term:
    """One thing to find: a word (matched as a prefix) or a phrase of several words."""

    words: tuple[str, ...]
    phrase: bool

    def fts(self) -> str:
        quoted = '"' + " ".join(self.words).replace('"', '""') + '"'
        return quoted if self.phrase else quoted + "*"


@dataclass(frozen=True)
class Query:
    """Groups of terms: every group must match; any one term of a group is enough (OR)."""

    groups: tuple[tuple[Term, ...], ...]

    @property
    def empty(self) -> bool:
        return not self.groups

    def all_terms(self) -> str:
        """The FTS5 expression: every group must match somewhere in the record."""
        return " AND ".join(_group(g) for g in self.groups)

    def any_term(self) -> str:
        """The FTS5 expression: any term matches (used to find the best page of a record)."""
        return " OR ".join(t.fts() for g in self.groups for t in g)

    def words(self) -> tuple[str, ...]:
        """Every word looked for (for highlighting)."""
        return tuple(w for g in self.groups for t in g for w in t.words)


def _group(terms: tuple[Term, ...]) -> str:
    return terms[0].fts() if len(terms) == 1 else "(" + " OR ".join(t.fts() for t in terms) + ")"


def parse_query(text: str) -> Query:
    """Read what was typed; an empty Query when nothing in it can be searched for."""
    groups: list[list[Term]] = []
    join_next = False
    for match in _PART.finditer(text.replace("“", '"').replace("”", '"').replace("„", '"')):
        quoted, bare = match.group(1), match.group(2)
        if bare in ("OR", "|"):
            join_next = bool(groups)
            continue
        terms = _read_part(quoted, bare)
        if not terms:
            continue
        if join_next and len(terms) == 1:
            groups[-1].append(terms[0])
        else:
            groups += [[t] for t in terms]
        join_next = False
    return Query(tuple(tuple(g[:MAX_TERMS]) for g in groups[:MAX_TERMS]))


def _read_part(quoted: str | None, bare: str | None) -> list[Term]:
    if quoted is not None:
        return _terms(quoted, phrase=True)
    if bare is None or bare in _DROPPED:
        return []
    return _terms(_FIELD.sub("", bare), phrase=False)


def _terms(text: str, *, phrase: bool) -> list[Term]:
    words = tuple(w.casefold() for w in _WORD.findall(text))
    if not words:
        return []
    if phrase and len(words) > 1:
        return [Term(words, phrase=True)]
    return [Term((w,), phrase=False) for w in words]
