"""The encrypted metadata journal: one small write-once file per change, merged on open.

Each entry sets fields of entities (`kind`, `id`): a person's name, a document's type, a
checklist item's state. Every field keeps the stamp of the change that set it, and the newest
stamp wins (a hybrid logical clock, ties broken by the entry id). Merging is therefore
order-free: two computers that edit the same vault through a sync folder each write their own
files, and after sync both see the union, with the later edit of any one field winning.

File layout: b"SOOJRN" | version u16 | vault_id 16 | entry_id 16 | sealed JSON
(AES-256-GCM, key HKDF(master, "organizer/journal/v1"), aad = the 40 header bytes).
Version 2 entries also name, inside the sealed JSON, the entries their writer had seen last
(`heads`, each as entry id and digest), so a removed entry is noticed: see heads.py.
"""

from __future__ import annotations

import hashlib
import json
import os
import struct
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from organizer.core.vault.atomic import atomic_output, is_transient
from organizer.core.vault.sealing import SealBroken, seal, unseal

MAGIC = b"SOOJRN"
VERSION = 2  # version 1 entries (no heads) are still read
READABLE_VERSIONS = (1, 2)
SUFFIX = ".jrn"
_HEADER = struct.Struct(">6sH16s16s")
HEADER_BYTES = _HEADER.size

Stamp = tuple[int, int, str]  # (milliseconds, counter, entry id hex)
Head = tuple[str, str]  # (entry id hex, digest hex) of an entry the writer had seen


@dataclass(frozen=True)
class Change:
    """Set some fields of one entity. `deleted=True` in fields removes it (a tombstone)."""

    kind: str
    id: str
    fields: Mapping[str, Any]


@dataclass(frozen=True)
class Entry:
    entry_id: str
    stamp: Stamp
    changes: tuple[Change, ...]
    heads: tuple[Head, ...] = ()
    linked: bool = True  # False for version 1 entries, written before entries named heads
    digest: str = ""  # filled in when read: what later entries name this one by


@dataclass(frozen=True)
class DamagedEntry:
    path: Path
    reason: str


class EntryCorrupt(Exception):
    """An entry file is unreadable or does not authenticate."""


def entry_digest(entry_id: str, plain: bytes) -> str:
    """What other entries name this one by: SHA-256 of its id and sealed JSON, 16 bytes."""
    return hashlib.sha256(bytes.fromhex(entry_id) + plain).hexdigest()[:32]


def encode_plain(entry: Entry) -> bytes:
    """The JSON that is sealed in an entry (its digest is taken over these bytes)."""
    body = {
        "stamp": [entry.stamp[0], entry.stamp[1]],
        "changes": [{"kind": c.kind, "id": c.id, "set": dict(c.fields)} for c in entry.changes],
        "heads": [list(head) for head in entry.heads],
    }
    return json.dumps(body, separators=(",", ":"), ensure_ascii=False).encode()


def encode_entry(key: bytes, vault_id: bytes, entry: Entry, plain: bytes | None = None) -> bytes:
    """The entry file's bytes; `plain`: its encode_plain JSON when the caller has it already."""
    header = _HEADER.pack(MAGIC, VERSION, vault_id, bytes.fromhex(entry.entry_id))
    return header + seal(key, encode_plain(entry) if plain is None else plain, header)


def read_entry_header(raw: bytes) -> tuple[int, bytes, str]:
    """(version, vault id, entry id) from an entry's clear header; EntryCorrupt if not one."""
    if len(raw) < _HEADER.size:
        raise EntryCorrupt("cut short")
    magic, version, file_vault, entry_id = _HEADER.unpack(raw[: _HEADER.size])
    if magic != MAGIC or version not in READABLE_VERSIONS:
        raise EntryCorrupt("not a journal entry")
    return version, file_vault, entry_id.hex()


def decode_entry(key: bytes, vault_id: bytes, raw: bytes) -> Entry:
    version, file_vault, entry_id = read_entry_header(raw)
    if file_vault != vault_id:
        raise EntryCorrupt("belongs to another vault")
    header = raw[: _HEADER.size]
    try:
        plain = unseal(key, raw[_HEADER.size :], header)
        return parse_plain(entry_id, version, plain)
    except SealBroken:
        raise EntryCorrupt("does not authenticate") from None


def parse_plain(entry_id: str, version: int, plain: bytes) -> Entry:
    """An entry from its authenticated JSON; EntryCorrupt when a field is missing or wrong."""
    try:
        body = json.loads(plain)
        stamp = (int(body["stamp"][0]), int(body["stamp"][1]), entry_id)
        changes = tuple(Change(str(c["kind"]), str(c["id"]), dict(c["set"])) for c in body["changes"])
        heads: tuple[Head, ...] = ()
        if version >= 2:  # required from version 2 on: it cannot go missing unnoticed
            heads = tuple((_hex_id(h[0]), str(h[1])) for h in body["heads"])
    except (ValueError, KeyError, TypeError, IndexError, AttributeError, OverflowError):
        raise EntryCorrupt("unreadable content") from None
    return Entry(entry_id, stamp, changes, heads, version >= 2, entry_digest(entry_id, plain))


def _hex_id(value: object) -> str:
    text = str(value)
    if len(text) != 32 or bytes.fromhex(text).hex() != text:
        raise ValueError("not an entry id")
    return text


class Clock:
    """Hybrid logical clock: stamps grow even when the computer's clock goes backwards."""

    def __init__(self) -> None:
        self._last = (0, 0)

    def observe(self, stamp: Stamp) -> None:
        self._last = max(self._last, (stamp[0], stamp[1]))

    def next(self, entry_id: str) -> Stamp:
        now = int(time.time() * 1000)
        ms, counter = self._last
        self._last = (now, 0) if now > ms else (ms, counter + 1)
        return (*self._last, entry_id)


@dataclass
class MetadataState:
    """All entities, each field with the stamp that set it (newest wins)."""

    fields: dict[str, dict[str, dict[str, tuple[Stamp, Any]]]] = field(default_factory=dict)

    def apply(self, entry: Entry) -> None:
        for change in entry.changes:
            entity = self.fields.setdefault(change.kind, {}).setdefault(change.id, {})
            for name, value in change.fields.items():
                old = entity.get(name)
                if old is None or old[0] <= entry.stamp:
                    entity[name] = (entry.stamp, value)

    def get(self, kind: str, entity_id: str) -> dict[str, Any] | None:
        """The entity's current fields, or None when absent or deleted."""
        entity = self.fields.get(kind, {}).get(entity_id)
        if entity is None:
            return None
        # list() copies in one step under the GIL, so a reader on another thread is safe.
        values = {name: value for name, (_, value) in list(entity.items())}
        return None if values.get("deleted") else values

    def all(self, kind: str) -> dict[str, dict[str, Any]]:
        """Every live entity of one kind, by id."""
        result = {}
        for entity_id in list(self.fields.get(kind, {})):
            values = self.get(kind, entity_id)
            if values is not None:
                result[entity_id] = values
        return result


def entry_files(folder: Path) -> list[Path]:
    """All entry files, conflict copies from sync tools included (ids inside are what count)."""
    if not folder.is_dir():
        return []
    return [
        p for p in folder.iterdir()
        if SUFFIX in p.name and not is_transient(p.name) and p.is_file()
    ]


def load_entries(
    folder: Path, key: bytes, vault_id: bytes, previous_key: bytes | None = None
) -> tuple[list[Entry], list[DamagedEntry]]:
    """Read every entry; a damaged file is reported and skipped, never fatal.

    `previous_key` is the journal key before an unfinished re-key (entries not yet re-sealed).
    """
    entries: dict[str, Entry] = {}
    damaged: list[DamagedEntry] = []
    for path in entry_files(folder):
        try:
            raw = path.read_bytes()
            entry = _decode_either(key, previous_key, vault_id, raw)
        except (EntryCorrupt, OSError) as error:
            damaged.append(DamagedEntry(path, str(error)))
            continue
        entries[entry.entry_id] = entry
    return list(entries.values()), damaged


def _decode_either(key: bytes, previous: bytes | None, vault_id: bytes, raw: bytes) -> Entry:
    try:
        return decode_entry(key, vault_id, raw)
    except EntryCorrupt:
        if previous is None:
            raise
        return decode_entry(previous, vault_id, raw)


def write_entry(folder: Path, key: bytes, vault_id: bytes, entry: Entry,
                plain: bytes | None = None) -> Path:
    """Write one entry durably; when this returns, the change survives a crash."""
    path = folder / f"{entry.stamp[0]:013d}-{entry.entry_id}{SUFFIX}"
    with atomic_output(path) as out:
        out.write(encode_entry(key, vault_id, entry, plain))
    return path


def new_entry_id() -> str:
    return os.urandom(16).hex()


def build_state(entries: Iterable[Entry]) -> tuple[MetadataState, Clock]:
    state, clock = MetadataState(), Clock()
    for entry in entries:
        state.apply(entry)
        clock.observe(entry.stamp)
    return state, clock
