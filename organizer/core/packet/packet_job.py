"""The packet from the person's choices to the saved file, the same for the window and the CLI.

Record bytes are read under the vault (`read_content`); the packet is built outside it, in
memory, once (`build_in_memory`, split into parts when a size limit asks); saving writes exactly
those bytes (`write_packet`), so the saved file is the one previewed.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from organizer.core.case.packet_facts import chosen_documents, packet_content
from organizer.core.case.recipients import recipients
from organizer.core.document_record import DocumentRecord
from organizer.core.file_names import safe_file_name
from organizer.core.packet.content import PacketContent
from organizer.core.packet.delivery import check_copies, sync_drive
from organizer.core.packet.options import PacketOptions, PacketResult, Progress
from organizer.core.packet.part_output import Output
from organizer.core.packet.sent_log import SentPacket, record_sent
from organizer.core.records import Person
from organizer.core.session import Session
from organizer.core.vault import Vault


@dataclass(frozen=True)
class PacketRequest:
    """What the person chose (in the wizard, or on the command line)."""

    person: Person
    recipient: str = ""
    left_out: frozenset[str] = frozenset()  # document ids unchecked in the contents step
    password: str | None = None
    max_bytes: int | None = None
    two_sided: bool = False  # a blank page where needed, so each record starts on a new sheet
    sender: str = ""  # "" for whoever was chosen last time
    include: tuple[str, ...] = ()  # only these record types or document ids (empty: all)
    exclude: tuple[str, ...] = ()  # record types or document ids to leave out


@dataclass(frozen=True)
class BuiltPacket:
    """The packet in memory exactly as it will be saved: one file, or its numbered parts."""

    request: PacketRequest
    result: PacketResult
    files: tuple[bytes, ...]

    @property
    def split(self) -> bool:
        return len(self.files) > 1


def choices(vault: Vault, person: Person) -> tuple[list[str], list[DocumentRecord]]:
    """The person's recipients (names) and the documents that can go in, in checklist order."""
    return [r.name for r in recipients(vault, person)], chosen_documents(vault, person)


def read_content(vault: Vault, request: PacketRequest) -> PacketContent:
    """The case facts and every chosen record's bytes: the only step that needs the vault."""
    exclude = [*sorted(request.left_out), *request.exclude] or None
    return packet_content(vault, request.person, recipient=request.recipient,
                          sender=request.sender, include=request.include or None, exclude=exclude)


def build_in_memory(content: PacketContent, request: PacketRequest, progress: Progress | None = None,
                    cancel: threading.Event | None = None) -> BuiltPacket:
    """Build into memory (never a temporary file), split into parts if the limit needs it."""
    options = PacketOptions(request.password, request.max_bytes, progress, cancel,
                            two_sided=request.two_sided)
    from organizer.core.packet.build import build_packet_in_memory  # the builder loads on first use

    result, files = build_packet_in_memory(content, options)
    return BuiltPacket(request, result, files)


def make_packet(session: Session, request: PacketRequest, progress: Progress | None = None,
                cancel: threading.Event | None = None) -> BuiltPacket:
    """Read under the session's lock, then build without holding it."""
    return build_in_memory(session.call(read_content, request), request, progress, cancel)


def file_name(person: Person, made_on: date | None = None) -> str:
    """`Records for Robin Sample 2024-03-05.pdf`, without characters file systems refuse."""
    name = " ".join(person.name.split()) or "records"
    return safe_file_name(f"Records for {name} {(made_on or date.today()).isoformat()}.pdf")


def write_packet(built: BuiltPacket, target: Path) -> PacketResult:
    """Write the built bytes to `target` (parts beside it, numbered), each whole or not at all."""
    total = len(built.files)
    with Output(target) as output:
        for part, data in zip(built.result.parts, built.files, strict=True):
            with output.part(part.number, total) as (sink, finish):
                sink.write(data)
                finish(part.pages)
        written = output.commit()
    return PacketResult(written, built.result.contents, built.result.left_out, built.result.warnings)


def save_in_folder(built: BuiltPacket, folder: Path) -> PacketResult:
    """Write the packet into `folder` under its usual name (`file_name`)."""
    return write_packet(built, folder / file_name(built.request.person))


def copy_to_drive(built: BuiltPacket, drive: Path) -> PacketResult:
    """Write to the drive, read every file back and compare its SHA-256, then flush the drive."""
    result = save_in_folder(built, drive)
    check_copies(result.parts)
    sync_drive(drive)
    return result


def log_sent(vault: Vault, built: BuiltPacket, result: PacketResult, how: str,
             note: str = "") -> SentPacket:
    """Add the delivery to the sent log: what (files, contents), to whom, how; `when` is now."""
    request = built.request
    return record_sent(vault, result, to=request.recipient, how=how, person_id=request.person.id,
                       note=note)
