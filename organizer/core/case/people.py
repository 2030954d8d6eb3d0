"""People in a case: name and birth date (from the catalog), diagnosis in their own words, contacts."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from organizer.core import catalog
from organizer.core.case.entities import (
    CONTACT,
    find_item,
    items_of,
    new_item,
    next_position,
    removal,
    text_of,
)
from organizer.core.case.undo import record_edit
from organizer.core.i18n import N_
from organizer.core.records import Person
from organizer.core.vault import Change, Vault

SELF = "self"  # the role of the person's own contact details


@dataclass(frozen=True)
class Contact:
    """Someone to reach: the person themself, a relative, a doctor's office, a hospital."""

    name: str
    role: str = ""  # e.g. self, caregiver, oncologist, surgeon, hospital
    phone: str = ""
    email: str = ""
    address: str = ""
    notes: str = ""
    id: str = ""

    def one_line(self) -> str:
        parts = [self.name if self.role != SELF else "", self.phone, self.email, self.address]
        return " · ".join(p for p in parts if p)


@dataclass(frozen=True)
class PersonProfile:
    """A person with what the case adds: their diagnosis as they put it, and their contacts."""

    person: Person
    diagnosis: str = ""
    contacts: tuple[Contact, ...] = ()

    @property
    def own_contact(self) -> Contact | None:
        """The person's own phone/email/address, if given."""
        return next((c for c in self.contacts if c.role == SELF), None)


def add_person(vault: Vault, name: str, date_of_birth: str = "", diagnosis: str = "") -> Person:
    """Add someone to the vault, with their diagnosis in their own words if given."""
    person = catalog.add_person(vault, name, date_of_birth)
    if diagnosis.strip():
        set_diagnosis(vault, person, diagnosis)
    return person


def set_diagnosis(vault: Vault, person: Person, diagnosis: str) -> None:
    """The diagnosis as the person says it (we never fill this in for them)."""
    text = " ".join(diagnosis.split())
    record_edit(vault, person.id, N_("Change the diagnosis"),
                [Change(catalog.PERSON, person.id, {"diagnosis": text})])


def add_contact(vault: Vault, person: Person, contact: Contact) -> Contact:
    fields = {"name": contact.name.strip(), "role": contact.role.strip().lower(),
              "phone": contact.phone.strip(), "email": contact.email.strip(),
              "address": contact.address.strip(), "notes": contact.notes.strip()}
    change = new_item(CONTACT, person.id, fields, next_position(vault, CONTACT, person.id))
    record_edit(vault, person.id, N_("Add the contact {name}"), [change], name=str(fields["name"]))
    return _contact(change.id, change.fields)


def set_own_contact(vault: Vault, person: Person, phone: str, email: str, address: str) -> Contact:
    """The person's own phone, email and address (kept as their "self" contact, made when missing)."""
    own = profile(vault, person).own_contact
    fields = {"phone": phone.strip(), "email": email.strip(), "address": address.strip()}
    if own is None:
        return add_contact(vault, person, Contact(person.name, SELF, **fields))
    record_edit(vault, person.id, N_("Change the contact details"), [Change(CONTACT, own.id, fields)])
    return Contact(own.name, SELF, notes=own.notes, id=own.id, **fields)


def remove_contact(vault: Vault, person: Person, ref: str) -> None:
    contact_id = find_item(vault, CONTACT, person.id, ref, "contact")
    record_edit(vault, person.id, N_("Remove a contact"), [removal(CONTACT, contact_id)])


def profile(vault: Vault, person: Person) -> PersonProfile:
    fields = vault.state.get(catalog.PERSON, person.id) or {}
    contacts = tuple(_contact(cid, f) for cid, f in items_of(vault, CONTACT, person.id))
    return PersonProfile(person, text_of(fields, "diagnosis"), contacts)


def _contact(contact_id: str, f: Mapping[str, Any]) -> Contact:
    return Contact(text_of(f, "name"), text_of(f, "role"), text_of(f, "phone"), text_of(f, "email"),
                   text_of(f, "address"), text_of(f, "notes"), contact_id)
