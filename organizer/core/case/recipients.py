"""The people and places a packet goes to: a second-opinion doctor, a clinic, a relative."""

from __future__ import annotations

from dataclasses import dataclass, replace

from organizer.core.case.entities import (
    RECIPIENT,
    find_item,
    items_of,
    new_item,
    next_position,
    removal,
    text_of,
)
from organizer.core.case.undo import record_edit
from organizer.core.errors import InvalidInput
from organizer.core.i18n import N_, _
from organizer.core.records import Person
from organizer.core.vault import Vault


@dataclass(frozen=True)
class Recipient:
    name: str  # e.g. "Dr. A. Example, Lakeside Cancer Center"
    how: str = ""  # email, patient portal, USB stick, paper
    address: str = ""  # email or postal address, portal name
    notes: str = ""
    id: str = ""


def add_recipient(vault: Vault, person: Person, recipient: Recipient) -> Recipient:
    name = " ".join(recipient.name.split())
    if not name:
        raise InvalidInput(_("Please say who the packet is for."))
    change = new_item(RECIPIENT, person.id, {
        "name": name, "how": recipient.how.strip(), "address": recipient.address.strip(),
        "notes": recipient.notes.strip(),
    }, next_position(vault, RECIPIENT, person.id))
    record_edit(vault, person.id, N_("Add {name} as a recipient"), [change], name=name)
    return replace(recipient, name=name, id=change.id)


def remove_recipient(vault: Vault, person: Person, ref: str) -> None:
    recipient_id = find_item(vault, RECIPIENT, person.id, ref, "recipient")
    record_edit(vault, person.id, N_("Remove a recipient"), [removal(RECIPIENT, recipient_id)])


def recipients(vault: Vault, person: Person) -> list[Recipient]:
    return [Recipient(text_of(f, "name"), text_of(f, "how"), text_of(f, "address"),
                      text_of(f, "notes"), rid) for rid, f in items_of(vault, RECIPIENT, person.id)]
