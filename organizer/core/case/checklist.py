"""The required-records checklist: each item's state from the user's marks and the vault's documents."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from organizer.core.case.case_documents import of_type, person_documents
from organizer.core.case.checklist_items import (
    EXTRAS,
    NEXT_STEP,
    REQUIRED,
    CheckItem,
    ItemState,
    Mark,
    RequestChannel,
)
from organizer.core.case.entities import CHECKLIST, text_of
from organizer.core.case.medications import Medication, medications
from organizer.core.case.people import PersonProfile, profile
from organizer.core.case.treatment_plan import plan_summary
from organizer.core.document_record import DocumentRecord
from organizer.core.i18n import N_, _, ngettext
from organizer.core.imaging.checklist_item import with_imaging
from organizer.core.packet.content import PlanSummary
from organizer.core.records import PathologyVersion, Person
from organizer.core.vault import Vault

PRELIMINARY_ONLY = N_("Only a preliminary pathology report is here. Ask for the final report: "
                      "it can say more than the preliminary one.")
_VERSION_WORDS = (N_("preliminary"), N_("final"), N_("addendum"))  # shown as _(version)


@dataclass(frozen=True)
class ChecklistItem:
    """One line of the checklist as the user sees it."""

    item: CheckItem
    state: ItemState
    documents: tuple[str, ...] = ()
    note: str = ""
    mark: Mark | None = None
    flags: tuple[str, ...] = ()  # things to act on, e.g. a preliminary report without a final one


@dataclass(frozen=True)
class Checklist:
    profile: PersonProfile
    items: tuple[ChecklistItem, ...]
    # What the person wrote themselves; the packet prints exactly these (one reading for both).
    medicines: tuple[Medication, ...] = ()
    plan: PlanSummary | None = None
    untyped: tuple[str, ...] = ()  # ids of the person's documents whose type nobody chose yet

    @property
    def required(self) -> tuple[ChecklistItem, ...]:
        return tuple(i for i in self.items if i.item in REQUIRED)

    @property
    def complete(self) -> float:
        """Share of the five required records received or not needed (0.0 to 1.0)."""
        return completeness(self.required)

    def get(self, item: CheckItem) -> ChecklistItem:
        return next(i for i in self.items if i.item is item)


def completeness(items: Sequence[ChecklistItem]) -> float:
    return sum(1 for i in items if i.state.done) / len(items) if items else 1.0


def preliminary_without_final(documents: Sequence[DocumentRecord]) -> bool:
    versions = {d.pathology_version for d in documents}
    return PathologyVersion.PRELIMINARY.value in versions and PathologyVersion.FINAL.value not in versions


def derive_item(item: CheckItem, mark: Mark | None, documents: Sequence[DocumentRecord],
                typed: str = "") -> ChecklistItem:
    """An item's state: documents of its type mean received; otherwise the user's mark decides.

    `typed` describes what the person wrote themselves (their own medicine list or plan summary):
    it goes into the packet, so a missing or asked-for item counts as written by them (ready).
    """
    ids = tuple(d.id for d in documents)
    flags = (PRELIMINARY_ONLY,) if item is CheckItem.PATHOLOGY and preliminary_without_final(
        documents) else ()
    if documents:
        return ChecklistItem(item, ItemState.RECEIVED, ids, _received_note(item, documents, mark),
                             mark, flags)
    state = mark.state if mark and mark.state.markable else ItemState.MISSING
    note = _state_note(item, state, mark)
    if typed and state in (ItemState.MISSING, ItemState.REQUESTED, ItemState.NOT_APPLICABLE):
        note = typed if state is ItemState.MISSING else f"{note} {typed}"
        state = ItemState.WRITTEN
    return ChecklistItem(item, state, (), note, mark, flags)


def _received_note(item: CheckItem, documents: Sequence[DocumentRecord], mark: Mark | None) -> str:
    if item is CheckItem.PATHOLOGY:
        parts = [(_(d.pathology_version) if d.pathology_version else _("report"))
                 + (f" ({d.record_date})" if d.record_date else "") for d in documents]
        note = ngettext("{count} report: {reports}.", "{count} reports: {reports}.",
                        len(documents)).format(count=len(documents), reports=", ".join(parts))
        if preliminary_without_final(documents):
            note = f"{note} {_(PRELIMINARY_ONLY)}"
    else:
        note = ngettext("{count} document in the vault.", "{count} documents in the vault.",
                        len(documents)).format(count=len(documents))
    if mark and mark.state is ItemState.NOT_APPLICABLE:
        note = f"{note} " + _("(It was marked not needed: {reason}.)").format(reason=mark.reason)
    return note


def _state_note(item: CheckItem, state: ItemState, mark: Mark | None) -> str:
    if state is ItemState.NOT_APPLICABLE:
        reason = mark.reason.strip().rstrip(".") if mark else ""
        return _("Not needed: {reason}.").format(reason=reason) if reason else _("Not needed.")
    if state is ItemState.RECEIVED:
        return (mark.note if mark and mark.note else _("You marked this as received."))
    if state is ItemState.REQUESTED and mark is not None:
        who = mark.requested_from or _("someone")
        how = _(" through {channel}").format(channel=mark.requested_how.label) if mark.requested_how else ""
        when = _(" on {day}").format(day=mark.requested_on) if mark.requested_on else ""
        return _("Asked {who}{how}{when}. Not here yet.").format(who=who, how=how, when=when)
    return _(NEXT_STEP[item])


def read_mark(vault: Vault, person: Person, item: CheckItem) -> Mark | None:
    fields = vault.state.get(CHECKLIST, mark_id(person, item))
    state = str(fields.get("state")) if fields is not None else ""
    if fields is None or state not in ItemState._value2member_map_ or not ItemState(state).markable:
        return None
    return _mark(fields)


def mark_id(person: Person, item: CheckItem) -> str:
    return f"{person.id}:{item.value}"


def _mark(f: dict[str, Any]) -> Mark:
    how = f.get("how")
    channel = RequestChannel(str(how)) if how in RequestChannel._value2member_map_ else None
    return Mark(ItemState(str(f["state"])), text_of(f, "from"), channel, text_of(f, "on"),
                text_of(f, "reason"), text_of(f, "note"))


def build_checklist(vault: Vault, person: Person) -> Checklist:
    """The person's checklist: the five required records first, then slides and imaging discs."""
    documents = person_documents(vault, person)
    meds = tuple(medications(vault, person))
    plan = plan_summary(vault, person)
    typed = {
        CheckItem.MEDICATIONS: ngettext(
            "You listed {count} medicine yourself; that list goes in the packet.",
            "You listed {count} medicines yourself; that list goes in the packet.",
            len(meds)).format(count=len(meds)) if meds else "",
        CheckItem.TREATMENT_PLAN: _("Your own summary of the plan goes in the packet.")
        if plan else "",
    }
    items = []
    for item in (*REQUIRED, *EXTRAS):
        kind = item.record_type
        found = of_type(documents, kind) if kind else []
        items.append(derive_item(item, read_mark(vault, person, item), found, typed.get(item, "")))
    items = [with_imaging(vault, person, i, documents) for i in items]  # studies, not documents
    untyped = tuple(d.id for d in documents if d.type is None)
    return Checklist(profile(vault, person), tuple(items), meds, plan, untyped)


def checklist_json(checklist: Checklist) -> dict[str, Any]:
    """The documented JSON of `organizer checklist --json`."""
    p = checklist.profile
    return {
        "person": {"id": p.person.id, "name": p.person.name, "dob": p.person.date_of_birth,
                   "diagnosis": p.diagnosis},
        "items": [{"record": i.item.value, "state": i.state.value, "documents": list(i.documents),
                   "note": i.note} for i in checklist.items],
        "complete": round(checklist.complete, 3),
    }
