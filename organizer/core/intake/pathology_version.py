"""Whether a pathology report is preliminary, final or an addendum, from how its title lines say it."""

from __future__ import annotations

import re

from organizer.core.records import PathologyVersion

_TITLE = r"^[^\S\n]*(?:[A-Z][A-Za-z]* ){0,3}"  # a title line: at most 3 capitalised words first
_ADDENDUM = re.compile(_TITLE + r"(?i:addend(um|a)|amended|revised|corrected)\b", re.MULTILINE)
_PRELIMINARY = re.compile(_TITLE + r"(?i:preliminary( report| diagnos[ie]s|\s*:|\s*$))", re.M)
_FINAL = re.compile(_TITLE + r"(?i:final (report|(surgical |pathologic(al)? )?diagnos[ie]s))\b", re.M)


def pathology_version(text: str) -> PathologyVersion | None:
    """Whether a pathology report is preliminary, final or an addendum (None when not said)."""
    if _ADDENDUM.search(text):
        return PathologyVersion.ADDENDUM
    if _PRELIMINARY.search(text):
        return PathologyVersion.PRELIMINARY
    if _FINAL.search(text):
        return PathologyVersion.FINAL
    return None
