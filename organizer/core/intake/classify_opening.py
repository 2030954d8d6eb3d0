"""Cues in a note's opening (reason for the visit, first lines of the history) that tell a return
visit (follow-up, progress note) from a consultation (a doctor asked to see the patient)."""

from __future__ import annotations

import re

from organizer.core.intake.classify_rules import ASKED_TO_SEE, CO, OT, Rule, hinted_rules

_SPANS = ("week", "month", "year")
_RETURN_WORDS = ("follow", "check", "visit", "recheck")

# Matched in the opening of the text only (reason for visit, first lines of the history).
OPENING_HEADINGS = 3  # the opening runs up to the third heading (reason, history)
OPENING_CHARS = (600, 2500)  # but is at least / at most this long
OPENING_RULES: tuple[Rule, ...] = hinted_rules(
    [
        (OT, 2.5, r"\bfollow-? ?up\b|\brecheck\b", "follow|recheck"),
        (OT, 2.0, r"\b(returns?|comes? back|is back)\b[^.]{0,30}\btoday\b", "return|come|is back"),
        (OT, 2.0, r"\b(I|we) (have been |am |are )?follow(ing)? |\bwho (I|we) (follow|am following)",
            "i |we |who "),
        (OT, 2.0, r"\b(has|have) been followed\b|\bis being followed\b", "*followed"),
        (OT, 1.5, r"\b(last|previous) (visit|appointment)|\b(since (I|we) (last )?saw|was last seen)",
            "last |previous |since |was last seen"),
        (OT, 2.0, r"\bpost-? ?op(erative)? (visit|check|day)\b|\b(hospital|postoperative) day #?\d",
            "post-op|post op|postop|hospital day"),
        (OT, 1.5, r"\b(one|two|three|four|six|twelve|\d+)[- ](week|month|year) (follow|check|visit|recheck)",
            "*" + "|".join(f"{span} {what}" for span in _SPANS for what in _RETURN_WORDS)),
        (CO, 2.0, r"\b(for|an?) (?!follow)([a-z]+ )?(evaluation|consultation|opinion)\b",
            "*evaluation|consultation|opinion"),
        (CO, 2.0, ASKED_TO_SEE, "asked |requested |at the request of"),
        (CO, 1.5, r"\breferred (by|to us|to me|for)\b|\bis referred\b"
            r"|\bthank you for (asking|allowing|referring)\b",
            "referred |is referred|thank you for "),
        (CO, 1.0, r"\badmitted\b", "admitted"),
    ],
    re.IGNORECASE,
)
