"""Fixtures for the Records page tests (a pytest plugin): a vault, sample files, the page."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from records_steps import PASSPHRASE, PDF_PASSWORD, TIMEOUT, UNSURE_LINES

from organizer.core import catalog
from organizer.core.records import Person
from organizer.core.session import Session
from organizer.core.vault import KdfParams
from organizer.ui.records import RecordsPage
from organizer.ui.style import STYLE_SHEET
from organizer.ui.workers import TaskPool
from tests.samples import OPERATIVE_LINES, PATHOLOGY_LINES, encrypted, photo_png, text_pdf


@pytest.fixture
def records_session(tmp_path: Path, fast_kdf: KdfParams) -> Iterator[Session]:
    """An open vault for Jane Q Doe (the name printed on the record_files) and a second person."""
    opened = Session(fast_kdf)
    opened.create_vault(tmp_path / "vault", PASSPHRASE, "Jane Q Doe", "1962-03-14")
    opened.call(catalog.add_person, "Sam Other", "1990-05-06")
    yield opened
    TaskPool.of(None).wait(TIMEOUT)  # pages shown without a window use the application's pool
    opened.close()


@pytest.fixture
def jane(records_session: Session) -> Person:
    return next(p for p in records_session.people() if p.name == "Jane Q Doe")


@pytest.fixture
def sam(records_session: Session) -> Person:
    return next(p for p in records_session.people() if p.name == "Sam Other")


@pytest.fixture
def record_files(tmp_path: Path) -> dict[str, Path]:
    """Files a patient might drop: two reports, a locked PDF, a photo, an unclear one, junk."""
    folder = tmp_path / "downloads"
    folder.mkdir()
    made = {
        "pathology": text_pdf([PATHOLOGY_LINES, PATHOLOGY_LINES[:4]], title="Pathology"),
        "operative": text_pdf([OPERATIVE_LINES]),
        "locked": encrypted(text_pdf([OPERATIVE_LINES, ["Page two of the operative report"]]),
                            PDF_PASSWORD, "owner secret"),
        "unsure": text_pdf([UNSURE_LINES]),
    }
    paths = {name: folder / f"{name}.pdf" for name in made}
    for name, data in made.items():
        paths[name].write_bytes(data)
    paths["photo"] = folder / "photo.png"
    paths["photo"].write_bytes(photo_png())
    paths["junk"] = folder / "notes.txt"
    paths["junk"].write_text("not a record")
    return paths


@pytest.fixture
def records_page(qtbot, qapp: QApplication, records_session: Session,
                 jane: Person) -> Iterator[RecordsPage]:
    qapp.setStyleSheet(STYLE_SHEET)
    shown = RecordsPage(records_session)
    qtbot.addWidget(shown)
    shown.resize(1200, 800)
    shown.show()
    qtbot.waitExposed(shown)
    shown.activateWindow()  # keyboard shortcuts go to the active window
    qtbot.waitUntil(lambda: QApplication.activeWindow() is shown, timeout=TIMEOUT)
    shown.set_person(jane)
    yield shown
    shown.clear()
    TaskPool.of(shown).wait(TIMEOUT)
