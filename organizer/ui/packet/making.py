"""Making the packet in memory for the preview, and writing it where the person chose (no Qt here)."""

from __future__ import annotations

import io
import os
import threading
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from organizer.core.case.case_documents import CaseDocument
from organizer.core.case.packet_facts import chosen_documents, packet_content
from organizer.core.case.recipients import recipients
from organizer.core.file_names import safe_file_name
from organizer.core.packet import (
    PacketError,
    PacketNeedsSplit,
    PacketOptions,
    PacketResult,
    build_packet,
)
from organizer.core.packet.content import PacketContent
from organizer.core.packet.saving import sha256_of
from organizer.core.packet.sent_log import record_sent
from organizer.core.records import Person
from organizer.core.session import Session
from organizer.core.vault import Vault
from organizer.core.vault.atomic import atomic_output, fsync_folder

Progress = Callable[[int, int, str], None]


@dataclass(frozen=True)
class PacketRequest:
    """What the person chose in the wizard."""

    person: Person
    recipient: str = ""
    left_out: frozenset[str] = frozenset()  # document ids unchecked in the contents step
    password: str | None = None
    max_bytes: int | None = None
    two_sided: bool = False  # a blank page where needed, so each record starts on a new sheet


@dataclass(frozen=True)
class BuiltPacket:
    """The packet as one PDF in memory. `split` when the size limit needs parts: they are made
    straight into the place the person saves to."""

    request: PacketRequest
    data: bytes
    result: PacketResult
    split: bool = False


def choices(vault: Vault, person: Person) -> tuple[list[str], list[CaseDocument]]:
    """The person's recipients (names) and the documents that can go in, in checklist order."""
    return [r.name for r in recipients(vault, person)], chosen_documents(vault, person)


def _content(vault: Vault, request: PacketRequest) -> PacketContent:
    exclude = sorted(request.left_out) or None
    return packet_content(vault, request.person, recipient=request.recipient, exclude=exclude)


def build_in_memory(session: Session, request: PacketRequest, progress: Progress,
                    cancel: threading.Event) -> BuiltPacket:
    """Build into memory (never a temporary file); too big for the limit: build whole, mark split."""
    def once(vault: Vault, max_bytes: int | None) -> tuple[bytes, PacketResult]:
        out = io.BytesIO()
        result = build_packet(_content(vault, request),
                              out, PacketOptions(request.password, max_bytes, progress, cancel,
                                                   two_sided=request.two_sided))
        return out.getvalue(), result

    try:
        data, result = session.call(once, request.max_bytes)
        return BuiltPacket(request, data, result)
    except PacketNeedsSplit:
        pass  # previewed whole; the parts are written straight to where they are delivered
    data, result = session.call(once, None)
    return BuiltPacket(request, data, result, split=True)


def file_name(person: Person, made_on: date | None = None) -> str:
    """`Records for Robin Sample 2024-03-05.pdf`, without characters file systems refuse."""
    name = " ".join(person.name.split()) or "records"
    return safe_file_name(f"Records for {name} {(made_on or date.today()).isoformat()}.pdf")


def write_packet(session: Session, built: BuiltPacket, folder: Path) -> PacketResult:
    """Write the packet file(s) into `folder`, each whole or not at all; the result names them."""
    target = folder / file_name(built.request.person)
    if built.split:
        request = built.request
        options = PacketOptions(request.password, request.max_bytes, two_sided=request.two_sided)
        return session.call(lambda vault: build_packet(_content(vault, request), target, options))
    with atomic_output(target) as sink:
        sink.write(built.data)
    part = replace(built.result.parts[0], path=target)
    return replace(built.result, parts=(part,))


def copy_to_drive(session: Session, built: BuiltPacket, drive: Path) -> PacketResult:
    """Write to the drive, read every file back and compare its SHA-256, then flush the drive."""
    result = write_packet(session, built, drive)
    for part in result.parts:
        assert part.path is not None
        with part.path.open("rb") as copy:
            if sha256_of(copy) != part.sha256:
                raise PacketError(f"The copy of {part.path.name} on the drive does not match the "
                                  "packet. The drive may be faulty; please try another one.")
    fsync_folder(drive)
    if hasattr(os, "sync"):
        os.sync()  # flush every write the system still holds for the drive
    return result


def log_sent(session: Session, built: BuiltPacket, result: PacketResult, how: str,
             note: str = "") -> None:
    """Add the delivery to the sent log: what (files, contents), to whom, how; `when` is now."""
    request = built.request
    session.call(record_sent, result, to=request.recipient, how=how, person_id=request.person.id,
                 note=note)
