"""The start screen: two clear choices, recent folders, keyboard and large-font friendly."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication
from ui_flows import controls, open_dialog

from organizer.app import build_main_window, default_vault_folder
from organizer.ui.main_window import MainWindow
from organizer.ui.recent_vaults import KEY, RecentVaults
from organizer.ui.unlock_dialog import UnlockDialog


def test_start_screen_offers_create_and_open_in_plain_words(window: MainWindow) -> None:
    assert window.screens.currentWidget() is window.start
    assert window.start.create_button.text() == "&Create a vault"
    assert window.start.open_button.text() == "&Open a vault"
    assert window.start.create_button.isVisible() and window.start.open_button.isVisible()
    assert not window.lock_action.isEnabled()


def test_every_control_on_the_start_screen_has_an_accessible_name(window: MainWindow) -> None:
    window.start.show_recent([Path("/somewhere/vault")])
    found = controls(window.start)
    assert len(found) >= 5
    for control in found:
        assert control.accessibleName(), control


def test_no_recent_list_is_shown_before_any_vault_was_opened(window: MainWindow) -> None:
    assert not window.start.recent_list.isVisible()


def test_recent_folders_are_stored_as_paths_only_and_reopen_the_unlock_dialog(
    qtbot, settings: QSettings, fast_kdf, existing_vault: tuple[Path, str]
) -> None:
    folder, _ = existing_vault
    RecentVaults(settings).add(folder)
    main = build_main_window(settings, kdf=fast_kdf)
    qtbot.addWidget(main)
    main.show()
    assert settings.value(KEY) in ([str(folder.resolve())], str(folder.resolve()))
    assert main.start.recent_list.count() == 1
    main.start.open_recent_button.click()
    dialog = open_dialog(qtbot, main, UnlockDialog)
    assert str(folder) in dialog.findChild(type(dialog.message), "vaultFolder").text()
    dialog.reject()


def test_removing_a_recent_folder_forgets_it(qtbot, window: MainWindow, settings: QSettings,
                                              tmp_path: Path) -> None:
    RecentVaults(settings).add(tmp_path / "old vault")
    window.show_start()
    assert window.start.recent_list.count() == 1
    window.start.forget_button.click()
    assert RecentVaults(settings).folders() == []
    assert not window.start.recent_list.isVisible()


def test_buttons_keep_their_whole_text_at_150_percent_font(
    qtbot, qapp: QApplication, settings: QSettings, fast_kdf
) -> None:
    original = qapp.font()
    bigger = QFont(original)
    bigger.setPointSizeF(original.pointSizeF() * 1.5)
    qapp.setFont(bigger)
    try:
        main = build_main_window(settings, kdf=fast_kdf)
        qtbot.addWidget(main)
        main.show()
        qtbot.waitExposed(main)
        for button in (main.start.create_button, main.start.open_button):
            assert button.width() >= button.sizeHint().width()
            assert button.height() >= button.sizeHint().height()
            text_width = button.fontMetrics().horizontalAdvance(button.text().replace("&", ""))
            assert button.width() > text_width
    finally:
        qapp.setFont(original)


def test_the_suggested_vault_folder_is_in_the_users_data_folder(data_home: Path) -> None:
    folder = default_vault_folder()
    assert folder == data_home / "second-opinion-organizer" / "My vault"
    folder.mkdir(parents=True)
    (folder / "something").write_text("x")
    assert default_vault_folder().name == "My vault 2"


def test_after_lock_the_recent_vault_is_named_plainly_and_open_has_the_focus(
    qtbot, window: MainWindow, settings: QSettings
) -> None:
    from organizer.ui.recent_vaults import folder_description

    hidden = default_vault_folder()  # under ~/.local/share/…: a path nobody recognises
    RecentVaults(settings).add(hidden)
    window.activateWindow()
    window.lock()
    item = window.start.recent_list.item(0)
    assert item.text() == "My vault — in this app's own folder"
    assert item.toolTip() == str(hidden.resolve())
    assert window.start.open_recent_button.isDefault()
    qtbot.waitUntil(window.start.open_recent_button.hasFocus, timeout=5000)
    assert not window.start.create_button.hasFocus()
    assert "Ana" not in str(settings.value(KEY))  # only paths are stored, never names
    assert folder_description(Path.home() / "Documents" / "Ana's vault") == \
        "Ana's vault — in Documents"


def test_open_a_vault_starts_in_documents_or_home_and_never_in_the_apps_own_folder(
    qtbot, window: MainWindow, monkeypatch, tmp_path: Path
) -> None:
    from PySide6.QtWidgets import QFileDialog

    starts: list[str] = []
    monkeypatch.setattr(QFileDialog, "getExistingDirectory",
                        lambda _parent, _title, start, *a: starts.append(start) or "")
    window.start.open_button.click()
    assert Path(starts[0]).is_dir()
    assert not Path(starts[0]).is_relative_to(default_vault_folder().parent)
