"""After an import: ask, one file at a time, the type of each record we were unsure about."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QWidget

from organizer.core.intake.importer import FileOutcome
from organizer.core.records import RecordType
from organizer.ui.records.import_dialogs import UnsureTypeDialog
from organizer.ui.records.record_row import RecordRow


class TypeQuestions(QObject):
    """Shows an UnsureTypeDialog per file; emits `chosen(document id, type)` for each answer."""

    chosen = Signal(str, object)

    def __init__(self, known_row: Callable[[str], RecordRow | None], parent: QWidget) -> None:
        super().__init__(parent)
        self.window = parent
        self._known_row = known_row
        self._waiting: list[FileOutcome] = []
        self.dialog: UnsureTypeDialog | None = None

    def ask(self, outcomes: list[FileOutcome]) -> None:
        self._waiting += outcomes
        if self.dialog is None:
            self._next()

    def stop(self) -> None:
        self._waiting.clear()
        if self.dialog is not None:
            self.dialog.reject()

    def _next(self) -> None:
        if not self._waiting:
            return
        outcome = self._waiting.pop(0)
        row = self._known_row(outcome.document_id)
        guesses = row.guesses if row is not None and row.guesses else (
            ((outcome.best_guess, outcome.confidence),) if outcome.best_guess else ())
        dialog = UnsureTypeDialog(Path(outcome.source).name, guesses, outcome.evidence, self.window)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.finished.connect(lambda code: self._answered(dialog, outcome.document_id, code))
        self.dialog = dialog
        dialog.open()

    def _answered(self, dialog: UnsureTypeDialog, doc_id: str, code: int) -> None:
        kind = dialog.chosen()
        dialog.deleteLater()
        self.dialog = None
        self.window.window().activateWindow()  # keyboard focus comes back to the page
        if code == UnsureTypeDialog.DialogCode.Accepted and isinstance(kind, RecordType):
            self.chosen.emit(doc_id, kind)
        self._next()
