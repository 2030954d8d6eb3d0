"""The whole journey in the window: create, unlock, drop records, tag, checklist, packet, lock."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog
from ui_flows import (
    PASSPHRASE,
    TIMEOUT,
    create_vault,
    drop_on,
    finish_creation,
    idle,
    open_dialog,
    unlock_folder,
)

from organizer.core.case.checklist_items import CheckItem
from organizer.core.records import RecordType
from organizer.ui.main_window import MainWindow
from organizer.ui.packet.wizard import PacketWizard
from tests.samples import OPERATIVE_LINES, PATHOLOGY_LINES, text_pdf

records_page = pytest.importorskip("organizer.ui.records.page",
                                   reason="the Records page is not installed yet")
checklist_page = pytest.importorskip("organizer.ui.case.checklist_page",
                                     reason="the Checklist page is not installed yet")


def state_of(window: MainWindow, item: CheckItem) -> str:
    page = window.vault.show_page("ChecklistPage")
    assert page is not None
    return str(page.rows[item].state.text())  # type: ignore[attr-defined]


def test_a_new_user_goes_from_an_empty_vault_to_a_packet_and_locks(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog, _ = create_vault(qtbot, window, "Jane Q Doe", PASSPHRASE, "1962-03-14")
    finish_creation(qtbot, dialog)
    folder = Path(window.vault.folder_label.text().split(": ", 1)[1])
    window.lock()
    unlock_folder(qtbot, window, folder)
    qtbot.waitUntil(lambda: "Missing" in state_of(window, CheckItem.PATHOLOGY), timeout=TIMEOUT)

    downloads = tmp_path / "downloads"
    downloads.mkdir()
    (downloads / "pathology.pdf").write_bytes(text_pdf([PATHOLOGY_LINES], title="Pathology"))
    (downloads / "operative.pdf").write_bytes(text_pdf([OPERATIVE_LINES]))
    drop_on(window, [downloads])  # a whole folder, dropped anywhere on the window
    page = window.vault.current_page()
    assert isinstance(page, records_page.RecordsPage)
    qtbot.waitUntil(lambda: page.flow.summary is not None and page.flow.summary.isVisible(),
                    timeout=TIMEOUT)
    page.flow.summary.ok_button.click()
    qtbot.waitUntil(lambda: page.records.model.rowCount() == 2, timeout=TIMEOUT)

    # Tag: the operative report is really the discharge summary, says the user.
    documents = window.session.documents()
    operative = next(d for d in documents if d.type is RecordType.OPERATIVE)
    assert page.records.select(operative.id)
    combo = page.details.type
    combo.setCurrentIndex(combo.findData(RecordType.DISCHARGE.value))
    combo.activated.emit(combo.currentIndex())
    qtbot.waitUntil(lambda: page.records.model.row_by_id(operative.id).type
                    is RecordType.DISCHARGE, timeout=TIMEOUT)

    qtbot.waitUntil(lambda: "Received" in state_of(window, CheckItem.PATHOLOGY), timeout=TIMEOUT)
    qtbot.waitUntil(lambda: "Received" in state_of(window, CheckItem.DISCHARGE), timeout=TIMEOUT)
    assert "Missing" in state_of(window, CheckItem.OPERATIVE)

    window.vault.show_page("PacketPage").make_button.click()  # type: ignore[union-attr]
    wizard = open_dialog(qtbot, window, PacketWizard)
    qtbot.waitUntil(lambda: wizard.contents.records.count() == 2, timeout=TIMEOUT)
    while wizard.currentPage() is not wizard.build:
        wizard.next()
    qtbot.waitUntil(lambda: wizard.build.built is not None, timeout=TIMEOUT)
    out = tmp_path / "out"
    out.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(out))
    wizard.build.delivery.save_button.click()
    # Wait for the message that says it is saved: a hidden temp file appears first.
    qtbot.waitUntil(lambda: "Saved as" in wizard.build.delivery.message.text(), timeout=TIMEOUT)
    [packet] = list(out.iterdir())
    pdf = pdfium.PdfDocument(packet)
    pages = len(pdf)
    last = pdf[pages - 1].get_textpage().get_text_range()
    pdf.close()
    assert pages >= 4 and "Jane Q Doe" in last and f"page {pages} of {pages}".lower() in last.lower()
    idle(qtbot)

    qtbot.waitUntil(lambda: QApplication.activeWindow() is not None, timeout=TIMEOUT)
    # A real key press goes to the active window: here the packet wizard, still open.
    qtbot.keyClick(QApplication.activeWindow().windowHandle(), Qt.Key.Key_L,
                   Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.screens.currentWidget() is window.start, timeout=TIMEOUT)
    assert not wizard.isVisible() and page.records.model.rowCount() == 0
    assert not window.session.is_open
