"""The pages of an open vault, in navigation order: the one place where pages are wired in."""

from __future__ import annotations

import importlib
import logging
import pkgutil
from types import ModuleType

from PySide6.QtWidgets import QWidget

from organizer.core.session import Session
from organizer.ui.page import VaultPage

log = logging.getLogger(__name__)

# (class name, modules to look in first). Pages of the case may live in `organizer.ui.case.pages`
# or in any module of `organizer.ui.case`; a page whose module does not exist yet is skipped.
PAGES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("ChecklistPage", ("organizer.ui.case.pages", "organizer.ui.case.checklist_page")),
    ("RecordsPage", ("organizer.ui.records.page",)),
    ("MedicinesPage", ("organizer.ui.case.pages", "organizer.ui.case.medicines_page")),
    ("PlanPage", ("organizer.ui.case.pages", "organizer.ui.case.plan_page")),
    ("QuestionsPage", ("organizer.ui.case.pages", "organizer.ui.case.questions_page")),
    ("InsurancePage", ("organizer.ui.case.pages", "organizer.ui.case.insurance_page")),
    ("AppointmentsPage", ("organizer.ui.case.pages", "organizer.ui.case.appointments_page")),
    ("RequestsPage", ("organizer.ui.case.pages", "organizer.ui.case.requests_page")),
    ("PacketPage", ("organizer.ui.packet.page",)),
    ("ResourcesPage", ("organizer.ui.case.pages", "organizer.ui.case.resources_page")),
)
CASE_PACKAGE = "organizer.ui.case"
FALLBACK_RECORDS = ("RecordsListPage", ("organizer.ui.home_view",))


def _import(name: str) -> ModuleType | None:
    """The module, or None when it does not exist yet or cannot be imported (logged, not raised)."""
    try:
        return importlib.import_module(name)
    except ModuleNotFoundError as error:
        if error.name and not name.startswith(error.name):
            log.warning("Page module %s needs %s, which is missing", name, error.name)
        return None
    except Exception:  # a page being written by someone else must not stop the app
        log.exception("Page module %s could not be imported; its page is left out", name)
        return None


def _case_modules() -> list[str]:
    package = _import(CASE_PACKAGE)
    path = getattr(package, "__path__", None)
    if path is None:
        return []
    return [f"{CASE_PACKAGE}.{info.name}" for info in pkgutil.iter_modules(path)]


def find_page_class(name: str, modules: tuple[str, ...]) -> type[VaultPage] | None:
    """The VaultPage subclass called `name` in the first module that has it."""
    candidates = list(modules)
    if any(module.startswith(CASE_PACKAGE) for module in modules):
        candidates += [m for m in _case_modules() if m not in candidates]
    for module_name in candidates:
        module = _import(module_name)
        found = getattr(module, name, None) if module is not None else None
        if isinstance(found, type) and issubclass(found, VaultPage):
            return found
    return None


def page_classes() -> list[type[VaultPage]]:
    """Every page that exists, in navigation order; the checklist (the home page) first."""
    classes = []
    for name, modules in PAGES:
        found = find_page_class(name, modules)
        if found is None and name == "RecordsPage":
            found = find_page_class(*FALLBACK_RECORDS)
        if found is not None:
            classes.append(found)
    return classes


def build_pages(session: Session, parent: QWidget) -> list[VaultPage]:
    """One instance of every page, each made with `(session, parent)`; a page that fails is skipped."""
    pages = []
    for kind in page_classes():
        try:
            pages.append(kind(session, parent))
        except Exception:
            log.exception("The page %s could not be made; it is left out", kind.__name__)
    return pages


def page_named(pages: list[VaultPage], class_name: str) -> VaultPage | None:
    return next((p for p in pages if type(p).__name__ == class_name), None)
