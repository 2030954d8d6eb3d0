"""Turning a record's pages: kept as a change in the vault, the stored bytes untouched, used by the packet."""

from __future__ import annotations

import dataclasses
import io
from pathlib import Path

import pikepdf

from organizer.core import catalog
from organizer.core.case.packet_facts import packet_records
from organizer.core.document_edits import change_rotation
from organizer.core.intake.importer import ImportOptions, import_files
from organizer.core.packet import PacketOptions, build_packet
from organizer.core.page_rotation import turned_pdf
from organizer.core.vault import Vault
from tests.core.test_packet_support import content, record
from tests.samples import PATHOLOGY_LINES, encrypted, text_pdf


def rotations(data: bytes) -> list[int]:
    with pikepdf.open(io.BytesIO(data)) as pdf:
        return [int(page.obj.get("/Rotate", 0)) % 360 for page in pdf.pages]


def test_turning_a_record_is_a_journal_change_and_the_stored_file_stays_the_same(
        vault: Vault, tmp_path: Path) -> None:
    source = tmp_path / "path.pdf"
    source.write_bytes(text_pdf([PATHOLOGY_LINES, ["page two"]]))
    person = catalog.add_person(vault, "Jane Q Doe", "1962-03-14")
    import_files(vault, [source], ImportOptions(person))
    document = catalog.documents(vault)[0]
    stored = vault.read_file(document.id)
    assert document.rotation == 0
    for turns, rotation in ((1, 90), (-2, 270), (1, 0), (1, 90)):
        change_rotation(vault, document.id, turns)
        assert catalog.get_document(vault, document.id).rotation == rotation
    assert vault.read_file(document.id) == stored  # the original bytes are never rewritten
    folder = vault.folder
    vault.close()
    reopened = Vault.unlock(folder, "correct horse battery staple")
    try:
        assert catalog.get_document(reopened, document.id).rotation == 90
        [packet_record] = packet_records(reopened, person)
        assert packet_record.rotation == 90
    finally:
        reopened.close()


def test_the_packet_prints_a_turned_record_turned(tmp_path: Path) -> None:
    plain = record("plain")
    turned = dataclasses.replace(record("turned", date="2024-02-01"), rotation=90)
    out = tmp_path / "packet.pdf"
    result = build_packet(content(plain, turned), out, PacketOptions())
    first = {line.document_id: line.first_page for line in result.contents}
    pages = rotations(out.read_bytes())
    assert pages[first["plain"] - 1:first["plain"] + 1] == [0, 0]
    assert pages[first["turned"] - 1:first["turned"] + 1] == [90, 90]


def test_a_turned_copy_for_the_preview_adds_to_the_pages_own_turn_and_opens_without_a_password() -> None:
    data = text_pdf([PATHOLOGY_LINES, ["page two"]])
    with pikepdf.open(io.BytesIO(data)) as pdf:
        pdf.pages[1].rotate(90, relative=False)
        out = io.BytesIO()
        pdf.save(out)
    assert rotations(turned_pdf(out.getvalue(), 180)) == [180, 270]
    assert turned_pdf(data, 0) is data
    locked = encrypted(data, "rose", "owner")
    assert rotations(turned_pdf(locked, 270, "rose")) == [270, 270]
