"""The passphrase typed twice: how easy it is to guess (the core rule), a suggestion, a match check."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QWidget,
)

from organizer.core import passphrase_strength as rule

STRONG_GUESSES_LOG10 = 14.0
"""Beyond this we say 'very hard to guess' (a random four-word passphrase is about 15)."""


class PassphraseFields(QWidget):
    """Two no-echo fields; `changed` fires on every edit; `is_acceptable()` says if both are fine.

    The strength verdict is the one `init`, `passwd` and `recover` use (core.passphrase_strength),
    so the window never accepts what the command line would refuse.
    """

    changed = Signal()

    def __init__(self, first_label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._personal: tuple[str, ...] = ()
        self._verdict: rule.Strength | None = None
        self.first = self._field(self.tr("New passphrase"))
        self.second = self._field(self.tr("Passphrase again"))
        self.strength = self._hint("strengthHint")
        self.match = self._hint("matchHint")
        self.show_text = QCheckBox(self.tr("S&how the passphrase"), self)
        self.show_text.setAccessibleName(self.tr("Show the passphrase"))
        self.suggest_button = QPushButton(self.tr("S&uggest one for me"), self)
        self.suggest_button.setAccessibleName(self.tr("Suggest a passphrase of four random words"))
        self.form = form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(self._buddy(first_label, self.first), self.first)
        form.addRow("", self.strength)
        form.addRow("", self._tools())
        form.addRow(self._buddy(self.tr("Type it a&gain:"), self.second), self.second)
        form.addRow("", self.match)
        self.show_text.toggled.connect(self._show_or_hide)
        self.suggest_button.clicked.connect(self.use_suggestion)
        self._update()

    def _field(self, accessible_name: str) -> QLineEdit:
        field = QLineEdit(self)
        field.setEchoMode(QLineEdit.EchoMode.Password)
        field.setAccessibleName(accessible_name)
        field.textChanged.connect(self._update)
        return field

    def _hint(self, name: str) -> QLabel:
        label = QLabel(self)
        label.setWordWrap(True)
        label.setObjectName(name)
        # Wrapped text keeps the height it needs when a message appears below it.
        label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        return label

    def _tools(self) -> QWidget:
        row = QWidget(self)
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.show_text)
        layout.addStretch(1)
        layout.addWidget(self.suggest_button)
        return row

    def _buddy(self, text: str, field: QLineEdit) -> QLabel:
        label = QLabel(text, self)
        label.setBuddy(field)
        return label

    def set_personal(self, details: Iterable[str]) -> None:
        """Details others may know (name, date of birth): a passphrase made of them is weak."""
        self._personal = tuple(d for d in details if d)
        self._update()

    def passphrase(self) -> str:
        return self.first.text()

    def is_acceptable(self) -> bool:
        verdict = self._verdict
        return verdict is not None and verdict.acceptable and self.first.text() == self.second.text()

    def use_suggestion(self) -> None:
        """Fill both fields with four random words, shown so they can be written down."""
        words = rule.suggest_passphrase()
        self.show_text.setChecked(True)
        self.first.setText(words)
        self.second.setText(words)
        self.first.setFocus()

    def clear(self) -> None:
        """Empty both fields (after use: the passphrase is not kept on screen)."""
        self.first.clear()
        self.second.clear()
        self.show_text.setChecked(False)

    def _show_or_hide(self, shown: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        for field in (self.first, self.second):
            field.setEchoMode(mode)

    def _update(self) -> None:
        text = self.first.text()
        self._verdict = rule.estimate(text, self._personal) if text else None
        self.strength.setText(self._strength_words())
        self.strength.setAccessibleDescription(self.strength.text())
        self.match.setText(self._match_words())
        self.match.setVisible(bool(self.match.text()))
        self.match.setAccessibleDescription(self.match.text())
        self.changed.emit()

    def _strength_words(self) -> str:
        verdict = self._verdict
        if verdict is None:
            return self.tr("Four or more unrelated words are easy to remember and hard to "
                           "guess. Nobody can reset this passphrase for you.")
        if rule.SHORT in verdict.reasons:
            return self.tr("✗ Too short — use at least 8 characters; four unrelated words "
                           "work best.")
        if not verdict.acceptable:
            why = " ".join(self._reason(code) for code in verdict.reasons)
            return self.tr("✗ Too easy to guess: someone with a copy of the vault could find "
                           "it %1. %2 Try four unrelated words, or press “Suggest one for "
                           "me”.").replace("%1", self._how_soon(verdict)).replace("%2", why)
        if verdict.guesses_log10 < STRONG_GUESSES_LOG10:
            return self.tr("✓ Hard to guess. Longer is even better.")
        return self.tr("✓ Very hard to guess.")

    def _how_soon(self, verdict: rule.Strength) -> str:
        seconds = 10 ** verdict.guesses_log10 / rule.ATTACK_GUESSES_PER_SECOND
        for limit, words in ((1, self.tr("in less than a second")), (60, self.tr("in seconds")),
                             (3600, self.tr("in minutes")), (86400, self.tr("in hours")),
                             (2_592_000, self.tr("in days")), (31_536_000, self.tr("in months"))):
            if seconds < limit:
                return words
        return self.tr("within a few years")

    def _reason(self, code: str) -> str:
        return {
            rule.COMMON: self.tr("It is one of the passwords people use most, which are always "
                                 "tried first."),
            rule.PERSONAL: self.tr("It contains the person's name or date of birth, which others "
                                   "can find out."),
            rule.NAMES: self.tr("Names are among the first things tried."),
            rule.DATES: self.tr("Dates and years are among the first things tried."),
            rule.REPEATS: self.tr("Repeated letters or words (like “aaa”) add almost nothing."),
            rule.SEQUENCE: self.tr("Sequences like “abcd” or “1234” add almost nothing."),
            rule.KEYBOARD: self.tr("Keyboard patterns like “qwerty” are among the first things "
                                   "tried."),
        }.get(code, "")

    def _match_words(self) -> str:
        if not self.second.text():
            return ""
        if self.second.text() == self.first.text():
            return self.tr("✓ Both passphrases are the same.")
        return self.tr("✗ The two passphrases are not the same yet.")
