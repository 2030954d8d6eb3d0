"""The Records page: the person's documents in a table, a preview, their details, and importing."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from organizer.core.catalog import DOCUMENT
from organizer.core.intake.importer import FileOutcome
from organizer.core.record_row import RecordRow, person_records
from organizer.core.session import Session
from organizer.ui.error_dialog import show_error
from organizer.ui.page import VaultPage
from organizer.ui.records.details import DetailsPanel
from organizer.ui.records.drop_zone import DropZone, choose_record_files, local_paths
from organizer.ui.records.editor import RecordEditor
from organizer.ui.records.full_text import FullTextSearch
from organizer.ui.records.import_flow import ImportBar, ImportFlow
from organizer.ui.records.preview import PreviewPane
from organizer.ui.records.preview_loading import load_preview
from organizer.ui.records.preview_toggle import PreviewToggle
from organizer.ui.records.review_preview import ReviewPreview
from organizer.ui.records.table_panel import RecordsTable
from organizer.ui.records.type_questions import ReviewPanel
from organizer.ui.style import message_label, row_of, show_message

# The app style sheet marks focus on buttons, fields and tables; these views need it too.
FOCUS_STYLE = ("QPlainTextEdit:focus, QListView:focus, QPdfView:focus, QComboBox:focus "
               "{ border: 2px solid palette(highlight); }")


class RecordsPage(VaultPage):
    """The person's records: find one, read it, correct what we guessed, and add more."""

    shows = frozenset({DOCUMENT})

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.setAcceptDrops(True)
        self.setStyleSheet(FOCUS_STYLE)
        self._loading = False
        self._load_again = False
        self._shown_file: str | None = None
        self._shown: tuple[str, object] | None = None  # the file and the turns the preview shows
        self._unsure: list[FileOutcome] = []  # questions wait for the table to hold these records
        self._make_widgets()
        self._make_actions()
        self._lay_out()
        self._connect()
        self._show_rows([])

    @property
    def title(self) -> str:
        return self.tr("Records")

    @property
    def is_busy(self) -> bool:
        """True while the records are loading or an import runs."""
        return self._loading or self.flow.running

    def _make_widgets(self) -> None:
        self.add_button = QPushButton(self.tr("&Add records…"), self)
        self.add_button.setAccessibleName(self.tr("Add records"))
        self.undo_button = QPushButton(self.tr("&Undo last change"), self)
        self.undo_button.setEnabled(False)
        self.message = message_label(self)
        self.import_bar = ImportBar(self)
        self.flow = ImportFlow(self.session, self.import_bar, self)
        self.editor = RecordEditor(self)
        self.review = ReviewPanel(self.records_row, self)
        self.review_preview = ReviewPreview(self, self.review, self.editor)
        self.records = RecordsTable(self)
        self.full_text = FullTextSearch(self.session, self.records.proxy, self)
        self.details = DetailsPanel(self)
        self.preview = PreviewPane(self)
        self.empty = DropZone(self)

    def _make_actions(self) -> None:
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        self.undo_action = QAction(self.tr("Undo last change"), self)
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.undo_action.triggered.connect(self.undo)
        self.undo_button.clicked.connect(self.undo)
        self.undo_action.setShortcutContext(context)
        self.addAction(self.undo_action)
        self.zoom_actions = self.preview.shortcuts_for(self)

    def _lay_out(self) -> None:
        left = QSplitter(Qt.Orientation.Vertical, self)
        left.addWidget(self.records)
        left.addWidget(self.details)
        left.setStretchFactor(0, 2)  # the list gets most of the height on short screens
        left.setStretchFactor(1, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.preview)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        self.preview_toggle = PreviewToggle(self.splitter, self.preview, self)  # narrow screens
        top = row_of(start=(self.add_button,), end=(self.preview_toggle, self.undo_button))
        self.body = QStackedWidget(self)
        self.body.addWidget(self.empty)
        self.body.addWidget(self.splitter)
        self.body.addWidget(self.review)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.import_bar)
        layout.addWidget(self.message)
        layout.addWidget(self.body, 1)
        for first, second in ((self.add_button, self.undo_button),
                              (self.undo_button, self.records.search)):
            QWidget.setTabOrder(first, second)

    def _connect(self) -> None:
        self.add_button.clicked.connect(self.choose_files)
        self.empty.add_button.clicked.connect(self.choose_files)
        self.records.current_changed.connect(self._current_changed)
        self.records.search.textChanged.connect(self.full_text.text_changed)
        self.full_text.finished.connect(self.records.show_search_count)
        self.full_text.follow_in(self.records, self.preview)
        self.records.open_requested.connect(self.preview.view.setFocus)
        self.details.type_chosen.connect(
            lambda kind: self._edit(lambda doc_id: self.editor.set_type(doc_id, kind)))
        self.details.details_edited.connect(
            lambda values: self._edit(lambda doc_id: self.editor.set_details(doc_id, values)))
        self.details.left_out_toggled.connect(
            lambda left_out: self._edit(lambda doc_id: self.editor.set_left_out(doc_id, left_out)))
        self.editor.saved.connect(self._show_saved)
        self.editor.failed.connect(self._save_failed)
        self.editor.can_undo.connect(self.undo_button.setEnabled)
        self.flow.saved.connect(self._imported)
        self.flow.unsure.connect(self._ask_types)
        self.flow.notice.connect(self._show_message)
        self.preview.rotate_requested.connect(
            lambda turns: self._edit(lambda doc_id: self.editor.rotate(doc_id, turns)))
        self.preview.page_turns_requested.connect(
            lambda on: self._edit(lambda doc_id: self.editor.set_page_turns(doc_id, on)))
        self.review.chosen.connect(self.editor.set_type)
        self.review.finished.connect(self._review_finished)

    # --- loading -------------------------------------------------------------------------

    def refresh(self) -> None:
        person = self.person
        if person is None or not self.session.is_open:
            self._show_rows([])
            return
        self.flow.person = person
        if self._loading:
            self._load_again = True
            return
        self._loading = True
        self.run_in_background(lambda: self.session.call(person_records, person),
                               lambda rows: self._loaded(person.id, rows), self._load_failed)

    def _loaded(self, person_id: str, rows: list[RecordRow]) -> None:
        self._loading = False
        if self._load_again or self.person is None or self.person.id != person_id:
            self._load_again = False
            self.refresh()
            return
        self._show_rows(rows)
        self.full_text.person_id = person_id
        if self.records.search.text().strip():
            self.full_text.run()  # the records changed: so may what the words find
        self._ask_types([])
        self.editor.check_undo()

    def _load_failed(self, error: BaseException) -> None:
        self._loading = self._load_again = False
        if self.session.is_open:
            self._show_message(self.tr("Your records could not be loaded: %1").replace("%1", str(error)))

    def _show_rows(self, rows: list[RecordRow]) -> None:
        self.records.set_rows(rows)
        if self.body.currentWidget() is not self.review or not self.review.active:
            self.body.setCurrentWidget(self.splitter if rows else self.empty)

    def clear(self) -> None:
        super().clear()
        self.flow.stop()
        self.flow.person = None
        self.review.stop()
        self._unsure.clear()
        self.editor.forget()
        self.full_text.clear()
        self.records.set_rows([])
        self.details.show_row(None)
        self.preview.clear()
        self._shown_file = self._shown = None
        self._show_message("")
        self.body.setCurrentWidget(self.empty)

    # --- the chosen record ------------------------------------------------------------

    def _current_changed(self, row: RecordRow | None) -> None:
        self.details.show_row(row)
        if row is None:
            self._shown_file = self._shown = None
            self.preview.clear()
            return
        if (row.preview_key, row.view) != self._shown:
            self._shown = (row.preview_key, row.view)
            self._shown_file = row.preview_key
            load_preview(self, self.preview, row, lambda: self._shown_file, self._counted)

    def _counted(self, before: RecordRow, row: RecordRow) -> None:
        """A portal record's readable PDF was written for its preview: show its page count."""
        self.records.model.replace_row(row)
        if self._shown_file == before.preview_key:  # the preview shows that PDF, now kept
            self._shown, self._shown_file = (row.preview_key, row.view), row.preview_key
        if self.details.row is not None and self.details.row.id == row.id:
            self.details.show_row(row)

    # --- edits ---------------------------------------------------------------------------

    def _edit(self, apply: Callable[[str], None]) -> None:
        row = self.details.row
        if row is not None:
            apply(row.id)

    def undo(self) -> None:
        """Take back the person's last case edit (the journal's undo, as `organizer undo`)."""
        self.editor.undo()

    def _show_saved(self, rows: tuple[RecordRow, ...], said: str, kinds: frozenset[str]) -> None:
        """Redraw only the rows the edit (or its undo) touched; other pages showing what it
        touched (an undone medicine, say) redraw when shown."""
        for row in rows:
            self.records.model.replace_row(row)
            if self.details.row is not None and self.details.row.id == row.id:
                self._current_changed(row)  # a turned record is shown again, turned
            self.review_preview.saved(row)
        self._show_message(said)
        if kinds:
            self.changed.emit(kinds)

    def _save_failed(self, error: BaseException) -> None:
        self.details.show_row(self.records.current_row())  # the fields show what is really saved
        show_error(self, error)

    def _show_message(self, text: str) -> None:
        show_message(self.message, text)

    # --- importing ---------------------------------------------------------------------

    def import_paths(self, paths: list[Path]) -> None:
        """Import files and folders (dropped on the window or chosen) for the current person."""
        if self.person is None:
            self._show_message(self.tr("Please choose whose records these are first."))
            return
        self.flow.person = self.person
        self.flow.add(paths)

    def choose_files(self) -> None:
        paths = choose_record_files(self)
        if paths:
            self.import_paths(paths)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if local_paths(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = local_paths(event.mimeData())
        if paths:
            event.acceptProposedAction()
            self.import_paths(paths)

    def _ask_types(self, outcomes: list[FileOutcome]) -> None:
        """Ask about unsure types once the table is loaded (the questions show its guesses)."""
        self._unsure += outcomes
        if self._unsure and not self._loading:
            unsure, self._unsure = self._unsure, []
            self.review.ask(unsure)
            if self.review.active and self.body.currentWidget() is not self.review:
                self.body.setCurrentWidget(self.review)
                self.review.types.setFocus()

    def _review_finished(self) -> None:
        self.body.setCurrentWidget(self.splitter if self.records.model.rowCount() else self.empty)
        self.records.table.setFocus()

    def records_row(self, doc_id: str) -> RecordRow | None:
        return self.records.model.row_by_id(doc_id)

    def _imported(self) -> None:
        self.refresh()
        self.changed.emit(None)  # new records, maybe medicines found in them: everything may change

