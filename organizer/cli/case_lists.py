"""Command-line handlers for the case's lists: medicines, plan, insurance, appointments, recipients."""

from __future__ import annotations

import argparse
from dataclasses import asdict

from organizer.cli.case_support import DATE_HELP, case_handler, dates_read, group
from organizer.cli.output import print_json
from organizer.cli.parser import AddCommand
from organizer.core.case import appointments, insurance, medications, recipients, treatment_plan
from organizer.core.packet.content import PlanSummary
from organizer.core.records import Person
from organizer.core.user_dates import shown
from organizer.core.vault import Vault


@case_handler
def add_medicine(vault: Vault, person: Person, args: argparse.Namespace) -> None:
    values = {name: getattr(args, name) or "" for name in medications.FIELD_NAMES}
    med = medications.add_medication(vault, person, medications.Medication(**values))
    print(f"Added {med.drug} ({med.id}).{dates_read(start=med.start, stop=med.stop)}")


@case_handler
def change_medicine(vault: Vault, person: Person, args: argparse.Namespace) -> None:
    changes = {n: getattr(args, n) for n in medications.FIELD_NAMES if getattr(args, n) is not None}
    med = medications.update_medication(vault, person, args.id, **changes)
    read = dates_read(start=med.start if args.start else "", stop=med.stop if args.stop else "")
    print(f"Changed {med.drug}.{read}")


@case_handler
def list_medicines(vault: Vault, person: Person, args: argparse.Namespace) -> None:
    meds = medications.medications(vault, person)
    if args.json:
        print_json([asdict(m) for m in meds])
        return
    for m in meds:
        when = f"{shown(m.start) or '?'} to {shown(m.stop) or 'now'}"
        print(f"{m.id}  {m.drug} {m.dose} {m.route} {m.schedule} ({when}) {m.prescriber} {m.notes}")
    if not meds:
        print("No medicines listed yet.")


@case_handler
def show_or_set_plan(vault: Vault, person: Person, args: argparse.Namespace) -> None:
    if args.clear:
        treatment_plan.clear_plan_summary(vault, person)
    elif args.text:
        treatment_plan.set_plan_summary(vault, person, PlanSummary(args.text, args.by or "", args.date or "",
                                                         args.alternatives or ""))
    summary = treatment_plan.plan_summary(vault, person)
    if summary is None:
        print("No plan summary yet.")
    else:
        print_json(asdict(summary))


@case_handler
def show_or_set_insurance(vault: Vault, person: Person, args: argparse.Namespace) -> None:
    old = insurance.insurance(vault, person)

    def pick(given: str | None, current: insurance.Answer) -> insurance.Answer:
        return insurance.answer(given) if given is not None else current

    new = insurance.InsuranceCheck(
        pick(args.covered, old.covered), pick(args.in_network_required, old.in_network_required),
        pick(args.referral_needed, old.referral_needed),
        args.notes if args.notes is not None else old.notes)
    if new != old:
        insurance.set_insurance(vault, person, new)
    print(f"Covered: {new.covered}. In-network doctor required: {new.in_network_required}. "
          f"Referral needed: {new.referral_needed}." + (f" Notes: {new.notes}" if new.notes else ""))
    if new.to_do:
        print(new.to_do)


@case_handler
def add_appointment(vault: Vault, person: Person, args: argparse.Namespace) -> None:
    recording = appointments.Recording(args.recording.replace("-", "_"))
    kept = appointments.add_appointment(vault, person, appointments.AppointmentNote(
        args.date, args.doctor or "", args.came_along or "", args.notes or "", recording))
    print(f"Saved the appointment notes.{dates_read(date=kept.date)}")


@case_handler
def list_appointments(vault: Vault, person: Person, args: argparse.Namespace) -> None:
    for n in appointments.appointments(vault, person):
        print(f"{n.id}  {shown(n.date)}  {n.doctor}  (came along: {n.came_along or 'nobody'}; "
              f"recording {n.recording.value.replace('_', ' ')})\n    {n.notes}")


@case_handler
def list_recipients(vault: Vault, person: Person, args: argparse.Namespace) -> None:
    for r in recipients.recipients(vault, person):
        print(f"{r.id}  {r.name}" + (f" ({r.how})" if r.how else "") + (f" {r.address}"
                                                                        if r.address else ""))


@case_handler
def remove_medicine(vault: Vault, person: Person, args: argparse.Namespace) -> None:
    medications.remove_medication(vault, person, args.id)
    print("Removed.")


@case_handler
def remove_appointment(vault: Vault, person: Person, args: argparse.Namespace) -> None:
    appointments.remove_appointment(vault, person, args.id)
    print("Removed.")


@case_handler
def add_recipient(vault: Vault, person: Person, args: argparse.Namespace) -> None:
    recipients.add_recipient(vault, person, recipients.Recipient(args.name, args.how or "",
                                                                 args.address or ""))
    print(f"Added {args.name}.")


@case_handler
def remove_recipient(vault: Vault, person: Person, args: argparse.Namespace) -> None:
    recipients.remove_recipient(vault, person, args.id)
    print("Removed.")


def register(command: AddCommand) -> None:
    action = group(command, "med", "the medicine list: every drug, dose and when it was taken")
    for verb, handler, text in (("add", add_medicine, "add a medicine"),
                                ("set", change_medicine, "change a medicine (e.g. --stop DATE)")):
        p = action(verb, handler, text)
        if verb == "set":
            p.add_argument("id", metavar="ID")
        p.add_argument("--drug", required=verb == "add")
        for name in medications.FIELD_NAMES[1:]:
            if name in ("start", "stop"):
                p.add_argument(f"--{name}", dest=name, metavar="DATE", help=DATE_HELP)
            else:
                p.add_argument(f"--{name.replace('_', '-')}", dest=name)
    action("list", list_medicines, "list medicines", listing=True)
    rm = action("remove", remove_medicine, "remove a medicine")
    rm.add_argument("id", metavar="ID")
    pl = command("plan", show_or_set_plan, "show or set the treatment plan in your words", person=True)
    pl.add_argument("--text", help="what was proposed")
    pl.add_argument("--by", help="who proposed it")
    pl.add_argument("--date", metavar="DATE", help=DATE_HELP)
    pl.add_argument("--alternatives", help="other options that were offered")
    pl.add_argument("--clear", action="store_true")
    ins = command("insurance", show_or_set_insurance, "show or set the insurance check", person=True)
    for option in ("--covered", "--in-network-required", "--referral-needed"):
        ins.add_argument(option, metavar="yes|no|unknown")
    ins.add_argument("--notes")
    action = group(command, "appointment", "notes from appointments")
    add = action("add", add_appointment, "add notes from an appointment")
    add.add_argument("--date", required=True, metavar="DATE", help=DATE_HELP)
    add.add_argument("--doctor", help="who you saw, and where")
    add.add_argument("--came-along", help="who came with you")
    add.add_argument("--notes", help="what was said")
    add.add_argument("--recording", default="not-asked", choices=["allowed", "not-allowed", "not-asked"])
    action("list", list_appointments, "list appointment notes")
    rm = action("remove", remove_appointment, "remove appointment notes")
    rm.add_argument("id", metavar="ID")
    action = group(command, "recipient", "who the packet goes to")
    add = action("add", add_recipient, "add a recipient")
    add.add_argument("name", metavar="NAME")
    add.add_argument("--how", help="email, patient portal, USB stick, paper")
    add.add_argument("--address")
    action("list", list_recipients, "list recipients")
    rm = action("remove", remove_recipient, "remove a recipient")
    rm.add_argument("id", metavar="ID")
