"""Creating a vault through the dialog: details, passphrase, recovery key, then the open vault."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog
from ui_flows import PASSPHRASE, TIMEOUT, controls, create_vault, finish_creation, open_dialog

from organizer.core import catalog
from organizer.core.vault import Vault
from organizer.ui.create_vault import CreateVaultDialog
from organizer.ui.main_window import MainWindow


def test_creating_a_vault_shows_the_key_and_needs_the_check_before_the_home(
    qtbot, window: MainWindow
) -> None:
    dialog, key_text = create_vault(qtbot, window, "Maria Lopez", PASSPHRASE, "1961-04-23")
    assert len(key_text) == 39 and key_text.count("-") == 7
    assert not dialog.continue_button.isEnabled()
    dialog.recovery.confirm.click()
    assert dialog.continue_button.isEnabled()
    dialog.continue_button.click()
    qtbot.waitUntil(lambda: window.screens.currentWidget() is window.vault, timeout=TIMEOUT)
    assert window.vault.person_box.currentText() == "Maria Lopez (1961-04-23)"
    assert type(window.vault.current_page()).__name__ == "ChecklistPage"  # the home page
    assert window.lock_action.isEnabled()


def test_the_new_vault_opens_with_the_passphrase_and_with_the_recovery_key(
    qtbot, window: MainWindow
) -> None:
    dialog, key_text = create_vault(qtbot, window, "Maria Lopez", PASSPHRASE)
    finish_creation(qtbot, dialog)
    folder = window.vault.folder_label.text().split(": ", 1)[1]
    window.lock()
    with Vault.unlock(Path(folder), PASSPHRASE) as vault:
        assert [p.name for p in catalog.people(vault)] == ["Maria Lopez"]
    Vault.recover(Path(folder), key_text).close()


def test_escape_on_the_recovery_key_page_does_not_skip_saving_the_key(
    qtbot, window: MainWindow
) -> None:
    dialog, _ = create_vault(qtbot, window, "Maria Lopez", PASSPHRASE)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.isVisible()
    assert "save your recovery key first" in dialog.recovery.status.text()
    finish_creation(qtbot, dialog)


def test_short_or_different_passphrases_keep_create_disabled_and_say_why(
    qtbot, window: MainWindow
) -> None:
    window.start.create_button.click()
    dialog = open_dialog(qtbot, window, CreateVaultDialog)
    qtbot.keyClicks(dialog.details.name, "Maria Lopez")
    dialog.next_button.click()
    qtbot.keyClicks(dialog.passphrase.first, "short")
    assert "Too short" in dialog.passphrase.strength.text()
    qtbot.keyClicks(dialog.passphrase.first, " but longer now")
    qtbot.keyClicks(dialog.passphrase.second, "short but longer no")
    assert "not the same" in dialog.passphrase.match.text()
    assert not dialog.create_button.isEnabled()
    qtbot.keyClicks(dialog.passphrase.second, "w")
    assert dialog.create_button.isEnabled()
    dialog.reject()


def test_a_date_of_birth_we_cannot_read_is_explained_before_anything_is_made(
    qtbot, window: MainWindow, data_home: Path
) -> None:
    window.start.create_button.click()
    dialog = open_dialog(qtbot, window, CreateVaultDialog)
    qtbot.keyClicks(dialog.details.name, "Maria Lopez")
    qtbot.keyClicks(dialog.details.date_of_birth.line, "31/02/1961")
    dialog.next_button.click()
    assert dialog.pages.currentWidget() is dialog.details
    assert "February 1961 has 28 days" in dialog.details.message.text()
    assert not data_home.exists() or not any(data_home.rglob("vault.json"))
    dialog.reject()
    assert not dialog.isVisible()


def test_a_folder_with_other_files_is_refused_in_plain_words(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:
    busy_folder = tmp_path / "Photos"
    busy_folder.mkdir()
    (busy_folder / "holiday.jpg").write_bytes(b"\xff\xd8")
    window.start.create_button.click()
    dialog = open_dialog(qtbot, window, CreateVaultDialog)
    dialog.details.folder.setText(str(busy_folder))
    qtbot.keyClicks(dialog.details.name, "Maria Lopez")
    dialog.next_button.click()
    qtbot.keyClicks(dialog.passphrase.first, PASSPHRASE)
    qtbot.keyClicks(dialog.passphrase.second, PASSPHRASE)
    dialog.create_button.click()
    qtbot.waitUntil(lambda: dialog.details.message.isVisible(), timeout=TIMEOUT)
    assert "empty folder" in dialog.details.message.text()
    assert sorted(p.name for p in busy_folder.iterdir()) == ["holiday.jpg"]
    dialog.reject()


def test_browse_into_a_busy_folder_suggests_a_new_vault_folder_inside_it(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "Documents").mkdir()
    (tmp_path / "Documents" / "letter.txt").write_text("hello")
    monkeypatch.setattr(QFileDialog, "getExistingDirectory",
                        lambda *args, **kwargs: str(tmp_path / "Documents"))
    window.start.create_button.click()
    dialog = open_dialog(qtbot, window, CreateVaultDialog)
    dialog.details.browse.click()
    assert dialog.details.folder.text() == str(tmp_path / "Documents" / "My vault")
    dialog.reject()


def test_keyboard_only_creation_reaches_the_home_screen(qtbot, window: MainWindow) -> None:
    def type_into_focus(text: str) -> None:
        qtbot.keyClicks(QApplication.focusWidget(), text)

    def press(key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
        qtbot.keyClick(QApplication.focusWidget(), key, modifier)

    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.start.create_button)
    press(Qt.Key.Key_Return)
    dialog = open_dialog(qtbot, window, CreateVaultDialog)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.details.name)
    type_into_focus("Maria Lopez")
    press(Qt.Key.Key_Tab)
    type_into_focus("1961-04-23")
    press(Qt.Key.Key_Return)  # Next
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.passphrase.first)
    type_into_focus(PASSPHRASE)
    press(Qt.Key.Key_Tab)
    type_into_focus(PASSPHRASE)
    press(Qt.Key.Key_Return)  # Create vault
    qtbot.waitUntil(lambda: dialog.recovery.isVisible(), timeout=TIMEOUT)
    # A mnemonic goes through the window, as a real key press does: "I have &written down…"
    qtbot.keyClick(dialog.windowHandle(), Qt.Key.Key_W, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(dialog.recovery.confirm.isChecked, timeout=TIMEOUT)
    press(Qt.Key.Key_Return)  # Continue
    qtbot.waitUntil(lambda: window.screens.currentWidget() is window.vault, timeout=TIMEOUT)
    assert window.vault.person_box.currentText().startswith("Maria Lopez")


def test_every_control_in_the_create_dialog_has_an_accessible_name(
    qtbot, window: MainWindow
) -> None:
    window.start.create_button.click()
    dialog = open_dialog(qtbot, window, CreateVaultDialog)
    for control in controls(dialog):
        assert control.accessibleName(), control
    dialog.reject()


def test_copy_puts_the_recovery_key_on_the_clipboard(qtbot, window: MainWindow) -> None:
    dialog, key_text = create_vault(qtbot, window, "Maria Lopez", PASSPHRASE)
    dialog.recovery.copy_button.click()
    assert QApplication.clipboard().text() == key_text
    assert "Copied" in dialog.recovery.status.text()
    finish_creation(qtbot, dialog)


def test_save_as_pdf_writes_a_one_page_sheet_only_where_the_user_chose(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "chosen" / "my sheet"
    target.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *args, **kwargs: (str(target), "PDF files (*.pdf)"))
    dialog, key_text = create_vault(qtbot, window, "Maria Lopez", PASSPHRASE)
    dialog.recovery.save_button.click()
    saved = target.with_suffix(".pdf")
    assert [p.name for p in target.parent.iterdir()] == ["my sheet.pdf"]
    reader = PdfReader(saved)
    assert len(reader.pages) == 1
    text = " ".join(reader.pages[0].extract_text().split())
    for group in key_text.split("-"):
        assert group in text
    assert "recovery" in text.lower()
    assert "Maria" not in text  # the sheet holds no names or medical details
    assert "Saved to" in dialog.recovery.status.text()
    finish_creation(qtbot, dialog)


def test_the_persons_phone_email_and_address_are_kept_at_creation_and_can_be_changed_later(
    qtbot, window: MainWindow
) -> None:
    from organizer.core.case.people import profile
    from organizer.ui.contact_dialog import ContactDialog

    window.start.create_button.click()
    dialog = open_dialog(qtbot, window, CreateVaultDialog)
    qtbot.keyClicks(dialog.details.name, "Maria Lopez")
    qtbot.keyClicks(dialog.details.phone, "+1 555 0100")
    after_birth = dialog.details.date_of_birth.line.nextInFocusChain()
    while not after_birth.focusPolicy() & Qt.FocusPolicy.TabFocus:  # what Tab skips
        after_birth = after_birth.nextInFocusChain()
    assert after_birth is dialog.details.phone  # Tab order: from the date of birth to the phone
    assert dialog.details.phone.nextInFocusChain() is dialog.details.email
    qtbot.keyClicks(dialog.details.email, "maria@example.org")
    qtbot.keyClicks(dialog.details.address, "12 Elm Street, Springfield")
    dialog.next_button.click()
    qtbot.keyClicks(dialog.passphrase.first, PASSPHRASE)
    qtbot.keyClicks(dialog.passphrase.second, PASSPHRASE)
    dialog.create_button.click()
    qtbot.waitUntil(lambda: dialog.recovery.isVisible(), timeout=TIMEOUT)
    finish_creation(qtbot, dialog)
    qtbot.waitUntil(lambda: window.screens.currentWidget() is window.vault, timeout=TIMEOUT)
    person = window.vault.person
    assert person is not None
    own = window.vault.session.call(profile, person).own_contact
    assert own is not None
    assert (own.phone, own.email, own.address) == ("+1 555 0100", "maria@example.org",
                                                   "12 Elm Street, Springfield")
    assert window.vault_actions.contact_action.isEnabled()
    window.vault_actions.contact_action.trigger()
    editor = open_dialog(qtbot, window, ContactDialog)
    qtbot.waitUntil(lambda: editor.phone.text() == "+1 555 0100", timeout=TIMEOUT)
    editor.phone.clear()
    qtbot.keyClicks(editor.phone, "+1 555 0199")
    with qtbot.waitSignal(editor.accepted, timeout=TIMEOUT):
        editor.buttons.button(editor.buttons.StandardButton.Save).click()
    own = window.vault.session.call(profile, person).own_contact
    assert own is not None and own.phone == "+1 555 0199" and own.email == "maria@example.org"
    window.lock()
    assert not window.vault_actions.contact_action.isEnabled()


def test_the_recovery_sheet_picker_never_starts_in_a_missing_documents_folder(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtCore import QStandardPaths

    missing = tmp_path / "no such Documents"
    real = QStandardPaths.writableLocation
    monkeypatch.setattr(QStandardPaths, "writableLocation", lambda where: str(missing)
                        if where == QStandardPaths.StandardLocation.DocumentsLocation else real(where))
    starts: list[Path] = []

    def pick(_parent, _title, start, _filter):
        starts.append(Path(start))
        return "", ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", pick)
    dialog, _key = create_vault(qtbot, window, "Maria Lopez", PASSPHRASE)
    dialog.recovery.save_button.click()
    assert starts and starts[0].parent.is_dir() and starts[0].name == "recovery-sheet.pdf"
    finish_creation(qtbot, dialog)


def test_the_date_of_birth_is_typed_as_people_write_it_with_a_calendar_beside_it(
    qtbot, window: MainWindow
) -> None:
    from organizer.ui.case.date_field import DateField

    dialog, _key = create_vault(qtbot, window, "Maria Lopez", PASSPHRASE, "23 April 1961")
    assert isinstance(dialog.details.date_of_birth, DateField)
    assert dialog.details.date_of_birth.value == "1961-04-23"
    assert "1961" in dialog.details.date_of_birth.note.text()  # "Read as 23 April 1961"
    finish_creation(qtbot, dialog)
    qtbot.waitUntil(lambda: window.screens.currentWidget() is window.vault, timeout=TIMEOUT)
    assert window.vault.person_box.currentText() == "Maria Lopez (1961-04-23)"
