"""A line above the preview saying which pages were turned upright on their own, with one button
to show them as scanned (or turn them upright again)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from organizer.core.page_rotation import PageTurns, page_numbers


class PageTurnsNote(QWidget):
    """Hidden unless the record shown has pages text recognition turned on their own.

    The button only asks (`toggled(on)`: True to turn the pages upright, False to show them as
    scanned); the page saves the choice as an edit (Ctrl+Z takes it back) and shows the record again.
    """

    toggled = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._off = False
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setAccessibleName(self.tr("Pages turned upright"))
        self.button = QPushButton(self)
        self.button.setProperty("compact", True)
        self.button.clicked.connect(lambda: self.toggled.emit(self._off))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.button)
        self.setVisible(False)

    def show_turns(self, turns: PageTurns, off: bool) -> None:
        """Say which pages were turned (`turns`, as found) and whether they are shown turned."""
        numbers = page_numbers(turns)
        if not numbers:
            self.clear()
            return
        self._off = off
        one = len([turn for _, turn in turns if turn % 360]) == 1
        if off:
            text = (self.tr("Page %1 is shown as it was scanned.") if one
                    else self.tr("Pages %1 are shown as they were scanned."))
            button = self.tr("Turn upright again")
        else:
            text = (self.tr("Page %1 was turned so it reads upright.") if one
                    else self.tr("Pages %1 were turned so they read upright."))
            button = self.tr("Show as scanned")
        self.label.setText(text.replace("%1", numbers))
        self.button.setText(button)
        self.button.setAccessibleName(button)
        self.button.setAccessibleDescription(self.label.text())
        self.setVisible(True)

    def clear(self) -> None:
        self.setVisible(False)
        self.label.setText("")
