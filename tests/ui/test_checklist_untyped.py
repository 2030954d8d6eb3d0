"""Records whose type nobody chose: the checklist says how many and goes to them on the Records page."""

from __future__ import annotations

import io
from pathlib import Path

from ui_flows import TIMEOUT, idle, unlock_folder

from organizer.core.catalog import DOCUMENT
from organizer.ui.main_window import MainWindow
from organizer.ui.records.table_model import UNSURE


def add_untyped(window: MainWindow, count: int) -> None:
    from tests.samples import text_pdf

    def store(vault, person) -> None:  # type: ignore[no-untyped-def]
        for n in range(count):
            stored = vault.store_file(io.BytesIO(text_pdf([[f"Scan {n}"]])))
            vault.record([vault.file_change(stored), __import__("organizer.core.vault", fromlist=["Change"])
                          .Change(DOCUMENT, stored.id, {"filename": f"scan{n}.pdf", "file": stored.id,
                                                        "person": person.id, "type": None, "pages": 1,
                                                        "added": "2024-05-01T00:00:00"})])

    session = window.vault.session
    session.call(store, window.vault.person)


def test_the_checklist_counts_untyped_records_and_its_button_shows_them_on_the_records_page(
    qtbot, window: MainWindow, case_vault: Path
) -> None:
    unlock_folder(qtbot, window, case_vault)
    idle(qtbot)
    checklist = window.vault.pages[0]
    add_untyped(window, 2)
    with qtbot.waitSignal(checklist.loaded, timeout=TIMEOUT):
        checklist.refresh()
    assert checklist.untyped.isVisible()
    assert checklist.untyped.text().startswith("⚠ 2 records need their type")
    assert "need their type" not in checklist.steps.text()  # said once, beside its button
    checklist.untyped_button.click()
    page = window.vault.current_page()
    assert page is not None and type(page).__name__ == "RecordsPage"
    assert page.records.type_filter.currentData() == UNSURE
    window.lock()
    idle(qtbot)
