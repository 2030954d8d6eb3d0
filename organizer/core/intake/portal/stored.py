"""The journal fields a portal record adds: its own title and the entries it codes."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from organizer.core.intake.analysis import Analysis

PORTAL_FIELD = "portal"
"""Document field holding {"medicines": [...], "facts": [...]} as read from the download."""


def portal_fields(found: Analysis) -> dict[str, Any]:
    """{} for PDFs and pictures; else the record's title and its coded entries."""
    findings = found.portal
    if findings is None:
        return {}
    return {"title": findings.title, PORTAL_FIELD: {
        "medicines": [m.as_json() for m in findings.medicines],
        "facts": [f.as_json() for f in findings.facts],
    }}
