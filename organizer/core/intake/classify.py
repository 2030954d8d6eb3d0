"""Recognise the record type of a document's text from its section headings and wording."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from organizer.core.i18n import _
from organizer.core.intake.classify_headings import located_headings
from organizer.core.intake.classify_opening import OPENING_CHARS, OPENING_HEADINGS, OPENING_RULES
from organizer.core.intake.classify_rules import (
    DOSE_LINE,
    HEADING_RULES,
    LAYOUT_MIN_LINES,
    LAYOUT_SHARE,
    LAYOUT_WEIGHT,
    PHRASE_RULES,
    RESULT_LINE,
    VISIT_HEADING_RULES,
    Rule,
)
from organizer.core.records import RecordType

UNSURE_BELOW: float = 0.5
"""Below this confidence the type is left open (None) for the user to decide."""

_PRIOR = 2.5  # pseudo-score of "something else": weak evidence gives low confidence
_OTHER_PRIOR = 0.5  # a text with no recognisable structure is most likely a plain note
_MAX_EVIDENCE = 6
_MAX_GUESSES = 3
_MAX_PHRASE = 40  # characters of a quoted phrase in the evidence
_READ_CHARS = 30_000  # about 8-15 pages: the corpus reports (at most 13,000 characters) are read whole
# Characters that re.IGNORECASE matches to an ASCII letter but str.lower() does not turn into one.
_ASCII_FOLD = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})
# Doses, tablets and lab values turn up in every note: these types need a heading or a layout.
_NEED_STRUCTURE = frozenset({RecordType.TREATMENT_PLAN, RecordType.MEDICATIONS, RecordType.LAB})

VISIT_LEAN: float = 0.5
"""With no cue of why a patient was seen, the share of a note's sections given to consult."""
_WHY_SMOOTH = 1.0  # pseudo-score that keeps one weak cue from taking all of a note's sections
_DISCHARGE_STRUCTURE = 6.0  # discharge sections (two strong ones) that make the note's sections its own

_DIGIT = re.compile(r"\d")


@dataclass(frozen=True)
class Classification:
    """The recognised record type, how sure we are, and the clues that decided it."""

    type: RecordType | None
    confidence: float
    evidence: tuple[str, ...]
    guesses: tuple[tuple[RecordType, float], ...]

    @property
    def best(self) -> RecordType:
        """The most likely type even when unsure (OTHER when there was nothing to read)."""
        return self.guesses[0][0] if self.guesses else RecordType.OTHER


@dataclass(frozen=True)
class Clue:
    """One heading or phrase found in the text, and how much it says for a record type."""

    type: RecordType
    score: float
    text: str
    shared: bool = False  # a section of any clinical note: goes where the note's cues point


def _opening(text: str, located: list[tuple[int, str]]) -> str:
    """The first sections (reason for the visit, start of the history), where notes say why."""
    shortest, longest = OPENING_CHARS
    end = located[OPENING_HEADINGS - 1][0] if len(located) >= OPENING_HEADINGS else len(text)
    return text[: min(max(end, shortest), longest)]


def _position_weight(index: int) -> float:
    """The first headings of a report say most about what it is."""
    if index == 0:
        return 1.6
    return 1.3 if index < 3 else 1.0


_ALL_HEADING_RULES = HEADING_RULES + VISIT_HEADING_RULES
_HEADING_SEARCHES = [rule.pattern.search for rule in _ALL_HEADING_RULES]


@lru_cache(maxsize=4096)
def _heading_rules(heading: str) -> tuple[int, ...]:
    """The numbers of the heading rules that match (the same headings recur in every report)."""
    return tuple(number for number, search in enumerate(_HEADING_SEARCHES) if search(heading))


def _heading_clues(found: list[str]) -> Iterator[Clue]:
    seen: set[int] = set()
    for index, heading in enumerate(found):
        for number in _heading_rules(heading):
            rule = _ALL_HEADING_RULES[number]
            if number not in seen and index < rule.within:
                seen.add(number)
                score = rule.weight * _position_weight(index)
                shared = number >= len(HEADING_RULES)
                yield Clue(rule.type, score, _('heading "{heading}"').format(heading=heading), shared)


def _phrase_text(match: re.Match[str]) -> str:
    words = " ".join(match.group(0).split()).lower()
    return words if len(words) <= _MAX_PHRASE else words[: _MAX_PHRASE - 1].rstrip() + "…"


def _folded(text: str) -> str | None:
    """The text in lower case, letter for letter, as re.IGNORECASE compares it (None if it cannot)."""
    special = any(chr(code) in text for code in _ASCII_FOLD)
    folded = (text.translate(_ASCII_FOLD) if special else text).lower()
    return folded if len(folded) == len(text) else None


def _places(folded: str, words: tuple[str, ...]) -> list[int]:
    """Where any of the words occurs in the folded text, in order."""
    places: set[int] = set()
    for word in words:
        place = folded.find(word)
        while place >= 0:
            places.add(place)
            place = folded.find(word, place + 1)
    return sorted(places)


def _first_match(rule: Rule, text: str, folded: str | None) -> re.Match[str] | None:
    """The rule's leftmost match, as `rule.pattern.search(text)`, trying only where it can start."""
    if folded is None:
        return rule.pattern.search(text)
    if not rule.starts:
        return rule.pattern.search(text) if any(word in folded for word in rule.contains) else None
    if len(rule.starts) == 1:  # one start word: try each place as it is found, stop at the first match
        word = rule.starts[0]
        place = folded.find(word)
        while place >= 0:
            match = rule.pattern.match(text, place)
            if match is not None:
                return match
            place = folded.find(word, place + 1)
        return None
    for place in _places(folded, rule.starts):
        match = rule.pattern.match(text, place)
        if match is not None:
            return match
    return None


def _phrase_clues(text: str, folded: str | None, rules: Iterable[Rule]) -> Iterator[Clue]:
    for rule in rules:
        match = _first_match(rule, text, folded)
        if match is not None:
            yield Clue(rule.type, rule.weight, _('phrase "{phrase}"').format(phrase=_phrase_text(match)))


def _layout_clues(text: str) -> Iterator[Clue]:
    """Lists: most lines are drug doses (a medication list) or test results (lab results)."""
    lines = [line for line in text.splitlines() if line.strip()]
    numbered = [line for line in lines if _DIGIT.search(line)]  # results and doses have numbers
    results = sum(1 for line in numbered if RESULT_LINE.match(line))
    doses = sum(1 for line in numbered if DOSE_LINE.search(line) and not RESULT_LINE.match(line))
    for kind, count, what in (
        (RecordType.LAB, results, _("test results")),
        (RecordType.MEDICATIONS, doses, _("drug doses")),
    ):
        if count >= LAYOUT_MIN_LINES and count >= LAYOUT_SHARE * len(lines):
            yield Clue(kind, LAYOUT_WEIGHT, _('layout "{count} of {total} lines are {what}"')
                       .format(count=count, total=len(lines), what=what))


def clues(text: str) -> list[Clue]:
    """Every heading, phrase and layout clue found in the text."""
    located = located_headings(text)
    heading_clues = list(_heading_clues([heading for _, heading in located]))
    layout_clues = list(_layout_clues(text))
    # Phrases alone do not make a treatment plan, medication list or lab report: skip those rules.
    typed = {clue.type for clue in heading_clues + layout_clues}
    phrase_rules, opening_rules = (
        [rule for rule in rules if rule.type not in _NEED_STRUCTURE or rule.type in typed]
        for rules in (PHRASE_RULES, OPENING_RULES)
    )
    folded = _folded(text)
    opening = _opening(text, located)
    opening_folded = None if folded is None else folded[: len(opening)]
    phrase_clues = [
        *_phrase_clues(text, folded, phrase_rules),
        *_phrase_clues(opening, opening_folded, opening_rules),
    ]
    return heading_clues + phrase_clues + layout_clues


def _shared_to(scores: dict[RecordType, float], lean: float) -> dict[RecordType, float]:
    """How a note's common sections are split: by who asked for the visit, or by discharge sections.

    A consultation exists because someone asked (a requesting doctor, a reason for consultation);
    a follow-up note shows a return (interval history, SOAP layout); a discharge summary has its
    own sections. Without any such cue the split follows `lean`. The likeliest type takes all the
    sections (so the note as a whole outweighs a stray phrase of another type); the others take as
    much as their cues are worth next to it (so the confidence says how clear the cues were).
    """
    asked = scores[RecordType.CONSULT] + _WHY_SMOOTH * lean
    returned = scores[RecordType.OTHER] - _OTHER_PRIOR + _WHY_SMOOTH * (1.0 - lean)
    discharge = scores[RecordType.DISCHARGE]
    weights = {RecordType.CONSULT: asked, RecordType.OTHER: returned}
    if discharge >= _DISCHARGE_STRUCTURE:
        weights[RecordType.DISCHARGE] = discharge
    most = max(weights.values())
    return {kind: weight / most for kind, weight in weights.items()}


def _scores(found: list[Clue], lean: float = VISIT_LEAN) -> dict[RecordType, float]:
    scores = dict.fromkeys(RecordType, 0.0)
    scores[RecordType.OTHER] = _OTHER_PRIOR
    shared = 0.0
    for clue in found:
        if clue.shared:
            shared += clue.score
        else:
            scores[clue.type] += clue.score
    if shared:
        for kind, share in _shared_to(scores, lean).items():
            scores[kind] += share * shared
    return scores


_NOTE_TYPES = frozenset({RecordType.CONSULT, RecordType.OTHER, RecordType.DISCHARGE})


def _evidence(found: list[Clue], kind: RecordType) -> tuple[str, ...]:
    """The clues for the type, its own first, then the note sections it took (strongest first)."""
    mine = sorted(
        (c for c in found if (c.type is kind and not c.shared) or (c.shared and kind in _NOTE_TYPES)),
        key=lambda c: (c.shared, -c.score),
    )
    unique = dict.fromkeys(c.text for c in mine)
    return tuple(unique)[:_MAX_EVIDENCE]


def _guesses(scores: dict[RecordType, float]) -> tuple[tuple[RecordType, float], ...]:
    ranked = sorted(scores.items(), key=lambda item: -item[1])
    top = [(kind, score) for kind, score in ranked[:_MAX_GUESSES] if score > 0]
    runner_up = top[1][1] if len(top) > 1 else 0.0
    total = top[0][1] + runner_up + _PRIOR
    return tuple((kind, round(score / total, 3)) for kind, score in top)


def classify_text(text: str, lean: float = VISIT_LEAN) -> Classification:
    """Recognise the record type of a report from its headings, their order and its wording.

    `lean` (0-1) is the share of a clinical note's common sections given to consult rather than
    follow-up when the note says nothing of why the patient was seen (the benchmark tunes it).
    """
    text = text[:_READ_CHARS]  # a report says what it is in its first pages
    if not text.strip():
        return Classification(None, 0.0, (), ())
    found = clues(text)
    guesses = _guesses(_scores(found, lean))
    best, confidence = guesses[0]
    sure = best if confidence >= UNSURE_BELOW else None
    return Classification(sure, confidence, _evidence(found, best), guesses)
