"""Fixtures for the case-page tests: a session over a fresh vault with one person, and shown pages."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

import pytest
from case_steps import PASSPHRASE, TIMEOUT

from organizer.core.records import Person
from organizer.core.session import Session
from organizer.core.vault import KdfParams
from organizer.ui.case.case_page import CasePage
from organizer.ui.workers import TaskPool

P = TypeVar("P", bound=CasePage)


@pytest.fixture
def case_folder(tmp_path: Path) -> Path:
    return tmp_path / "Ana's vault"


@pytest.fixture
def session(case_folder: Path, fast_kdf: KdfParams) -> Iterator[Session]:
    """An open session over a new vault holding "Ana Silva" (fast key settings: tests only)."""
    opened = Session(fast_kdf)
    opened.create_vault(case_folder, PASSPHRASE, "Ana Silva", "1958-02-11")
    yield opened
    TaskPool.of(None).wait(10_000)  # pages shown without a window use the application's pool
    opened.close()


@pytest.fixture
def person(session: Session) -> Person:
    return session.people()[0]


@pytest.fixture
def show_page(qtbot, person: Person) -> Callable[[P], P]:
    """Show a page for Ana and wait until its data is on screen."""

    def show(page: P) -> P:
        qtbot.addWidget(page)
        page.resize(1000, 800)
        page.show()
        qtbot.waitExposed(page)
        with qtbot.waitSignal(page.loaded, timeout=TIMEOUT):
            page.set_person(person)
        return page

    return show
