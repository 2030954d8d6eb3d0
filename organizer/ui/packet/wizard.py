"""The packet wizard: person and recipient, contents, password and size, then make, preview, deliver."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget, QWizard

from organizer.core.case.packet_cover_facts import remember_sender, sender_choices
from organizer.core.document_record import DocumentRecord
from organizer.core.errors import OrganizerError
from organizer.core.packet.packet_job import PacketRequest, choices
from organizer.core.records import Person
from organizer.core.session import Session
from organizer.core.vault import Vault
from organizer.ui.error_dialog import show_error
from organizer.ui.packet.build_step import BuildStep
from organizer.ui.packet.steps import ContentsStep, OptionsStep, WhoStep
from organizer.ui.workers import run_in_background

# Recipients, documents, who can send, and who sent last time.
_Choices = tuple[list[str], list[DocumentRecord], list[tuple[str, str]], str]


def _choices_of(vault: Vault, person: Person) -> _Choices:
    return (*choices(vault, person), *sender_choices(vault, person))


class PacketWizard(QWizard):
    """Window-modal; forgets the packet and the password when it closes. `sent` after deliveries."""

    sent = Signal()

    def __init__(self, session: Session, people: Sequence[Person], person: Person | None,
                 default_limit: int | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Make the packet for the doctor"))
        self.setAccessibleName(self.windowTitle())
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, False)
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("&Close"))
        self.session = session
        self.documents: list[DocumentRecord] = []
        self._loading = False
        self.who = WhoStep(people, self)
        self.contents = ContentsStep(self)
        self.protection = OptionsStep(default_limit, self)
        self.build = BuildStep(session, self.request, self)
        for step in (self.who, self.contents, self.protection, self.build):
            self.addPage(step)
        if person is not None and person in people:
            self.who.person.setCurrentIndex(list(people).index(person))
        self.who.person.currentIndexChanged.connect(self._load_choices)
        self.build.sent.connect(self.sent)
        self._fit_to_screen()
        self._load_choices()

    def _fit_to_screen(self) -> None:
        """Big enough to read the preview, never bigger than the screen."""
        width = self.fontMetrics().averageCharWidth() * 130
        height = self.fontMetrics().height() * 50
        screen = self.screen().availableGeometry() if self.screen() is not None else None
        if screen is not None:
            width, height = min(width, screen.width() * 9 // 10), min(height, screen.height() * 9 // 10)
        self.resize(width, height)

    def request(self) -> PacketRequest:
        person = self.who.chosen_person()
        assert person is not None
        return PacketRequest(person, " ".join(self.who.recipient.currentText().split()),
                             self.contents.left_out(), self.protection.chosen_password(),
                             self.protection.size_limit.limit(), self.protection.chosen_two_sided())

    def _load_choices(self) -> None:
        person = self.who.chosen_person()
        if person is None:
            return
        run_in_background(self, lambda: self.session.call(_choices_of, person),
                          self._choices_loaded)

    def validateCurrentPage(self) -> bool:
        """Leaving the first step keeps who sends the packet (in the vault) for the cover and
        for next time."""
        person = self.who.chosen_person()
        if self.currentPage() is self.who and person is not None and self.who.from_whom.count():
            try:
                self.session.call(remember_sender, person, self.who.chosen_sender())
            except OrganizerError as error:
                show_error(self, error)
                return False
        return super().validateCurrentPage()

    def _choices_loaded(self, found: _Choices) -> None:
        names, documents, senders, last = found
        self.who.set_recipients(names)
        self.who.set_senders(senders, last)
        self.documents = list(documents)
        self.contents.set_documents(self.documents)

    def done(self, result: int) -> None:
        """Closing (or locking) stops a build in progress and forgets the packet and password."""
        self.build.cancel()
        self.build.forget()
        self.protection.clear()
        super().done(result)
