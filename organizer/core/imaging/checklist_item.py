"""The checklist's imaging-discs item from the studies in the vault, with the gaps we can see.

Studies in the vault make the item "received" and are listed in its note. Two gaps are flagged:
an imaging report whose scan has no images here (no study on the report's date or in the two
weeks before it), and a mammogram with no earlier one to compare it with (radiologists compare).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date, timedelta
from typing import TYPE_CHECKING

from organizer.core.case.checklist_items import CheckItem, ItemState
from organizer.core.document_record import DocumentRecord
from organizer.core.i18n import _, ngettext
from organizer.core.imaging.inventory import StudySummary, studies
from organizer.core.records import Person, RecordType
from organizer.core.vault import Vault

if TYPE_CHECKING:
    from organizer.core.case.checklist import ChecklistItem

LISTED = 8  # studies named in the note; the rest are counted
REPORT_DAYS = timedelta(days=14)  # a report is written on the day of the scan or soon after


def with_imaging(vault: Vault, person: Person, item: ChecklistItem,
                 documents: Sequence[DocumentRecord]) -> ChecklistItem:
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
    more = _("; and {count} more").format(count=len(found) - LISTED) if len(found) > LISTED else ""
    count = ngettext("{count} imaging study in the vault", "{count} imaging studies in the vault",
                     len(found)).format(count=len(found))
    return f"{count}: {'; '.join(named)}{more}."


def _line(study: StudySummary) -> str:
    where = f", {study.institution}" if study.institution else ""
    return f"{study.title}{where} (" + ngettext("{count} image", "{count} images", study.images).format(
        count=study.images) + ")"


def _day(text: str | None) -> date | None:
    try:
        return date.fromisoformat(text or "")
    except ValueError:
        return None


def imaging_gaps(found: Sequence[StudySummary], documents: Sequence[DocumentRecord]) -> list[str]:
    """Plain sentences about images the doctor will probably ask for."""
    gaps = []
    dates = [_day(s.date) for s in found if _day(s.date or "")]
    for report in documents:
        written = _day(report.record_date)
        if report.type is RecordType.IMAGING and written and not any(
                timedelta(0) <= written - scanned <= REPORT_DAYS for scanned in dates if scanned):
            name = report.title or report.filename
            gaps.append(_("The report of a scan from {day} ({name}) is here, but not its images. Ask "
                          "the imaging department for a disc of that scan.")
                        .format(day=report.record_date, name=name))
    mammograms = sorted(s.date or "" for s in found if "MG" in s.modality.split(", "))
    if len(mammograms) == 1:
        when = _(" from {day}").format(day=mammograms[0]) if mammograms[0] else ""
        gaps.append(_("There is one mammogram{when} and no earlier one to compare it with. If you "
                      "had mammograms before, ask for those images too.").format(when=when))
    return gaps
