"""Dates as people type them: one reading when only one is possible, the date order otherwise."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from organizer.core.user_dates import (
    DateNotRead,
    DateOrder,
    Precision,
    UserDate,
    default_order,
    from_stored,
    order_for_locale,
    read_date,
    shown,
    stored_date,
)

MONTH_FIRST, DAY_FIRST = DateOrder.MONTH_FIRST, DateOrder.DAY_FIRST
ENGLISH = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")
SPANISH = ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
           "septiembre", "octubre", "noviembre", "diciembre")


@pytest.mark.parametrize(("typed", "iso"), [
    ("04/23/1958", "1958-04-23"), ("23/04/1958", "1958-04-23"), ("23.04.1958", "1958-04-23"),
    ("April 2024", "2024-04"), ("2024-04", "2024-04"), ("2024", "2024"), ("Mar 7 2024", "2024-03-07"),
    ("Mar. 7th, 2024", "2024-03-07"), ("7 March 2024", "2024-03-07"), ("2024-03-12", "2024-03-12"),
    ("7 de marzo de 2024", "2024-03-07"), ("abril 2024", "2024-04"), ("abril de 2024", "2024-04"),
    ("1 de septiembre de 2020", "2020-09-01"), ("04/2024", "2024-04"), ("07-Mar-2024", "2024-03-07"),
    ("  12  Diciembre 1999 ", "1999-12-12"), ("5/5/2020", "2020-05-05"),
])
def test_one_reading_whatever_the_order(typed: str, iso: str) -> None:
    for order in DateOrder:
        reading = read_date(typed, order)
        assert reading.date.iso == iso
        assert not reading.ambiguous


def test_two_readings_follow_the_date_order_and_say_so() -> None:
    us, world = read_date("3/12/2024", MONTH_FIRST), read_date("3/12/2024", DAY_FIRST)
    assert (us.date.iso, world.date.iso) == ("2024-03-12", "2024-12-03")
    assert us.ambiguous and world.ambiguous
    assert us.date.words() == "12 March 2024"
    assert world.date.words() == "3 December 2024"


@pytest.mark.parametrize(("typed", "says"), [
    ("13/13/2024", "no month is numbered above 12"), ("31/02/2024", "February 2024 has 29 days"),
    ("2023-02-29", "February 2023 has 28 days"), ("2024-13", "no month 13"),
    ("next tuesday", "could not read"), ("3024", "out of range"), ("", "type a date"),
])
def test_impossible_dates_say_why_in_one_line(typed: str, says: str) -> None:
    with pytest.raises(DateNotRead, match=says) as caught:
        read_date(typed, MONTH_FIRST)
    assert "\n" not in str(caught.value)


def test_precision_is_kept_and_shown_in_words() -> None:
    assert read_date("April 2024").date.precision is Precision.MONTH
    assert read_date("2024").date.precision is Precision.YEAR
    assert shown("2024-04") == "April 2024" and shown("2024") == "2024"
    assert shown("2024-03-12") == "2024-03-12" and shown("") == ""
    assert shown("2024-09", short=True) == "Sep 2024"


def test_stored_forms_stay_readable_and_a_day_can_be_required() -> None:
    assert stored_date("2019-07-01") == "2019-07-01"  # what older vaults hold
    assert stored_date(" ") == ""
    assert stored_date("3/12/2024", order=DAY_FIRST) == "2024-12-03"
    with pytest.raises(DateNotRead, match="needs the day, month and year"):
        stored_date("April 2024", "request date", day_needed=True)
    with pytest.raises(DateNotRead, match=r"The start date: .*no month"):
        stored_date("13/13/2024", "start date")


@pytest.mark.parametrize(("name", "order"), [
    ("en_US.UTF-8", MONTH_FIRST), ("C", MONTH_FIRST), ("POSIX", MONTH_FIRST), ("C.UTF-8", MONTH_FIRST),
    ("es_ES.UTF-8", DAY_FIRST), ("es_MX", DAY_FIRST), ("en_GB.UTF-8", DAY_FIRST), ("de_DE", DAY_FIRST),
    ("en-US", MONTH_FIRST), ("fr", DAY_FIRST),
])
def test_date_order_follows_the_locale(name: str, order: DateOrder) -> None:
    assert order_for_locale(name) is order


def test_default_order_reads_the_environment_like_the_c_library() -> None:
    assert default_order({}) is MONTH_FIRST
    assert default_order({"LANG": "es_ES.UTF-8"}) is DAY_FIRST
    assert default_order({"LANG": "es_ES.UTF-8", "LC_ALL": "en_US.UTF-8"}) is MONTH_FIRST


days = st.dates(min_value=date(1850, 1, 1), max_value=date(2150, 12, 31))


@given(days, st.sampled_from(list(DateOrder)))
def test_a_day_written_in_the_chosen_order_reads_back(day: date, order: DateOrder) -> None:
    first, second = ((day.month, day.day) if order is MONTH_FIRST else (day.day, day.month))
    for separator in "/-":
        assert read_date(f"{first}{separator}{second}{separator}{day.year}", order).date.first_day == day
    assert read_date(f"{day.day:02d}.{day.month:02d}.{day.year}", order).date.first_day == day


@given(days, st.booleans())
def test_a_day_written_in_words_reads_back(day: date, spanish: bool) -> None:
    month = (SPANISH if spanish else ENGLISH)[day.month - 1]
    typed = (f"{day.day} de {month} de {day.year}" if spanish else f"{month} {day.day}, {day.year}")
    assert read_date(typed).date == UserDate(day.year, day.month, day.day)


@given(st.integers(1850, 2150), st.one_of(st.none(), st.integers(1, 12)))
def test_partial_dates_round_trip_through_storage_and_words(year: int, month: int | None) -> None:
    kept = UserDate(year, month)
    assert from_stored(kept.iso) == kept
    assert read_date(kept.iso).date == kept
    assert read_date(kept.words()).date == kept
    assert stored_date(shown(kept.iso)) == kept.iso


@given(days)
def test_stored_days_round_trip(day: date) -> None:
    assert from_stored(day.isoformat()) == UserDate(day.year, day.month, day.day)
    assert read_date(UserDate(day.year, day.month, day.day).words()).date.first_day == day
