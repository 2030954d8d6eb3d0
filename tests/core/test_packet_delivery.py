"""Getting the packet to the doctor: save, USB copy with verification, mail client, sent log, CLI."""

from __future__ import annotations

import hashlib
import subprocess
from pathlib import Path

import pytest

from organizer.cli import packet as commands_packet
from organizer.cli import vault as commands_vault
from organizer.cli.parser import build_parser
from organizer.core import catalog
from organizer.core.errors import InvalidInput, UserFacingError
from organizer.core.packet import PacketOptions, build_packet, delivery, packet_job
from organizer.core.packet.sent_log import record_sent, sent_log
from organizer.core.records import Person
from organizer.core.vault import Vault
from tests.conftest import PASSPHRASE
from tests.core.test_packet_support import content, record


@pytest.fixture
def packet(tmp_path: Path) -> Path:
    out = tmp_path / "made" / "packet.pdf"
    out.parent.mkdir()
    build_packet(content(record("a")), out, PacketOptions())
    return out


def _built() -> packet_job.BuiltPacket:
    made = content(record("a"))
    return packet_job.build_in_memory(made, packet_job.PacketRequest(Person("p1", made.person_name)))


def test_saving_to_a_folder_writes_the_built_bytes_whole(tmp_path: Path) -> None:
    built = _built()
    result = packet_job.save_in_folder(built, tmp_path)
    [part] = result.parts
    assert part.path is not None and part.path.read_bytes() == built.files[0]
    assert part.path.name.startswith("Records for ") and part.sha256 == built.result.parts[0].sha256


def test_copying_to_a_drive_verifies_the_copy_and_flushes_the_drive(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    drive = tmp_path / "media" / "USB STICK"
    drive.mkdir(parents=True)
    flushed: list[Path] = []
    monkeypatch.setattr(packet_job, "sync_drive", flushed.append)
    built = _built()
    [part] = packet_job.copy_to_drive(built, drive).parts
    assert part.path is not None and part.path.parent == drive
    assert part.path.read_bytes() == built.files[0] and flushed == [drive]


def test_a_copy_that_reads_back_different_is_reported(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    drive = tmp_path / "stick"
    drive.mkdir()
    monkeypatch.setattr(delivery, "sha256_of", lambda _: "flipped")
    with pytest.raises(UserFacingError, match="does not match"):
        packet_job.copy_to_drive(_built(), drive)


def test_the_mail_client_gets_the_file_attached_with_xdg_email(packet: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    calls = []
    monkeypatch.setattr(delivery.sys, "platform", "linux")
    monkeypatch.setattr(delivery.shutil, "which", lambda name: f"/usr/bin/{name}")
    monkeypatch.setattr(delivery.subprocess, "run", lambda cmd, **kw: calls.append(cmd))
    done = delivery.hand_to_mail([packet])
    assert calls[0][0] == "xdg-email" and ["--attach", str(packet)] == calls[0][-2:]
    assert done.how == "mail"


def test_without_a_mail_client_the_folder_is_shown_and_the_message_says_so(
        packet: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    opened = []
    monkeypatch.setattr(delivery.sys, "platform", "linux")
    monkeypatch.setattr(delivery.shutil, "which", lambda name: "/usr/bin/xdg-email")

    def failing_run(cmd: list[str], **kw: object) -> None:
        raise subprocess.CalledProcessError(3, cmd)

    monkeypatch.setattr(delivery.subprocess, "run", failing_run)
    monkeypatch.setattr(delivery.subprocess, "Popen", lambda cmd, **kw: opened.append(cmd))
    done = delivery.hand_to_mail([packet])
    assert done.how == "folder shown" and opened == [["xdg-open", str(packet.parent)]]
    assert "could not be opened" in done.message and "Attach the file" in done.message


def test_removable_drives_are_found_from_lsblk(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    stick = tmp_path / "media" / "STICK"
    stick.mkdir(parents=True)
    devices = [{"name": "sdb", "rm": True, "children": [{"name": "sdb1", "rm": True, "label": "STICK",
                                                           "mountpoint": "/media/u/STICK"}]},
               {"name": "sda", "rm": False, "mountpoint": "/media/u/internal"}]
    found = delivery._mounted(devices, removable=False)
    assert found == [(Path("/media/u/STICK"), "STICK")]


def test_the_sent_log_keeps_what_went_to_whom_how_and_when(vault: Vault, tmp_path: Path) -> None:
    result = build_packet(content(record("a"), record("b")), tmp_path / "p.pdf", PacketOptions())
    record_sent(vault, result, to="Dr. Łukasz Nowak", how="email", when="2024-03-10T09:00:00+00:00")
    [entry] = sent_log(vault)
    assert (entry.to, entry.how, entry.when) == ("Dr. Łukasz Nowak", "email", "2024-03-10T09:00:00+00:00")
    assert entry.files[0]["sha256"] == result.parts[0].sha256
    assert [c["document_id"] for c in entry.contents] == ["a", "b"]
    vault.refresh()
    assert sent_log(vault)[0].files == entry.files


def run_cli(args: list[str]) -> int:
    parser = build_parser([commands_vault.register, commands_packet.register])
    parsed = parser.parse_args(args)
    return int(parsed.handler(parsed))


def test_the_packet_command_writes_the_packet_and_prints_a_line_per_file(
        vault: Vault, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    catalog.add_person(vault, "Zoë Nguyễn", "1961-04-23")
    folder = vault.folder
    vault.close()
    secret = tmp_path / "pass.txt"
    secret.write_text(PASSPHRASE + "\n", encoding="utf-8")
    out = tmp_path / "packet.pdf"
    assert run_cli(["packet", str(folder), "-o", str(out), "--passphrase-file", str(secret),
                    "--for", "Dr. Nowak"]) == 0
    printed = capsys.readouterr().out.splitlines()
    assert printed[0].startswith(f"{out} — ") and printed[-1].startswith("Done:")
    with Vault.unlock(folder, PASSPHRASE) as reopened:  # the CLI keeps the sent log, as the window does
        [entry] = sent_log(reopened)
    assert (entry.to, entry.how, entry.files[0]["name"]) == ("Dr. Nowak", "saved", "packet.pdf")
    assert entry.files[0]["sha256"] == hashlib.sha256(out.read_bytes()).hexdigest()


def test_the_packet_command_refuses_a_password_some_readers_cannot_open(vault: Vault, tmp_path: Path) -> None:
    secret = tmp_path / "packet-password.txt"
    secret.write_text("ä" * 5 + "\n", encoding="utf-8")
    with pytest.raises(InvalidInput):
        run_cli(["packet", str(vault.folder), "-o", str(tmp_path / "p.pdf"), "--password-file", str(secret)])


def test_on_windows_simple_mapi_gets_every_file_attached(packet: Path, tmp_path: Path) -> None:
    from organizer.core.packet import mapi

    second = tmp_path / "part2.pdf"
    second.write_bytes(b"%PDF-1.7\n")
    seen: dict[str, object] = {}

    def fake_send(session: int, window: int, message: object, flags: int, reserved: int) -> int:
        sent = message._obj  # type: ignore[attr-defined]
        seen["subject"] = sent.lpszSubject
        seen["files"] = [sent.lpFiles[i].lpszPathName for i in range(sent.nFileCount)]
        seen["flags"] = flags
        return mapi.SUCCESS_SUCCESS

    assert mapi.send_with_mapi([packet, second], "Records", send=fake_send)
    assert seen == {"subject": "Records", "files": [str(packet), str(second)],
                    "flags": mapi.MAPI_DIALOG | mapi.MAPI_LOGON_UI}
    assert not mapi.send_with_mapi([packet], "Records", send=lambda *a: 2)  # MAPI_E_FAILURE
