"""The passphrase typed twice, with a plain strength hint and a same/different check."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QWidget

MINIMUM_LENGTH = 8
GOOD_LENGTH = 12
STRONG_LENGTH = 20


class PassphraseFields(QWidget):
    """Two no-echo fields; `changed` fires on every edit; `is_acceptable()` says if both are fine."""

    changed = Signal()

    def __init__(self, first_label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.first = self._field(self.tr("New passphrase"))
        self.second = self._field(self.tr("Passphrase again"))
        self.strength = QLabel(self)
        self.strength.setWordWrap(True)
        self.strength.setObjectName("strengthHint")
        self.match = QLabel(self)
        self.match.setWordWrap(True)
        self.match.setObjectName("matchHint")
        self.form = form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(self._buddy(first_label, self.first), self.first)
        form.addRow("", self.strength)
        form.addRow(self._buddy(self.tr("Type it a&gain:"), self.second), self.second)
        form.addRow("", self.match)
        self._update()

    def _field(self, accessible_name: str) -> QLineEdit:
        field = QLineEdit(self)
        field.setEchoMode(QLineEdit.EchoMode.Password)
        field.setAccessibleName(accessible_name)
        field.textChanged.connect(self._update)
        return field

    def _buddy(self, text: str, field: QLineEdit) -> QLabel:
        label = QLabel(text, self)
        label.setBuddy(field)
        return label

    def passphrase(self) -> str:
        return self.first.text()

    def is_acceptable(self) -> bool:
        text = self.first.text()
        return len(text) >= MINIMUM_LENGTH and text == self.second.text()

    def clear(self) -> None:
        self.first.clear()
        self.second.clear()

    def _update(self) -> None:
        self.strength.setText(self._strength_words(len(self.first.text())))
        self.strength.setAccessibleDescription(self.strength.text())
        self.match.setText(self._match_words())
        self.match.setVisible(bool(self.match.text()))
        self.match.setAccessibleDescription(self.match.text())
        self.changed.emit()

    def _strength_words(self, length: int) -> str:
        if length == 0:
            return self.tr("Use at least 12 characters. A few unrelated words are easy to "
                           "remember and hard to guess.")
        if length < MINIMUM_LENGTH:
            return self.tr("✗ Too short — use at least 12 characters.")
        if length < GOOD_LENGTH:
            return self.tr("! Short — use at least 12 characters.")
        if length < STRONG_LENGTH:
            return self.tr("✓ Good length.")
        return self.tr("✓ Strong — long passphrases are the best kind.")

    def _match_words(self) -> str:
        if not self.second.text():
            return ""
        if self.second.text() == self.first.text():
            return self.tr("✓ Both passphrases are the same.")
        return self.tr("✗ The two passphrases are not the same yet.")
