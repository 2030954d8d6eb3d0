"""The Imaging page: add a disc (button and drop), see studies and series previews, cancel, copy."""

from __future__ import annotations

from pathlib import Path

from case_steps import TIMEOUT
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from ui_flows import drop_on

from organizer.core.imaging.inventory import studies
from organizer.ui.imaging.page import ImagingPage
from tests.core.imaging_discs import SAMPLES, copy_with_new_uids, dicomdir_disc

pytest_plugins = ["case_fixtures"]


def _add_disc(qtbot, page: ImagingPage, monkeypatch, folder: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(folder))
    with qtbot.waitSignal(page.loaded, timeout=TIMEOUT):
        qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)


def test_adding_a_disc_lists_one_row_per_study_with_its_series(
    qtbot, show_page, session, tmp_path, monkeypatch
):
    page = show_page(ImagingPage(session))
    assert page.shown.currentWidget() is page.empty and not page.copy_button.isEnabled()
    _add_disc(qtbot, page, monkeypatch, dicomdir_disc(tmp_path / "disc"))
    assert page.tree.topLevelItemCount() == 6 and page.shown.currentWidget() is page.tree
    rows = [page.tree.topLevelItem(i) for i in range(6)]
    brain = next(r for r in rows if r.text(3).endswith("Brain-MRA"))
    assert (brain.text(0), brain.text(1), brain.text(4)) == ("2003-05-05", "MR", "11")
    assert brain.childCount() == 3 and brain.child(0).text(3).startswith("Series")
    assert brain.text(3).startswith("⚠")  # Peter Doe's images filed under Ana Silva
    assert "2 different people" in page.message.text()
    assert "viewer program" in page.message.text()
    page.tree.expandItem(brain)
    qtbot.waitUntil(lambda: not brain.child(0).icon(0).isNull(), timeout=TIMEOUT)


def test_dropping_a_disc_folder_adds_it(qtbot, show_page, session, tmp_path):
    page = show_page(ImagingPage(session))
    disc = tmp_path / "disc"
    copy_with_new_uids(SAMPLES / "CT_small.dcm", 3, disc / "DICOM")
    with qtbot.waitSignal(page.loaded, timeout=TIMEOUT):
        drop_on(page, [disc])
    assert page.tree.topLevelItemCount() == 1 and page.tree.topLevelItem(0).text(4) == "3"


def test_cancel_stops_the_import_and_keeps_what_was_added(
    qtbot, show_page, session, tmp_path, monkeypatch
):
    page = show_page(ImagingPage(session))
    disc = tmp_path / "disc"
    copy_with_new_uids(SAMPLES / "CT_small.dcm", 400, disc)
    original = page.bar.report

    def report_then_cancel(done: int, total: int) -> None:
        original(done, total)
        if done == 5:
            page.bar.cancel.set()

    monkeypatch.setattr(page.bar, "report", report_then_cancel)
    _add_disc(qtbot, page, monkeypatch, disc)
    assert "Stopped" in page.message.text()
    kept = session.call(studies)[0].images
    assert 5 <= kept < 400 and not page.bar.isVisible() and page.add_button.isEnabled()


def test_copy_to_a_usb_drive_writes_a_checked_file_set(
    qtbot, show_page, session, tmp_path, monkeypatch
):
    page = show_page(ImagingPage(session))
    _add_disc(qtbot, page, monkeypatch, dicomdir_disc(tmp_path / "disc"))
    usb = tmp_path / "usb"
    usb.mkdir()
    (usb / "holiday.jpg").write_bytes(b"not ours")
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(usb))
    with qtbot.waitSignal(page.loaded, timeout=TIMEOUT):
        qtbot.mouseClick(page.copy_button, Qt.MouseButton.LeftButton)
    [made] = [p for p in usb.iterdir() if p.is_dir()]
    assert made.name.startswith("Imaging Ana Silva ")
    assert (made / "DICOMDIR").is_file() and (made / "README.txt").is_file()
    assert "checked every file" in page.message.text()


def test_progress_from_a_worker_shows_without_a_signal_per_file(qtbot, show_page, session):
    page = show_page(ImagingPage(session))
    page.bar.begin("Adding the disc…", "files")
    page.bar.report(3, 10)  # what the import's worker thread calls
    qtbot.waitUntil(lambda: page.bar.progress.value() == 3, timeout=TIMEOUT)
    assert page.bar.progress.maximum() == 10 and page.bar.isVisible()
    page.bar.end()
    assert not page.bar.timer.isActive()


def test_adding_the_same_disc_again_says_nothing_was_copied_twice(
    qtbot, show_page, session, tmp_path, monkeypatch
):
    page = show_page(ImagingPage(session))
    disc = dicomdir_disc(tmp_path / "disc")
    _add_disc(qtbot, page, monkeypatch, disc)
    _add_disc(qtbot, page, monkeypatch, disc)
    assert "were all in the vault already" in page.message.text()
    assert page.tree.topLevelItemCount() == 6
