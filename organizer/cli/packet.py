"""Command-line handler for the packet: build the one PDF for the second-opinion doctor."""

from __future__ import annotations

import argparse
from pathlib import Path

from organizer.cli.output import unlock
from organizer.cli.parser import AddCommand
from organizer.cli.passphrase import read_secret_file
from organizer.core import catalog
from organizer.core.errors import InvalidInput
from organizer.core.packet import PacketResult


def cmd_packet(args: argparse.Namespace) -> int:
    from organizer.core.packet import packet_job

    out = Path(args.output)
    if out.is_dir():
        raise InvalidInput(f"{out} is a folder. Please give a file name ending in .pdf.")
    password = read_secret_file(args.password_file, "packet password") if args.password_file else None
    max_bytes = None if args.max_mb is None else int(args.max_mb * 1_000_000)
    with unlock(args) as vault:
        request = packet_job.PacketRequest(
            catalog.find_person(vault, args.person), args.recipient or "", password=password,
            max_bytes=max_bytes, two_sided=bool(getattr(args, "two_sided", False)),
            sender=args.sender or "", include=tuple(args.include or ()), exclude=tuple(args.exclude or ()))
        built = packet_job.build_in_memory(packet_job.read_content(vault, request), request)
        result = packet_job.write_packet(built, out)
        packet_job.log_sent(vault, built, result, "saved")  # the same sent log the window keeps
    for line in summary_lines(result):
        print(line)
    if password is not None:
        print("The packet is protected with your password. Give the password to the doctor's "
              "office another way (by phone, not in the same email as the packet).")
    return 0


def summary_lines(result: PacketResult) -> list[str]:
    """One line per file written, the records left out, warnings, then a summary."""
    lines = []
    many = len(result.parts) > 1
    for part in result.parts:
        label = f"Part {part.number} of {len(result.parts)}: " if many else ""
        lines.append(f"{label}{part.path} — {part.pages} pages, {part.size / 1e6:.2f} MB, "
                     f"SHA-256 {part.sha256}")
    for item in result.left_out:
        lines.append(f"Left out: {item.title or item.document_id} — {item.reason}")
    lines.extend(f"Note: {warning}" for warning in result.warnings)
    records = len({line.document_id for line in result.contents})
    files = f"{len(result.parts)} files" if many else "1 file"
    lines.append(f"Done: {records} records, {result.pages} pages in {files}.")
    return lines


def _megabytes(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of megabytes") from None
    if value < 0.1:
        raise argparse.ArgumentTypeError("the size limit must be at least 0.1 MB")
    return value


def register(command: AddCommand) -> None:
    p = command("packet", cmd_packet, "build the packet (one PDF) for a second-opinion doctor",
                person=True)
    p.add_argument("-o", "--output", required=True, metavar="OUT.pdf")
    p.add_argument("--password-file", type=Path, metavar="F",
                   help="protect the packet with the password on the first line of F "
                        "(plain ASCII, 10 to 32 characters; tell it to the doctor by phone)")
    p.add_argument("--max-mb", type=_megabytes, metavar="N",
                   help="fit an email size limit of N MB (e.g. 20 or 25): compress, else split into parts")
    p.add_argument("--include", nargs="+", metavar="TYPE_OR_ID", help="only these record types or documents")
    p.add_argument("--exclude", nargs="+", metavar="TYPE_OR_ID", help="leave out these types or documents")
    p.add_argument("--for", dest="recipient", metavar="WHO", help="who the packet is for")
    p.add_argument("--from", dest="sender", metavar="WHO", help="who it is from")
    p.add_argument("--two-sided", action="store_true",
                   help="for printing on both sides of the paper: a blank page where needed, "
                        "so each record starts on a new sheet")
