"""The home view: the five records a second-opinion doctor needs, how far along each is, what to do next."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from organizer.core.case import marking
from organizer.core.case.case_documents import person_documents
from organizer.core.case.checklist import Checklist, build_checklist
from organizer.core.case.checklist_items import EXTRAS, REQUIRED, CheckItem
from organizer.core.case.insurance import InsuranceCheck, insurance
from organizer.core.case.next_steps import next_steps, untyped_step
from organizer.core.case.requests import RecordsRequest, add_request, records_requests
from organizer.core.document_record import DocumentRecord
from organizer.core.records import Person
from organizer.core.session import Session
from organizer.core.vault import Vault
from organizer.ui.case.case_page import CasePage
from organizer.ui.case.checklist_row import ChecklistRow
from organizer.ui.case.mark_dialogs import AskedForDialog, NotNeededDialog
from organizer.ui.case.people_dialog import DiagnosisDialog
from organizer.ui.records.table_model import UNSURE
from organizer.ui.style import explanation, fill_with_scrolling, heading


@dataclass(frozen=True)
class ChecklistView:
    """Everything the home view shows, read in one session call."""

    checklist: Checklist
    documents: dict[str, DocumentRecord]
    steps: list[str]
    insurance: InsuranceCheck


class ChecklistPage(CasePage):
    """The checklist home view for the chosen person."""

    # Asks the window to show the Records page filtered (UNSURE: records whose type nobody chose).
    show_records = Signal(object)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.setObjectName("checklistPage")
        self.heading = heading(self.tr("Checklist"), 1.6, self)
        self.diagnosis = explanation("", self)
        self.diagnosis.setObjectName("diagnosis")
        self.diagnosis_button = QPushButton(self.tr("Edit &diagnosis…"), self)
        self.meter = QProgressBar(self)
        self.meter.setObjectName("completenessMeter")
        self.meter.setRange(0, len(REQUIRED))
        self.meter.setAccessibleName(self.tr("Records ready"))
        self.steps = explanation("", self)
        self.steps.setObjectName("nextSteps")
        self.untyped = explanation("", self)
        self.untyped.setObjectName("untypedRecords")
        self.untyped_button = QPushButton(self.tr("Choose their &types…"), self)
        self.untyped_button.setAccessibleName(self.tr("Show the records whose type is not chosen yet"))
        self.untyped_button.setToolTip(self.untyped_button.accessibleName())
        self.rows = {item: ChecklistRow(item, self) for item in (*REQUIRED, *EXTRAS)}
        self.insurance = explanation("", self)
        self.insurance.setObjectName("insuranceStatus")
        self._lay_out()
        self.diagnosis_button.clicked.connect(self.edit_diagnosis)
        self.untyped_button.clicked.connect(lambda: self.show_records.emit(UNSURE))
        for row in self.rows.values():
            row.asked.connect(self.ask_for)
            row.not_needed.connect(self.mark_not_needed)
            row.received.connect(lambda item: self.save(
                lambda v, p: marking.mark_received(v, p, item)))
            row.cleared.connect(lambda item: self.save(
                lambda v, p: marking.mark_missing(v, p, item)))

    @property
    def title(self) -> str:
        return self.tr("Checklist")

    def _lay_out(self) -> None:
        body = QWidget(self)
        column = QVBoxLayout(body)
        gap = self.fontMetrics().height() // 2
        column.addWidget(self.heading)
        column.addWidget(self.diagnosis)
        column.addWidget(self.diagnosis_button, 0, Qt.AlignmentFlag.AlignLeft)
        column.addWidget(self.meter)
        column.addWidget(explanation(self.tr(
            "A record counts as ready when you have it, when you wrote it down yourself (the "
            "medicines and the plan), or when it is not needed for you."), body))
        column.addWidget(self.undo_bar)
        column.addSpacing(gap)
        column.addWidget(heading(self.tr("What to do next"), 1.2, body))
        untyped = QHBoxLayout()
        untyped.addWidget(self.untyped, 1)
        untyped.addWidget(self.untyped_button, 0, Qt.AlignmentFlag.AlignTop)
        column.addLayout(untyped)
        column.addWidget(self.steps)
        column.addSpacing(gap)
        column.addWidget(heading(self.tr("Records the second-opinion doctor needs"), 1.2, body))
        for item in REQUIRED:
            column.addWidget(self.rows[item])
        column.addSpacing(gap)
        column.addWidget(heading(self.tr("Also worth asking about"), 1.2, body))
        for item in EXTRAS:
            column.addWidget(self.rows[item])
        insurance_box = QFrame(body)
        insurance_box.setFrameShape(QFrame.Shape.StyledPanel)
        box = QVBoxLayout(insurance_box)
        box.addWidget(heading(self.tr("Insurance check"), 1.1, insurance_box))
        box.addWidget(self.insurance)
        column.addWidget(insurance_box)
        column.addStretch(1)
        fill_with_scrolling(self, body)

    # --- loading -------------------------------------------------------------------------------

    def load(self, vault: Vault, person: Person) -> ChecklistView:
        checklist = build_checklist(vault, person)
        check = insurance(vault, person)
        steps = next_steps(checklist, records_requests(vault, person), check)
        documents = {d.id: d for d in person_documents(vault, person)}
        return ChecklistView(checklist, documents, steps, check)

    def show_data(self, data: ChecklistView) -> None:
        checklist = data.checklist
        person = checklist.profile.person
        self.heading.setText(self.tr("Checklist for {0}").format(person.name))
        diagnosis = checklist.profile.diagnosis
        self.diagnosis.setText(self.tr("Diagnosis, in your words: {0}").format(diagnosis) if diagnosis
                               else self.tr("No diagnosis written down yet."))
        done = sum(1 for line in checklist.required if line.state.done)
        ready = self.tr("{0} of {1} ready").format(done, len(REQUIRED))
        self.meter.setValue(done)
        self.meter.setFormat(ready)
        self.meter.setAccessibleDescription(ready)
        count = len(checklist.untyped)
        steps = [s for s in data.steps if not count or s != untyped_step(count)]  # shown above
        self.steps.setText("\n".join(f"• {step}" for step in steps)
                           or self.tr("✔ Nothing to do right now."))
        self.untyped.setText("⚠ " + (self.tr("1 record needs its type.") if count == 1 else self.tr(
            "{0} records need their type.").format(count)) if count else "")
        self.untyped.setVisible(bool(count))
        self.untyped_button.setVisible(bool(count))
        for line in checklist.items:
            self.rows[line.item].show_item(line, data.documents)
        self.insurance.setText(self._insurance_words(data.insurance))

    def _insurance_words(self, check: InsuranceCheck) -> str:
        answers = {"yes": self.tr("yes"), "no": self.tr("no"), "unknown": self.tr("not sure yet")}
        text = self.tr("Covered: {0}. Doctor must be in network: {1}. Referral needed: {2}.").format(
            answers[check.covered.value], answers[check.in_network_required.value],
            answers[check.referral_needed.value])
        todo = f"\n✗ {check.to_do}" if check.to_do else "\n" + self.tr("✔ Checked.")
        return text + todo + "\n" + self.tr("Change it on the Insurance page.")

    def show_nobody(self) -> None:
        self.heading.setText(self.tr("Checklist"))
        self.diagnosis.clear()
        self.meter.setValue(0)
        self.meter.setFormat("")
        self.steps.clear()
        self.untyped.hide()
        self.untyped_button.hide()
        self.insurance.clear()
        for row in self.rows.values():
            for label in (row.state, row.note, row.documents, row.flags):
                label.clear()

    # --- actions -------------------------------------------------------------------------------

    def ask_for(self, item: CheckItem) -> None:
        """Ask from whom, how and when; then track the request (which marks the item asked for)."""
        dialog = AskedForDialog(item, self)
        dialog.setObjectName("askedForDialog")

        def accepted() -> None:
            request = RecordsRequest(dialog.from_whom.text(), (item.value,), dialog.channel,
                                     requested_on=dialog.day)
            self.save(lambda v, p: add_request(v, p, request))

        dialog.accepted.connect(accepted)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def mark_not_needed(self, item: CheckItem) -> None:
        dialog = NotNeededDialog(item, self)
        dialog.setObjectName("notNeededDialog")

        def accepted() -> None:
            reason = dialog.text  # read now: the dialog is gone when the work runs
            self.save(lambda v, p: marking.mark_not_applicable(v, p, item, reason))

        dialog.accepted.connect(accepted)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _diagnosis_saved(self) -> None:
        self.refresh()
        self.changed.emit(None)

    def edit_diagnosis(self) -> None:
        if self.person is None:
            return
        dialog = DiagnosisDialog(self.session, self.person, self)
        dialog.saved.connect(self._diagnosis_saved)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
