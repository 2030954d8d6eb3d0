"""Checking a record against the person it is filed under: does the printed name, or the printed
date of birth, belong to them?"""

from __future__ import annotations

import functools
import re
import unicodedata
from typing import TYPE_CHECKING

from organizer.core.i18n import _
from organizer.core.intake.dates import date_candidates
from organizer.core.user_dates import Precision, from_stored

if TYPE_CHECKING:
    from organizer.core.intake.metadata import RecordMetadata

_TITLES = {"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir"}
_SUFFIXES = {"jr", "sr", "ii", "iii", "iv", "md", "phd"}
_LETTERS = str.maketrans({"ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D",
                          "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ı": "i"})


def fold(text: str) -> str:
    """Lower-case *text* and strip accents (José → jose, Müller → muller)."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_LETTERS))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def name_tokens(name: str) -> list[str]:
    """The words of a name in given-names-first order, folded ("DOE, JANE" → jane, doe)."""
    parts = [part.strip() for part in fold(name).split(",")]
    parts = [p for n, p in enumerate(parts) if p and not (n >= 2 and p.strip(". ") in _SUFFIXES)]
    ordered = " ".join(parts[1:] + parts[:1]) if len(parts) >= 2 else " ".join(parts)
    words = re.split(r"[^\w]+", ordered.replace("'", "").replace("’", ""))
    return [w for w in words if w and not w.isdigit()]


@functools.lru_cache(maxsize=64)  # the person's own name is checked against every record
def _variants(name: str) -> tuple[tuple[str, ...], ...]:
    """The name's words as printed, and without a leading title or trailing suffix."""
    words = name_tokens(name)
    core = list(words)
    while len(core) > 2 and core[0] in _TITLES:
        core.pop(0)
    while len(core) > 2 and core[-1] in _SUFFIXES:
        core.pop()
    return (tuple(words), tuple(core)) if core != words else (tuple(words),)


def _same_person(one: tuple[str, ...], two: tuple[str, ...]) -> bool:
    full_one = [t for t in one if len(t) > 1]
    full_two = [t for t in two if len(t) > 1]
    if not full_one or not full_two:
        return False
    swap = (len(full_one), len(one)) > (len(full_two), len(two))
    small, large = (two, one) if swap else (one, two)
    if len(small) < 2 and len(large) >= 2:
        return False
    remaining = list(large)
    for token in (t for t in small if len(t) > 1):
        if token not in remaining:
            return False
        remaining.remove(token)
    for initial in (t for t in small if len(t) == 1):
        match = next((t for t in remaining if t.startswith(initial)), None)
        if match is None:
            return False
        remaining.remove(match)
    return True


def name_matches(printed: str, person_name: str) -> bool:
    """True when a printed name plausibly is the person's name.

    Tolerates "LAST, FIRST", either word order, missing or abbreviated middle names,
    titles and suffixes, case, accents, hyphens and apostrophes; refuses different
    first or last names.
    """
    return any(
        _same_person(one, two) for one in _variants(printed) for two in _variants(person_name)
    )


def dob_matches(printed: str, person_dob: str) -> bool:
    """True when a printed date of birth can be read as the person's date of birth (ISO or not).

    Accepts either month/day or day/month order for numeric dates, and 2-digit years.
    """
    theirs = date_candidates(person_dob)
    return bool(theirs) and bool(date_candidates(printed) & theirs)


def mismatch_warnings(
    metadata: RecordMetadata, person_name: str, person_dob: str = ""
) -> tuple[str, ...]:
    """Plain-language warnings when the printed name or birth date is not the person's."""
    warnings: list[str] = []
    if metadata.patient_name and person_name and not name_matches(
        metadata.patient_name, person_name
    ):
        warnings.append(_(
            'The name printed on this record ("{printed}") does not match {person}, the person '
            "it is filed under. Please check that the record belongs to them."
        ).format(printed=metadata.patient_name, person=person_name))
    printed_dob = metadata.date_of_birth_text or metadata.date_of_birth
    checkable = bool(printed_dob and person_dob and date_candidates(person_dob))
    if checkable and printed_dob and not dob_matches(printed_dob, person_dob):
        warnings.append(_(
            "The date of birth printed on this record ({printed}) is not the date of birth of "
            "{person} ({theirs}). Please check that the record belongs to them."
        ).format(printed=_display(printed_dob), theirs=_display(person_dob),
                 person=person_name or _("the person it is filed under")))
    return tuple(warnings)


def _display(iso_or_text: str) -> str:
    """A full ISO date in words, in the reader's language (7 April 1947); other text as printed."""
    found = from_stored(iso_or_text)
    return found.words() if found is not None and found.precision is Precision.DAY else iso_or_text
