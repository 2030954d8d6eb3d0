"""The medicines page: a table of every drug, dose and when it was taken, edited in place."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QInputDialog,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from organizer.core.case.case_documents import of_type, person_documents
from organizer.core.case.entities import MEDICATION
from organizer.core.case.medications import (
    Medication,
    add_medication,
    medications,
    remove_medication,
    update_medication,
)
from organizer.core.catalog import DOCUMENT
from organizer.core.records import Person, RecordType
from organizer.core.session import Session
from organizer.core.vault import Vault
from organizer.ui.case.case_page import CasePage
from organizer.ui.case.medicine_cells import MedicineCells
from organizer.ui.case.medicines_model import FIELDS, MedicinesModel
from organizer.ui.style import explanation, heading, message_label, row_of, show_message


@dataclass(frozen=True)
class MedicinesView:
    medicines: list[Medication]
    records: dict[str, str]  # medication-list documents: id -> title


class MedicinesPage(CasePage):
    """Add, change and remove medicines; link one to a medication-list record in the vault."""

    shows = frozenset({MEDICATION, DOCUMENT})

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.setObjectName("medicinesPage")
        self.model = MedicinesModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("medicinesTable")
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Medicines"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed
                                   | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.table.setTabKeyNavigation(True)  # Tab moves cell to cell; Ctrl+Tab leaves the table
        self.cells = MedicineCells(self.table)
        self.table.setItemDelegate(self.cells)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.add_button = QPushButton(self.tr("&Add a medicine…"), self)
        self.remove_button = QPushButton(self.tr("&Remove medicine…"), self)
        self.link_button = QPushButton(self.tr("&Link to a record…"), self)
        self.link_button.setToolTip(self.tr("Say which medication list in the vault this medicine is on"))
        self.records_note = explanation("", self)
        self.date_note = message_label(self)
        self.date_note.setObjectName("medicineDateNote")
        self._lay_out()
        self.add_button.clicked.connect(self.add_medicine)
        self.remove_button.clicked.connect(self.remove_medicine)
        self.link_button.clicked.connect(self.link_record)
        self.model.edited.connect(self._save_cell)
        self.model.date_note.connect(lambda text: show_message(self.date_note, text))
        self.cells.enter_pressed.connect(self._next_row)
        for key, slot in ((Qt.Key.Key_Insert, self.add_medicine), (Qt.Key.Key_Delete, self.remove_medicine)):
            shortcut = QShortcut(QKeySequence(key), self.table)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)  # not while a cell is being edited
            shortcut.activated.connect(slot)
        self._records: dict[str, str] = {}

    @property
    def title(self) -> str:
        return self.tr("Medicines")

    def _lay_out(self) -> None:
        buttons = row_of(start=(self.add_button, self.remove_button, self.link_button))
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Medicines"), 1.6, self))
        layout.addWidget(explanation(self.tr(
            "List every drug you take or took for this illness and for anything else, with the "
            "dose and dates. Some drugs matter years later, so old ones count too. To change a "
            "cell, select it and start typing, or press F2. Tab and Enter move to the next cell; "
            "Ctrl+Tab leaves the table. Insert adds a medicine; Delete removes one."), self))
        layout.addWidget(self.undo_bar)
        layout.addWidget(self.date_note)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.records_note)

    def load(self, vault: Vault, person: Person) -> MedicinesView:
        records = of_type(person_documents(vault, person), RecordType.MEDICATIONS)
        return MedicinesView(medications(vault, person),
                             {d.id: d.title or d.filename for d in records})

    def show_data(self, data: MedicinesView) -> None:
        current = self.table.currentIndex()
        self._records = data.records
        self.model.set_medicines(data.medicines, data.records)
        self.table.resizeColumnsToContents()
        if current.isValid() and current.row() < self.model.rowCount():
            self.table.setCurrentIndex(self.model.index(current.row(), current.column()))
        has_rows = self.model.rowCount() > 0
        self.remove_button.setEnabled(has_rows)
        self.link_button.setEnabled(has_rows and bool(data.records))
        count = len(data.records)
        self.records_note.setText(self.tr("Medication-list records in the vault: {0}.").format(count)
                                  if count else self.tr("No medication-list record in the vault yet."))

    def show_nobody(self) -> None:
        self._records = {}
        self.model.set_medicines([], {})
        self.records_note.clear()

    def _next_row(self) -> None:
        """Enter: the same column one row down, or a new medicine after the last row."""
        index = self.table.currentIndex()
        if not index.isValid():
            return
        if index.row() + 1 < self.model.rowCount():
            self.table.setCurrentIndex(self.model.index(index.row() + 1, index.column()))
        else:
            self.add_medicine()

    def _current(self) -> Medication | None:
        index = self.table.currentIndex()
        return self.model.medicine(index.row()) if index.isValid() else None

    def _save_cell(self, medicine_id: str, field: str, text: str) -> None:
        self.save(lambda v, p: update_medication(v, p, medicine_id, **{field: text}))

    def add_medicine(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("Add a medicine"),
                                        self.tr("Name of the medicine:"))
        if not ok or not name.strip():
            return

        def select(added: Medication) -> None:
            self.loaded.connect(lambda: self._select(added.id), Qt.ConnectionType.SingleShotConnection)

        self.save(lambda v, p: add_medication(v, p, Medication(name)), select)

    def _select(self, medicine_id: str) -> None:
        row = self.model.row_of(medicine_id)
        if row >= 0:
            self.table.setCurrentIndex(self.model.index(row, FIELDS.index("dose")))
            self.table.setFocus()

    def remove_medicine(self) -> None:
        medicine = self._current()
        if medicine is None:
            return
        answer = QMessageBox.question(
            self, self.tr("Remove a medicine"),
            self.tr("Remove {0} from the list? You can undo this.").format(medicine.drug))
        if answer == QMessageBox.StandardButton.Yes:
            self.save(lambda v, p: remove_medication(v, p, medicine.id))

    def link_record(self) -> None:
        medicine = self._current()
        if medicine is None or not self._records:
            return
        none = self.tr("(no record)")
        ids, titles = ["", *self._records], [none, *self._records.values()]
        current = ids.index(medicine.document_id) if medicine.document_id in ids else 0
        title, ok = QInputDialog.getItem(self, self.tr("Link to a record"), self.tr(
            "Which medication list in the vault shows {0}?").format(medicine.drug), titles,
            current, False)
        if ok:
            chosen = ids[titles.index(title)]
            self.save(lambda v, p: update_medication(v, p, medicine.id, document_id=chosen))
