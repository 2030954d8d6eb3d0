"""The treatment plan in the person's own words: what was proposed, by whom, when, and the other choices."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QFormLayout, QLineEdit, QVBoxLayout, QWidget

from organizer.core.case.case_documents import of_type, person_documents
from organizer.core.case.entities import PLAN
from organizer.core.case.treatment_plan import plan_draft, set_plan_summary
from organizer.core.catalog import DOCUMENT
from organizer.core.packet.content import PlanSummary
from organizer.core.records import Person, RecordType
from organizer.core.session import Session
from organizer.core.vault import Vault
from organizer.ui.case.case_page import CasePage
from organizer.ui.case.form_fields import date_field, put_text, text_box
from organizer.ui.style import explanation, heading


@dataclass(frozen=True)
class PlanView:
    summary: PlanSummary | None
    documents: list[str]  # titles of treatment-plan records in the vault


class PlanPage(CasePage):
    """Type a short summary of the proposed plan; it saves itself (a pause, leaving a field, a lock)."""

    shows = frozenset({PLAN, DOCUMENT})

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.setObjectName("planPage")
        self.text = text_box(self, self.tr("What was proposed"), 4)
        self.proposed_by = QLineEdit(self)
        self.proposed_by.setAccessibleName(self.tr("Proposed by"))
        self.proposed_by.setPlaceholderText(self.tr("e.g. Dr. Lee, oncologist"))
        self.date = date_field(self)
        self.date.setAccessibleName(self.tr("Date"))
        self.alternatives = text_box(self, self.tr("Other choices that were mentioned"), 3)
        self.documents = explanation("", self)
        self.documents.setObjectName("planDocuments")
        self._lay_out()
        self.autosave.watch(self.text, self.proposed_by, self.date, self.alternatives)

    @property
    def title(self) -> str:
        return self.tr("Treatment plan")

    def _lay_out(self) -> None:
        form = QFormLayout()
        form.addRow(self.tr("&What was proposed?"), self.text)
        form.addRow(self.tr("Proposed &by:"), self.proposed_by)
        form.addRow(self.tr("&When (date):"), self.date)
        form.addRow(self.tr("&Other choices mentioned:"), self.alternatives)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Treatment plan"), 1.6, self))
        layout.addWidget(explanation(self.tr(
            "In your own words, write down the plan your doctor suggested. The second-opinion "
            "doctor reads this first, beside the plan from your doctor if you have it. What you "
            "type is saved as you go."), self))
        layout.addWidget(self.documents)
        layout.addLayout(form)
        layout.addWidget(self.undo_bar)
        layout.addStretch(1)

    def load(self, vault: Vault, person: Person) -> PlanView:
        found = of_type(person_documents(vault, person), RecordType.TREATMENT_PLAN)
        return PlanView(plan_draft(vault, person), [d.title or d.filename for d in found])

    def show_data(self, data: PlanView) -> None:
        summary = data.summary or PlanSummary("")
        if not self.autosave.pending:  # never type over what is being written
            put_text(self.text, summary.text)
            put_text(self.proposed_by, summary.proposed_by)
            self.date.set_value(summary.date)
            put_text(self.alternatives, summary.alternatives)
        if data.documents:
            self.documents.setText(self.tr("✔ A plan from your doctor is in the vault: {0}.").format(
                ", ".join(data.documents)))
        else:
            self.documents.setText(self.tr(
                "✗ No plan from your doctor is in the vault yet. Ask for a written copy."))

    def show_nobody(self) -> None:
        for field in (self.text, self.proposed_by, self.date, self.alternatives):
            field.clear()
        self.documents.clear()

    def save_fields(self) -> None:
        summary = PlanSummary(self.text.toPlainText(), self.proposed_by.text(), self.date.value,
                              self.alternatives.toPlainText())
        self.save(lambda v, p: set_plan_summary(v, p, summary))
