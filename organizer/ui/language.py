"""The app's language: the user's choice (or the system's), and loading its translations."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from organizer.core.i18n import set_language
from organizer.core.resources import resources_folder

LANGUAGE_KEY = "ui/language"
FOLLOW_SYSTEM = ""
# Language codes with a translation, named in their own language (so anyone can find theirs).
LANGUAGES: dict[str, str] = {"en": "English", "es": "Español"}


def translations_folder() -> Path:
    return resources_folder() / "translations"


def stored_language(settings: QSettings) -> str:
    """The code the user chose in Settings, or FOLLOW_SYSTEM."""
    value = str(settings.value(LANGUAGE_KEY, FOLLOW_SYSTEM) or FOLLOW_SYSTEM)
    return value if value in LANGUAGES else FOLLOW_SYSTEM


def store_language(settings: QSettings, code: str) -> None:
    settings.setValue(LANGUAGE_KEY, code if code in LANGUAGES else FOLLOW_SYSTEM)
    settings.sync()


def effective_language(code: str, system: QLocale | None = None) -> str:
    """The language to show: the chosen one, else the system's when we have it, else English."""
    if code in LANGUAGES:
        return code
    for name in (system or QLocale.system()).uiLanguages():
        wanted = name.replace("_", "-").split("-")[0].lower()
        if wanted in LANGUAGES:
            return wanted
    return "en"


def install_translations(app: QCoreApplication, code: str) -> list[QTranslator]:
    """Load the app's and Qt's own translations for `code` (English needs none).

    The core's own words (organizer.core.i18n) switch to `code` too. Returns the installed
    translators; keep them alive, and pass them to `remove_translations` to go back to English.
    """
    installed: list[QTranslator] = []
    set_language(code)  # the words the core makes (errors, checklist notes) follow the window
    if code == "en":
        return installed
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name, folder in ((f"qtbase_{code}", qt_folder),
                         (f"organizer_{code}", str(translations_folder()))):
        translator = QTranslator(app)
        if translator.load(name, folder) and app.installTranslator(translator):
            installed.append(translator)
    return installed


def remove_translations(app: QCoreApplication, translators: list[QTranslator]) -> None:
    """Back to English, for the window and the core's words."""
    set_language("en")
    for translator in translators:
        app.removeTranslator(translator)
