"""What to do next for a case, in plain words: missing records, follow-ups due, open questions."""

from __future__ import annotations

from organizer.core.case.checklist import Checklist
from organizer.core.case.checklist_items import ItemState
from organizer.core.case.entities import today
from organizer.core.case.insurance import InsuranceCheck
from organizer.core.case.requests import RecordsRequest, record_label
from organizer.core.i18n import _, ngettext


def next_steps(checklist: Checklist, requests: list[RecordsRequest], insurance: InsuranceCheck,
               on: str = "") -> list[str]:
    """The person's to-do list, most useful first (never medical advice: only what to gather)."""
    day = on or today()
    steps = []
    if checklist.untyped:  # first: until typed, they count for nothing here and print as "Other"
        steps.append(untyped_step(len(checklist.untyped)))
    if insurance.to_do:
        steps.append(insurance.to_do)
    for request in requests:
        if request.follow_up_due(day):
            what = ", ".join(record_label(r).lower() for r in request.records)
            steps.append(_("Call {provider}: you asked for the {what} on {day} and it has not "
                           "come yet.").format(provider=request.provider, what=what,
                                               day=request.requested_on))
    for item in checklist.required:
        steps += list(item.flags)
        if item.state is ItemState.MISSING:
            steps.append(f"{item.item.label}: {item.note}")
    return steps


def untyped_step(count: int) -> str:
    """"2 records need their type: …", with the right plural."""
    return ngettext(
        "1 record needs its type: choose one on the Records page. Until then it counts for "
        "nothing on this checklist, and the packet files it under \"Other records\".",
        "{count} records need their type: choose one for each on the Records page. Until then "
        "they count for nothing on this checklist, and the packet files them under \"Other "
        "records\".", count).format(count=count)
