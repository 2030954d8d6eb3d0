"""Command-line handlers for people: add and list them, their diagnosis, and their care team's contacts."""

from __future__ import annotations

import argparse
from dataclasses import asdict

from organizer.cli.case_support import DATE_HELP, case_handler, group
from organizer.cli.output import print_json, unlock
from organizer.cli.parser import AddCommand
from organizer.core import catalog
from organizer.core.case import people
from organizer.core.records import Person
from organizer.core.vault import Vault


def cmd_person_add(args: argparse.Namespace) -> int:
    with unlock(args) as vault:
        person = people.add_person(vault, args.name, args.dob or "", args.diagnosis or "")
    print(f"Added {person.name} (id {person.id}).")
    return 0


def cmd_person_list(args: argparse.Namespace) -> int:
    with unlock(args) as vault:
        profiles = [people.profile(vault, p) for p in catalog.people(vault)]
    if args.json:
        print_json([{"id": p.person.id, "name": p.person.name, "dob": p.person.date_of_birth,
                     "diagnosis": p.diagnosis,
                     "contacts": [asdict(c) for c in p.contacts]} for p in profiles])
        return 0
    for p in profiles:
        print(f"{p.person.name} ({p.person.id})" + (f": {p.diagnosis}" if p.diagnosis else ""))
        for c in p.contacts:
            print(f"    {c.role or 'contact'}: {c.name} {c.one_line()}  [{c.id}]")
    return 0


@case_handler
def add_contact(vault: Vault, person: Person, args: argparse.Namespace) -> None:
    people.add_contact(vault, person, people.Contact(args.name, args.role or "", args.phone or "",
                                                     args.email or "", args.address or "",
                                                     args.notes or ""))
    print("Added the contact.")


@case_handler
def remove_contact(vault: Vault, person: Person, args: argparse.Namespace) -> None:
    people.remove_contact(vault, person, args.id)
    print("Removed.")


@case_handler
def set_diagnosis(vault: Vault, person: Person, args: argparse.Namespace) -> None:
    people.set_diagnosis(vault, person, args.text)
    print(f"Saved the diagnosis for {person.name}.")


def register(command: AddCommand) -> None:
    action = group(command, "person", "add and list people and their diagnosis")
    add = action("add", cmd_person_add, "add a person", person=False)
    add.add_argument("--name", required=True)
    add.add_argument("--dob", metavar="DATE", help=DATE_HELP)
    add.add_argument("--diagnosis", help="in the person's own words")
    action("list", cmd_person_list, "list people", person=False, listing=True)
    dia = action("diagnosis", set_diagnosis, "set the diagnosis")
    dia.add_argument("text", metavar="TEXT")
    action = group(command, "contact", "contact details of the person and their care team")
    add = action("add", add_contact, "add a contact")
    add.add_argument("--name", required=True)
    add.add_argument("--role", help="self, caregiver, oncologist, surgeon, hospital…")
    for option in ("--phone", "--email", "--address", "--notes"):
        add.add_argument(option)
    rm = action("remove", remove_contact, "remove a contact")
    rm.add_argument("id", metavar="ID")


