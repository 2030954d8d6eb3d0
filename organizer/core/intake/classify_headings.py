"""Finding a report's section headings: ALL-CAPS lines and short title-case lines, with their places."""

from __future__ import annotations

import re

_CAPS_BEFORE_COLON = re.compile(r"^\s*([A-Z][A-Z0-9 ,/&()'.\-]{0,70}?)(?:\s*:|\s+-(?:\s|$))")
_CAPS_LINE = re.compile(r"^\s*([A-Z][A-Z0-9 ,/&()'.\-]{1,80}?)\s*:?\s*$")
_TITLE_BEFORE_COLON = re.compile(r"^\s*([A-Z][A-Za-z0-9 /&()'\-]{1,50}?)\s*:")
_TITLE_LINE = re.compile(r"^\s*([A-Z][a-z]+(?: [A-Za-z()]+){0,3})\s*:?\s*$")

def _normalise(heading: str) -> str:
    return " ".join(heading.replace("\u2019", "'").split()).strip(" .,-").upper()


def _heading_of(line: str) -> str | None:
    first = line.lstrip()[:1]
    if not "A" <= first <= "Z":  # every heading pattern starts with a capital letter
        return None
    for pattern in (_CAPS_BEFORE_COLON, _CAPS_LINE, _TITLE_BEFORE_COLON, _TITLE_LINE):
        match = pattern.match(line)
        if match is None:
            continue
        words = match.group(1).split()
        if any(ch.isalpha() for ch in match.group(1)) and len(words) <= 8:
            return _normalise(match.group(1))
    return None


def located_headings(text: str) -> list[tuple[int, str]]:
    """Each section heading with the offset of its line."""
    found: list[tuple[int, str]] = []
    offset = 0
    for line in text.splitlines(keepends=True):
        heading = _heading_of(line)
        if heading:
            found.append((offset, heading))
        offset += len(line)
    return found


def headings(text: str) -> list[str]:
    """The section headings of a report, in order (ALL CAPS or short title-case lines)."""
    return [heading for _, heading in located_headings(text)]
