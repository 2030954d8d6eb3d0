"""The packet wizard: who sends it (remembered), and a warning about records without a type."""

from __future__ import annotations

import io
from pathlib import Path

from PySide6.QtWidgets import QWizard
from test_packet_wizard import make_packet, pdf_text
from ui_flows import TIMEOUT, idle, open_dialog, unlock_folder

from organizer.core.case.people import Contact, add_contact
from organizer.core.catalog import DOCUMENT
from organizer.core.vault import Change
from organizer.ui.main_window import MainWindow
from organizer.ui.packet.page import PacketPage
from organizer.ui.packet.wizard import PacketWizard


def open_wizard(qtbot, window: MainWindow, records: int) -> PacketWizard:
    page = window.vault.show_page("PacketPage")
    assert isinstance(page, PacketPage)
    page.make_button.click()
    wizard = open_dialog(qtbot, window, PacketWizard)
    qtbot.waitUntil(lambda: wizard.contents.records.count() == records, timeout=TIMEOUT)
    qtbot.waitUntil(lambda: wizard.who.from_whom.count() > 1, timeout=TIMEOUT)
    return wizard


def test_a_caregiver_chosen_as_sender_is_on_the_cover_and_remembered(
    qtbot, window: MainWindow, case_vault: Path, tmp_path: Path
) -> None:
    unlock_folder(qtbot, window, case_vault)
    person = window.vault.person
    window.vault.session.call(add_contact, person, Contact("Anna Miller", "daughter", "555-0142"))
    wizard = open_wizard(qtbot, window, 2)
    assert wizard.who.from_whom.currentText() == "Jane Q Doe"
    wizard.who.from_whom.setCurrentIndex(wizard.who.from_whom.findText("Anna Miller (daughter)"))
    make_packet(qtbot, wizard)
    built = wizard.build.built
    assert built is not None
    out = tmp_path / "packet.pdf"
    out.write_bytes(built.files[0])
    _, text = pdf_text(out)
    assert "From: Anna Miller (daughter)" in text and "555-0142" in text
    wizard.done(QWizard.DialogCode.Rejected)
    idle(qtbot)
    again = open_wizard(qtbot, window, 2)
    assert again.who.from_whom.currentText() == "Anna Miller (daughter)"
    again.done(QWizard.DialogCode.Rejected)
    window.lock()
    idle(qtbot)


def test_the_wizard_warns_before_building_when_records_have_no_type(
    qtbot, window: MainWindow, case_vault: Path
) -> None:
    from tests.samples import text_pdf

    unlock_folder(qtbot, window, case_vault)
    person = window.vault.person

    def untyped(vault) -> None:  # type: ignore[no-untyped-def]
        stored = vault.store_file(io.BytesIO(text_pdf([["A scan"]])))
        vault.record([vault.file_change(stored), Change(DOCUMENT, stored.id, {
            "filename": "scan.pdf", "file": stored.id, "person": person.id, "type": None,
            "pages": 1, "added": "2024-05-01T00:00:00"})])

    window.vault.session.call(untyped)
    window.vault.session.call(add_contact, person, Contact("Anna Miller", "daughter"))
    wizard = open_wizard(qtbot, window, 3)
    warning = wizard.contents.untyped
    assert not warning.isHidden()
    assert "1 record has no type yet" in warning.text() and "Other records" in warning.text()
    wizard.done(QWizard.DialogCode.Rejected)
    window.lock()
    idle(qtbot)
