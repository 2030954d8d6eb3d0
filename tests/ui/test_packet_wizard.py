"""The packet wizard: choose, make in memory, preview, deliver (save, USB, email, print), sent log."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QFontMetrics
from PySide6.QtWidgets import QFileDialog, QWizard
from ui_flows import TIMEOUT, controls, idle, open_dialog, unlock_folder

from organizer.core.packet.delivery import Delivered, Drive
from organizer.core.packet.sent_log import sent_log
from organizer.ui.main_window import MainWindow
from organizer.ui.packet import delivery_bar
from organizer.ui.packet.page import PacketPage
from organizer.ui.packet.wizard import PacketWizard
from organizer.ui.printing import paint_pdf


def pdf_text(path: Path) -> tuple[int, str]:
    pdf = pdfium.PdfDocument(path)
    try:
        return len(pdf), "\n".join(page.get_textpage().get_text_range() for page in pdf)
    finally:
        pdf.close()


def open_wizard(qtbot, window: MainWindow, folder: Path) -> PacketWizard:
    unlock_folder(qtbot, window, folder)
    page = window.vault.show_page("PacketPage")
    assert isinstance(page, PacketPage)
    page.make_button.click()
    wizard = open_dialog(qtbot, window, PacketWizard)
    qtbot.waitUntil(lambda: wizard.contents.records.count() == 2, timeout=TIMEOUT)
    return wizard


def make_packet(qtbot, wizard: PacketWizard) -> None:
    """Next through the choosing steps; waits until the packet is made and previewed."""
    while wizard.currentPage() is not wizard.build:
        wizard.next()
    qtbot.waitUntil(lambda: wizard.build.built is not None, timeout=TIMEOUT)
    qtbot.waitUntil(lambda: wizard.build.preview.page_count > 0, timeout=TIMEOUT)


def test_the_packet_is_made_in_memory_previewed_and_saved_then_logged(
    qtbot, window: MainWindow, case_vault: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    wizard = open_wizard(qtbot, window, case_vault)
    for control in controls(wizard):
        if control.isVisibleTo(wizard):  # a button's text is its name for a screen reader
            assert control.accessibleName() or getattr(control, "text", str)(), control
    wizard.who.recipient.setCurrentText("Dr. Quinn Example")
    make_packet(qtbot, wizard)
    built = wizard.build.built
    assert built is not None and built.files[0].startswith(b"%PDF")
    assert all(part.path is None for part in built.result.parts)  # nothing written yet
    assert wizard.build.preview.page_count == built.result.pages
    assert "✓ Ready: 2 records" in wizard.build.status.text()
    out = tmp_path / "for the doctor"
    out.mkdir()
    starts: list[str] = []
    monkeypatch.setattr(QFileDialog, "getExistingDirectory",
                        lambda _parent, _title, start, *a: starts.append(start) or str(out))
    wizard.build.delivery.save_button.click()
    qtbot.waitUntil(lambda: "Saved as" in wizard.build.delivery.message.text(), timeout=TIMEOUT)
    [saved] = list(out.iterdir())
    assert saved.read_bytes() == built.files[0]  # the file saved is the one previewed, byte for byte
    delivery = wizard.build.delivery
    assert f"“{saved.name}” in {out}" in delivery.message.text()  # names the file and the folder
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    assert delivery.open_button.isVisible() and delivery.show_button.isVisible()
    delivery.open_button.click()
    delivery.show_button.click()
    assert [Path(url.toLocalFile()) for url in opened] == [saved, out]
    assert Path(starts[0]).is_dir()  # Documents when it exists, else home; never a missing one
    pages, text = pdf_text(saved)
    assert pages == built.result.pages
    assert "Jane Q Doe" in text and f"of {pages}" in text  # the stamp on every page
    assert "Dr. Quinn Example" in text
    page = window.vault.current_page()
    assert isinstance(page, PacketPage)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=TIMEOUT)
    assert page.model.index(0, 1).data() == "Dr. Quinn Example"
    assert page.model.index(0, 2).data() == "Saved to a folder"
    delivery.save_button.click()
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=TIMEOUT)
    assert starts[1] == str(out)  # the picker remembers the last folder
    wizard.accept()
    idle(qtbot)


def test_an_unchecked_record_is_left_out_of_the_packet(
    qtbot, window: MainWindow, case_vault: Path
) -> None:
    wizard = open_wizard(qtbot, window, case_vault)
    wizard.next()
    first = wizard.contents.records.item(0)
    assert first.text().startswith("Pathology report")  # checklist order
    first.setCheckState(Qt.CheckState.Unchecked)
    make_packet(qtbot, wizard)
    built = wizard.build.built
    assert built is not None
    assert [line.type.value for line in built.result.contents] == ["operative"]
    wizard.reject()
    idle(qtbot)


def test_the_password_rule_is_explained_and_a_bad_password_cannot_go_on(
    qtbot, window: MainWindow, case_vault: Path
) -> None:
    wizard = open_wizard(qtbot, window, case_vault)
    wizard.next()
    wizard.next()
    step = wizard.protection
    assert wizard.currentPage() is step
    step.use_password.setChecked(True)
    step.password.setText("café au lait")
    assert step.password_message.text().startswith("⚠")
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    assert step.password.echoMode() == step.password.EchoMode.Password
    step.show_password.setChecked(True)
    assert step.password.echoMode() == step.password.EchoMode.Normal
    step.password.setText("tulip-42-garden")
    assert wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    make_packet(qtbot, wizard)  # the preview opens the protected packet with the password
    wizard.reject()
    assert step.password.text() == ""  # forgotten on close
    idle(qtbot)


def test_a_usb_copy_is_checked_and_says_it_is_safe_to_unplug(
    qtbot, window: MainWindow, case_vault: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    stick = tmp_path / "USB STICK"
    stick.mkdir()
    monkeypatch.setattr(delivery_bar, "removable_drives", lambda: [Drive("USB STICK", stick)])
    wizard = open_wizard(qtbot, window, case_vault)
    make_packet(qtbot, wizard)
    wizard.build.delivery.usb_button.click()
    qtbot.waitUntil(lambda: "safe to unplug" in wizard.build.delivery.message.text(),
                    timeout=TIMEOUT)
    assert [p.suffix for p in stick.iterdir()] == [".pdf"]
    hows = window.session.call(lambda vault: [e.how for e in sent_log(vault)])
    assert hows == ["usb"]
    wizard.reject()
    idle(qtbot)


def test_email_hands_the_saved_packet_to_the_mail_program_and_shows_what_it_said(
    qtbot, window: MainWindow, case_vault: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    handed: list[list[Path]] = []

    def fake_mail(files: list[Path]) -> Delivered:
        handed.append(files)
        return Delivered("mail", tuple(files), "A new email is open in your mail program.")

    monkeypatch.setattr(delivery_bar, "hand_to_mail", fake_mail)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(tmp_path))
    wizard = open_wizard(qtbot, window, case_vault)
    make_packet(qtbot, wizard)
    wizard.build.delivery.email_button.click()
    qtbot.waitUntil(lambda: "mail program" in wizard.build.delivery.message.text(),
                    timeout=TIMEOUT)
    assert handed and handed[0][0].parent == tmp_path and handed[0][0].exists()
    hows = window.session.call(lambda vault: [e.how for e in sent_log(vault)])
    assert hows == ["email"]
    wizard.reject()
    idle(qtbot)


def test_when_the_mail_program_cannot_open_the_log_says_saved_not_email(
    qtbot, window: MainWindow, case_vault: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_mail(files: list[Path]) -> Delivered:
        return Delivered("folder shown", tuple(files), "Your mail program could not be opened.")

    monkeypatch.setattr(delivery_bar, "hand_to_mail", no_mail)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(tmp_path))
    wizard = open_wizard(qtbot, window, case_vault)
    make_packet(qtbot, wizard)
    wizard.build.delivery.email_button.click()
    qtbot.waitUntil(lambda: "could not be opened" in wizard.build.delivery.message.text(),
                    timeout=TIMEOUT)
    [entry] = window.session.call(sent_log)
    assert entry.how == "saved" and "mail program could not be opened" in entry.note
    wizard.reject()
    idle(qtbot)


def test_no_usb_drive_is_said_without_a_missing_glyph(
    qtbot, window: MainWindow, case_vault: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(delivery_bar, "removable_drives", lambda: [])
    wizard = open_wizard(qtbot, window, case_vault)
    make_packet(qtbot, wizard)
    wizard.build.delivery.usb_button.click()
    said = wizard.build.delivery.message.text()
    assert "No USB drive was found" in said
    mark = said[0]
    assert QFontMetrics(wizard.build.delivery.message.font()).inFontUcs4(ord(mark)), mark
    wizard.reject()
    idle(qtbot)


def test_printing_renders_every_page_of_the_packet(
    qtbot, window: MainWindow, case_vault: Path, tmp_path: Path
) -> None:
    printing = pytest.importorskip("PySide6.QtPrintSupport")
    wizard = open_wizard(qtbot, window, case_vault)
    make_packet(qtbot, wizard)
    printer = printing.QPrinter()
    printer.setOutputFormat(printing.QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    paint_pdf(wizard.build.preview.document, printer)
    pages, _ = pdf_text(tmp_path / "printed.pdf")
    assert pages == wizard.build.preview.page_count
    wizard.reject()
    idle(qtbot)


def test_locking_closes_the_wizard_and_forgets_the_packet(
    qtbot, window: MainWindow, case_vault: Path
) -> None:
    wizard = open_wizard(qtbot, window, case_vault)
    make_packet(qtbot, wizard)
    window.lock()
    assert not wizard.isVisible()
    assert wizard.build.built is None and wizard.build.preview.page_count == 0
    idle(qtbot)


def test_ctrl_l_inside_the_wizard_locks_the_vault(qtbot, window: MainWindow, case_vault: Path) -> None:
    wizard = open_wizard(qtbot, window, case_vault)
    qtbot.waitUntil(lambda: wizard.isActiveWindow(), timeout=TIMEOUT)
    qtbot.keyClick(wizard.windowHandle(), Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.screens.currentWidget() is window.start, timeout=TIMEOUT)
    assert not wizard.isVisible() and not window.lock_action.isEnabled()
    idle(qtbot)
