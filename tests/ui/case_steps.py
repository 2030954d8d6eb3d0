"""Steps the case-page tests share: reopening the vault, importing samples, answering questions."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox, QWidget

from organizer.core.case.demo_records import sample_records
from organizer.core.intake.importer import ImportOptions
from organizer.core.records import Person
from organizer.core.session import Session
from organizer.ui.workers import TaskPool

TIMEOUT = 15_000
PASSPHRASE = "quiet river at dawn"


def reopened(session: Session, folder: Path) -> Session:
    """Lock and unlock again: what a page shows now comes from the vault files, not from memory."""
    TaskPool.of(None).wait(10_000)
    session.close()
    session.unlock(folder, PASSPHRASE)
    return session


def import_samples(session: Session, person: Person, folder: Path, *names: str) -> None:
    """Import some of the demo's fictional sample records, through the real import path."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for record in sample_records():
        if record.filename in names:
            path = folder / record.filename
            path.write_bytes(record.pdf)
            paths.append(path)
    session.import_files(paths, ImportOptions(person))


def answer_questions(monkeypatch: pytest.MonkeyPatch, answer: QMessageBox.StandardButton) -> list[str]:
    """Answer every QMessageBox.question with `answer`; returns the questions asked."""
    asked: list[str] = []

    def question(parent: QWidget, title: str, text: str, *args: object) -> QMessageBox.StandardButton:
        asked.append(text)
        return answer

    monkeypatch.setattr(QMessageBox, "question", question)
    return asked


def visible_error(qtbot, parent: QWidget) -> QMessageBox:
    """The error dialog the page opened (one, window-modal)."""
    found: list[QMessageBox] = []

    def shown() -> bool:
        found[:] = [b for b in parent.findChildren(QMessageBox) if b.isVisible()]
        return bool(found)

    qtbot.waitUntil(shown, timeout=TIMEOUT)
    return found[0]
