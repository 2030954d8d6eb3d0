"""A scanned record whose readable copy carries the text layer stays searchable in the packet."""

from __future__ import annotations

import io

import pytest

from organizer.core.case.packet_facts import packet_content
from organizer.core.case.people import add_person
from organizer.core.catalog import DOCUMENT
from organizer.core.intake.text_layer import add_text_layer
from organizer.core.packet import PacketOptions, build_packet
from organizer.core.vault import Change, Vault
from tests.core.test_text_layer import report_page
from tests.core.test_text_layer_support import (
    mixed_lines,
    pdfium_pages,
    poppler_pages,
    recall,
    scan_pdf,
    turned,
)


def packet_of_a_scan(vault: Vault, view_turn: int) -> bytes:
    """Import-like storage of a scan (original untouched, readable copy with the layer, the view
    turn as the record's rotation), then the person's packet, built in memory."""
    source = report_page()
    scan = scan_pdf([source.image], stored_turn=view_turn)
    person = add_person(vault, "Jane Doe", "1962-03-14")
    original = vault.store_file(io.BytesIO(scan))
    readable = vault.store_file(io.BytesIO(add_text_layer(scan, [turned(source.ocr, view_turn)])))
    vault.record([Vault.file_change(original), Vault.file_change(readable), Change(DOCUMENT, original.id, {
        "filename": "scan.pdf", "file": original.id, "readable_file": readable.id, "person": person.id,
        "type": "pathology", "record_date": "2024-01-09", "added": "2024-05-01T00:00:00", "pages": 1,
        "scanned": True, "rotation": view_turn})])
    out = io.BytesIO()
    build_packet(packet_content(vault, person, made_on="2024-05-02"), out, PacketOptions())
    return out.getvalue()


@pytest.mark.parametrize("view_turn", [0, 90])
def test_pdftotext_finds_the_scanned_records_words_in_the_packet(vault: Vault, view_turn: int) -> None:
    source = report_page()
    packet = packet_of_a_scan(vault, view_turn)
    for extract in (poppler_pages, pdfium_pages):
        pages = extract(packet)
        record = next(text for text in pages if "Paciente" in text)  # the scanned record's page
        assert recall(source.text, record) >= 0.95
        assert "Paciente: José Núñez Peña" in record
        assert [line for line in mixed_lines(source.ocr, record) if "Jane Doe" not in line] == []
