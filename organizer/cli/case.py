"""Command-line handlers for the case: people, checklist, requests and letters, medicines, plan, questions."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from organizer.cli.case_support import DATE_HELP, case_handler, group, single, then, then_print
from organizer.cli.output import print_json, unlock
from organizer.cli.parser import AddCommand
from organizer.core import catalog
from organizer.core.case import (
    case_documents,
    insurance,
    marking,
    people,
    requests,
    undo,
)
from organizer.core.case.checklist import build_checklist, checklist_json
from organizer.core.case.checklist_items import REQUIRED, ItemState, check_item, request_channel
from organizer.core.case.demo import create_demo, write_samples
from organizer.core.case.guidance import guidance_topics
from organizer.core.case.letter import request_letter
from organizer.core.case.next_steps import next_steps
from organizer.core.errors import InvalidInput
from organizer.core.records import Person
from organizer.core.vault import Vault
from organizer.core.vault.atomic import atomic_output

_STATE_WORDS = {ItemState.RECEIVED: "received", ItemState.REQUESTED: "asked for",
                ItemState.MISSING: "missing", ItemState.NOT_APPLICABLE: "not needed",
                ItemState.WRITTEN: "ready (written by you)"}


# --- checklist ----------------------------------------------------------------------------------

def show_checklist(vault: Vault, person: Person, args: argparse.Namespace) -> None:
    checklist = build_checklist(vault, person)
    if args.json:
        print_json(checklist_json(checklist))
        return
    done = sum(1 for i in checklist.required if i.state.done)
    born = f" (born {person.date_of_birth})" if person.date_of_birth else ""
    print(f"Records for {person.name}{born}: {done} of 5 ready ({checklist.complete:.0%}).")
    for item in checklist.items:
        if item.item.value == "slides":
            print("Also worth asking about:")
        note = "" if item.state is ItemState.MISSING and item.item in REQUIRED else f" {item.note}"
        print(f"  [{'x' if item.state.done else ' '}] {item.item.label}: "
              f"{_STATE_WORDS[item.state]}.{note}")
    steps = next_steps(checklist, requests.records_requests(vault, person),
                       insurance.insurance(vault, person))
    if steps:
        print("What to do next:")
        for step in steps:
            print(f"  - {step}")
    if checklist.untyped:
        print(f"  To choose a type here: organizer tag VAULT DOC_ID TYPE. Without a type: "
              f"{', '.join(checklist.untyped)}.")


# --- people -------------------------------------------------------------------------------------

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
                     "contacts": [c.__dict__ for c in p.contacts]} for p in profiles])
        return 0
    for p in profiles:
        print(f"{p.person.name} ({p.person.id})" + (f": {p.diagnosis}" if p.diagnosis else ""))
        for c in p.contacts:
            print(f"    {c.role or 'contact'}: {c.name} {c.one_line()}  [{c.id}]")
    return 0


def _contact(vault: Vault, person: Person, args: argparse.Namespace) -> None:
    people.add_contact(vault, person, people.Contact(args.name, args.role or "", args.phone or "",
                                                     args.email or "", args.address or "",
                                                     args.notes or ""))


# --- records requests ---------------------------------------------------------------------------

def _request(vault: Vault, person: Person, args: argparse.Namespace) -> None:
    kept = requests.add_request(vault, person, requests.RecordsRequest(
        provider=args.from_whom, records=tuple(args.records),
        channel=request_channel(args.how), address=args.address or "",
        date_from=args.dates_from or "", date_to=args.dates_to or "",
        delivery=requests.delivery(args.delivery), requested_on=args.on or "",
        follow_up_days=args.follow_up_days, notes=args.notes or ""))
    print(f"Request {kept.id} saved. If nothing has come by {kept.follow_up_on}, call "
          f"{kept.provider}. Print a letter with: organizer letter VAULT {kept.id} -o letter.pdf")


def _list_requests(vault: Vault, person: Person, args: argparse.Namespace) -> None:
    found = requests.records_requests(vault, person)
    if args.json:
        print_json([{**r.__dict__, "channel": r.channel.value, "delivery": r.delivery.value,
                     "records": list(r.records), "follow_up_on": r.follow_up_on,
                     "follow_up_due": r.follow_up_due()} for r in found])
        return
    if not found:
        print("No records requests yet.")
    for r in found:
        due = "  FOLLOW UP NOW" if r.follow_up_due() else ""
        what = ", ".join(requests.record_label(x) for x in r.records)
        print(f"{r.id}  {r.status:<9} {r.requested_on}  {r.provider}: {what}"
              f" (follow up {r.follow_up_on}){due}")


def _letter(vault: Vault, person: Person, args: argparse.Namespace) -> None:
    out = Path(args.output)
    if out.is_dir():
        raise InvalidInput(f"{out} is a folder. Please give a file name ending in .pdf.")
    request = requests.get_request(vault, person, args.request_id)
    pdf = request_letter(people.profile(vault, person), request)
    with atomic_output(out) as sink:
        sink.write(pdf)
    print(f"Saved the request letter to {out}. Print it, sign it and send it to {request.provider}.")


# --- medicines, plan, questions, insurance, appointments, recipients -------------------------------


def _undo(vault: Vault, person: Person, args: argparse.Namespace) -> None:
    edit = undo.undo_last(vault, person.id)
    print(f"Undone: {edit.label}." if edit else "There is nothing left to undo.")


def cmd_guidance(args: argparse.Namespace) -> int:
    for topic in guidance_topics():
        print(f"{topic.title}\n  {topic.introduction}")
        for link in topic.links:
            print(f"  - {link.title}: {link.url}\n    {link.description}")
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    demo = create_demo(Path(args.dir))
    print(f"Created a demo vault in {demo.folder} for {demo.person.name}, a made-up person.")
    print(f"{len(demo.imported.imported_ids)} sample records were imported; every page is "
          "marked as a fictional sample.")
    if args.samples:
        written = write_samples(Path(args.samples))
        print(f"Wrote {len(written)} sample records to {args.samples}; "
              f"{len(demo.later)} of them are not in the vault yet, to try importing.")
    print(f"Passphrase: {demo.passphrase}")
    return 0


# --- registering ---------------------------------------------------------------------------------


def register(command: AddCommand) -> None:
    _register_checklist(command)
    _register_people(command)
    extra = command("guidance", cmd_guidance, "where to find a second-opinion doctor and guidelines",
                    vault=False, secret=False)
    extra.set_defaults(handler=cmd_guidance)
    demo = command("demo", cmd_demo, "create a demo vault of fictional sample records",
                   vault=False, secret=False)
    demo.add_argument("dir", metavar="DIR", help="an empty or new folder for the demo vault")
    demo.add_argument("--samples", metavar="FOLDER", help="also write the sample PDFs here")


def _item(args: argparse.Namespace) -> Any:
    return check_item(args.item)


def _register_checklist(command: AddCommand) -> None:
    cl = single(command, "checklist", case_handler(show_checklist), "show which records are ready")
    cl.add_argument("--json", action="store_true", help="print JSON")
    req = single(command, "request", case_handler(_request),
                  "note that records were asked for (tracked, with a reminder) and mark them requested")
    req.add_argument("records", nargs="+", metavar="ITEM",
                     help="pathology, operative, discharge, treatment_plan, medications, slides, "
                          "imaging_discs, or a record type such as imaging")
    req.add_argument("--from", dest="from_whom", required=True, metavar="WHOM",
                     help="the hospital or doctor's office asked")
    req.add_argument("--how", default="records-department",
                     help="office, records-department or patient-portal")
    req.add_argument("--on", metavar="DATE", help="when you asked (default today); " + DATE_HELP)
    req.add_argument("--address", help="the provider's address for the letter (use ; between lines)")
    req.add_argument("--dates-from", metavar="DATE", help="records from this date")
    req.add_argument("--dates-to", metavar="DATE", help="records up to this date")
    req.add_argument("--delivery", default="mail", help="mail, email, portal, pickup or fax")
    req.add_argument("--follow-up-days", type=int, default=requests.FOLLOW_UP_DAYS, metavar="N",
                     help="remind me after N days (default 14)")
    req.add_argument("--notes")
    lst = single(command, "requests", case_handler(_list_requests), "list records requests and reminders")
    lst.add_argument("--json", action="store_true", help="print JSON")
    done = single(command, "request-done", then(
        lambda v, p, a: requests.close_request(v, p, a.request_id,
                                               requests.CANCELLED if a.cancelled else requests.RECEIVED),
        "Closed the request {request_id}."), "close a records request (the records came)")
    done.add_argument("request_id", metavar="REQUEST_ID")
    done.add_argument("--cancelled", action="store_true", help="closed without the records")
    letter = single(command, "letter", case_handler(_letter), "print a records-request letter as a PDF")
    letter.add_argument("request_id", metavar="REQUEST_ID")
    letter.add_argument("-o", "--output", required=True, metavar="OUT.pdf")
    got = single(command, "received", then(
        lambda v, p, a: marking.mark_received(v, p, _item(a), a.note or ""),
        "Marked {item} as received."), "mark a record received without a document (e.g. on paper)")
    got.add_argument("item", metavar="ITEM")
    got.add_argument("--note")
    na = single(command, "not-applicable", then(
        lambda v, p, a: marking.mark_not_applicable(v, p, _item(a), a.reason),
        "Marked {item} as not needed: {reason}."), "mark a record not needed, with the reason")
    na.add_argument("item", metavar="ITEM")
    na.add_argument("--reason", required=True, help='e.g. "No surgery", "Never in hospital"')
    missing = single(command, "missing", then(
        lambda v, p, a: marking.mark_missing(v, p, _item(a)), "Marked {item} as missing."),
        "clear what was said about a checklist item")
    missing.add_argument("item", metavar="ITEM")
    single(command, "undo", case_handler(_undo), "undo the last change to the case")
    out = single(command, "leave-out", then(
        lambda v, p, a: case_documents.set_in_packet(v, p, catalog.get_document(v, a.doc_id).id,
                                                     a.put_back),
        "Done."), "leave a document out of the packet (or --put-back)")
    out.add_argument("doc_id", metavar="DOC_ID")
    out.add_argument("--put-back", action="store_true")


def _register_people(command: AddCommand) -> None:
    action = group(command, "person", "add and list people and their diagnosis")
    add = action("add", cmd_person_add, "add a person", person=False)
    add.add_argument("--name", required=True)
    add.add_argument("--dob", metavar="DATE", help=DATE_HELP)
    add.add_argument("--diagnosis", help="in the person's own words")
    action("list", cmd_person_list, "list people", person=False, listing=True)
    dia = action("diagnosis", then(lambda v, p, a: people.set_diagnosis(v, p, a.text),
                                    "Saved the diagnosis for {person}."), "set the diagnosis")
    dia.add_argument("text", metavar="TEXT")
    action = group(command, "contact", "contact details of the person and their care team")
    add = action("add", case_handler(then_print(_contact, "Added the contact.")), "add a contact")
    add.add_argument("--name", required=True)
    add.add_argument("--role", help="self, caregiver, oncologist, surgeon, hospital…")
    for option in ("--phone", "--email", "--address", "--notes"):
        add.add_argument(option)
    rm = action("remove", then(lambda v, p, a: people.remove_contact(v, p, a.id), "Removed."),
                "remove a contact")
    rm.add_argument("id", metavar="ID")


