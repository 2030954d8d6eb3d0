"""The shared shape of a case page: load in the background, save in the background, offer Undo."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from organizer.core.case.undo import Changed, collected_changes, last_edit, undo_last
from organizer.core.records import Person
from organizer.core.session import Session
from organizer.core.vault import Vault
from organizer.ui.autosave import AutoSave, run_save
from organizer.ui.error_dialog import show_error
from organizer.ui.page import VaultPage

CaseWork = Callable[[Vault, Person], Any]


class UndoBar(QWidget):
    """A line saying what was just changed, with an Undo button (hidden until something changed)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.button = QPushButton(self.tr("&Undo"), self)
        self.button.setObjectName("undoButton")
        self.button.setAccessibleName(self.tr("Undo the last change"))
        self.button.setToolTip(self.tr("Undo the last change (Ctrl+Z)"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.button)
        self.setVisible(False)

    def show_done(self, text: str, can_undo: bool) -> None:
        self.label.setText(text)
        self.label.setAccessibleName(text)
        self.button.setVisible(can_undo)
        self.setVisible(bool(text))


class CasePage(VaultPage):
    """A VaultPage about one person's case. Subclasses implement `load` and `show_data`.

    `load(vault, person)` runs on a worker thread through the session; `show_data(result)` runs
    on the GUI thread. `save(work)` runs a change the same way, then offers Undo and refreshes.
    `loaded` is emitted each time fresh data is on screen (tests and callers wait for it).
    Typed fields save themselves: `autosave.watch(field)` and implement `save_fields()`.
    """

    loaded = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self._generation = 0  # answers from an older refresh (or another person) are dropped
        self.undo_bar = UndoBar(self)
        self.undo_bar.button.clicked.connect(self.undo)
        self.undo_shortcut = QShortcut(QKeySequence.StandardKey.Undo, self)
        self.undo_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.undo_shortcut.activated.connect(self.undo)
        self.autosave = AutoSave(self, self.save_fields)

    # --- what subclasses provide ---------------------------------------------------------------

    def load(self, vault: Vault, person: Person) -> Any:
        """Read what the page shows (worker thread)."""
        return None

    def show_data(self, data: Any) -> None:
        """Put freshly loaded data on screen (GUI thread)."""

    def show_nobody(self) -> None:
        """Empty every field: no person chosen, or the vault locked."""

    def save_fields(self) -> None:
        """Save what the watched fields hold now (called by `autosave`)."""

    # --- loading and saving --------------------------------------------------------------------

    def set_person(self, person: Person | None) -> None:
        if person != self.person:
            self.autosave.flush()  # what was typed belongs to the person shown until now
        super().set_person(person)

    def refresh(self) -> None:
        self._generation += 1
        person, generation = self.person, self._generation
        self.setEnabled(person is not None)
        if person is None:
            self._show_nobody()
            return
        self.run_in_background(lambda: self.session.call(self.load, person),
                               lambda data: self._loaded(generation, data), self._load_failed)

    def _loaded(self, generation: int, data: Any) -> None:
        if generation != self._generation:
            return
        with self.autosave.quietly():
            self.show_data(data)
        self.loaded.emit()

    def _load_failed(self, error: BaseException) -> None:
        if self.session.is_open:  # after a lock, a late answer has nothing to show
            show_error(self, error)

    def _show_nobody(self) -> None:
        self.autosave.forget()
        with self.autosave.quietly():
            self.show_nobody()

    def clear(self) -> None:
        super().clear()
        self._generation += 1
        self.undo_bar.show_done("", False)
        self._show_nobody()

    def save(self, work: CaseWork, done: Callable[[Any], None] | None = None) -> None:
        """Run a change for the current person in the background; then Undo, refresh, `changed`."""
        person = self.person
        if person is None:
            return

        def change(vault: Vault, who: Person) -> tuple[Any, Changed | None]:
            with collected_changes() as made:  # what the operation recorded, not a guess after it
                result = work(vault, who)
            return result, Changed.combined(made) if made else None

        def finished(answer: tuple[Any, Changed | None]) -> None:
            result, changed = answer
            label = changed.label if changed else ""
            self.undo_bar.show_done(self.tr("Saved: {0}.").format(label) if label
                                    else self.tr("Saved."), bool(label))
            if done is not None:
                done(result)
            self.refresh()
            self.changed.emit(changed.kinds if changed else None)

        run_save(self, lambda: self.session.call(change, person), finished, self._save_failed)

    def _save_failed(self, error: BaseException) -> None:
        if not self.session.is_open:
            return
        show_error(self, error)
        self.refresh()  # show what is really saved, not what was typed

    def undo(self) -> None:
        """Put back what the last change of this person's case replaced (core undo_last)."""
        self.autosave.flush()  # what was just typed is the last change
        person = self.person
        if person is None:
            return

        def finished(answer: tuple[Changed | None, bool]) -> None:
            undone, more = answer
            text = (self.tr("Undone: {0}.").format(undone.label) if undone
                    else self.tr("There is nothing left to undo."))
            self.undo_bar.show_done(text, more)
            self.refresh()
            if undone:
                self.changed.emit(undone.kinds)

        def work(vault: Vault, who: Person) -> tuple[Changed | None, bool]:
            edit = undo_last(vault, who.id)
            return (edit.changed if edit else None), last_edit(vault, who.id) is not None

        run_save(self, lambda: self.session.call(work, person), finished, self._save_failed)
