"""The sent log in the vault: which packet (its contents and hashes) went to whom, how and when."""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from organizer.core.packet.options import PacketResult
from organizer.core.vault import Change, Vault

SENT = "sent"


@dataclass(frozen=True)
class SentPacket:
    id: str
    when: str  # ISO timestamp
    to: str
    how: str  # "email", "usb", "printed", "saved", ...
    files: tuple[dict[str, Any], ...]  # name, sha256, size, pages
    contents: tuple[dict[str, Any], ...]  # title, type, date, part, first_page, pages
    person_id: str = ""
    note: str = ""


def record_sent(vault: Vault, result: PacketResult, *, to: str, how: str, person_id: str = "",
                note: str = "", when: str = "") -> SentPacket:
    """Add one entry to the sent log and return it."""
    entry_id = os.urandom(8).hex()
    fields: dict[str, Any] = {
        "when": when or datetime.now(UTC).isoformat(timespec="seconds"),
        "to": to, "how": how, "person_id": person_id, "note": note,
        "files": [{"name": p.path.name if p.path else "", "sha256": p.sha256, "size": p.size,
                   "pages": p.pages} for p in result.parts],
        "contents": [{"document_id": c.document_id, "title": c.title, "type": c.type.value,
                      "date": c.date, "part": c.part, "first_page": c.first_page, "pages": c.pages}
                     for c in result.contents],
    }
    vault.record([Change(SENT, entry_id, fields)])
    return _entry(entry_id, fields)


def sent_log(vault: Vault) -> list[SentPacket]:
    """Every packet sent, newest first."""
    entries = [_entry(i, f) for i, f in vault.state.all(SENT).items()]
    return sorted(entries, key=lambda e: (e.when, e.id), reverse=True)


def _entry(entry_id: str, fields: dict[str, Any]) -> SentPacket:
    return SentPacket(entry_id, str(fields.get("when", "")), str(fields.get("to", "")),
                      str(fields.get("how", "")), tuple(fields.get("files", ())),
                      tuple(fields.get("contents", ())), str(fields.get("person_id", "")),
                      str(fields.get("note", "")))
