"""After importing portal records: review the medicines they list and add the chosen ones."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from organizer.core.case.clinical_lists import OfferedMedicine, add_found_medicines, found_medicines
from organizer.core.case.medications import Medication
from organizer.core.intake.importer import IMPORTED, ImportResult
from organizer.core.records import Person
from organizer.core.session import Session
from organizer.ui.error_dialog import show_error
from organizer.ui.style import explanation, heading


class PortalMedicinesDialog(QDialog):
    """One row per medicine found, with a tick box; those already on the list are shown as such."""

    def __init__(self, offered: Sequence[OfferedMedicine], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("portalMedicinesDialog")
        self.setWindowTitle(self.tr("Medicines found in your records"))
        self.offered = list(offered)
        self.table = QTableWidget(len(self.offered), 8, self)
        self.table.setObjectName("portalMedicinesTable")
        self.table.setAccessibleName(self.tr("Medicines found"))
        self.table.setHorizontalHeaderLabels([
            self.tr("Medicine"), self.tr("Dose"), self.tr("How taken"), self.tr("How often"),
            self.tr("Start"), self.tr("Stop"), self.tr("Prescriber"), self.tr("From")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for row, item in enumerate(self.offered):
            self._fill(row, item)
        buttons = QDialogButtonBox(self)
        self.add_button = buttons.addButton(self.tr("&Add ticked medicines"),
                                            QDialogButtonBox.ButtonRole.AcceptRole)
        self.later_button = buttons.addButton(self.tr("&Not now"),
                                              QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Medicines found in your records"), 1.3, self))
        layout.addWidget(explanation(self.tr(
            "These medicines are listed in the records you just added. Tick the ones to put on "
            "your medicine list; you can change or remove them there later. Medicines already "
            "on your list are shown as such and are not ticked."), self))
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(900, 420)

    def _fill(self, row: int, offered: OfferedMedicine) -> None:
        m = offered.medication
        source = m.notes.split(";")[0].removeprefix("from: ")
        first = QTableWidgetItem(m.drug)
        for column, value in enumerate((m.dose, m.route, m.schedule, m.start, m.stop,
                                        m.prescriber, source), start=1):
            self.table.setItem(row, column, QTableWidgetItem(value))
        self.table.setItem(row, 0, first)
        first.setFlags(first.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        checked = Qt.CheckState.Unchecked if offered.already_listed else Qt.CheckState.Checked
        first.setCheckState(checked)
        if offered.already_listed:
            first.setText(self.tr("{0} (already on your list)").format(m.drug))

    def chosen(self) -> list[Medication]:
        """The ticked medicines, in the order shown."""
        return [o.medication for row, o in enumerate(self.offered)
                if _ticked(self.table.item(row, 0))]


def _ticked(item: QTableWidgetItem | None) -> bool:
    return item is not None and item.checkState() == Qt.CheckState.Checked


def offer_found_medicines(parent: QWidget, session: Session, person: Person | None,
                          result: ImportResult, then: Callable[[], None]) -> None:
    """Ask about the medicines the just-imported portal records list; `then` runs afterwards."""
    ids = [i for o in result.outcomes if o.status == IMPORTED
           for i in (o.records or (o.document_id,))]
    offered: list[OfferedMedicine] = []
    if person is not None and ids and session.is_open:
        try:
            offered = session.call(found_medicines, person, ids)
        except Exception as error:
            show_error(parent, error)
    if not any(not o.already_listed for o in offered) or person is None:
        then()
        return
    dialog = PortalMedicinesDialog(offered, parent)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)

    def answered(code: int) -> None:
        if code == QDialog.DialogCode.Accepted and dialog.chosen():
            try:
                session.call(add_found_medicines, person, dialog.chosen())
            except Exception as error:
                show_error(parent, error)
        dialog.deleteLater()
        then()

    dialog.finished.connect(answered)
    dialog.open()
