"""Reading HL7 v3 values: timestamps, person names, coded concepts and narrative references."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from typing import Any

from lxml import etree

_TS = re.compile(r"^\s*(\d{4})(\d{2})?(\d{2})?")


def local(element: Any) -> str:
    """An element's tag without its namespace ("" for comments and the like)."""
    tag = element.tag
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def child(element: Any, tag: str) -> Any:
    """The first child with this tag ("{*}name": in any namespace or none), or None. The same as
    element.find(tag) for one name, in about half the time (find goes through lxml's path
    language even then), which counts in the thousands of lookups of a long summary."""
    return next(element.iterchildren(tag), None)


def children(element: Any, tag: str) -> list[Any]:
    """Every child with this tag, in order: element.findall(tag) for one name, faster."""
    return list(element.iterchildren(tag))


def clean(text: str | None) -> str:
    return " ".join((text or "").split())


def all_text(element: Any) -> str:
    return clean(" ".join(element.itertext())) if element is not None else ""


def iso_date(value: str | None, *, full: bool = True) -> str:
    """An HL7 timestamp (20050329171504+0500) as an ISO date; "" if not a full valid date."""
    match = _TS.match(value or "")
    if not match:
        return ""
    year, month, day = match.groups()
    if not (month and day):
        return "" if full else "-".join(p for p in (year, month) if p)
    try:
        return date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return ""


def time_of(element: Any) -> tuple[str, str]:
    """(start, end) ISO dates from an effectiveTime: a value, or low/high."""
    if element is None:
        return "", ""
    value = iso_date(element.get("value"))
    if value:
        return value, ""
    low, high, center = child(element, "{*}low"), child(element, "{*}high"), child(element, "{*}center")
    start = iso_date(low.get("value")) if low is not None else ""
    if not start and center is not None:
        start = iso_date(center.get("value"))
    return start, iso_date(high.get("value")) if high is not None else ""


def person_name(element: Any) -> str:
    """A name element as people write it: given names then family name (suffix kept)."""
    if element is None:
        return ""
    parts = [clean(p.text) for tag in ("given", "family", "suffix")
             for p in element.findall(f"{{*}}{tag}") if clean(p.text)]
    return " ".join(parts) or clean(element.text)


_WITH_ID = etree.XPath(".//*[@ID]")


class References:
    """Narrative elements by their ID, so coded entries can point at their human-readable text.

    Entries point into their section's narrative (<text>): those are indexed first, which spares
    a search of the whole document (entries are most of it); an ID not found there is looked up
    in the whole document, as before (the last element with an ID wins).
    """

    def __init__(self, root: Any, sections: Iterable[Any] | None = None) -> None:
        self._root = root
        self._sections = sections
        self._narrative: dict[str, Any] | None = None
        self._everywhere: dict[str, Any] | None = None

    def text(self, reference: Any) -> str:
        if reference is None:
            return ""
        target = (reference.get("value") or "").lstrip("#")
        if not target:
            return ""
        return all_text(self._element(target))

    def _element(self, target: str) -> Any:
        if self._narrative is None:
            sections = self._root.iter("{*}section") if self._sections is None else self._sections
            texts = (child(section, "{*}text") for section in sections)
            self._narrative = {str(e.get("ID")): e for text in texts if text is not None
                               for e in _WITH_ID(text)}
        found = self._narrative.get(target)
        if found is None:
            if self._everywhere is None:
                self._everywhere = {str(e.get("ID")): e for e in self._root.xpath("//*[@ID]")}
            found = self._everywhere.get(target)
        return found


def concept(element: Any, refs: References) -> str:
    """The words for a coded value: displayName, else its original text, else a translation's."""
    if element is None:
        return ""
    name = clean(element.get("displayName"))
    if name:
        return name
    original = child(element, "{*}originalText")
    if original is not None:
        text = refs.text(child(original, "{*}reference")) or clean(original.text)
        if text:
            return text
    for translation in children(element, "{*}translation"):
        if clean(translation.get("displayName")):
            return clean(translation.get("displayName"))
    return clean(element.text) if local(element) in ("value", "name") else ""


def template_ids(element: Any) -> set[str]:
    return {str(t.get("root")) for t in children(element, "{*}templateId") if t.get("root")}
