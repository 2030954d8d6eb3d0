"""Imaging on the checklist (received, studies listed, gaps) and the packet's "Imaging studies" page."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
from pydicom import dcmread

from organizer.core import catalog
from organizer.core.case.checklist import build_checklist
from organizer.core.case.checklist_items import CheckItem, ItemState
from organizer.core.case.packet_facts import packet_content
from organizer.core.imaging.export import export_file_set
from organizer.core.imaging.importer import ImagingImportOptions, import_disc
from organizer.core.imaging.packet_rows import imaging_rows
from organizer.core.packet.front import front_matter
from organizer.core.packet.part_plan import PartPlan
from organizer.core.vault import Change, Vault
from tests.core.imaging_discs import SAMPLES, dicomdir_disc


def _imaging_report(vault: Vault, person: catalog.Person, day: str, title: str) -> None:
    vault.record([Change(catalog.DOCUMENT, f"report-{day}", {
        "person": person.id, "type": "imaging", "record_date": day, "title": title,
        "filename": f"{title}.pdf", "added": "2024-01-01T00:00:00+00:00"})])


def test_studies_make_the_imaging_item_received_and_are_listed(
    vault: Vault, tmp_path: Path
) -> None:
    peter = catalog.add_person(vault, "Peter Doe")
    item = build_checklist(vault, peter).get(CheckItem.IMAGING_DISCS)
    assert item.state is ItemState.MISSING
    import_disc(vault, dicomdir_disc(tmp_path / "disc"), ImagingImportOptions(peter))
    item = build_checklist(vault, peter).get(CheckItem.IMAGING_DISCS)
    assert item.state is ItemState.RECEIVED
    assert item.note.startswith("6 imaging studies in the vault: ")
    assert "2003-05-05 MR Brain-MRA (11 images)" in item.note


def test_a_report_without_its_images_is_flagged(vault: Vault, tmp_path: Path) -> None:
    peter = catalog.add_person(vault, "Peter Doe")
    import_disc(vault, dicomdir_disc(tmp_path / "disc"), ImagingImportOptions(peter))
    _imaging_report(vault, peter, "2003-05-07", "MRI brain report")  # written 2 days after the scan
    _imaging_report(vault, peter, "2023-11-02", "CT chest report")  # its images are not
    flags = build_checklist(vault, peter).get(CheckItem.IMAGING_DISCS).flags
    assert len(flags) == 1
    assert "scan from 2023-11-02 (CT chest report) is here, but not its images" in flags[0]


def test_a_report_alone_is_flagged_while_the_item_is_still_missing(vault: Vault) -> None:
    jane = catalog.add_person(vault, "Jane Doe")
    _imaging_report(vault, jane, "2023-11-02", "PET report")
    item = build_checklist(vault, jane).get(CheckItem.IMAGING_DISCS)
    assert item.state is ItemState.MISSING and "not its images" in item.flags[0]


def test_a_mammogram_without_an_earlier_one_is_flagged(vault: Vault, tmp_path: Path) -> None:
    jane = catalog.add_person(vault, "Jane Doe")
    disc = tmp_path / "disc"
    disc.mkdir()
    ds = dcmread(SAMPLES / "CT_small.dcm")
    ds.Modality, ds.StudyDate = "MG", "20240301"
    ds.save_as(disc / "mg.dcm")
    import_disc(vault, disc, ImagingImportOptions(jane))
    flags = build_checklist(vault, jane).get(CheckItem.IMAGING_DISCS).flags
    assert any("one mammogram from 2024-03-01 and no earlier one" in f for f in flags)


def _pdf_text(data: bytes) -> str:
    document = pdfium.PdfDocument(data)
    return "\n".join(page.get_textpage().get_text_range() for page in document)


def test_the_packet_lists_each_study_and_whether_it_comes_on_a_drive(
    vault: Vault, tmp_path: Path
) -> None:
    peter = catalog.add_person(vault, "Peter Doe")
    import_disc(vault, dicomdir_disc(tmp_path / "disc"), ImagingImportOptions(peter))
    rows = imaging_rows(vault, peter)
    assert len(rows) == 6 and {r.on_drive for r in rows} == {"Not copied to a drive yet"}
    brain = next(r for r in rows if r.description == "Brain")
    export_file_set(vault, tmp_path / "usb", peter, study_uids=None)
    content = packet_content(vault, peter)
    assert all(r.on_drive.startswith("Copied to a drive on ") for r in content.imaging)
    part = PartPlan(1, 1, ())
    front = front_matter(content, part, (part,), ())
    assert ("Imaging studies", front.pages - 1) in front.bookmarks
    text = _pdf_text(front.data)
    assert "Imaging studies" in text and "Brain-MRA" in text and "Copied to a drive on" in text
    assert (brain.date, brain.modality, brain.images) == ("2003-05-05", "MR", 4)


def test_no_imaging_means_no_imaging_page(vault: Vault) -> None:
    jane = catalog.add_person(vault, "Jane Doe")
    content = packet_content(vault, jane)
    part = PartPlan(1, 1, ())
    assert content.imaging == ()
    assert "Imaging studies" not in [t for t, _ in front_matter(content, part, (part,), ()).bookmarks]
