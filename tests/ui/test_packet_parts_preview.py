"""A packet over the size limit: the preview shows each part, and saving writes exactly those bytes."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from case_steps import TIMEOUT
from PySide6.QtWidgets import QFileDialog

from organizer.core import catalog
from organizer.core.packet.packet_job import PacketRequest
from organizer.core.records import Person
from organizer.core.session import Session
from organizer.core.vault import Change, Vault
from organizer.ui.packet.build_step import BuildStep
from tests.core.test_packet_fit import noisy

pytest_plugins = ["case_fixtures"]


def test_each_part_is_previewed_and_the_saved_parts_are_the_previewed_bytes(
        qtbot, session: Session, person: Person, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def add(vault: Vault) -> None:
        for n in range(6):
            stored = vault.store_file(io.BytesIO(noisy(f"r{n}", 2)))
            vault.record([Vault.file_change(stored), Change(catalog.DOCUMENT, stored.id, {
                "person": person.id, "file": stored.id, "type": "lab", "pages": 2,
                "filename": f"r{n}.pdf"})])

    session.call(add)
    step = BuildStep(session, lambda: PacketRequest(person, "Dr. Quinn", max_bytes=250_000))
    qtbot.addWidget(step)
    step.show()
    step.start()
    qtbot.waitUntil(lambda: step.built is not None and step.preview.page_count > 0, timeout=TIMEOUT)
    built = step.built
    assert built is not None and built.split and step.part_choice.isVisible()
    assert step.part_choice.count() == len(built.files) and "split into" in step.status.text()
    pages = [part.pages for part in built.result.parts]
    assert step.preview.page_count == pages[0]
    step.part_choice.setCurrentIndex(1)
    qtbot.waitUntil(lambda: step.preview.page_count == pages[1], timeout=TIMEOUT)
    out = tmp_path / "saved"
    out.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(out))
    step.delivery.save_button.click()
    qtbot.waitUntil(lambda: "Saved as" in step.delivery.message.text(), timeout=TIMEOUT)
    saved = sorted(out.iterdir(), key=lambda p: p.name)
    assert [p.read_bytes() for p in saved] == list(built.files)
