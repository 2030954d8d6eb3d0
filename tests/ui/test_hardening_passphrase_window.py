"""The window refuses guessable passphrases with the core rule, suggests one, and never squashes."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication
from ui_flows import open_dialog

from organizer.ui.create_vault import CreateVaultDialog
from organizer.ui.main_window import MainWindow
from organizer.ui.style import show_message


def _passphrase_page(qtbot, window: MainWindow) -> CreateVaultDialog:
    window.start.create_button.click()
    dialog = open_dialog(qtbot, window, CreateVaultDialog)
    qtbot.keyClicks(dialog.details.name, "Maria Lopez")
    qtbot.keyClicks(dialog.details.date_of_birth.line, "1961-04-23")
    dialog.next_button.click()
    return dialog


def _type_twice(qtbot, dialog: CreateVaultDialog, text: str) -> None:
    for field in (dialog.passphrase.first, dialog.passphrase.second):
        field.clear()
        qtbot.keyClicks(field, text)


def test_guessable_passphrases_keep_create_disabled_and_say_why(qtbot, window: MainWindow) -> None:
    dialog = _passphrase_page(qtbot, window)
    for weak, why in (("password", "passwords people use most"), ("12345678", "passwords"),
                      ("        ", "Repeated"), ("maria lopez 1961", "name or date of birth")):
        _type_twice(qtbot, dialog, weak)
        hint = dialog.passphrase.strength.text()
        assert "Too easy to guess" in hint and why in hint, weak
        assert not dialog.create_button.isEnabled()
    _type_twice(qtbot, dialog, "blue kettle on a quiet hill")
    assert dialog.create_button.isEnabled() and "✓" in dialog.passphrase.strength.text()
    dialog.reject()


def test_suggest_fills_in_four_random_words_shown_to_write_down(qtbot, window: MainWindow) -> None:
    dialog = _passphrase_page(qtbot, window)
    dialog.passphrase.suggest_button.click()
    words = dialog.passphrase.first.text().split()
    assert len(words) == 4 and dialog.passphrase.second.text() == " ".join(words)
    assert dialog.passphrase.first.echoMode() == dialog.passphrase.first.EchoMode.Normal
    assert dialog.create_button.isEnabled()
    dialog.passphrase.clear()
    assert dialog.passphrase.first.echoMode() == dialog.passphrase.first.EchoMode.Password
    dialog.reject()


def test_an_error_message_does_not_squash_the_hint(qtbot, window: MainWindow) -> None:
    dialog = _passphrase_page(qtbot, window)
    _type_twice(qtbot, dialog, "maria1961")
    QApplication.processEvents()
    show_message(dialog.passphrase_message, "⚠ " + "The vault folder cannot be written to. " * 8)
    hint = dialog.passphrase.strength

    def whole() -> bool:
        return hint.height() >= hint.heightForWidth(hint.width()) > 0

    qtbot.waitUntil(whole, timeout=3000)
    dialog.reject()


def test_a_one_character_packet_password_is_refused_with_the_phone_advice(qtbot) -> None:
    from organizer.ui.packet.steps import OptionsStep

    step = OptionsStep(None)
    qtbot.addWidget(step)
    step.use_password.setChecked(True)
    step.password.setText("x")
    assert "at least 10 characters" in step.password_message.text()
    assert "phone" in step.password_message.text() and not step.isComplete()
    step.password.setText("tulip-42-garden")
    assert step.isComplete() and not step.password_message.isVisible()
