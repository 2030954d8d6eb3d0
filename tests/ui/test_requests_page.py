"""Records requests: a new request marks the checklist, mark received, and the letter saved or printed."""

from __future__ import annotations

from pathlib import Path

import pypdfium2
from case_steps import TIMEOUT
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFileDialog
from ui_flows import open_dialog

from organizer.core.case.checklist import build_checklist
from organizer.core.case.checklist_items import CheckItem, ItemState
from organizer.core.case.letter import letter_for
from organizer.core.case.requests import RECEIVED, records_requests
from organizer.ui import printing
from organizer.ui.case.request_dialog import RequestDialog
from organizer.ui.case.requests_page import RequestsPage

pytest_plugins = ["case_fixtures"]


def pdf_text(data: bytes) -> str:
    pdf = pypdfium2.PdfDocument(data)
    try:
        return "\n".join(pdf[n].get_textpage().get_text_range() for n in range(len(pdf)))
    finally:
        pdf.close()


def new_request(qtbot, page: RequestsPage) -> None:
    page.new_button.click()
    dialog = open_dialog(qtbot, page, RequestDialog)
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    qtbot.keyClicks(dialog.provider, "Maplewood General Hospital")
    assert not save.isEnabled()  # no records chosen yet
    dialog.records[CheckItem.PATHOLOGY].click()
    qtbot.keyClicks(dialog.other, "blood tests")
    with qtbot.waitSignal(page.loaded, timeout=TIMEOUT):
        save.click()


def test_a_new_request_is_tracked_and_marks_the_checklist(qtbot, show_page, session, person):
    page = show_page(RequestsPage(session))
    new_request(qtbot, page)
    assert page.table.rowCount() == 1
    assert page.table.item(0, 1).text() == "Maplewood General Hospital"
    assert "Pathology reports" in page.table.item(0, 2).text()
    assert "blood tests" in page.table.item(0, 2).text()
    assert "Waiting" in page.table.item(0, 5).text()
    assert "call Maplewood" in page.message.text()
    checklist = session.call(build_checklist, person)
    assert checklist.get(CheckItem.PATHOLOGY).state is ItemState.REQUESTED


def test_mark_received_closes_the_request(qtbot, show_page, session, person):
    page = show_page(RequestsPage(session))
    new_request(qtbot, page)
    with qtbot.waitSignal(page.loaded, timeout=TIMEOUT):
        page.received_button.click()
    assert page.table.item(0, 5).text().startswith("✔ Received")
    assert not page.received_button.isEnabled()
    assert session.call(records_requests, person)[0].status == RECEIVED


def test_the_letter_is_saved_only_where_the_user_chose(qtbot, show_page, session, monkeypatch,
                                                       tmp_path: Path):
    page = show_page(RequestsPage(session))
    new_request(qtbot, page)
    chosen = tmp_path / "letters" / "to Maplewood"
    chosen.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(chosen), "PDF"))
    page.save_button.click()
    qtbot.waitUntil(lambda: "Saved the letter" in page.message.text(), timeout=TIMEOUT)
    saved = chosen.with_name("to Maplewood.pdf")
    assert sorted(p.name for p in chosen.parent.iterdir()) == ["to Maplewood.pdf"]
    text = pdf_text(saved.read_bytes())
    assert "Maplewood General Hospital" in text
    assert "Ana Silva" in text and "1958-02-11" in text


def test_cancelling_the_save_dialog_writes_nothing(qtbot, show_page, session, monkeypatch,
                                                   tmp_path: Path):
    page = show_page(RequestsPage(session))
    new_request(qtbot, page)
    before = set(tmp_path.rglob("*.pdf"))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: ("", ""))
    page.save_button.click()
    assert set(tmp_path.rglob("*.pdf")) == before
    assert "Saved the letter" not in page.message.text()


def test_print_letter_sends_every_page_to_the_chosen_printer(qtbot, show_page, session, person,
                                                             monkeypatch, tmp_path: Path):
    page = show_page(RequestsPage(session))
    new_request(qtbot, page)
    printed = tmp_path / "printer-output.pdf"

    class ChosenPrinter:
        """Stands in for the print dialog: the user picks a PDF printer and presses Print."""

        def __init__(self, printer, parent) -> None:
            printer.setOutputFormat(printing.QPrinter.OutputFormat.PdfFormat)
            printer.setOutputFileName(str(printed))

        def setWindowTitle(self, title: str) -> None:
            pass

        def exec(self) -> QDialog.DialogCode:
            return QDialog.DialogCode.Accepted

    monkeypatch.setattr(printing, "QPrintDialog", ChosenPrinter)
    page.print_button.click()
    qtbot.waitUntil(lambda: "printer" in page.message.text(), timeout=TIMEOUT)
    request_id = session.call(records_requests, person)[0].id
    letter = session.call(letter_for, person, request_id)[1]
    assert len(pypdfium2.PdfDocument(printed.read_bytes())) == len(pypdfium2.PdfDocument(letter))


def test_the_letter_picker_starts_in_the_folder_used_last(qtbot, show_page, session, monkeypatch,
                                                          tmp_path: Path):
    """Not the home folder every time (nor a missing Documents): where the last letter went."""
    page = show_page(RequestsPage(session))
    new_request(qtbot, page)
    letters = tmp_path / "letters"
    letters.mkdir()
    starts: list[Path] = []

    def pick(_parent, _title, start, _filter):
        starts.append(Path(start))
        return str(letters / f"letter {len(starts)}.pdf"), "PDF"

    monkeypatch.setattr(QFileDialog, "getSaveFileName", pick)
    page.save_button.click()
    qtbot.waitUntil(lambda: "Saved the letter" in page.message.text(), timeout=TIMEOUT)
    page.save_button.click()
    qtbot.waitUntil(lambda: (letters / "letter 2.pdf").exists(), timeout=TIMEOUT)
    assert starts[0].parent.is_dir()
    assert starts[1].parent == letters and starts[1].name.endswith(".pdf")
