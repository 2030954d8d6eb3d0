"""Case entities in the vault journal: per-person lists and one-per-person records, read and written."""

from __future__ import annotations

import os
from collections.abc import Mapping
from datetime import date
from typing import Any

from organizer.core.catalog import now_iso
from organizer.core.errors import InvalidInput
from organizer.core.i18n import N_, _
from organizer.core.user_dates import stored_date
from organizer.core.vault import Change, Vault

# Journal kinds owned by the case (documents and people belong to the catalog).
CHECKLIST = "checklist"
CONTACT = "contact"
MEDICATION = "medication"
PLAN = "plan"
QUESTION = "question"
APPOINTMENT = "appointment"
INSURANCE = "insurance"
RECIPIENT = "recipient"
RECORDS_REQUEST = "records_request"
CASE = "case"  # one per person: flags such as "the questions were started"


def new_id() -> str:
    """A short random id (12 hex digits): unique enough per vault, short enough to type."""
    return os.urandom(6).hex()


def today() -> str:
    return date.today().isoformat()


def parse_day(text: str, what: str = N_("date"), day_needed: bool = False) -> str:
    """A typed date as stored (2024-03-12, 2024-04 or 2024), or "" when empty (see user_dates)."""
    return stored_date(text, what, day_needed=day_needed)


def items_of(vault: Vault, kind: str, person_id: str) -> list[tuple[str, dict[str, Any]]]:
    """One person's live entities of a kind, by position then by when they were added."""
    found = [(eid, f) for eid, f in vault.state.all(kind).items() if f.get("person") == person_id]
    return sorted(found, key=lambda item: (float(item[1].get("position", 0.0)),
                                           str(item[1].get("added", "")), item[0]))


def find_item(vault: Vault, kind: str, person_id: str, ref: str, what: str) -> str:
    """The id of one person's entity, given its id or a unique start of it."""
    ids = [eid for eid, _ in items_of(vault, kind, person_id)]
    if ref in ids:
        return ref
    matches = [eid for eid in ids if ref and eid.startswith(ref)]
    if len(matches) != 1:
        raise InvalidInput(_("There is no {what} {ref!r} for this person. List them to see the ids.")
                           .format(what=what, ref=ref))
    return matches[0]


def next_position(vault: Vault, kind: str, person_id: str) -> float:
    positions = [float(f.get("position", 0.0)) for _, f in items_of(vault, kind, person_id)]
    return max(positions, default=0.0) + 1.0


def new_item(kind: str, person_id: str, fields: Mapping[str, Any], position: float) -> Change:
    """The change that adds one entity to a person's list."""
    return Change(kind, new_id(), {**fields, "person": person_id, "position": position,
                                   "added": now_iso(), "deleted": False})


def removal(kind: str, item_id: str) -> Change:
    return Change(kind, item_id, {"deleted": True})


def text_of(fields: Mapping[str, Any], name: str) -> str:
    value = fields.get(name)
    return "" if value is None else str(value)
