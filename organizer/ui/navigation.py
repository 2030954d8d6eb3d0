"""The pages of an open vault, in navigation order: the one place where pages are wired in."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtWidgets import QWidget

from organizer.core.session import Session
from organizer.ui.case.appointments_page import AppointmentsPage
from organizer.ui.case.checklist_page import ChecklistPage
from organizer.ui.case.clinical_lists_page import ClinicalListsPage
from organizer.ui.case.insurance_page import InsurancePage
from organizer.ui.case.medicines_page import MedicinesPage
from organizer.ui.case.plan_page import PlanPage
from organizer.ui.case.questions_page import QuestionsPage
from organizer.ui.case.requests_page import RequestsPage
from organizer.ui.case.resources_page import ResourcesPage
from organizer.ui.imaging.page import ImagingPage
from organizer.ui.packet.page import PacketPage
from organizer.ui.page import VaultPage
from organizer.ui.records.page import RecordsPage

P = TypeVar("P", bound=VaultPage)

# The checklist is the home page, so it comes first.
PAGES: tuple[type[VaultPage], ...] = (
    ChecklistPage,
    RecordsPage,
    ImagingPage,
    MedicinesPage,
    ClinicalListsPage,
    PlanPage,
    QuestionsPage,
    InsurancePage,
    AppointmentsPage,
    RequestsPage,
    PacketPage,
    ResourcesPage,
)


def build_pages(session: Session, parent: QWidget) -> list[VaultPage]:
    """One instance of every page, each made with `(session, parent)`."""
    return [kind(session, parent) for kind in PAGES]


def page_named(pages: list[VaultPage], class_name: str) -> VaultPage | None:
    return next((p for p in pages if type(p).__name__ == class_name), None)


def page_of(pages: list[VaultPage], kind: type[P]) -> P:
    """The one page of this kind (every kind in PAGES is built once)."""
    return next(p for p in pages if isinstance(p, kind))
