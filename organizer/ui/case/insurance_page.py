"""The insurance check before a second opinion: paid for? doctor in network only? referral needed?"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from organizer.core.case.entities import INSURANCE
from organizer.core.case.insurance import Answer, InsuranceCheck, insurance, set_insurance
from organizer.core.records import Person
from organizer.core.session import Session
from organizer.core.vault import Vault
from organizer.ui.case.case_page import CasePage
from organizer.ui.case.form_fields import put_text, text_box
from organizer.ui.style import explanation, heading


class AnswerBox(QGroupBox):
    """One question with the answers Yes / No / Not sure, as radio buttons."""

    def __init__(self, question: str, parent: QWidget | None = None) -> None:
        super().__init__(question, parent)
        self.group = QButtonGroup(self)
        layout = QHBoxLayout(self)
        self.buttons: dict[Answer, QRadioButton] = {}
        for answer, words in ((Answer.YES, self.tr("Yes")), (Answer.NO, self.tr("No")),
                              (Answer.UNKNOWN, self.tr("Not sure yet"))):
            button = QRadioButton(words, self)
            button.setAccessibleName(f"{question} {words}")
            self.group.addButton(button)
            self.buttons[answer] = button
            layout.addWidget(button)
        layout.addStretch(1)

    @property
    def answer(self) -> Answer:
        return next((a for a, b in self.buttons.items() if b.isChecked()), Answer.UNKNOWN)

    def set_answer(self, answer: Answer) -> None:
        self.buttons[answer].setChecked(True)


class InsurancePage(CasePage):
    """Three yes/no/not-sure answers and notes; they save themselves as they change."""

    shows = frozenset({INSURANCE})

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.setObjectName("insurancePage")
        self.covered = AnswerBox(self.tr("Does your plan pay for a second opinion?"), self)
        self.in_network = AnswerBox(self.tr("Must the doctor be in your plan's network?"), self)
        self.referral = AnswerBox(self.tr("Do you need a referral first?"), self)
        self.notes = text_box(self, self.tr("Notes about the insurance call"), 4)
        self.notes.setPlaceholderText(self.tr("Who you talked to, the date, a reference number, costs"))
        self.to_do = explanation("", self)
        self.to_do.setObjectName("insuranceToDo")
        self._lay_out()
        self.autosave.watch(self.covered.group, self.in_network.group, self.referral.group, self.notes)

    @property
    def title(self) -> str:
        return self.tr("Insurance")

    def _lay_out(self) -> None:
        notes_label = QLabel(self.tr("&Notes:"), self)
        notes_label.setBuddy(self.notes)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Insurance check"), 1.6, self))
        layout.addWidget(explanation(self.tr(
            "Before you book a second opinion, call your insurance and ask these three questions. "
            "Some plans only pay when the doctor is in their network."), self))
        for box in (self.covered, self.in_network, self.referral):
            layout.addWidget(box)
        layout.addWidget(notes_label)
        layout.addWidget(self.notes)
        layout.addWidget(self.to_do)
        layout.addWidget(self.undo_bar)
        layout.addStretch(1)

    def load(self, vault: Vault, person: Person) -> InsuranceCheck:
        return insurance(vault, person)

    def show_data(self, data: InsuranceCheck) -> None:
        if not self.autosave.pending:  # never type over what is being written
            self.covered.set_answer(data.covered)
            self.in_network.set_answer(data.in_network_required)
            self.referral.set_answer(data.referral_needed)
            put_text(self.notes, data.notes)
        self.to_do.setText(f"✗ {data.to_do}" if data.to_do else self.tr("✔ All three are answered."))

    def show_nobody(self) -> None:
        for box in (self.covered, self.in_network, self.referral):
            box.set_answer(Answer.UNKNOWN)
        self.notes.clear()
        self.to_do.clear()

    def save_fields(self) -> None:
        check = InsuranceCheck(self.covered.answer, self.in_network.answer, self.referral.answer,
                               self.notes.toPlainText())
        self.save(lambda v, p: set_insurance(v, p, check))
