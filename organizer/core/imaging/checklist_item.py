"""The checklist's imaging-discs item from the studies in the vault, with the gaps we can see.

Studies in the vault make the item "received" and are listed in its note. Two gaps are flagged:
an imaging report whose scan has no images here (matched by date), and a mammogram with no
earlier mammogram to compare it with (radiologists compare with earlier ones).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from organizer.core.case.case_documents import CaseDocument
from organizer.core.case.checklist_items import CheckItem, ItemState
from organizer.core.imaging.inventory import StudySummary, studies
from organizer.core.records import Person, RecordType
from organizer.core.vault import Vault

if TYPE_CHECKING:
    from organizer.core.case.checklist import ChecklistItem

LISTED = 8  # studies named in the note; the rest are counted


def with_imaging(vault: Vault, person: Person, item: ChecklistItem,
                 documents: Sequence[CaseDocument]) -> ChecklistItem:
    """The imaging-discs item updated from the vault's studies (other items unchanged)."""
    if item.item is not CheckItem.IMAGING_DISCS:
        return item
    found = studies(vault, person)
    flags = (*item.flags, *imaging_gaps(found, documents))
    if not found:
        return replace(item, flags=flags)
    return replace(item, state=ItemState.RECEIVED, note=studies_note(found), flags=flags)


def studies_note(found: Sequence[StudySummary]) -> str:
    named = [_line(s) for s in found[:LISTED]]
    more = f"; and {len(found) - LISTED} more" if len(found) > LISTED else ""
    count = f"{len(found)} imaging stud{'y' if len(found) == 1 else 'ies'} in the vault"
    return f"{count}: {'; '.join(named)}{more}."


def _line(study: StudySummary) -> str:
    where = f", {study.institution}" if study.institution else ""
    return f"{study.title}{where} ({study.images} image{'s' * (study.images != 1)})"


def imaging_gaps(found: Sequence[StudySummary], documents: Sequence[CaseDocument]) -> list[str]:
    """Plain sentences about images the doctor will probably ask for."""
    gaps = []
    dates = {s.date for s in found if s.date}
    for report in documents:
        if report.type is RecordType.IMAGING and report.record_date \
                and report.record_date not in dates:
            name = report.title or report.filename
            gaps.append(f"The report of a scan from {report.record_date} ({name}) is here, but "
                        "not its images. Ask the imaging department for a disc of that scan.")
    mammograms = sorted(s.date or "" for s in found if "MG" in s.modality.split(", "))
    if len(mammograms) == 1:
        when = f" from {mammograms[0]}" if mammograms[0] else ""
        gaps.append(f"There is one mammogram{when} and no earlier one to compare it with. "
                    "If you had mammograms before, ask for those images too.")
    return gaps
