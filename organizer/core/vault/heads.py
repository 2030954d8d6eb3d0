"""The journal's hash links: every entry names the entries its writer had seen last (its heads).

The links form a DAG like a Merkle clock. Two computers that write at the same time both name
the same older heads, and the next entry written after sync names both: nothing is ever
missing after a complete sync. A named entry that is not in the folder was removed (or has not
arrived yet through a sync tool); a named entry whose digest differs was replaced.
Version 1 entries name nothing; the upgrade to vault version 2 writes one entry naming all of
them, so from then on removing any of them is noticed too.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from organizer.core.vault.journal import DamagedEntry, Entry, Head

_ID_IN_NAME = re.compile(r"([0-9a-f]{32})")


@dataclass(frozen=True)
class MissingEntry:
    """An entry that another entry names, but that is not in the journal folder."""

    entry_id: str
    named_by: str  # the entry that names it
    named_at_ms: int  # when that entry was written (milliseconds since 1970)
    replaced: bool = False  # an entry with this id is there, but not the one that was named


def frontier(entries: Iterable[Entry]) -> tuple[Head, ...]:
    """The heads a new entry names: every entry that no other entry names (sorted)."""
    entries = list(entries)
    named = {head[0] for entry in entries for head in entry.heads}
    return tuple(sorted((e.entry_id, e.digest) for e in entries if e.entry_id not in named))


def missing_entries(entries: Iterable[Entry], damaged: Iterable[DamagedEntry]) -> list[MissingEntry]:
    """Entries that are named but absent (damaged ones are reported as damaged, not here)."""
    by_id = {entry.entry_id: entry for entry in entries}
    damaged_ids = {m.group(1) for d in damaged if (m := _ID_IN_NAME.search(d.path.name))}
    found: dict[str, MissingEntry] = {}
    for entry in sorted(by_id.values(), key=lambda e: e.stamp):
        for head_id, digest in entry.heads:
            present = by_id.get(head_id)
            if head_id in damaged_ids and present is None:
                continue
            if present is None or present.digest != digest:
                found.setdefault(head_id, MissingEntry(head_id, entry.entry_id, entry.stamp[0],
                                                       replaced=present is not None))
    return sorted(found.values(), key=lambda m: (m.named_at_ms, m.entry_id))


def entry_id_from_path(path: Path) -> str | None:
    """The entry id in a journal file's name (names are `<ms>-<id>.jrn`, maybe renamed)."""
    match = _ID_IN_NAME.search(path.name)
    return match.group(1) if match else None
