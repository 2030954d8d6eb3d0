"""Typing in the medicines table: Tab / Shift+Tab / Enter move from cell to cell, dates get a calendar."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem, QWidget

from organizer.ui.case.date_field import DateLineEdit
from organizer.ui.case.medicines_model import DATE_FIELDS, FIELDS

Index = QModelIndex | QPersistentModelIndex


class MedicineCells(QStyledItemDelegate):
    """Cell editors for the table. Enter keeps the text and emits `enter_pressed` (the page moves
    down a row, or offers a new medicine on the last row); Tab and Shift+Tab keep it and move
    sideways (Qt's own EditNextItem / EditPreviousItem).
    """

    enter_pressed = Signal()

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        if index.column() < len(FIELDS) and FIELDS[index.column()] in DATE_FIELDS:
            editor = DateLineEdit(parent)
            editor.setFrame(False)
            editor.setAccessibleName(str(index.model().headerData(
                index.column(), Qt.Orientation.Horizontal)))
            return editor
        return super().createEditor(parent, option, index)

    def eventFilter(self, editor: QObject, event: QEvent) -> bool:
        if (event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and isinstance(editor, QWidget)):
            self.commitData.emit(editor)
            self.closeEditor.emit(editor, QStyledItemDelegate.EndEditHint.NoHint)
            self.enter_pressed.emit()
            return True
        return super().eventFilter(editor, event)
