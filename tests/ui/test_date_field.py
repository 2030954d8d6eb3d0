"""The date field: typed dates read in the chosen order, said back, a calendar, errors kept in place."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QDate, QSettings
from PySide6.QtWidgets import QCalendarWidget
from ui_flows import open_dialog

from organizer.core.user_dates import DateOrder
from organizer.ui.case.date_field import DateField, date_order, set_date_order
from organizer.ui.main_window import MainWindow
from organizer.ui.settings_dialog import AppSettings, SettingsDialog


@pytest.fixture
def field(qtbot) -> Iterator[DateField]:
    shown = DateField()
    qtbot.addWidget(shown)
    shown.show()
    yield shown
    set_date_order(None)


def test_two_way_dates_follow_the_chosen_order_and_say_how_they_were_read(qtbot, field) -> None:
    set_date_order(DateOrder.MONTH_FIRST)
    qtbot.keyClicks(field.line, "3/12/2024")
    assert field.value == "2024-03-12" and "12 March 2024" in field.note.text()
    set_date_order(DateOrder.DAY_FIRST)
    field.line.clear()
    qtbot.keyClicks(field.line, "3/12/2024")
    assert field.value == "2024-12-03" and "3 December 2024" in field.note.text()


def test_an_impossible_date_stays_typed_with_one_line_saying_why(qtbot, field) -> None:
    field.set_value("2024-01-05")
    field.line.clear()
    qtbot.keyClicks(field.line, "13/13/2024")
    assert field.text() == "13/13/2024" and "no month 13" in field.note.text()
    assert field.value == "2024-01-05"  # the last good date is what would be saved
    field.set_value("2024-01-05")  # a reload of what is saved does not wipe the typing
    assert field.text() == "13/13/2024"


def test_the_calendar_button_puts_the_chosen_day_in_the_field(qtbot, field) -> None:
    edits: list[bool] = []
    field.edited.connect(lambda: edits.append(True))
    field.line.calendar_action.trigger()
    calendar = next(c for c in field.line.findChildren(QCalendarWidget) if c.isVisible())
    calendar.clicked.emit(QDate(2024, 4, 23))
    assert field.value == "2024-04-23" and edits
    assert "23" in field.text() and "2024" in field.text()


def test_partial_dates_show_in_words(field) -> None:
    field.set_value("2024-04")
    assert field.text() == "April 2024"
    field.set_value("1958")
    assert field.text() == "1958"


def test_the_date_order_is_a_setting(qtbot, window: MainWindow, settings: QSettings) -> None:
    window.settings_action.trigger()
    dialog = open_dialog(qtbot, window, SettingsDialog)
    dialog.date_order.setCurrentIndex(dialog.date_order.findData(DateOrder.DAY_FIRST))
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert date_order() is DateOrder.DAY_FIRST
    assert AppSettings(QSettings(settings.fileName(), QSettings.Format.IniFormat)).date_order is (
        DateOrder.DAY_FIRST)
    set_date_order(None)
