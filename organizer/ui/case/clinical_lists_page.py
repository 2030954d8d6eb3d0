"""Allergies, problems and procedures that imported portal records list, read-only with their source."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from organizer.core.case.clinical_lists import ClinicalLists, ListedFact, clinical_facts
from organizer.core.records import Person
from organizer.core.session import Session
from organizer.core.vault import Vault
from organizer.ui.case.case_page import CasePage
from organizer.ui.style import explanation, heading


class ClinicalListsPage(CasePage):
    """Three read-only tables: allergies, problems and diagnoses, procedures (oldest first)."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.setObjectName("clinicalListsPage")
        self.empty_note = explanation(self.tr(
            "Nothing here yet. When you add records downloaded from a patient portal (C-CDA or "
            "FHIR files), the allergies, problems and procedures they list appear here."), self)
        detail = self.tr("Reaction")
        self.allergies = self._table("allergiesTable", self.tr("Allergies"), detail)
        self.problems = self._table("problemsTable", self.tr("Problems and diagnoses"),
                                    self.tr("Status"))
        self.procedures = self._table("proceduresTable", self.tr("Procedures"), self.tr("Status"))
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Allergies and history"), 1.6, self))
        layout.addWidget(explanation(self.tr(
            "What your portal records list, as they list it. These lists cannot be edited here: "
            "each line shows the record it came from."), self))
        layout.addWidget(self.empty_note)
        for label, table in ((self.tr("Allergies"), self.allergies),
                             (self.tr("Problems and diagnoses"), self.problems),
                             (self.tr("Procedures"), self.procedures)):
            layout.addWidget(heading(label, 1.15, self))
            layout.addWidget(table, 1)

    @property
    def title(self) -> str:
        return self.tr("Allergies and history")

    def _table(self, name: str, accessible: str, detail: str) -> QTableWidget:
        table = QTableWidget(0, 4, self)
        table.setObjectName(name)
        table.setAccessibleName(accessible)
        table.setHorizontalHeaderLabels([self.tr("Name"), detail, self.tr("Date"), self.tr("From")])
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.verticalHeader().setVisible(False)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        return table

    def load(self, vault: Vault, person: Person) -> ClinicalLists:
        return clinical_facts(vault, person)

    def show_data(self, data: ClinicalLists) -> None:
        self.empty_note.setVisible(data.empty)
        for table, facts in ((self.allergies, data.allergies), (self.problems, data.problems),
                             (self.procedures, data.procedures)):
            _fill(table, facts)

    def show_nobody(self) -> None:
        self.show_data(ClinicalLists())


def _fill(table: QTableWidget, facts: Sequence[ListedFact]) -> None:
    table.setRowCount(len(facts))
    for row, fact in enumerate(facts):
        for column, value in enumerate((fact.name, fact.detail, fact.date, fact.source)):
            table.setItem(row, column, QTableWidgetItem(value))



