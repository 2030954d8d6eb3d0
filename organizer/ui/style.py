"""The app's look: larger buttons, a clearly visible keyboard focus, colours from the palette."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

# Colours come from palette(...) so light, dark and high-contrast themes all keep working.
# Sizes are in em so they grow with the user's font size.
STYLE_SHEET = """
QPushButton {
    padding: 0.35em 1.1em;
    border: 1px solid palette(mid);
    border-radius: 0.3em;
    background: palette(button);
    color: palette(button-text);
}
QPushButton:hover { border-color: palette(highlight); }
QPushButton:focus { border: 3px solid palette(highlight); }
QPushButton:default { border-width: 2px; }
QPushButton:default:focus { border-width: 3px; }
QPushButton:disabled { color: palette(mid); }
QPushButton[compact="true"] { padding: 0.35em 0.5em; }
QPushButton[big="true"] { padding: 0.8em 1.6em; font-size: 1.2em; font-weight: 600; }
QLineEdit, QListWidget, QTableView { padding: 0.2em; }
QLineEdit:focus, QListWidget:focus, QTableView:focus, QCheckBox:focus {
    border: 2px solid palette(highlight);
}
QLabel[role="message"] { padding: 0.4em; border: 1px solid palette(mid); border-radius: 0.3em; }
"""


# Marks that start a message (never colour alone). "ⓘ" is missing from common fonts (a box shows).
NOTE_MARK, DONE_MARK, WARNING_MARK = "ℹ", "✓", "⚠"


def big_button(text: str, parent: QWidget | None = None) -> QPushButton:
    """A large, clearly labelled button for the one or two main choices on a screen."""
    button = QPushButton(text, parent)
    button.setProperty("big", True)
    button.setAutoDefault(True)
    return button


def heading(text: str, scale: float = 1.6, parent: QWidget | None = None) -> QLabel:
    """A title label in a larger bold font derived from the user's own font size."""
    label = QLabel(text, parent)
    font = QFont(label.font())
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(True)
    label.setFont(font)
    label.setWordWrap(True)
    label.setAccessibleName(label.text())
    return label


def busy_bar(name: str, parent: QWidget, *, visible: bool = False) -> QProgressBar:
    """A "working on it" bar without a made-up percentage, named for screen readers."""
    bar = QProgressBar(parent)
    bar.setRange(0, 0)
    bar.setTextVisible(False)
    bar.setAccessibleName(name)
    if not visible:
        bar.setVisible(False)
    return bar


def explanation(text: str, parent: QWidget | None = None) -> QLabel:
    """A wrapped paragraph of plain text."""
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def message_label(parent: QWidget | None = None) -> QLabel:
    """An inline message area; messages start with a word or symbol, never colour alone."""
    label = QLabel(parent)
    label.setProperty("role", "message")
    label.setWordWrap(True)
    label.setVisible(False)
    label.setAccessibleName(QCoreApplication.translate("style", "Message"))
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def show_message(label: QLabel, text: str) -> None:
    label.setText(text)
    label.setAccessibleDescription(text)
    label.setVisible(bool(text))


def fill_with_scrolling(page: QWidget, body: QWidget) -> None:
    """Make `body` the whole of `page`, scrolling (without a frame) when it is taller than the page."""
    scroll = QScrollArea(page)
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setWidget(body)
    layout = QVBoxLayout(page)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(scroll)


def row_of(start: Iterable[QWidget] = (), end: Iterable[QWidget] = ()) -> QHBoxLayout:
    """A row of widgets (mostly buttons): `start` ones at the left, free space, `end` ones at the right."""
    row = QHBoxLayout()
    for widget in start:
        row.addWidget(widget)
    row.addStretch(1)
    for widget in end:
        row.addWidget(widget)
    return row
