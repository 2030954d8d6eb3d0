"""The window's "Save" and `organizer packet` leave the same sent-log entry for the same packet."""

from __future__ import annotations

import threading
from pathlib import Path

from ui_flows import PASSPHRASE

from organizer.cli import main
from organizer.core import catalog
from organizer.core.packet.sent_log import SentPacket, sent_log
from organizer.core.session import Session
from organizer.core.vault import KdfParams
from organizer.ui.packet.making import PacketRequest, build_in_memory, log_sent, write_packet


def _same_facts(entry: SentPacket) -> tuple[object, ...]:
    """Everything but the entry's id and time, and the file's name (each side chose its own)."""
    files = [{k: v for k, v in f.items() if k != "name"} for f in entry.files]
    return entry.to, entry.how, entry.person_id, entry.note, files, entry.contents


def test_the_command_line_logs_a_saved_packet_as_the_window_does(
        case_vault: Path, tmp_path: Path, fast_kdf: KdfParams) -> None:
    session = Session(fast_kdf)
    session.unlock(case_vault, PASSPHRASE)
    try:
        [person] = session.call(catalog.people)
        request = PacketRequest(person, recipient="Dr. Quinn Example")
        built = build_in_memory(session, request, lambda *_: None, threading.Event())
        (tmp_path / "window").mkdir()
        result = write_packet(session, built, tmp_path / "window")  # the window's "Save"
        log_sent(session, built, result, "saved")
    finally:
        session.close()
    secret = tmp_path / "passphrase.txt"
    secret.write_text(PASSPHRASE, encoding="utf-8")
    out = tmp_path / "cli.pdf"
    assert main(["packet", str(case_vault), "-o", str(out), "--passphrase-file", str(secret),
                 "--for", "Dr. Quinn Example"]) == 0
    session.unlock(case_vault, PASSPHRASE)
    try:
        entries = {e.files[0]["name"]: e for e in session.call(sent_log)}
    finally:
        session.close()
    assert len(entries) == 2
    cli_entry, window_entry = entries.pop("cli.pdf"), entries.popitem()[1]
    assert _same_facts(cli_entry) == _same_facts(window_entry)
