"""After an import: one panel that steps through the unsure records, each shown beside its type choices."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from organizer.core.intake.importer import FileOutcome
from organizer.core.record_row import RecordRow
from organizer.core.records import RecordType
from organizer.ui.records.preview import PreviewPane
from organizer.ui.records.table_model import as_record_type, type_text
from organizer.ui.style import explanation, heading, row_of


@dataclass(frozen=True)
class UnsureRecord:
    """One record to ask about: what the import said, and the row the table holds for it."""

    outcome: FileOutcome
    row: RecordRow | None

    @property
    def name(self) -> str:
        return self.row.shown_title if self.row is not None else Path(self.outcome.source).name

    @property
    def guesses(self) -> tuple[tuple[RecordType, float], ...]:
        if self.row is not None and self.row.guesses:
            return self.row.guesses
        best = self.outcome.best_guess
        return ((best, self.outcome.confidence),) if best else ()


def sure_text(confidence: float) -> str:
    """How sure we are, in words; never "about 0 % sure"."""
    percent = round(confidence * 100)
    if percent < 1:
        return QCoreApplication.translate("ReviewPanel", "only a faint hint")
    return QCoreApplication.translate("ReviewPanel", "about %1 % sure").replace("%1", str(percent))


class ReviewPanel(QWidget):
    """Shows each unsure record's pages beside what we saw in it and the list of types.

    Emits `chosen(document id, type)` for each answer (the page saves it as an undoable edit),
    `preview_wanted(row)` when a record should be shown, and `finished` when the user is done.
    """

    chosen = Signal(str, object)
    preview_wanted = Signal(object)
    finished = Signal()

    def __init__(self, known_row: Callable[[str], RecordRow | None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._known_row = known_row
        self.items: list[UnsureRecord] = []
        self.answers: dict[str, RecordType] = {}
        self.position = 0
        self._make_widgets()
        self._lay_out()
        self._connect()

    def _make_widgets(self) -> None:
        self.title = heading(self.tr("What kind of record is this?"), 1.3, self)
        self.counter = QLabel(self)
        self.counter.setAccessibleName(self.tr("Which record"))
        self.name = QLabel(self)
        self.name.setWordWrap(True)
        self.name.setTextFormat(Qt.TextFormat.PlainText)
        self.evidence = explanation("", self)
        self.evidence.setAccessibleName(self.tr("What we saw in this record"))
        self.types = QListWidget(self)
        self.types.setAccessibleName(self.tr("Type of record"))
        self.types_label = QLabel(self.tr("&Choose the type:"), self)
        self.types_label.setBuddy(self.types)
        self.preview = PreviewPane(self)
        self.back_button = QPushButton(self.tr("&Back"), self)
        self.back_button.setToolTip(self.tr("The record before (Alt+Left)"))
        self.save_button = QPushButton(self.tr("&Save type and go on"), self)
        self.save_button.setDefault(True)
        self.later_button = QPushButton(self.tr("Decide &later"), self)
        self.later_button.setToolTip(self.tr("Keep this record as “not sure” and go on"))
        self.done_button = QPushButton(self.tr("&Finish"), self)
        self.done_button.setToolTip(self.tr("Stop asking; the records left stay “not sure”"))

    def _lay_out(self) -> None:
        said = QWidget(self)  # what we saw can be long: it scrolls, the choices stay in view
        said_layout = QVBoxLayout(said)
        said_layout.setContentsMargins(0, 0, 0, 0)
        said_layout.addWidget(self.name)
        said_layout.addWidget(self.evidence)
        said_layout.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(said)
        side = QWidget(self)
        column = QVBoxLayout(side)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(scroll, 2)
        column.addWidget(self.types_label)
        column.addWidget(self.types, 3)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.preview)
        self.splitter.addWidget(side)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.counter)
        bottom = row_of(start=(self.back_button,),
                        end=(self.save_button, self.later_button, self.done_button))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.splitter, 1)
        layout.addLayout(bottom)
        QWidget.setTabOrder(self.types, self.save_button)
        QWidget.setTabOrder(self.save_button, self.later_button)
        QWidget.setTabOrder(self.later_button, self.done_button)

    def _connect(self) -> None:
        self.save_button.clicked.connect(self.save_and_next)
        self.later_button.clicked.connect(self.next)
        self.back_button.clicked.connect(self.back)
        self.done_button.clicked.connect(self.finish)
        self.types.itemActivated.connect(lambda _item: self.save_and_next())
        for keys, slot in (("Alt+Right", self.next), ("Alt+Left", self.back),
                           ("Escape", self.finish)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

    # --- stepping ------------------------------------------------------------------------

    @property
    def active(self) -> bool:
        return bool(self.items)

    def ask(self, outcomes: Sequence[FileOutcome]) -> None:
        """Add records to ask about (after those already waiting) and show the first new one."""
        known = {item.outcome.document_id for item in self.items}
        fresh = [UnsureRecord(o, self._known_row(o.document_id)) for o in outcomes
                 if o.document_id not in known]
        if not fresh:
            return
        was_active = self.active
        self.items += fresh
        if not was_active:
            self._show(0)
        else:
            self._update_counter()

    def current(self) -> UnsureRecord | None:
        return self.items[self.position] if self.items else None

    def chosen_type(self) -> RecordType | None:
        item = self.types.currentItem()
        return as_record_type(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None

    def save_and_next(self) -> None:
        record, kind = self.current(), self.chosen_type()
        if record is None or kind is None:
            return
        doc_id = record.outcome.document_id
        if self.answers.get(doc_id) is not kind:
            self.answers[doc_id] = kind
            self.chosen.emit(doc_id, kind)
        self.next()

    def next(self) -> None:
        if not self.items:
            return
        if self.position + 1 >= len(self.items):
            self.finish()
        else:
            self._show(self.position + 1)

    def back(self) -> None:
        if self.items and self.position > 0:
            self._show(self.position - 1)

    def finish(self) -> None:
        """Stop asking: records not answered stay "not sure" (the checklist still lists them)."""
        if not self.items:
            return
        self.stop()
        self.finished.emit()

    def stop(self) -> None:
        self.items.clear()
        self.answers.clear()
        self.position = 0
        self.types.clear()
        self.preview.clear()

    # --- showing -------------------------------------------------------------------------

    def _show(self, position: int) -> None:
        self.position = position
        record = self.items[position]
        row = self._known_row(record.outcome.document_id) or record.row
        self.name.setText(record.name if row is None else row.shown_title)
        self.evidence.setText(self._guess_text(record))
        self._fill_types(record)
        self._update_counter()
        self.preview.show_opening()
        if row is not None:
            self.preview_wanted.emit(row)
        self.types.setFocus()

    def _update_counter(self) -> None:
        text = self.tr("Record %1 of %2").replace("%1", str(self.position + 1)).replace(
            "%2", str(len(self.items)))
        self.counter.setText(text)
        self.counter.setAccessibleDescription(text)
        self.back_button.setEnabled(self.position > 0)
        last = self.position + 1 >= len(self.items)
        self.later_button.setText(self.tr("Decide later and &finish") if last
                                  else self.tr("Decide &later"))

    def _fill_types(self, record: UnsureRecord) -> None:
        self.types.clear()
        guesses = record.guesses
        best = guesses[0][0] if guesses else RecordType.OTHER
        selected = self.answers.get(record.outcome.document_id, best)
        for kind in RecordType:
            text = type_text(kind)
            if guesses and kind is best:
                text = self.tr("%1 — our best guess").replace("%1", text)
            item = QListWidgetItem(text, self.types)
            item.setData(Qt.ItemDataRole.UserRole, kind.value)
        self.types.setCurrentRow(list(RecordType).index(selected))

    def _guess_text(self, record: UnsureRecord) -> str:
        lines = [self.tr("We are not sure what kind of record this is. Please look at it and "
                         "choose its type; your choice is what counts.")]
        if record.guesses:
            shown = "; ".join(self.tr("%1 (%2)").replace("%1", type_text(kind))
                              .replace("%2", sure_text(confidence))
                              for kind, confidence in record.guesses[:3])
            lines.append(self.tr("Our best guesses: %1").replace("%1", shown))
        evidence = record.row.evidence if record.row is not None and record.row.evidence \
            else record.outcome.evidence
        if evidence:
            lines.append(self.tr("What we saw in it:") + "\n" + "\n".join(f"• {e}" for e in evidence))
        else:
            lines.append(self.tr("We found no headings or phrases that tell us its type."))
        return "\n\n".join(lines)
