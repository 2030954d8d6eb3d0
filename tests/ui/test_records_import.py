"""Importing on the Records page: drop files, see each file's fate, cancel, passwords, unsure types."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QInputDialog, QLineEdit
from records_steps import (
    OPERATIVE_TITLE,
    PATHOLOGY_TITLE,
    PDF_PASSWORD,
    TIMEOUT,
    close_summary,
    drop_files,
    import_and_confirm,
    table_texts,
    type_passwords,
    wait_for_review,
    wait_for_summary,
    wait_idle,
)

from organizer.core.intake import importer
from organizer.core.intake.importer import ImportOptions, ImportResult
from organizer.core.records import RecordType
from organizer.core.session import Session
from organizer.ui.records import RecordsPage
from organizer.ui.records.table_model import TITLE, TYPE
from tests.samples import PATHOLOGY_LINES, text_pdf

pytest_plugins = ["records_fixtures"]
Files = dict[str, Path]


def test_dropping_files_imports_them_and_the_summary_tells_each_files_fate(
        qtbot, records_page: RecordsPage, record_files: Files, records_session: Session,
        monkeypatch: pytest.MonkeyPatch) -> None:
    page, files = records_page, record_files
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("", False))
    assert page.body.currentWidget() is page.empty
    assert "Drag your PDFs or photos" in page.empty.text.text()
    drop_files(page, [files["pathology"], files["operative"], files["junk"], files["locked"]])
    qtbot.waitUntil(page.import_bar.isVisible, timeout=TIMEOUT)
    summary = wait_for_summary(qtbot, page)
    lines = summary.lines()
    assert lines[0].startswith("Imported — pathology.pdf") and "Pathology report" in lines[0]
    assert lines[1].startswith("Imported — operative.pdf") and "Operative report" in lines[1]
    assert lines[2].startswith("Could not be read — notes.txt")
    assert lines[3].startswith("Needs a password — locked.pdf")
    assert "Imported: 2" in summary.counts.text()
    close_summary(qtbot, summary)
    wait_idle(qtbot, page)
    assert not page.import_bar.isVisible()
    assert page.body.currentWidget() is page.splitter
    assert sorted(table_texts(page, TITLE)) == [OPERATIVE_TITLE, PATHOLOGY_TITLE]
    assert len(records_session.documents()) == 2


def test_dropping_a_folder_imports_the_files_inside_it(
        qtbot, records_page: RecordsPage, record_files: Files) -> None:
    folder = record_files["pathology"].parent / "portal"
    folder.mkdir()
    (folder / "a.pdf").write_bytes(record_files["operative"].read_bytes())
    (folder / "b.pdf").write_bytes(text_pdf([PATHOLOGY_LINES, ["addendum page"]]))
    lines = import_and_confirm(qtbot, records_page, [folder])
    assert [line.split("\n")[0] for line in lines] == ["Imported — a.pdf", "Imported — b.pdf"]
    assert records_page.records.proxy.rowCount() == 2


def test_importing_the_same_file_twice_says_it_is_already_in_the_vault(
        qtbot, records_page: RecordsPage, record_files: Files) -> None:
    import_and_confirm(qtbot, records_page, [record_files["operative"]])
    lines = import_and_confirm(qtbot, records_page, [record_files["operative"]])
    assert lines[0].startswith("Already in the vault — operative.pdf")
    assert records_page.records.proxy.rowCount() == 1


def test_cancel_stops_the_import_and_keeps_what_was_saved(
        qtbot, records_page: RecordsPage, tmp_path: Path, records_session: Session,
        monkeypatch: pytest.MonkeyPatch) -> None:
    page = records_page
    folder = tmp_path / "many"
    folder.mkdir()
    paths = []
    for n in range(60):
        path = folder / f"report-{n:02}.pdf"
        path.write_bytes(text_pdf([[*PATHOLOGY_LINES, f"Specimen number {n}"]]))
        paths.append(path)

    real_import, real_read = records_session.import_files, importer.read_source
    started: list[ImportOptions] = []
    halfway = threading.Event()

    def import_seen(sources: list[Path], options: ImportOptions) -> ImportResult:
        started.append(options)
        return real_import(sources, options)

    def read_held_until_cancel(path: Path, limit: int) -> bytes:
        """Half-way through, the import waits for the person to press Cancel (outside the vault
        lock): on a busy machine all 60 files could otherwise be in before the click."""
        if path.name >= "report-30":
            halfway.set()
            started[0].cancel.wait(TIMEOUT / 1000)
        return real_read(path, limit)

    monkeypatch.setattr(records_session, "import_files", import_seen)
    monkeypatch.setattr(importer, "read_source", read_held_until_cancel)
    page.import_paths(paths)
    qtbot.waitUntil(halfway.is_set, timeout=TIMEOUT)
    assert page.import_bar.cancel_button.isEnabled()
    page.import_bar.cancel_button.click()
    summary = wait_for_summary(qtbot, page)
    stopped = [line for line in summary.lines() if line.startswith("Not imported (stopped)")]
    imported = [line for line in summary.lines() if line.startswith("Imported")]
    assert stopped and len(imported) + len(stopped) == 60
    close_summary(qtbot, summary)
    wait_idle(qtbot, page)
    assert len(records_session.documents()) == len(imported)
    assert page.records.proxy.rowCount() == len(imported)


def test_a_protected_pdf_is_asked_for_once_in_the_summary_and_imported_with_it(
        qtbot, records_page: RecordsPage, record_files: Files,
        monkeypatch: pytest.MonkeyPatch) -> None:
    page = records_page
    popups: list[str] = []
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: popups.append("asked") or ("", False))
    drop_files(page, [record_files["locked"], record_files["operative"]])
    summary = wait_for_summary(qtbot, page)
    assert summary.lines()[0].startswith("Needs a password — locked.pdf")
    fields = list(summary.password_fields.values())
    assert len(fields) == 1 and fields[0].echoMode() == QLineEdit.EchoMode.Password
    assert "locked.pdf" in fields[0].accessibleName()
    qtbot.waitUntil(fields[0].hasFocus, timeout=TIMEOUT)
    qtbot.keyClicks(fields[0], PDF_PASSWORD)
    qtbot.keyClick(fields[0], Qt.Key.Key_Return)  # Enter = import with this password
    qtbot.waitUntil(lambda: sorted(table_texts(page, TYPE)) == ["Operative report"] * 2,
                    timeout=TIMEOUT)
    wait_idle(qtbot, page)
    assert page.flow.summary is None  # no second summary window: a line on the page says it
    assert popups == []
    assert "locked.pdf" in page.message.text()


def test_a_wrong_password_asks_again_in_one_window(
        qtbot, records_page: RecordsPage, record_files: Files) -> None:
    page = records_page
    drop_files(page, [record_files["locked"]])
    first = wait_for_summary(qtbot, page)
    type_passwords(first, "not it")
    close_summary(qtbot, first)
    second = wait_for_summary(qtbot, page)
    assert second is not first and len(second.password_fields) == 1
    type_passwords(second, PDF_PASSWORD)
    close_summary(qtbot, second)
    qtbot.waitUntil(lambda: table_texts(page, TYPE) == ["Operative report"], timeout=TIMEOUT)
    assert page.flow.summary is None


def test_skipping_the_password_leaves_the_protected_file_out(
        qtbot, records_page: RecordsPage, record_files: Files, records_session: Session) -> None:
    import_and_confirm(qtbot, records_page, [record_files["locked"]])
    assert records_page.flow.summary is None and records_session.documents() == []
    assert records_page.body.currentWidget() is records_page.empty


def test_unsure_records_are_reviewed_in_one_panel_beside_their_preview(
        qtbot, records_page: RecordsPage, record_files: Files) -> None:
    page, review = records_page, records_page.review
    import_and_confirm(qtbot, page, [record_files["unsure"], record_files["photo"]])
    wait_for_review(qtbot, page)
    assert review.counter.text() == "Record 1 of 2"
    assert "unsure.pdf" in review.name.text()
    qtbot.waitUntil(lambda: review.preview.document.status() == QPdfDocument.Status.Ready,
                    timeout=TIMEOUT)
    assert review.preview.document.pageCount() == 1  # this record, not the one behind it
    shown = review.evidence.text()
    assert "Discharge summary (about" in shown and "Pathology report (about" in shown
    assert 'heading "DISCHARGE DATE"' in shown
    assert review.chosen_type() is RecordType.DISCHARGE  # the best guess is preselected
    qtbot.keyClick(review.types, Qt.Key.Key_Home)  # keyboard only: Pathology is the first type
    assert review.chosen_type() is RecordType.PATHOLOGY
    qtbot.keyClick(review.types, Qt.Key.Key_Return)  # save and go on to the photo
    qtbot.waitUntil(lambda: review.counter.text() == "Record 2 of 2", timeout=TIMEOUT)
    assert "photo" in review.name.text()
    qtbot.keyClick(review.types, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)  # back
    assert review.counter.text() == "Record 1 of 2"
    assert review.chosen_type() is RecordType.PATHOLOGY  # the answer given is remembered
    qtbot.keyClick(review.types, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)  # next
    review.later_button.click()  # the photo: decide later, and that was the last one
    qtbot.waitUntil(lambda: page.body.currentWidget() is page.splitter, timeout=TIMEOUT)
    qtbot.waitUntil(lambda: sorted(table_texts(page, TYPE))
                    == ["Not sure — please choose", "Pathology report"], timeout=TIMEOUT)
    wait_idle(qtbot, page)


def test_a_type_chosen_in_the_review_is_undone_like_other_edits(
        qtbot, records_page: RecordsPage, record_files: Files) -> None:
    page, review = records_page, records_page.review
    import_and_confirm(qtbot, page, [record_files["unsure"]])
    wait_for_review(qtbot, page)
    qtbot.keyClick(review.types, Qt.Key.Key_End)  # Other record
    qtbot.keyClick(review.types, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table_texts(page, TYPE) == ["Other record"], timeout=TIMEOUT)
    assert page.body.currentWidget() is page.splitter
    assert "the type is now “Other record”" in page.message.text()
    qtbot.waitUntil(page.undo_button.isEnabled, timeout=TIMEOUT)
    qtbot.keyClick(page.records.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: table_texts(page, TYPE) == ["Not sure — please choose"],
                    timeout=TIMEOUT)


def test_deciding_later_leaves_the_type_open(
        qtbot, records_page: RecordsPage, record_files: Files) -> None:
    page = records_page
    import_and_confirm(qtbot, page, [record_files["unsure"], record_files["photo"]])
    wait_for_review(qtbot, page)
    page.review.later_button.click()
    qtbot.waitUntil(lambda: page.review.counter.text() == "Record 2 of 2", timeout=TIMEOUT)
    page.review.later_button.click()
    qtbot.waitUntil(lambda: page.body.currentWidget() is page.splitter, timeout=TIMEOUT)
    wait_idle(qtbot, page)
    assert table_texts(page, TYPE) == ["Not sure — please choose"] * 2


def test_a_tiny_confidence_is_never_shown_as_about_0_percent_sure(qapp) -> None:
    from organizer.ui.records.type_questions import sure_text

    assert sure_text(0.004) == "only a faint hint"
    assert sure_text(0.84) == "about 84 % sure"


def test_turning_the_record_asked_about_saves_the_turn_and_shows_it_turned(
        qtbot, records_page: RecordsPage, record_files: Files, records_session: Session) -> None:
    page, review = records_page, records_page.review
    import_and_confirm(qtbot, page, [record_files["unsure"]])
    wait_for_review(qtbot, page)
    qtbot.waitUntil(lambda: review.preview.document.status() == QPdfDocument.Status.Ready,
                    timeout=TIMEOUT)
    upright = review.preview.document.pagePointSize(0)
    review.preview.rotate_right_button.click()
    qtbot.waitUntil(lambda: [d.rotation for d in records_session.documents()] == [90],
                    timeout=TIMEOUT)
    qtbot.waitUntil(lambda: review.preview.document.pagePointSize(0).transposed() == upright,
                    timeout=TIMEOUT)  # shown again, on its side
    assert page.body.currentWidget() is review  # still asked about, not moved on
    wait_idle(qtbot, page)
