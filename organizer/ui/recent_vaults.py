"""The list of recently opened vault folders, kept in QSettings (folder paths only, nothing else)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

KEY = "recent/vault_folders"
LIMIT = 6


class RecentVaults:
    """Most recent first. Stores only folder paths: no names, no record data."""

    def __init__(self, settings: QSettings) -> None:
        self._settings = settings

    def folders(self) -> list[Path]:
        value = self._settings.value(KEY, [])
        items = [value] if isinstance(value, str) else value  # one item comes back as a string
        if not isinstance(items, list):
            return []
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
