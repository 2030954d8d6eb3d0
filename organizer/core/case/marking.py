"""Marking checklist items: requested (from whom, how, when), received, not needed (why), or missing."""

from __future__ import annotations

from organizer.core.case.checklist import mark_id
from organizer.core.case.checklist_items import ITEM_LABELS, CheckItem, ItemState, RequestChannel
from organizer.core.case.entities import CHECKLIST, parse_day, today
from organizer.core.case.undo import OurWords, record_edit
from organizer.core.errors import InvalidInput
from organizer.core.i18n import N_, _
from organizer.core.records import Person
from organizer.core.vault import Change, Vault


def mark_change(person: Person, item: CheckItem, state: ItemState, *, from_whom: str = "",
                how: RequestChannel | None = None, on: str = "", reason: str = "",
                note: str = "") -> Change:
    """The change that sets every field of a mark (so no old reason or date is left behind)."""
    return Change(CHECKLIST, mark_id(person, item), {
        "person": person.id, "item": item.value, "state": state.value, "from": from_whom.strip(),
        "how": how.value if how else None, "on": on, "reason": reason.strip(),
        "note": note.strip(),
    })


def mark_requested(vault: Vault, person: Person, item: CheckItem, from_whom: str,
                   how: RequestChannel, on: str = "") -> None:
    """Say the record was asked for: from whom, how, and when (today when not given)."""
    if not from_whom.strip():
        raise InvalidInput(_("Please say who you asked (a doctor's office or a hospital)."))
    day = parse_day(on, _("request date")) or today()
    record_edit(vault, person.id, N_("Mark {item} as requested"),
                [mark_change(person, item, ItemState.REQUESTED, from_whom=from_whom, how=how, on=day)],
                item=OurWords(ITEM_LABELS[item]))


def mark_received(vault: Vault, person: Person, item: CheckItem, note: str = "") -> None:
    """Say the record is at hand even without a document in the vault (e.g. a paper copy)."""
    record_edit(vault, person.id, N_("Mark {item} as received"),
                [mark_change(person, item, ItemState.RECEIVED, note=note)],
                item=OurWords(ITEM_LABELS[item]))


def mark_not_applicable(vault: Vault, person: Person, item: CheckItem, reason: str) -> None:
    """Say the record does not exist for this person, and why (e.g. no surgery)."""
    if not reason.strip():
        raise InvalidInput(_("Please give a short reason, e.g. \"No surgery\"."))
    record_edit(vault, person.id, N_("Mark {item} as not needed"),
                [mark_change(person, item, ItemState.NOT_APPLICABLE, reason=reason)],
                item=OurWords(ITEM_LABELS[item]))


def mark_missing(vault: Vault, person: Person, item: CheckItem) -> None:
    """Clear what was said about the item."""
    record_edit(vault, person.id, N_("Mark {item} as missing"),
                [mark_change(person, item, ItemState.MISSING)],
                item=OurWords(ITEM_LABELS[item]))
