"""Form fields the case pages share: keyboard-friendly multi-line text boxes and date pickers."""

from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit, QPlainTextEdit, QWidget


def text_box(parent: QWidget, name: str, lines: int) -> QPlainTextEdit:
    """A multi-line field where Tab moves on (keyboard users must be able to leave it)."""
    box = QPlainTextEdit(parent)
    box.setAccessibleName(name)
    box.setTabChangesFocus(True)
    box.setMinimumHeight(box.fontMetrics().lineSpacing() * lines)
    return box


def date_field(parent: QWidget) -> QDateEdit:
    """A date picker that starts on today and shows dates as YYYY-MM-DD."""
    field = QDateEdit(QDate.currentDate(), parent)
    field.setDisplayFormat("yyyy-MM-dd")
    field.setCalendarPopup(True)
    return field


def iso(field: QDateEdit) -> str:
    return field.date().toString("yyyy-MM-dd")
