"""The treatment plan in the person's own words: what was proposed, by whom, when, and other options."""

from __future__ import annotations

from dataclasses import replace

from organizer.core.case.entities import PLAN, parse_day, text_of
from organizer.core.case.undo import record_edit
from organizer.core.i18n import N_
from organizer.core.packet.content import PlanSummary
from organizer.core.records import Person
from organizer.core.user_dates import shown
from organizer.core.vault import Change, Vault


def set_plan_summary(vault: Vault, person: Person, summary: PlanSummary) -> PlanSummary:
    """Keep a short typed summary of the plan (beside, or instead of, the doctor's plan document).

    Saved as typed, also before the "what was proposed" box is filled in (the packet leaves a
    plan without it out); saving what is already kept changes nothing.
    """
    kept = PlanSummary(summary.text.strip(), summary.proposed_by.strip(),
                       parse_day(summary.date, N_("plan date")), summary.alternatives.strip())
    if kept == _stored(vault, person):
        return kept
    record_edit(vault, person.id, N_("Change the plan summary"), [Change(PLAN, person.id, {
        "person": person.id, "text": kept.text, "proposed_by": kept.proposed_by,
        "date": kept.date, "alternatives": kept.alternatives, "deleted": False,
    })])
    return kept


def clear_plan_summary(vault: Vault, person: Person) -> None:
    record_edit(vault, person.id, N_("Remove the plan summary"),
                [Change(PLAN, person.id, {"deleted": True})])


def plan_summary(vault: Vault, person: Person) -> PlanSummary | None:
    """The summary for the packet: None until "what was proposed" has words."""
    kept = _stored(vault, person)
    return kept if kept.text else None


def plan_draft(vault: Vault, person: Person) -> PlanSummary:
    """Everything typed on the plan page, also without "what was proposed"."""
    return _stored(vault, person)


def _stored(vault: Vault, person: Person) -> PlanSummary:
    fields = vault.state.get(PLAN, person.id)
    if fields is None or fields.get("deleted"):
        return PlanSummary("")
    return PlanSummary(text_of(fields, "text"), text_of(fields, "proposed_by"),
                       text_of(fields, "date"), text_of(fields, "alternatives"))


def packet_plan(vault: Vault, person: Person) -> PlanSummary | None:
    """The summary as the packet prints it: a partial date in words (April 2024)."""
    summary = plan_summary(vault, person)
    return replace(summary, date=shown(summary.date)) if summary else None
