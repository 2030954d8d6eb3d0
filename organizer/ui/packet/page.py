"""The Packet page: make the packet for the doctor, and the sent log (what went to whom, and when)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QVBoxLayout, QWidget

from organizer.core.packet.sent_log import SENT, SentPacket, sent_log
from organizer.core.session import Session
from organizer.ui.packet.wizard import PacketWizard
from organizer.ui.page import VaultPage
from organizer.ui.settings_dialog import AppSettings
from organizer.ui.style import big_button, explanation, heading

_Index = QModelIndex | QPersistentModelIndex
HOW = {"saved": "Saved to a folder", "usb": "USB drive", "email": "Email", "printed": "Printed"}


class SentLogModel(QAbstractTableModel):
    """Rows are deliveries, newest first: when, to whom, how, what (files and pages)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.entries: list[SentPacket] = []
        self.headers = [self.tr("When"), self.tr("To"), self.tr("How"), self.tr("What")]

    def set_entries(self, entries: Sequence[SentPacket]) -> None:
        self.beginResetModel()
        self.entries = list(entries)
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or not index.isValid():
            return None
        entry = self.entries[index.row()]
        pages = sum(int(f.get("pages", 0)) for f in entry.files)
        records = len(entry.contents)
        return (_when(entry.when), entry.to or self.tr("(nobody named)"),
                self.tr(HOW.get(entry.how, entry.how)),
                self.tr("{0} records, {1} pages").format(records, pages))[index.column()]


def _when(iso: str) -> str:
    try:
        return datetime.fromisoformat(iso).astimezone().strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return iso


class PacketPage(VaultPage):
    """A big "Make the packet" button above the sent log of the chosen person."""

    shows = frozenset({SENT})

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.wizard: PacketWizard | None = None
        self.settings: AppSettings | None = None  # the vault view's: the usual email size limit
        self.make_button = big_button(self.tr("&Make the packet…"), self)
        self.make_button.setAccessibleName(self.tr("Make the packet"))
        self.model = SentLogModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Sent log"))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Packet for the doctor"), 1.4, self))
        layout.addWidget(explanation(self.tr(
            "One PDF with everything the second-opinion doctor needs, in the order they need it: "
            "a cover page, a list of contents, your medicines and plan, then your records. You "
            "can look at it before you send it."), self))
        layout.addWidget(self.make_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(heading(self.tr("Sent log"), 1.2, self))
        layout.addWidget(explanation(self.tr("Each packet you saved, copied, emailed or printed, "
                                             "newest first."), self))
        layout.addWidget(self.table, 1)
        self.make_button.clicked.connect(self.make_packet)

    @property
    def title(self) -> str:
        return self.tr("Packet for the doctor")

    def refresh(self) -> None:
        person = self.person
        self.run_in_background(lambda: self.session.call(sent_log), lambda entries: self._show(
            [e for e in entries if person is None or e.person_id in ("", person.id)]))

    def _show(self, entries: list[SentPacket]) -> None:
        if self.session.is_open:
            self.model.set_entries(entries)

    def make_packet(self) -> None:
        if self.wizard is not None and not self.wizard.build.busy:
            self.wizard.deleteLater()
        people = self.session.people()
        limit = self.settings.email_limit if self.settings is not None else None
        self.wizard = PacketWizard(self.session, people, self.person, limit, self)
        self.wizard.sent.connect(self._sent)
        self.wizard.open()

    def _sent(self) -> None:
        self.refresh()
        self.changed.emit(self.shows)

    def clear(self) -> None:
        super().clear()
        if self.wizard is not None:
            self.wizard.reject()
        self.model.set_entries([])
