"""How easy a passphrase is to guess, in plain words, and a random four-word one to suggest.

The estimate comes from zxcvbn (Dropbox's estimator, MIT licence): it counts how many guesses
an attacker who tries common passwords, names, words, dates, keyboard patterns and the person's
own details first would need. The vault's key derivation (Argon2id) makes each guess slow, but a
stolen copy of the vault can be attacked for as long as the thief likes, on many computers.
"""

from __future__ import annotations

import math
import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from organizer.core.errors import InvalidInput
from organizer.core.i18n import N_, _, ngettext
from organizer.core.passphrase_words import WORDS

MIN_GUESSES_LOG10 = 10.0
"""At least 10 billion guesses (zxcvbn's top score). Against a stolen vault with a few fast
graphics cards (about 10,000 Argon2id guesses a second) that is months of work for the
passphrase alone; a random four-word passphrase needs about 10^15 guesses."""
ATTACK_GUESSES_PER_SECOND = 10_000
"""Used only to put the estimate into words ("about 2 days")."""
ESTIMATE_CHARACTERS = 100
"""zxcvbn's time grows with length; the first 100 characters decide (longer ones are rarer)."""
MIN_LENGTH = 8

# Why a passphrase is easy to guess; the window shows its own translated words for each code.
COMMON, PERSONAL, NAMES, DATES, REPEATS, SEQUENCE, KEYBOARD, SHORT = (
    "common", "personal", "names", "dates", "repeats", "sequence", "keyboard", "short")
REASON_WORDS = {
    COMMON: N_("It is one of the passwords people use most, which are always tried first."),
    PERSONAL: N_("It contains the person's name or date of birth, which others can find out."),
    NAMES: N_("Names are among the first things tried."),
    DATES: N_("Dates and years are among the first things tried."),
    REPEATS: N_("Repeated letters or words (like “aaa”) add almost nothing."),
    SEQUENCE: N_("Sequences like “abcd” or “1234” add almost nothing."),
    KEYBOARD: N_("Keyboard patterns like “qwerty” are among the first things tried."),
    SHORT: N_("It is too short."),
}
_NAME_LISTS = {"male_names", "female_names", "surnames"}


@dataclass(frozen=True)
class Strength:
    """The verdict on one passphrase."""

    acceptable: bool
    guesses_log10: float
    reasons: tuple[str, ...]
    """Codes from REASON_WORDS, the most telling first."""

    @property
    def time_to_guess(self) -> str:
        """Roughly how long a well-equipped attacker would need, in plain words."""
        return time_in_words(10 ** self.guesses_log10 / ATTACK_GUESSES_PER_SECOND)


def estimate(passphrase: str, personal: Iterable[str] = ()) -> Strength:
    """Judge *passphrase*; *personal* holds details others may know (name, date of birth)."""
    if len(passphrase) < MIN_LENGTH:
        return Strength(False, _log10(passphrase), (SHORT,))
    from zxcvbn import zxcvbn  # its word lists take a moment to load: only when needed

    found = zxcvbn(passphrase[:ESTIMATE_CHARACTERS], user_inputs=_personal_words(personal))
    guesses = float(found["guesses_log10"])
    reasons = _reasons(found["sequence"]) if guesses < MIN_GUESSES_LOG10 else ()
    return Strength(guesses >= MIN_GUESSES_LOG10, guesses, reasons)


def require_strong(passphrase: str, personal: Iterable[str] = ()) -> None:
    """Raise InvalidInput, explaining why and suggesting a passphrase, unless it is strong enough."""
    verdict = estimate(passphrase, personal)
    if not verdict.acceptable:
        raise InvalidInput(refusal(verdict))


def refusal(verdict: Strength) -> str:
    """The whole explanation for a refused passphrase (CLI and errors)."""
    why = " ".join(_(REASON_WORDS[code]) for code in verdict.reasons if code != SHORT)
    if SHORT in verdict.reasons:
        head = _("Please choose a longer passphrase (at least {count} characters).").format(count=MIN_LENGTH)
    else:
        head = (_("This passphrase is too easy to guess: someone with a copy of the vault could "
                "find it in {time}.").format(time=verdict.time_to_guess))
    return (_("{head} {why} Four random words are easy to remember and very hard to guess, "
            "for example: {words}").format(head=head, why=why, words=suggest_passphrase())).replace("  ", " ")


def suggest_passphrase(words: int = 4) -> str:
    """Words picked at random (secrets.choice) from the EFF list; about 51 bits for four."""
    return " ".join(secrets.choice(WORDS) for _ in range(words))


def time_in_words(seconds: float) -> str:
    """'less than a second', 'about 3 hours', 'about 2 days', 'more than a century'."""
    steps = ((60, N_("about 1 second"), N_("about {count} seconds")),
             (60, N_("about 1 minute"), N_("about {count} minutes")),
             (24, N_("about 1 hour"), N_("about {count} hours")),
             (30, N_("about 1 day"), N_("about {count} days")),
             (12, N_("about 1 month"), N_("about {count} months")),
             (100, N_("about 1 year"), N_("about {count} years")))
    if seconds < 1:
        return _("less than a second")
    amount = seconds
    for size, one, other in steps:
        if amount < size:
            count = round(amount)
            return ngettext(one, other, count).format(count=count)
        amount /= size
    return _("more than a century")


def _personal_words(personal: Iterable[str]) -> list[str]:
    words: list[str] = []
    for detail in personal:
        text = str(detail or "").strip().lower()
        if text:
            words += [text, *text.replace("-", " ").replace("/", " ").split()]
    return words


def _reasons(sequence: list[dict[str, Any]]) -> tuple[str, ...]:
    found: list[str] = []
    for match in sorted(sequence, key=lambda m: -len(str(m.get("token", "")))):
        code = _reason(match)
        if code and code not in found:
            found.append(code)
    return tuple(found) or (COMMON,)


def _reason(match: dict[str, Any]) -> str | None:
    pattern, source = match.get("pattern"), match.get("dictionary_name")
    if pattern == "dictionary":
        return {"passwords": COMMON, "user_inputs": PERSONAL}.get(
            str(source), NAMES if source in _NAME_LISTS else None)
    return {"date": DATES, "regex": DATES, "repeat": REPEATS, "sequence": SEQUENCE,
            "spatial": KEYBOARD}.get(str(pattern))


def _log10(passphrase: str) -> float:
    return len(passphrase) * math.log10(95) if passphrase else 0.0
