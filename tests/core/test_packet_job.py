"""The packet workflow: read under the vault, build once outside it, save exactly what was previewed."""

from __future__ import annotations

import io
import threading
from pathlib import Path

import pytest

from organizer.core import catalog
from organizer.core.packet import build as packet_build
from organizer.core.packet import packet_job
from organizer.core.packet.sent_log import sent_log
from organizer.core.records import Person
from organizer.core.session import Session
from organizer.core.vault import Change, KdfParams, Vault
from tests.conftest import PASSPHRASE
from tests.core.test_packet_fit import noisy, noisy_records
from tests.core.test_packet_support import content


def test_an_over_limit_packet_is_rendered_whole_once_and_saved_byte_for_byte(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    whole_renders: list[int] = []
    assemble = packet_build.assemble

    def counted(made: object, part: packet_build.PartPlan, *args: object) -> object:
        if part.total == 1:
            whole_renders.append(part.number)
        return assemble(made, part, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(packet_build, "assemble", counted)
    request = packet_job.PacketRequest(Person("p1", "Zoë Nguyễn"), max_bytes=250_000)
    built = packet_job.build_in_memory(content(*noisy_records(6, 2)), request)
    assert built.split and len(built.files) == len(built.result.parts) >= 2
    assert whole_renders == [1]  # once before the split; never again to save it
    saved = packet_job.save_in_folder(built, tmp_path)
    assert [p.path.read_bytes() for p in saved.parts if p.path] == list(built.files)
    assert [p.sha256 for p in saved.parts] == [p.sha256 for p in built.result.parts]
    assert [p.path.name for p in saved.parts if p.path][1].endswith(f"-part2-of-{len(built.files)}.pdf")
    assert len(whole_renders) == 1


def test_a_packet_within_the_limit_is_one_file_saved_as_built(tmp_path: Path) -> None:
    request = packet_job.PacketRequest(Person("p1", "Zoë Nguyễn"), max_bytes=1_000_000)
    built = packet_job.build_in_memory(content(*noisy_records(2, 1)), request)
    assert not built.split
    [part] = packet_job.write_packet(built, tmp_path / "packet.pdf").parts
    assert part.path == tmp_path / "packet.pdf" and part.path.read_bytes() == built.files[0]


def test_the_build_runs_outside_the_vault_lock(tmp_path: Path, fast_kdf: KdfParams) -> None:
    """Only reading the records holds the session: another call gets through mid-build."""
    session = Session(fast_kdf)
    session.create_vault(tmp_path / "v", PASSPHRASE, "Ana Ruiz", "1970-01-02")
    [person] = session.people()

    def add(vault: Vault) -> None:
        stored = vault.store_file(io.BytesIO(noisy("r1", 2)))
        vault.record([Vault.file_change(stored), Change(catalog.DOCUMENT, stored.id, {
            "person": person.id, "file": stored.id, "type": "lab", "pages": 2, "filename": "r.pdf"})])

    session.call(add)
    others: list[bool] = []

    def progress(done: int, total: int, what: str) -> None:
        if others:
            return
        other = threading.Thread(target=lambda: others.append(bool(session.call(catalog.people))))
        other.start()
        other.join(60)  # a deadlock guard, not a timing: a held lock would never let it through
        others.append(not other.is_alive())

    built = packet_job.make_packet(session, packet_job.PacketRequest(person), progress)
    session.close()
    assert others == [True, True] and built.result.pages > 0


def test_the_window_and_the_command_line_log_a_delivery_the_same_way(vault: Vault, tmp_path: Path) -> None:
    person = catalog.add_person(vault, "Zoë Nguyễn", "1961-04-23")
    request = packet_job.PacketRequest(person, "Dr. Nowak")
    built = packet_job.build_in_memory(packet_job.read_content(vault, request), request)
    result = packet_job.save_in_folder(built, tmp_path)
    packet_job.log_sent(vault, built, result, "saved")
    [entry] = sent_log(vault)
    assert (entry.to, entry.how, entry.person_id) == ("Dr. Nowak", "saved", person.id)
    assert entry.files[0]["sha256"] == built.result.parts[0].sha256
