"""Dates the way people type them (3/12/2024, 23.04.1958, "April 2024", "7 de marzo de 2024").

A typed date becomes a `UserDate` with its precision: a day, a month, or a year alone. It is
stored as ISO text cut to that precision ("2024-03-12", "2024-04", "2024"), so full dates stored
before partial dates existed stay readable as they are. Numbers that can be read two ways
(3/12/2024) follow a `DateOrder`, which defaults from the computer's locale.
"""

from __future__ import annotations

import calendar
import os
import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from organizer.core.errors import InvalidInput
from organizer.core.i18n import N_, _

FIRST_YEAR, LAST_YEAR = 1850, 2150
ENGLISH_MONTHS = (
    N_("January"), N_("February"), N_("March"), N_("April"), N_("May"), N_("June"), N_("July"),
    N_("August"), N_("September"), N_("October"), N_("November"), N_("December"))
_MONTH_WORDS = {word: number for number, words in enumerate((
    "jan january ene enero", "feb february febrero", "mar march marzo", "apr april abr abril",
    "may mayo", "jun june junio", "jul july julio", "aug august ago agosto",
    "sep sept september set septiembre setiembre", "oct october octubre",
    "nov november noviembre", "dec december dic diciembre"), 1) for word in words.split()}
# Places whose people write the month first (3/12/2024 is March 12); the C locale too.
MONTH_FIRST_TERRITORIES = frozenset({"US", "PH", "FM", "MH", "PW", "AS", "GU", "MP", "PR", "UM", "VI"})


class Precision(StrEnum):
    DAY = "day"
    MONTH = "month"
    YEAR = "year"


class DateOrder(StrEnum):
    """How to read two numbers that could each be the month: 3/12/2024."""

    MONTH_FIRST = "month_first"  # March 12 (US)
    DAY_FIRST = "day_first"  # 3 December (most of the world)


class DateNotRead(InvalidInput):
    """A typed date we cannot use; the message is one plain line. `reason` names the problem."""

    def __init__(self, message: str, reason: str, *values: int | str) -> None:
        super().__init__(message)
        self.reason = reason  # "unreadable", "month", "day", "year", "need_day"
        self.values = values


@dataclass(frozen=True, order=True)
class UserDate:
    """A day, a month, or a year alone (month / day are None when not known)."""

    year: int
    month: int | None = None
    day: int | None = None

    @property
    def precision(self) -> Precision:
        if self.day is not None:
            return Precision.DAY
        return Precision.MONTH if self.month is not None else Precision.YEAR

    @property
    def iso(self) -> str:
        """As stored: 2024-03-12, 2024-04 or 2024."""
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
        if self.day is not None:
            text += f"-{self.day:02d}"
        return text

    @property
    def first_day(self) -> date:
        return date(self.year, self.month or 1, self.day or 1)

    def words(self, short: bool = False) -> str:
        """In words, for saying how a date was read: 12 March 2024, April 2024 (short: Apr 2024)."""
        if self.month is None:
            return str(self.year)
        month = _(ENGLISH_MONTHS[self.month - 1])
        month = month[:3] if short else month
        if self.day is not None:
            return _("{day} {month} {year}").format(day=self.day, month=month, year=self.year)
        return _("{month} {year}").format(month=month, year=self.year)


@dataclass(frozen=True)
class Reading:
    """What a typed date was read as; `ambiguous` when the date order decided it."""

    date: UserDate
    ambiguous: bool = False


def default_order(environ: dict[str, str] | None = None) -> DateOrder:
    """Month first for US English and the C/POSIX locale; day first for every other place."""
    env = os.environ if environ is None else environ
    name = next((env[key] for key in ("LC_ALL", "LC_TIME", "LANG") if env.get(key)), "C")
    return order_for_locale(name)


def order_for_locale(name: str) -> DateOrder:
    """The date order of a locale name such as en_US.UTF-8, es_ES, en-GB, C or POSIX."""
    base = name.split(".")[0].split("@")[0].replace("-", "_")
    if base in ("", "C", "POSIX"):
        return DateOrder.MONTH_FIRST
    parts = base.split("_")
    if len(parts) == 1:
        return DateOrder.MONTH_FIRST if parts[0].lower() == "en" else DateOrder.DAY_FIRST
    return DateOrder.MONTH_FIRST if parts[1].upper() in MONTH_FIRST_TERRITORIES else DateOrder.DAY_FIRST


def from_stored(text: str) -> UserDate | None:
    """Read a stored date (2024-03-12, 2024-04, 2024, or "" for none); None when it is not one."""
    match = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", text.strip())
    if not match:
        return None
    year, month, day = (int(g) if g else None for g in match.groups())
    try:
        return _checked(text, year or 0, month, day)
    except DateNotRead:
        return None


def shown(stored: str, short: bool = False) -> str:
    """A stored date as people read it in lists: 2024-03-12 stays, 2024-04 is April 2024."""
    found = from_stored(stored)
    if found is None or found.precision is Precision.DAY:
        return stored
    return found.words(short)


def read_date(text: str, order: DateOrder | None = None) -> Reading:
    """Read what someone typed; raises DateNotRead with a one-line reason."""
    cleaned = _cleaned(text)
    if not cleaned:
        raise DateNotRead(_("Please type a date."), "unreadable")
    for reader in (_read_numbers, _read_words):
        found = reader(text, cleaned, order or default_order())
        if found is not None:
            return found
    raise DateNotRead(_("We could not read “{text}” as a date. Try 23 April 1958, "
                      "04/23/1958 or April 2024.").format(text=text.strip()), "unreadable", text.strip())


def stored_date(text: str, what: str = N_("date"), order: DateOrder | None = None,
                day_needed: bool = False) -> str:
    """What to store for a typed date ("" when nothing was typed); stored forms pass unchanged."""
    if not text.strip():
        return ""
    kept = from_stored(text)
    if kept is None:
        try:
            kept = read_date(text, order).date
        except DateNotRead as error:
            raise DateNotRead(_("The {what}: {error}")
                              .format(what=_(what), error=error), error.reason, *error.values) from None
    if day_needed and kept.precision is not Precision.DAY:
        raise DateNotRead(_("The {what} needs the day, month and year, for example 12 March 2024.")
                          .format(what=_(what)),
                          "need_day", kept.iso)
    return kept.iso


def _cleaned(text: str) -> str:
    """Lower case, no accents, no commas, ordinals or Spanish "de"; words split by single spaces."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", text.lower())
                    if not unicodedata.combining(c))
    plain = re.sub(r"(\d)(st|nd|rd|th|º)\b", r"\1", plain)
    plain = re.sub(r"[,]|\bde(l)?\b|\bthe\b|\bof\b", " ", plain)
    plain = re.sub(r"([a-z])\.", r"\1 ", plain)
    return " ".join(plain.split())


_NUMBERS = re.compile(r"(\d{1,4})\s*([-/.])\s*(\d{1,2})(?:\s*\2\s*(\d{1,4}))?")


def _read_numbers(text: str, cleaned: str, order: DateOrder) -> Reading | None:
    if re.fullmatch(r"\d{4}", cleaned):
        return Reading(_checked(text, int(cleaned), None, None))
    month_year = re.fullmatch(r"(\d{1,2})\s*[-/.]\s*(\d{4})", cleaned)  # 04/2024
    if month_year:
        return Reading(_checked(text, int(month_year.group(2)), int(month_year.group(1)), None))
    match = _NUMBERS.fullmatch(cleaned)
    if not match:
        return None
    first, separator, second, third = match.groups()
    if third is None:  # 2024-04, 04/2024
        if len(first) == 4:
            return Reading(_checked(text, int(first), int(second), None))
        return None
    if len(first) == 4:  # 2024-03-12
        return Reading(_checked(text, int(first), int(second), int(third)))
    if len(third) not in (2, 4):
        return None
    year, a, b = _full_year(third), int(first), int(second)
    return _day_and_month(text, year, a, b, DateOrder.DAY_FIRST if separator == "." else order)


def _day_and_month(text: str, year: int, a: int, b: int, order: DateOrder) -> Reading:
    """a/b/year: one reading when only one is a real date, else the date order decides."""
    month_first = _maybe(year, a, b)
    day_first = _maybe(year, b, a)
    if month_first and day_first and a != b:
        return Reading(month_first if order is DateOrder.MONTH_FIRST else day_first, ambiguous=True)
    if month_first or day_first:
        return Reading(month_first or day_first)  # type: ignore[arg-type]
    if a > 12 and b > 12:
        raise DateNotRead(_("“{text}” is not a date: no month is numbered above 12.")
                          .format(text=text.strip()),
                          "month", max(a, b))
    month, day = (a, b) if (order is DateOrder.MONTH_FIRST and a <= 12) or b > 12 else (b, a)
    return Reading(_checked(text, year, month, day))


def _maybe(year: int, month: int, day: int) -> UserDate | None:
    try:
        return _checked("", year, month, day)
    except DateNotRead:
        return None


_WORDS = (
    re.compile(r"(?P<d>\d{1,2}) (?P<m>[a-z]+) (?P<y>\d{4})"),  # 7 march 2024, 7 de marzo de 2024
    re.compile(r"(?P<m>[a-z]+) (?P<d>\d{1,2}) (?P<y>\d{4})"),  # mar 7 2024
    re.compile(r"(?P<m>[a-z]+) (?P<y>\d{4})"),  # april 2024, abril de 2024
    re.compile(r"(?P<y>\d{4}) (?P<m>[a-z]+)(?: (?P<d>\d{1,2}))?"),  # 2024 march 7
    re.compile(r"(?P<d>\d{1,2})[-/ ](?P<m>[a-z]+)[-/ ](?P<y>\d{2,4})"),  # 07-mar-2024
)


def _read_words(text: str, cleaned: str, order: DateOrder) -> Reading | None:
    for form in _WORDS:
        match = form.fullmatch(cleaned)
        if match and match.group("m") in _MONTH_WORDS:
            day = match.groupdict().get("d")
            return Reading(_checked(text, _full_year(match.group("y")), _MONTH_WORDS[match.group("m")],
                                    int(day) if day else None))
    return None


def _full_year(digits: str) -> int:
    """A 2-digit year is this century up to this year, else the last one (58 -> 1958)."""
    year = int(digits)
    if len(digits) > 2:
        return year
    return 2000 + year if year <= date.today().year % 100 else 1900 + year


def _checked(text: str, year: int, month: int | None, day: int | None) -> UserDate:
    shown_text = f"“{text.strip()}”"
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise DateNotRead(_("{shown_text} is not a date we can use: the year {year} is out of range.")
                          .format(shown_text=shown_text, year=year),
                          "year", year)
    if month is not None and not 1 <= month <= 12:
        raise DateNotRead(_("{shown_text} is not a date: there is no month {month}.")
                          .format(shown_text=shown_text, month=month), "month", month)
    if day is not None and month is not None:
        days = calendar.monthrange(year, month)[1]
        if not 1 <= day <= days:
            raise DateNotRead(_("{shown_text} is not a date: {month} has {days} days.")
                              .format(shown_text=shown_text, month=UserDate(year, month).words(),
                                      days=days), "day", day, month, year, days)
    return UserDate(year, month, day)
