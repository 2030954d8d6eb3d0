"""Saving edits to records off the GUI thread, and Ctrl+Z: the journal's undo (as `organizer undo`)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from organizer.core import document_edits as edits
from organizer.core.case.undo import Changed, last_edit, undo_last
from organizer.core.catalog import DOCUMENT
from organizer.core.record_row import RecordRow, read_row
from organizer.core.records import Person, RecordType
from organizer.core.vault import Vault
from organizer.ui.autosave import run_save
from organizer.ui.page import VaultPage
from organizer.ui.records.table_model import type_text

Saved = tuple[tuple[RecordRow, ...], bool, frozenset[str]]
"""The rows an operation touched (as now saved), whether undo is left, the entity kinds touched."""


def _rows_touched(vault: Vault, person: Person, changed: Changed) -> Saved:
    rows = (read_row(vault, person, doc_id) for doc_id in sorted(changed.ids(DOCUMENT)))
    return (tuple(row for row in rows if row is not None), last_edit(vault, person.id) is not None,
            changed.kinds)


class RecordEditor(QObject):
    """Each edit is a case edit in the journal; `undo()` takes back the person's newest one."""

    saved = Signal(object, str, object)  # rows touched (as now saved), what happened, kinds touched
    failed = Signal(object)  # the error
    can_undo = Signal(bool)

    def __init__(self, page: VaultPage) -> None:
        super().__init__(page)
        self.page = page
        self.saving = 0  # edits on their way to the vault
        self._undo_waiting = False  # Ctrl+Z pressed before the newest edit was saved

    def set_type(self, doc_id: str, kind: RecordType) -> None:
        said = self.tr("Saved: the type is now “%1”.").replace("%1", type_text(kind))
        self._save(lambda v: edits.change_type(v, doc_id, kind), said)

    def set_details(self, doc_id: str, values: dict[str, str]) -> None:
        person = self.page.person
        if person is not None:
            self._save(lambda v: edits.change_details(v, person, doc_id, values), self.tr("Saved."))

    def set_left_out(self, doc_id: str, left_out: bool) -> None:
        person = self.page.person
        if person is None:
            return
        said = (self.tr("Saved: this record will be left out of the packet.") if left_out
                else self.tr("Saved: this record will go into the packet."))
        self._save(lambda v: edits.change_left_out(v, person, doc_id, left_out), said)

    def rotate(self, doc_id: str, quarter_turns: int) -> None:
        said = (self.tr("Saved: the pages are turned to the right.") if quarter_turns > 0
                else self.tr("Saved: the pages are turned to the left."))
        self._save(lambda v: edits.change_rotation(v, doc_id, quarter_turns), said)

    def set_page_turns(self, doc_id: str, on: bool) -> None:
        """Turn the pages recognition found sideways or upside down upright (`on`), or show them
        as scanned."""
        said = (self.tr("Saved: the pages are turned upright.") if on
                else self.tr("Saved: the pages are shown as they were scanned."))
        self._save(lambda v: edits.change_page_turns(v, doc_id, on=on), said)

    def check_undo(self) -> None:
        """Enable Undo when the person has a case edit to take back (after loading the page)."""
        person = self.page.person
        if person is None:
            self.can_undo.emit(False)
            return
        run_save(self, lambda: self.page.session.call(lambda v: last_edit(v, person.id) is not None),
                 self.can_undo.emit, lambda _error: self.can_undo.emit(False))

    def forget(self) -> None:
        self._undo_waiting = False
        self.can_undo.emit(False)

    def _save(self, change: Callable[[Vault], Changed], said: str) -> None:
        person = self.page.person
        if person is None:
            return

        def done(result: Saved) -> None:
            rows, more, kinds = result
            self.can_undo.emit(more)
            self.saved.emit(rows, said + " " + self.tr("Ctrl+Z undoes it."), kinds)
            self._saved_one()

        def failed(error: BaseException) -> None:
            self._failed(error)
            self._saved_one()

        self.saving += 1
        run_save(self, lambda: self.page.session.call(
            lambda vault: _rows_touched(vault, person, change(vault))), done, failed)

    def _saved_one(self) -> None:
        self.saving -= 1
        if not self.saving and self._undo_waiting:
            self._undo_waiting = False
            self.undo()

    def undo(self) -> None:
        """Take back the person's newest case edit, from the journal (once the edits on their way
        are saved). Undoing is not itself a new edit: the edit is marked undone."""
        if self.saving:
            self._undo_waiting = True
            return
        person = self.page.person
        if person is None:
            return

        def work(vault: Vault) -> tuple[Saved, str]:
            edit = undo_last(vault, person.id)
            if edit is None:
                return ((), False, frozenset()), self.tr("There is nothing left to undo.")
            return _rows_touched(vault, person, edit.changed), self.tr("Undone: {0}.").format(edit.label)

        def done(answer: tuple[Saved, str]) -> None:
            (rows, more, kinds), said = answer
            self.can_undo.emit(more)
            self.saved.emit(rows, said, kinds)

        run_save(self, lambda: self.page.session.call(work), done, self._failed)

    def _failed(self, error: BaseException) -> None:
        if self.page.session.is_open:  # after a lock there is nothing left to show it on
            self.failed.emit(error)
