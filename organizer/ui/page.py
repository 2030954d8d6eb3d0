"""The base of every page shown for an open vault (checklist, records, medicines, packet, ...)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from organizer.core.records import Person
from organizer.core.session import Session
from organizer.ui.workers import BackgroundTask, run_in_background

T = TypeVar("T")


class VaultPage(QWidget):
    """A page of the open vault. The main window shows one at a time beside its navigation list.

    Subclasses set `title` (shown in the navigation, translated), load their data in `refresh()`
    with `run_in_background`, emit `changed` after they changed vault data (other pages then
    refresh), and drop everything they show in `clear()` (called when the vault locks).

    `changed` carries the kinds of vault entities the change touched (None: unknown); only pages
    whose `shows` meets them are redrawn, the next time they are shown.
    """

    changed = Signal(object)  # frozenset[str] of entity kinds touched, or None (every page redraws)
    shows: frozenset[str] | None = None
    """The kinds of vault entities this page displays (None: everything, e.g. the checklist)."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.person: Person | None = None

    @property
    def title(self) -> str:
        raise NotImplementedError

    def set_person(self, person: Person | None) -> None:
        """Show this person's part of the case (None: nobody chosen)."""
        self.person = person
        self.refresh()

    def touched_by(self, kinds: frozenset[str] | None) -> bool:
        """Whether a change to these entity kinds alters what this page shows."""
        return kinds is None or self.shows is None or bool(self.shows & kinds)

    def refresh(self) -> None:
        """Reload what the page shows from the session (in the background)."""

    def clear(self) -> None:
        """Forget everything shown: the vault is locking."""
        self.person = None

    def run_in_background(
        self, work: Callable[[], T], done: Callable[[T], None],
        failed: Callable[[Exception], None] | None = None,
    ) -> BackgroundTask:
        """Run `work()` off the GUI thread; `done(result)` runs on the GUI thread after it.

        Failures show one plain error dialog unless `failed` handles them.
        """
        return run_in_background(self, work, done, failed)
