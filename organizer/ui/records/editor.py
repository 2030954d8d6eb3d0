"""Saving edits to records off the GUI thread, and undoing them (Ctrl+Z) by writing back old values."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from organizer.core import document_edits as edits
from organizer.core.record_row import RecordRow, read_row
from organizer.core.records import RecordType
from organizer.core.vault import Vault
from organizer.ui.autosave import run_save
from organizer.ui.page import VaultPage
from organizer.ui.records.table_model import type_text


class RecordEditor(QObject):
    """Each edit made on the page goes on a stack; `undo()` takes back the newest one."""

    saved = Signal(object, str)  # the row as now saved (or None), a sentence saying what happened
    failed = Signal(object)  # the error
    can_undo = Signal(bool)

    def __init__(self, page: VaultPage) -> None:
        super().__init__(page)
        self.page = page
        self.stack: list[edits.DocumentEdit] = []
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

    def forget(self) -> None:
        self._undo_waiting = False
        self.stack.clear()
        self.can_undo.emit(False)

    def _save(self, change: Callable[[Vault], edits.DocumentEdit], said: str) -> None:
        person = self.page.person
        if person is None:
            return

        def work(vault: Vault) -> tuple[edits.DocumentEdit, RecordRow | None]:
            done = change(vault)
            return done, read_row(vault, person, done.document_id)

        def done(result: tuple[edits.DocumentEdit, RecordRow | None]) -> None:
            self.stack.append(result[0])
            self.can_undo.emit(True)
            self.saved.emit(result[1], said + " " + self.tr("Ctrl+Z undoes it."))
            self._saved_one()

        def failed(error: BaseException) -> None:
            if self.page.session.is_open:  # after a lock there is nothing left to show it on
                self.failed.emit(error)
            self._saved_one()

        self.saving += 1
        run_save(self, lambda: self.page.session.call(work), done, failed)

    def _saved_one(self) -> None:
        self.saving -= 1
        if not self.saving and self._undo_waiting:
            self._undo_waiting = False
            self.undo()

    def undo(self) -> None:
        """Put back the values the newest edit replaced (once it is saved, if it is on its way)."""
        if self.saving:
            self._undo_waiting = True
            return
        person = self.page.person
        if not self.stack or person is None:
            return
        edit = self.stack.pop()
        self.can_undo.emit(bool(self.stack))

        def work(vault: Vault) -> RecordRow | None:
            edits.undo_edit(vault, person, edit)
            return read_row(vault, person, edit.document_id)

        run_save(self, lambda: self.page.session.call(work),
                 lambda row: self.saved.emit(row, self.tr("Undone.")), self._failed)

    def _failed(self, error: BaseException) -> None:
        if self.page.session.is_open:  # after a lock there is nothing left to show it on
            self.failed.emit(error)
