"""The wizard's two-sided printing choice: each record starts on a new sheet of the packet."""

from __future__ import annotations

from pathlib import Path

from ui_flows import idle

from organizer.ui.main_window import MainWindow
from tests.ui.test_packet_wizard import make_packet, open_wizard


def test_two_sided_printing_is_a_choice_that_puts_each_record_on_a_new_sheet(
    qtbot, window: MainWindow, case_vault: Path
) -> None:
    wizard = open_wizard(qtbot, window, case_vault)
    wizard.next()
    wizard.next()
    step = wizard.protection
    assert wizard.currentPage() is step
    assert not step.two_sided.isChecked()  # one-sided unless asked
    assert step.two_sided.accessibleName()
    step.two_sided.setChecked(True)
    make_packet(qtbot, wizard)
    built = wizard.build.built
    assert built is not None
    assert built.request.two_sided
    assert all(line.first_page % 2 == 1 for line in built.result.contents)  # a right-hand page
    assert built.result.pages % 2 == 0
    wizard.reject()
    idle(qtbot)
