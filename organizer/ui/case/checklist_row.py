"""One line of the checklist: the record, its state in words and a symbol, what to do, its documents."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication, Qt, Signal, SignalInstance
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from organizer.core.case.checklist import ChecklistItem
from organizer.core.case.checklist_items import CheckItem, ItemState
from organizer.core.document_record import DocumentRecord
from organizer.core.i18n import _ as core_words  # "preliminary" etc., from the core catalogue
from organizer.ui.labels import check_item_label
from organizer.ui.style import explanation, row_of

SYMBOLS = {ItemState.MISSING: "✗", ItemState.REQUESTED: "✉", ItemState.RECEIVED: "✔",
           ItemState.NOT_APPLICABLE: "⊘", ItemState.WRITTEN: "✎"}


def state_word(state: ItemState) -> str:
    """The state in words (shown with a symbol too, so colour is never the only sign)."""
    words = {
        ItemState.MISSING: QCoreApplication.translate("checklist", "Missing"),
        ItemState.REQUESTED: QCoreApplication.translate("checklist", "Asked for"),
        ItemState.RECEIVED: QCoreApplication.translate("checklist", "Received"),
        ItemState.NOT_APPLICABLE: QCoreApplication.translate("checklist", "Not needed"),
        ItemState.WRITTEN: QCoreApplication.translate("checklist", "Ready (written by you)"),
    }
    return words[state]


def document_line(document: DocumentRecord) -> str:
    """How one received document is listed under its item."""
    name = document.title or document.filename or document.id
    version = f"{core_words(document.pathology_version)}: " if document.pathology_version else ""
    when = f" ({document.record_date})" if document.record_date else ""
    return f"• {version}{name}{when}"


class ChecklistRow(QFrame):
    """Shows one checklist item and offers what the user can say about it."""

    asked = Signal(object)  # CheckItem
    not_needed = Signal(object)
    received = Signal(object)
    cleared = Signal(object)

    def __init__(self, item: CheckItem, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.item = item
        self.setObjectName(f"row_{item.value}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.name = QLabel(check_item_label(item), self)
        font = QFont(self.name.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.name.setFont(font)
        self.name.setWordWrap(True)
        self.state = QLabel(self)
        self.state.setObjectName("state")
        self.state.setFont(font)
        self.state.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.note = explanation("", self)
        self.note.setObjectName("note")
        self.documents = explanation("", self)
        self.documents.setObjectName("documents")
        self.flags = explanation("", self)
        self.flags.setObjectName("flags")
        self.ask_button = self._button(self.tr("I asked for it…"),
                                       self.tr("I asked for the {0}…"), self.asked)
        self.not_needed_button = self._button(self.tr("Not needed…"),
                                              self.tr("The {0} is not needed…"), self.not_needed)
        self.received_button = self._button(self.tr("Mark received"),
                                            self.tr("Mark the {0} as received"), self.received)
        self.clear_button = self._button(self.tr("Clear"),
                                         self.tr("Clear what I said about the {0}"), self.cleared)
        self._lay_out()

    def _button(self, text: str, accessible: str, signal: SignalInstance) -> QPushButton:
        button = QPushButton(text, self)
        button.setAccessibleName(accessible.format(check_item_label(self.item).lower()))
        button.setToolTip(button.accessibleName())
        button.setAutoDefault(False)
        button.clicked.connect(lambda: signal.emit(self.item))
        return button

    def _lay_out(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.name, 1)
        top.addWidget(self.state)
        buttons = row_of(end=(self.ask_button, self.not_needed_button, self.received_button,
                              self.clear_button))
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.note)
        layout.addWidget(self.flags)
        layout.addWidget(self.documents)
        layout.addLayout(buttons)

    def show_item(self, line: ChecklistItem, documents: Mapping[str, DocumentRecord]) -> None:
        word = state_word(line.state)
        self.state.setText(f"{SYMBOLS[line.state]} {word}")
        self.state.setAccessibleName(word)
        self.setAccessibleName(f"{check_item_label(self.item)}: {word}")
        self.note.setText(line.note)
        self.flags.setText("\n".join(f"⚠ {flag}" for flag in line.flags))
        self.flags.setVisible(bool(line.flags))
        found = [documents[d] for d in line.documents if d in documents]
        self.documents.setText("\n".join(document_line(d) for d in found))
        self.documents.setVisible(bool(found))
        said = line.mark is not None and line.mark.state is not ItemState.MISSING
        self.ask_button.setEnabled(line.state is not ItemState.RECEIVED)
        self.received_button.setEnabled(line.state is not ItemState.RECEIVED)
        self.not_needed_button.setEnabled(line.state is not ItemState.NOT_APPLICABLE)
        self.clear_button.setEnabled(said)
