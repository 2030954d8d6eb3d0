"""Command-line handlers for the case: checklist, records requests, letters, marks, undo, guidance, demo."""

from __future__ import annotations

import argparse
from dataclasses import asdict
from pathlib import Path

from organizer.cli.case_support import DATE_HELP, case_handler
from organizer.cli.output import print_json
from organizer.cli.parser import AddCommand
from organizer.core import catalog
from organizer.core.case import (
    case_documents,
    insurance,
    marking,
    requests,
    undo,
)
from organizer.core.case.checklist import build_checklist, checklist_json
from organizer.core.case.checklist_items import REQUIRED, ItemState, check_item, request_channel
from organizer.core.case.demo import create_demo, write_samples
from organizer.core.case.guidance import guidance_topics
from organizer.core.case.letter import save_letter
from organizer.core.case.next_steps import next_steps
from organizer.core.errors import InvalidInput
from organizer.core.records import Person
from organizer.core.vault import Vault

_STATE_WORDS = {ItemState.RECEIVED: "received", ItemState.REQUESTED: "asked for",
                ItemState.MISSING: "missing", ItemState.NOT_APPLICABLE: "not needed",
                ItemState.WRITTEN: "ready (written by you)"}


# --- checklist ----------------------------------------------------------------------------------

@case_handler
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


# --- records requests ---------------------------------------------------------------------------

@case_handler
def add_request(vault: Vault, person: Person, args: argparse.Namespace) -> None:
    kept = requests.add_request(vault, person, requests.RecordsRequest(
        provider=args.from_whom, records=tuple(args.records),
        channel=request_channel(args.how), address=args.address or "",
        date_from=args.dates_from or "", date_to=args.dates_to or "",
        delivery=requests.delivery(args.delivery), requested_on=args.on or "",
        follow_up_days=args.follow_up_days, notes=args.notes or ""))
    print(f"Request {kept.id} saved. If nothing has come by {kept.follow_up_on}, call "
          f"{kept.provider}. Print a letter with: organizer letter VAULT {kept.id} -o letter.pdf")


@case_handler
def list_requests(vault: Vault, person: Person, args: argparse.Namespace) -> None:
    found = requests.records_requests(vault, person)
    if args.json:
        print_json([{**asdict(r), "channel": r.channel.value, "delivery": r.delivery.value,
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


@case_handler
def letter(vault: Vault, person: Person, args: argparse.Namespace) -> None:
    out = Path(args.output)
    if out.is_dir():
        raise InvalidInput(f"{out} is a folder. Please give a file name ending in .pdf.")
    request = save_letter(vault, person, args.request_id, out)
    print(f"Saved the request letter to {out}. Print it, sign it and send it to {request.provider}.")


@case_handler
def close_request(vault: Vault, person: Person, args: argparse.Namespace) -> None:
    closed = requests.CANCELLED if args.cancelled else requests.RECEIVED
    requests.close_request(vault, person, args.request_id, closed)
    print(f"Closed the request {args.request_id}.")


# --- the checklist by hand ------------------------------------------------------------------------

@case_handler
def mark_received(vault: Vault, person: Person, args: argparse.Namespace) -> None:
    marking.mark_received(vault, person, check_item(args.item), args.note or "")
    print(f"Marked {args.item} as received.")


@case_handler
def mark_not_applicable(vault: Vault, person: Person, args: argparse.Namespace) -> None:
    marking.mark_not_applicable(vault, person, check_item(args.item), args.reason)
    print(f"Marked {args.item} as not needed: {args.reason}.")


@case_handler
def mark_missing(vault: Vault, person: Person, args: argparse.Namespace) -> None:
    marking.mark_missing(vault, person, check_item(args.item))
    print(f"Marked {args.item} as missing.")


@case_handler
def leave_out(vault: Vault, person: Person, args: argparse.Namespace) -> None:
    document = catalog.get_document(vault, args.doc_id)
    case_documents.set_in_packet(vault, person, document.id, args.put_back)
    print("Done.")


@case_handler
def undo_last(vault: Vault, person: Person, args: argparse.Namespace) -> None:
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
    command("guidance", cmd_guidance, "where to find a second-opinion doctor and guidelines",
            vault=False, secret=False)
    demo = command("demo", cmd_demo, "create a demo vault of fictional sample records",
                   vault=False, secret=False)
    demo.add_argument("dir", metavar="DIR", help="an empty or new folder for the demo vault")
    demo.add_argument("--samples", metavar="FOLDER", help="also write the sample PDFs here")


def _register_checklist(command: AddCommand) -> None:
    cl = command("checklist", show_checklist, "show which records are ready", person=True)
    cl.add_argument("--json", action="store_true", help="print JSON")
    req = command("request", add_request, "note that records were asked for (tracked, with a "
                  "reminder) and mark them requested", person=True)
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
    lst = command("requests", list_requests, "list records requests and reminders", person=True)
    lst.add_argument("--json", action="store_true", help="print JSON")
    done = command("request-done", close_request, "close a records request (the records came)",
                   person=True)
    done.add_argument("request_id", metavar="REQUEST_ID")
    done.add_argument("--cancelled", action="store_true", help="closed without the records")
    out = command("letter", letter, "print a records-request letter as a PDF", person=True)
    out.add_argument("request_id", metavar="REQUEST_ID")
    out.add_argument("-o", "--output", required=True, metavar="OUT.pdf")
    _register_marking(command)


def _register_marking(command: AddCommand) -> None:
    got = command("received", mark_received,
                  "mark a record received without a document (e.g. on paper)", person=True)
    got.add_argument("item", metavar="ITEM")
    got.add_argument("--note")
    na = command("not-applicable", mark_not_applicable, "mark a record not needed, with the reason",
                 person=True)
    na.add_argument("item", metavar="ITEM")
    na.add_argument("--reason", required=True, help='e.g. "No surgery", "Never in hospital"')
    missing = command("missing", mark_missing, "clear what was said about a checklist item",
                      person=True)
    missing.add_argument("item", metavar="ITEM")
    command("undo", undo_last, "undo the last change to the case", person=True)
    out = command("leave-out", leave_out, "leave a document out of the packet (or --put-back)",
                  person=True)
    out.add_argument("doc_id", metavar="DOC_ID")
    out.add_argument("--put-back", action="store_true")
