"""The details of the chosen record: type, date, title, notes, packet choice, and why we guessed the type."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from organizer.core.record_row import RecordRow
from organizer.core.records import RecordType
from organizer.ui.autosave import AutoSave
from organizer.ui.case.date_field import DateField
from organizer.ui.case.form_fields import put_text
from organizer.ui.records.table_model import as_record_type, date_text, type_text
from organizer.ui.style import heading


def type_combo(parent: QWidget, with_unsure: bool) -> QComboBox:
    """A combo of every record type by its plain name (data: the RecordType, or None for unsure)."""
    combo = QComboBox(parent)
    if with_unsure:
        combo.addItem(type_text(None), None)
    for kind in RecordType:
        combo.addItem(type_text(kind), kind.value)
    return combo


class DetailsPanel(QScrollArea):
    """Edits go out as signals; the page saves them and calls `show_row` with what was saved.

    The date, title and notes save themselves (after a pause, on leaving them, before a lock).
    """

    type_chosen = Signal(object)  # RecordType
    details_edited = Signal(dict)  # {"record_date"|"title"|"notes": text}
    left_out_toggled = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self.row: RecordRow | None = None
        body = QWidget(self)
        self.heading = heading(self.tr("No record chosen"), 1.2, body)
        self.type = type_combo(body, with_unsure=True)
        self.type.setAccessibleName(self.tr("Type of record"))
        self.date = DateField(body)
        self.date.setAccessibleName(self.tr("Date on the record"))
        self.title_edit = QLineEdit(body)
        self.title_edit.setAccessibleName(self.tr("Title"))
        self.notes = QPlainTextEdit(body)
        self.notes.setTabChangesFocus(True)
        self.notes.setAccessibleName(self.tr("Notes"))
        self.notes.setMinimumHeight(self.fontMetrics().height() * 3)
        self.notes.setMaximumHeight(self.fontMetrics().height() * 6)
        self.left_out = QCheckBox(self.tr("&Leave this record out of the packet"), body)
        self.left_out.setAccessibleName(self.tr("Leave this record out of the packet"))
        self.facts = self._text_label(body, self.tr("About this file"))
        self.evidence = self._text_label(body, self.tr("Why we think it is this type"))
        self.warnings = self._text_label(body, self.tr("Please check"))
        self._lay_out(body)
        self.setWidget(body)
        self.type.activated.connect(self._type_activated)
        self.autosave = AutoSave(self, self._save_fields)
        self.autosave.watch(self.date, self.title_edit, self.notes)
        self.left_out.clicked.connect(lambda: self.left_out_toggled.emit(self.left_out.isChecked()))
        self.show_row(None)

    def _text_label(self, parent: QWidget, name: str) -> QLabel:
        label = QLabel(parent)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.setAccessibleName(name)
        return label

    def _lay_out(self, body: QWidget) -> None:
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        for text, field in ((self.tr("&Type:"), self.type), (self.tr("&Date:"), self.date),
                            (self.tr("T&itle:"), self.title_edit), (self.tr("&Notes:"), self.notes)):
            label = QLabel(text, body)
            label.setBuddy(field)
            form.addRow(label, field)
        layout = QVBoxLayout(body)
        layout.addWidget(self.heading)
        layout.addLayout(form)
        layout.addWidget(self.left_out)
        layout.addWidget(self.warnings)
        layout.addWidget(self.evidence)
        layout.addWidget(self.facts)
        layout.addStretch(1)

    def show_row(self, row: RecordRow | None) -> None:
        """Fill the fields from a row (None: nothing chosen, everything disabled)."""
        if row is None or self.row is None or row.id != self.row.id:
            self.autosave.flush()  # what was typed belongs to the record shown until now
        elif self.autosave.pending:
            self.row = row
            return  # the same record, saved while more was typed: leave the fields alone
        self.row = row
        with self.autosave.quietly():
            self._fill(row)

    def _fill(self, row: RecordRow | None) -> None:
        for widget in (self.type, self.date, self.title_edit, self.notes, self.left_out):
            widget.setEnabled(row is not None)
        if row is None:
            self.heading.setText(self.tr("No record chosen"))
            self.date.clear()
            self.title_edit.clear()
            self.notes.clear()
            self.type.setCurrentIndex(0)
            self.left_out.setChecked(False)
            for label in (self.facts, self.evidence, self.warnings):
                label.setVisible(False)
            return
        self.heading.setText(row.shown_title)
        self.heading.setAccessibleName(row.shown_title)
        self.type.setCurrentIndex(max(0, self.type.findData(row.type.value)) if row.type else 0)
        self.date.set_value(row.record_date)
        put_text(self.title_edit, row.title)
        self.title_edit.setPlaceholderText(row.filename)
        put_text(self.notes, row.notes)
        self.left_out.setChecked(row.left_out)
        self._show_explanations(row)

    def _show_explanations(self, row: RecordRow) -> None:
        if row.type_by == "user":
            why = self.tr("You chose this type.")
        elif row.evidence:
            why = self.tr("Why we think it is this type:") + "\n" + "\n".join(
                f"• {line}" for line in row.evidence)
        else:
            why = self.tr("We found nothing in this record that tells us its type.")
        self.evidence.setText(why)
        self.evidence.setVisible(True)
        self.warnings.setText("\n".join([self.tr("⚠ Please check:")] + [f"• {w}" for w in row.warnings]))
        self.warnings.setVisible(bool(row.warnings))
        pages = (self.tr("1 page") if row.pages == 1 else self.tr("%1 pages").replace("%1", str(row.pages))
                 if row.pages else self.tr("pages not known"))
        added = date_text(row.added[:10])
        self.facts.setText(self.tr("File: %1 · %2 · added %3").replace("%1", row.filename)
                           .replace("%2", pages).replace("%3", added))
        self.facts.setVisible(True)

    def _type_activated(self, position: int) -> None:
        kind = as_record_type(self.type.itemData(position))
        if self.row is not None and kind is not None and kind is not self.row.type:
            self.type_chosen.emit(kind)

    def _save_fields(self) -> None:
        """Send the fields that differ from what is saved (a date that cannot be read waits)."""
        if self.row is None:
            return
        typed = {"title": self.title_edit.text().strip(), "notes": self.notes.toPlainText().strip()}
        if not self.date.problem:
            typed["record_date"] = self.date.value
        saved = {"record_date": self.row.record_date, "title": self.row.title, "notes": self.row.notes}
        changed = {name: text for name, text in typed.items() if text != saved[name]}
        if changed:
            self.details_edited.emit(changed)
