"""The Spanish translation: the main screens speak Spanish, and the .ts and .qm are complete."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QSettings, QTranslator
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from ui_flows import open_dialog, unlock_folder

from organizer.app import build_main_window
from organizer.core.records import RecordType
from organizer.core.vault import KdfParams
from organizer.ui.create_vault import CreateVaultDialog
from organizer.ui.labels import record_type_label
from organizer.ui.language import (
    effective_language,
    install_translations,
    remove_translations,
    translations_folder,
)
from organizer.ui.main_window import MainWindow
from organizer.ui.settings_dialog import AppSettings, SettingsDialog

TS_FILE = translations_folder() / "organizer_es.ts"
QM_FILE = translations_folder() / "organizer_es.qm"
# The screens a Spanish reader meets first: every string of these must be translated.
MAIN_CONTEXTS = {
    "StartScreen", "CreateVaultDialog", "VaultDetailsPage", "PassphraseFields", "RecoveryKeyPage",
    "recovery_sheet", "printing", "UnlockDialog", "RecoverDialog", "DemoDialog", "MainWindow",
    "VaultView", "ChecklistPage", "ChecklistRow", "checklist", "CheckItem", "AskedForDialog",
    "NotNeededDialog", "DiagnosisDialog", "PersonDialog", "RecordsPage", "RecordsTable", "records",
    "RecordType", "DetailsPanel", "DropZone", "ImportBar", "ImportFlow", "ImportSummaryDialog",
    "ReviewPanel", "PacketPage", "PacketWizard", "WhoStep", "ContentsStep", "OptionsStep",
    "BuildStep", "DeliveryBar", "SettingsDialog", "SizeLimitChooser", "remember_vault",
    "error_dialog",
}
PLACEHOLDER = re.compile(r"\{[0-9](?::[^}]*)?\}|%[0-9vm]")


def ts_messages(path: Path = TS_FILE) -> list[tuple[str, str, ET.Element]]:
    """(context, source, translation element) for every message of a .ts file."""
    found = []
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            found.append((name, message.findtext("source") or "", translation))
    return found


@pytest.fixture
def spanish(qapp: QApplication) -> Iterator[None]:
    translators = install_translations(qapp, "es")
    assert len(translators) >= 1
    yield
    remove_translations(qapp, translators)


@pytest.fixture
def spanish_window(qtbot, spanish: None, settings: QSettings,
                   fast_kdf: KdfParams) -> Iterator[MainWindow]:
    main = build_main_window(settings, kdf=fast_kdf)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    yield main
    main.close()  # waits for the window's own background work


def test_the_start_screen_and_menu_speak_spanish(spanish_window: MainWindow) -> None:
    start = spanish_window.start
    assert start.create_button.text() == "&Crear una bóveda"
    assert start.open_button.text() == "&Abrir una bóveda"
    assert start.demo_button.text() == "&Probar la demostración"
    assert spanish_window.menuBar().actions()[0].text() == "&Bóveda"
    assert spanish_window.lock_action.text() == "B&loquear"


def test_the_create_dialog_speaks_spanish(qtbot, spanish_window: MainWindow) -> None:
    spanish_window.start.create_button.click()
    dialog = open_dialog(qtbot, spanish_window, CreateVaultDialog)
    assert dialog.windowTitle() == "Crear una bóveda"
    assert dialog.next_button.text() == "&Siguiente"
    assert dialog.cancel_button.text() == "Cancelar"
    assert dialog.details.name.placeholderText() == "Por ejemplo: María López"
    dialog.reject()


def test_the_open_vault_navigation_and_record_types_speak_spanish(
    qtbot, spanish_window: MainWindow, existing_vault: tuple[Path, str]
) -> None:
    unlock_folder(qtbot, spanish_window, existing_vault[0])
    nav = spanish_window.vault.nav
    titles = [nav.item(row).text() for row in range(nav.count())]
    assert titles[0] == "Lista de verificación"
    assert "Documentos" in titles and "Medicamentos" in titles
    assert spanish_window.vault.lock_button.text() == "B&loquear"
    assert record_type_label(RecordType.PATHOLOGY) == "Informe de patología"


def test_qt_standard_buttons_are_spanish_too(qtbot, spanish: None) -> None:
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(buttons)
    assert buttons.button(QDialogButtonBox.StandardButton.Cancel).text().replace("&", "") == "Cancelar"


def test_every_main_screen_message_in_the_ts_is_translated() -> None:
    messages = ts_messages()
    contexts = {context for context, _, _ in messages}
    assert not MAIN_CONTEXTS - contexts, MAIN_CONTEXTS - contexts
    unfinished = [(c, s) for c, s, t in messages if c in MAIN_CONTEXTS
                  and (t.get("type") == "unfinished" or not (t.text or "").strip())]
    assert unfinished == []


def test_translations_keep_every_placeholder_and_one_shortcut_letter() -> None:
    for context, source, translation in ts_messages():
        text = translation.text or ""
        if not text:
            continue
        assert sorted(PLACEHOLDER.findall(source)) == sorted(PLACEHOLDER.findall(text)), (
            context, source)
        assert source.count("&") == text.count("&"), (context, source)


def test_the_compiled_qm_matches_the_ts() -> None:
    translator = QTranslator()
    assert translator.load(str(QM_FILE))
    for context, source, translation in ts_messages():
        if translation.get("type") in (None, "") and translation.text:
            assert translator.translate(context, source) == translation.text, (context, source)


def test_every_main_screen_string_in_the_code_is_in_the_ts(tmp_path: Path) -> None:
    lupdate = shutil.which("pyside6-lupdate", path=str(Path(sys.executable).parent))
    if lupdate is None:
        pytest.skip("pyside6-lupdate is not installed")
    root = Path(__file__).resolve().parents[2]
    fresh = tmp_path / "fresh.ts"
    subprocess.run([lupdate, "-extensions", "py", "-locations", "none", "-silent",
                    str(root / "organizer" / "ui"), str(root / "organizer" / "app.py"),
                    "-ts", str(fresh)], check=True, timeout=120)
    known = {(c, s) for c, s, t in ts_messages() if t.text}
    new = [(c, s) for c, s, _ in ts_messages(fresh) if c in MAIN_CONTEXTS and (c, s) not in known]
    assert new == [], "run `make translations` and translate these"


def test_the_language_follows_the_system_unless_chosen() -> None:
    assert effective_language("", QLocale("es_MX")) == "es"
    assert effective_language("", QLocale("de_DE")) == "en"
    assert effective_language("en", QLocale("es_US")) == "en"
    assert effective_language("es", QLocale("en_US")) == "es"


def test_choosing_spanish_in_settings_is_stored_and_says_when_it_applies(
    qtbot, settings: QSettings
) -> None:
    app_settings = AppSettings(settings)
    assert app_settings.language == ""
    dialog = SettingsDialog(app_settings)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.language_note.isVisible()
    dialog.language.setCurrentIndex(dialog.language.findData("es"))
    assert dialog.language_note.isVisible()
    assert "next time you open the app" in dialog.language_note.text()
    dialog.accept()
    assert AppSettings(settings).language == "es"
