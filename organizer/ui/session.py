"""What the widgets may ask of the open vault: the Session interface (app.py provides it)."""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from organizer.core.records import Document, Person


class Session(Protocol):
    """Owns at most one unlocked vault. Slow methods are called on a worker thread."""

    @property
    def folder(self) -> Path | None:
        """The open vault's folder, or None while locked."""

    def check_person(self, name: str, date_of_birth: str) -> None:
        """Raise a UserFacingError if the name or date of birth cannot be used (fast)."""

    def check_recovery_key(self, text: str) -> None:
        """Raise a UserFacingError if the text is not a well-formed recovery key (fast)."""

    def create_vault(self, folder: Path, passphrase: str, name: str, date_of_birth: str) -> str:
        """Make a vault holding one person; returns the recovery key text (slow)."""

    def unlock(self, folder: Path, passphrase: str) -> None:
        """Open a vault with its passphrase (slow)."""

    def recover(self, folder: Path, recovery_key: str, new_passphrase: str) -> None:
        """Open a vault with its recovery key and set a new passphrase (slow)."""

    def people(self) -> list[Person]: ...

    def documents(self) -> list[Document]: ...

    def close(self) -> None:
        """Lock: forget the keys and let other programs open the vault. Safe to call twice."""
