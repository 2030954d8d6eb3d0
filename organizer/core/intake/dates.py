"""Read dates as printed in medical records (03/14/2024, 14 Mar 2024, 2024-03-14...) as ISO."""

from __future__ import annotations

import re
from datetime import date

_MONTHS = {name: number for number, names in enumerate(
    ("jan january", "feb february", "mar march", "apr april", "may", "jun june", "jul july",
     "aug august", "sep sept september", "oct october", "nov november", "dec december"), 1)
    for name in names.split()}
_MONTH = r"(?P<mon>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DATE_FORMS = (
    re.compile(r"(?P<y>\d{4})[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})\b"),
    re.compile(r"(?P<a>\d{1,2})[/.\-](?P<b>\d{1,2})[/.\-](?P<y>\d{4}|\d{2})\b"),
    re.compile(_MONTH + r"\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>\d{4})\b", re.I),
    re.compile(r"(?P<d>\d{1,2})(?:st|nd|rd|th)?[\s\-]+" + _MONTH + r",?[\s\-]+(?P<y>\d{4}|\d{2})\b",
               re.I),
)


def _year(text: str) -> int:
    year = int(text)
    if len(text) == 2:
        year += 2000 if year <= date.today().year % 100 else 1900
    return year


def _iso(year: int, month: int, day: int) -> str | None:
    if not 1880 <= year <= 2100:
        return None
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _readings(match: re.Match[str]) -> list[str]:
    """Every ISO date a matched date text can mean (US order first for numeric dates)."""
    groups = match.groupdict()
    year = _year(groups["y"])
    if groups.get("mon"):
        found = _iso(year, _MONTHS[groups["mon"].lower()], int(groups["d"]))
        return [found] if found else []
    if groups.get("a"):
        first, second = int(groups["a"]), int(groups["b"])
        options = [_iso(year, first, second), _iso(year, second, first)]
    else:
        options = [_iso(year, int(groups["m"]), int(groups["d"]))]
    return list(dict.fromkeys(option for option in options if option))


def _first(text: str, anchored: bool) -> tuple[re.Match[str], list[str]] | None:
    """The earliest date in *text* that is a real calendar date, with its readings."""
    best: tuple[re.Match[str], list[str]] | None = None
    for form in _DATE_FORMS:
        match = form.match(text) if anchored else form.search(text)
        readings = _readings(match) if match else []
        if match and readings and (best is None or match.start() < best[0].start()):
            best = (match, readings)
    return best


def find_date(text: str, *, anchored: bool = False) -> tuple[str | None, str | None]:
    """The first date in *text* as (ISO, text as printed); anchored: it must start the text."""
    found = _first(text, anchored)
    return (found[1][0], found[0].group(0)) if found else (None, None)


def parse_date(text: str) -> str | None:
    """The first date in *text* as an ISO string (month/day order for 03/04/2020), or None."""
    return find_date(text)[0]


def date_candidates(text: str) -> set[str]:
    """All ISO dates the first date in *text* could mean (both orders for 03/04/2020)."""
    found = _first(text.strip(), False)
    return set(found[1]) if found else set()
