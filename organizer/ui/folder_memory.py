"""Where file and folder pickers start: the last folder used for the same purpose, else Documents or home."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

KEY = "folders/last_{0}"  # one folder path per purpose (records, packet, backup, vault)


def default_folder() -> Path:
    """The Documents folder when it exists (it often does not on a fresh Linux), else home."""
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    if documents and Path(documents).is_dir():
        return Path(documents)
    return Path.home()


def start_folder(purpose: str) -> Path:
    """The last folder used for `purpose` if it still exists, else the default folder."""
    value = QSettings().value(KEY.format(purpose), "")
    remembered = Path(str(value)) if value else None
    return remembered if remembered is not None and remembered.is_dir() else default_folder()


def remember_folder(purpose: str, folder: Path) -> None:
    settings = QSettings()
    settings.setValue(KEY.format(purpose), str(folder))
    settings.sync()


def choose_save_path(parent: QWidget, title: str, suggested_name: str, file_filter: str,
                     purpose: str) -> Path | None:
    """Ask where to save a file, starting in the folder last used for `purpose` (else Documents
    when it exists, else home, never a missing folder); remembers the folder chosen."""
    picked, _filter = QFileDialog.getSaveFileName(
        parent, title, str(start_folder(purpose) / suggested_name), file_filter)
    if not picked:
        return None
    remember_folder(purpose, Path(picked).parent)
    return Path(picked)


def choose_folder(parent: QWidget, title: str, purpose: str) -> Path | None:
    """Ask for a folder, starting where the person last went for the same purpose."""
    picked = QFileDialog.getExistingDirectory(parent, title, str(start_folder(purpose)))
    if not picked:
        return None
    remember_folder(purpose, Path(picked))
    return Path(picked)
