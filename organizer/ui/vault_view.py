"""The open vault: whose records (people switcher), a navigation list, and one page at a time."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from organizer.core.records import Person
from organizer.core.session import Session
from organizer.ui import navigation
from organizer.ui.autosave import save_everything_now
from organizer.ui.case.checklist_page import ChecklistPage
from organizer.ui.case.people_dialog import PersonDialog
from organizer.ui.error_dialog import show_error
from organizer.ui.packet.page import PacketPage
from organizer.ui.page import VaultPage
from organizer.ui.records.page import RecordsPage
from organizer.ui.settings_dialog import AppSettings
from organizer.ui.style import NOTE_MARK, explanation, row_of, show_message

ADD_PERSON = "add-person"


class VaultView(QWidget):
    """Pages are made on first use; a page's `changed` marks the others stale (refreshed on show)."""

    lock_requested = Signal()

    def __init__(self, session: Session, settings: AppSettings,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("vaultView")
        self.session = session
        self.settings = settings
        self.pages: list[VaultPage] = []
        self._stale: set[VaultPage] = set()
        self.people: list[Person] = []
        self.person_label = QLabel(self.tr("&Whose records:"), self)
        self.person_box = QComboBox(self)
        self.person_box.setAccessibleName(self.tr("Whose records"))
        self.person_box.setMinimumContentsLength(24)
        self.person_label.setBuddy(self.person_box)
        self.lock_button = QPushButton(self.tr("&Lock"), self)
        self.lock_button.setAccessibleName(self.tr("Lock the vault"))
        self.lock_button.setToolTip(self.tr("Lock the vault (Ctrl+L)"))
        self.folder_label = explanation("", self)
        self.folder_label.setObjectName("vaultFolder")
        self.nav = QListWidget(self)
        self.nav.setObjectName("navigation")
        self.nav.setAccessibleName(self.tr("Sections"))
        self.nav.setStyleSheet("QListWidget#navigation::item { padding: 0.3em 0.5em; }")
        self.nav.setAccessibleDescription(self.tr("Use the arrow keys to move between sections."))
        self.stack = QStackedWidget(self)
        self.message = QLabel(self)
        self.message.setProperty("role", "message")
        self.message.setWordWrap(True)
        self.message.setVisible(False)
        self._lay_out()
        self.lock_button.clicked.connect(self.lock_requested)
        self.nav.currentRowChanged.connect(self._go_to)
        self.person_box.activated.connect(self._person_chosen)

    def _lay_out(self) -> None:
        top = row_of(start=(self.person_label, self.person_box), end=(self.lock_button,))
        body = QHBoxLayout()
        body.addWidget(self.nav)
        body.addWidget(self.stack, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.message)
        layout.addLayout(body, 1)
        layout.addWidget(self.folder_label)
        self.setTabOrder(self.person_box, self.lock_button)
        self.setTabOrder(self.lock_button, self.nav)

    # --- opening and locking ---------------------------------------------------------------

    def show_vault(self, folder: Path, people: Sequence[Person]) -> None:
        if not self.pages:
            self._make_pages()
        self.folder_label.setText(self.tr("Vault folder: {0}").format(folder))
        self._stale = set(self.pages)
        self.set_people(people)
        self.nav.setCurrentRow(0)
        self._go_to(0)

    def _make_pages(self) -> None:
        self.pages = navigation.build_pages(self.session, self.stack)
        for page in self.pages:
            self.stack.addWidget(page)
            self.nav.addItem(page.title)
            page.changed.connect(lambda kinds, page=page: self._page_changed(page, kinds))
        navigation.page_of(self.pages, ChecklistPage).show_records.connect(self._show_records)
        navigation.page_of(self.pages, PacketPage).settings = self.settings
        self._fit_navigation()
        self.nav.installEventFilter(self)

    def _fit_navigation(self) -> None:
        """As wide as the longest section name at the current text size, plus room to breathe."""
        metrics = self.nav.fontMetrics()
        width = max((metrics.horizontalAdvance(p.title) for p in self.pages), default=100)
        self.nav.setFixedWidth(width + metrics.averageCharWidth() * 6)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """A text-size change makes the section names wider: widen the navigation with them."""
        if watched is self.nav and event.type() == QEvent.Type.FontChange and self.pages:
            self._fit_navigation()
        return super().eventFilter(watched, event)

    def clear(self) -> None:
        """Forget everything shown: every page clears, the people list empties."""
        for page in self.pages:
            page.clear()
        self.people = []
        self.person_box.clear()
        self.folder_label.clear()
        show_message(self.message, "")
        self._stale = set(self.pages)

    def show_notice(self, text: str) -> None:
        """A calm note above the page (not a dialog), e.g. about remembering the vault."""
        show_message(self.message, NOTE_MARK + " " + text)

    def take_focus(self) -> None:
        self.nav.setFocus()

    # --- people ----------------------------------------------------------------------------

    def set_people(self, people: Sequence[Person], chosen: Person | None = None) -> None:
        current = chosen or self.person or (people[0] if people else None)
        self.people = list(people)
        self.person_box.clear()
        for person in self.people:
            label = person.name + (f" ({person.date_of_birth})" if person.date_of_birth else "")
            self.person_box.addItem(label, person.id)
        self.person_box.addItem(self.tr("Add a person…"), ADD_PERSON)
        ids = [p.id for p in self.people]
        self.person_box.setCurrentIndex(ids.index(current.id) if current and current.id in ids else 0)
        self._stale = set(self.pages)
        self._bring_up_to_date(self.current_page())

    @property
    def person(self) -> Person | None:
        person_id = self.person_box.currentData()
        return next((p for p in self.people if p.id == person_id), None)

    def _person_chosen(self, index: int) -> None:
        save_everything_now()  # what was typed belongs to the person shown until now
        if self.person_box.itemData(index) == ADD_PERSON:
            self.person_box.setCurrentIndex(0)
            self.add_person()
            return
        self._stale = set(self.pages)
        self._bring_up_to_date(self.current_page())

    def add_person(self) -> None:
        dialog = PersonDialog(self.session, self)
        dialog.person_added.connect(self._person_added)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _person_added(self, person: Person) -> None:
        try:
            people = self.session.people()
        except Exception as error:
            show_error(self, error)
            return
        self.set_people(people, person)
        for page in self.pages:
            self._stale.add(page)

    # --- pages -----------------------------------------------------------------------------

    def current_page(self) -> VaultPage | None:
        page = self.stack.currentWidget()
        return page if isinstance(page, VaultPage) else None

    def show_page(self, class_name: str) -> VaultPage | None:
        page = navigation.page_named(self.pages, class_name)
        if page is not None:
            self.nav.setCurrentRow(self.pages.index(page))
        return page

    def _go_to(self, row: int) -> None:
        if 0 <= row < len(self.pages):
            self.stack.setCurrentWidget(self.pages[row])
            self._bring_up_to_date(self.pages[row])

    def _bring_up_to_date(self, page: VaultPage | None) -> None:
        if page is None or page not in self._stale or not self.session.is_open:
            return
        self._stale.discard(page)
        person = self.person
        if page.person != person:
            page.set_person(person)
        else:
            page.refresh()

    def _page_changed(self, source: VaultPage, kinds: frozenset[str] | None) -> None:
        """Pages showing what changed redraw when next shown; the others keep what they show."""
        self._stale.update(p for p in self.pages if p is not source and p.touched_by(kinds))

    def _records_page(self) -> RecordsPage:
        page = navigation.page_of(self.pages, RecordsPage)
        self.nav.setCurrentRow(self.pages.index(page))
        return page

    def _show_records(self, type_filter: object) -> None:
        """A page asked for the Records page showing only some records (e.g. those without a type)."""
        chooser = self._records_page().records.type_filter
        chooser.setCurrentIndex(max(0, chooser.findData(type_filter)))

    def import_paths(self, paths: list[Path]) -> None:
        """Switch to the Records page and import there."""
        self._records_page().import_paths(paths)
