"""The list of recently opened vault folders, kept in QSettings (folder paths only, nothing else)."""

from __future__ import annotations

from pathlib import Path
from typing import cast

from PySide6.QtCore import QCoreApplication, QSettings

KEY = "recent/vault_folders"
LIMIT = 6


class RecentVaults:
    """Most recent first. Stores only folder paths: no names, no record data."""

    def __init__(self, settings: QSettings) -> None:
        self._settings = settings

    def folders(self) -> list[Path]:
        items = cast(list[object], self._settings.value(KEY, [], type=list))  # 0 or 1: a list too
        return [Path(str(item)) for item in items if str(item)]

    def add(self, folder: Path) -> None:
        folder = folder.resolve()
        kept = [f for f in self.folders() if f != folder]
        self._save([folder, *kept][:LIMIT])

    def remove(self, folder: Path) -> None:
        self._save([f for f in self.folders() if f != folder])

    def _save(self, folders: list[Path]) -> None:
        self._settings.setValue(KEY, [str(f) for f in folders])
        self._settings.sync()


def folder_description(folder: Path, app_folder: Path | None = None) -> str:
    """A friendly name for a vault folder: its own name and, in plain words, where it is.

    The person's name would be friendlier still, but it lives only inside the encrypted vault;
    the recent list is kept in QSettings, which is plain text on disk, so names never go there.
    """
    parent = folder.parent
    home = Path.home()
    if app_folder is not None and parent.is_relative_to(app_folder):  # e.g. "Demo vaults"
        where = QCoreApplication.translate("recent_vaults", "in this app's own folder")
    elif parent == home:
        where = QCoreApplication.translate("recent_vaults", "in your home folder")
    elif parent.is_relative_to(home):
        where = QCoreApplication.translate("recent_vaults", "in %1").replace(
            "%1", str(parent.relative_to(home)))
    else:
        where = QCoreApplication.translate("recent_vaults", "in %1").replace("%1", str(parent))
    return f"{folder.name} — {where}"
