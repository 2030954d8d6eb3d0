"""Form fields the case pages share: keyboard-friendly multi-line text boxes and date fields."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QWidget

from organizer.ui.case.date_field import DateField


def text_box(parent: QWidget, name: str, lines: int) -> QPlainTextEdit:
    """A multi-line field where Tab moves on (keyboard users must be able to leave it)."""
    box = QPlainTextEdit(parent)
    box.setAccessibleName(name)
    box.setTabChangesFocus(True)
    box.setMinimumHeight(box.fontMetrics().lineSpacing() * lines)
    return box


def date_field(parent: QWidget, today: bool = False, day_needed: bool = False) -> DateField:
    """A date as people type it, with a calendar button (starting on today when asked)."""
    field = DateField(parent, day_needed)
    if today:
        field.set_value(date.today().isoformat())
    return field


def iso(field: DateField) -> str:
    """What to store for the field: the date read from it ("" for none)."""
    return field.value


def put_text(field: QLineEdit | QPlainTextEdit, text: str) -> None:
    """Show saved text, leaving the field (and its cursor) alone when it already says that."""
    if isinstance(field, QPlainTextEdit):
        if field.toPlainText() != text:
            field.setPlainText(text)
    elif field.text() != text:
        field.setText(text)
