"""Portal downloads in the window: the file dialog offers them, medicines are reviewed, lists shown."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from records_steps import (
    TIMEOUT,
    close_summary,
    drop_files,
    import_and_confirm,
    table_texts,
    wait_for_summary,
    wait_idle,
)

from organizer.core.case.medications import Medication, add_medication, medications
from organizer.core.intake.importer import ImportOptions
from organizer.core.records import Person
from organizer.core.session import Session
from organizer.ui.case.clinical_lists_page import ClinicalListsPage
from organizer.ui.records import RecordsPage
from organizer.ui.records.drop_zone import choose_record_files
from organizer.ui.records.portal_medicines import PortalMedicinesDialog
from organizer.ui.records.table_model import PAGES, TYPE
from tests.portal_samples import as_json, cda, fhir_bundle, xdm_zip

pytest_plugins = ["records_fixtures", "case_fixtures"]


def _medicines_dialog(qtbot, page: RecordsPage) -> PortalMedicinesDialog:
    def shown() -> PortalMedicinesDialog | None:
        found = page.findChild(PortalMedicinesDialog, "portalMedicinesDialog")
        return found if found is not None and found.isVisible() else None

    qtbot.waitUntil(lambda: shown() is not None, timeout=TIMEOUT)
    dialog = shown()
    assert dialog is not None
    return dialog


def _rows(dialog: PortalMedicinesDialog) -> list[tuple[str, bool, str]]:
    table = dialog.table
    return [(table.item(r, 0).text(), table.item(r, 0).checkState() == Qt.CheckState.Checked,
             table.item(r, 7).text()) for r in range(table.rowCount())]


def test_the_add_dialog_offers_portal_downloads(
        records_page: RecordsPage, monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[str] = []

    def fake(parent: object, title: str, folder: str, filters: str) -> tuple[list[str], str]:
        asked.append(filters)
        return ["/tmp/summary.ccda"], ""

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", fake)
    assert choose_record_files(records_page) == [Path("/tmp/summary.ccda")]
    first = asked[0].split(";;")[0]
    for pattern in ("*.pdf", "*.xml", "*.ccd", "*.ccda", "*.cda", "*.json", "*.ndjson", "*.zip"):
        assert pattern in first


def test_after_importing_a_portal_record_its_medicines_are_reviewed_and_the_ticked_ones_added(
        qtbot, records_page: RecordsPage, records_session: Session, jane: Person,
        tmp_path: Path) -> None:
    records_session.call(add_medication, jane, Medication("Tamoxifen", "20 mg"))
    path = tmp_path / "visit.xml"
    path.write_bytes(cda(given="Jane", family="Doe",
                         medicines=(("Tamoxifen", "20"), ("Letrozole", "2.5"), ("Ondansetron", "8"))))
    drop_files(records_page, [path])
    close_summary(qtbot, wait_for_summary(qtbot, records_page))
    dialog = _medicines_dialog(qtbot, records_page)
    assert _rows(dialog) == [
        ("Tamoxifen (already on your list)", False, "Surgical Pathology Report"),
        ("Letrozole", True, "Surgical Pathology Report"),
        ("Ondansetron", True, "Surgical Pathology Report")]
    dialog.table.item(2, 0).setCheckState(Qt.CheckState.Unchecked)
    dialog.add_button.click()
    wait_idle(qtbot, records_page)
    listed = records_session.call(medications, jane)
    assert [m.drug for m in listed] == ["Tamoxifen", "Letrozole"]
    assert listed[1].notes == "from: Surgical Pathology Report" and listed[1].dose == "2.5 mg"


def test_not_now_adds_nothing(
        qtbot, records_page: RecordsPage, records_session: Session, jane: Person,
        tmp_path: Path) -> None:
    path = tmp_path / "visit.ccd"
    path.write_bytes(cda(given="Jane", family="Doe", medicines=(("Letrozole", "2.5"),)))
    drop_files(records_page, [path])
    close_summary(qtbot, wait_for_summary(qtbot, records_page))
    _medicines_dialog(qtbot, records_page).later_button.click()
    wait_idle(qtbot, records_page)
    assert records_session.call(medications, jane) == []


def test_the_allergies_and_history_page_lists_what_portal_records_code_with_their_source(
        qtbot, session: Session, person: Person,
        show_page: Callable[[ClinicalListsPage], ClinicalListsPage], tmp_path: Path) -> None:
    page = show_page(ClinicalListsPage(session))
    assert page.empty_note.isVisible() and page.allergies.rowCount() == 0
    path = tmp_path / "bundle.json"
    path.write_bytes(as_json(fhir_bundle(with_pdf=False)))
    session.import_files([path], ImportOptions(person))
    with qtbot.waitSignal(page.loaded, timeout=TIMEOUT):
        page.refresh()
    assert not page.empty_note.isVisible()
    row = [page.allergies.item(0, c).text() for c in range(4)]
    assert row == ["Penicillin", "Hives", "", "Comprehensive pathology report panel"]
    assert page.procedures.item(0, 0).text() == "Lumpectomy, left breast"
    assert page.problems.item(0, 2).text() == "2024-03-12"
    assert page.title == "Allergies and history"


def test_dropping_an_xdm_zip_adds_each_document_as_its_own_row(
        qtbot, records_page: RecordsPage, tmp_path: Path) -> None:
    path = tmp_path / "download.zip"
    path.write_bytes(xdm_zip([cda(given="Jane", family="Doe"),
                              cda(given="Jane", family="Doe", code="18842-5", title="Discharge Summary")]))
    lines = import_and_confirm(qtbot, records_page, [path])
    assert lines[0].startswith("Imported — download.zip") and "2 records" in lines[0]
    assert sorted(table_texts(records_page, TYPE)) == ["Discharge summary", "Pathology report"]


def test_choosing_a_new_portal_record_previews_its_readable_pdf_written_then_and_kept(
        qtbot, records_page: RecordsPage, records_session: Session, tmp_path: Path) -> None:
    from PySide6.QtPdf import QPdfDocument

    from organizer.core import catalog

    path = tmp_path / "visit.xml"
    path.write_bytes(cda(given="Jane", family="Doe"))
    import_and_confirm(qtbot, records_page, [path])
    wait_idle(qtbot, records_page)
    (before,) = records_session.documents()
    assert not before.readable_file  # the import writes no PDF
    assert table_texts(records_page, PAGES) == ["?"]  # not counted yet, not a wrong number
    table = records_page.records.table
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Home)
    qtbot.waitUntil(lambda: records_page.preview.document.status() == QPdfDocument.Status.Ready,
                    timeout=TIMEOUT)
    after = records_session.call(catalog.get_document, before.id)
    assert after.readable_file and records_page.preview.document.pageCount() == after.pages
    qtbot.waitUntil(lambda: table_texts(records_page, PAGES) == [str(after.pages)], timeout=TIMEOUT)
