"""Command-line handlers for the case's lists and notes: medicines, plan, questions, appointments."""

from __future__ import annotations

import argparse

from organizer.cli.case_support import DATE_HELP, case_handler, dates_read, group, single, then
from organizer.cli.output import print_json
from organizer.cli.parser import AddCommand
from organizer.core.case import (
    appointments,
    insurance,
    medications,
    plan,
    questions,
    recipients,
)
from organizer.core.packet.content import PlanSummary
from organizer.core.records import Person
from organizer.core.user_dates import shown
from organizer.core.vault import Vault


def _med_add(vault: Vault, person: Person, args: argparse.Namespace) -> None:
    values = {name: getattr(args, name) or "" for name in medications.FIELD_NAMES}
    med = medications.add_medication(vault, person, medications.Medication(**values))
    print(f"Added {med.drug} ({med.id}).{dates_read(start=med.start, stop=med.stop)}")


def _med_set(vault: Vault, person: Person, args: argparse.Namespace) -> None:
    changes = {n: getattr(args, n) for n in medications.FIELD_NAMES if getattr(args, n) is not None}
    med = medications.update_medication(vault, person, args.id, **changes)
    read = dates_read(start=med.start if args.start else "", stop=med.stop if args.stop else "")
    print(f"Changed {med.drug}.{read}")


def _med_list(vault: Vault, person: Person, args: argparse.Namespace) -> None:
    meds = medications.medications(vault, person)
    if args.json:
        print_json([m.__dict__ for m in meds])
        return
    for m in meds:
        when = f"{shown(m.start) or '?'} to {shown(m.stop) or 'now'}"
        print(f"{m.id}  {m.drug} {m.dose} {m.route} {m.schedule} ({when}) {m.prescriber} {m.notes}")
    if not meds:
        print("No medicines listed yet.")


def _plan(vault: Vault, person: Person, args: argparse.Namespace) -> None:
    if args.clear:
        plan.clear_plan_summary(vault, person)
    elif args.text:
        plan.set_plan_summary(vault, person, PlanSummary(args.text, args.by or "", args.date or "",
                                                         args.alternatives or ""))
    summary = plan.plan_summary(vault, person)
    if summary is None:
        print("No plan summary yet.")
    else:
        print_json(summary.__dict__)


def _question_list(vault: Vault, person: Person, args: argparse.Namespace) -> None:
    found = questions.questions(vault, person)
    if args.json:
        print_json([q.__dict__ for q in found])
        return
    for number, q in enumerate(found, start=1):
        print(f"{number:>2}. {q.text}")


def _insurance(vault: Vault, person: Person, args: argparse.Namespace) -> None:
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


def _appointment_add(vault: Vault, person: Person, args: argparse.Namespace) -> None:
    recording = appointments.Recording(args.recording.replace("-", "_"))
    kept = appointments.add_appointment(vault, person, appointments.AppointmentNote(
        args.date, args.doctor or "", args.came_along or "", args.notes or "", recording))
    print(f"Saved the appointment notes.{dates_read(date=kept.date)}")


def _appointment_list(vault: Vault, person: Person, args: argparse.Namespace) -> None:
    for n in appointments.appointments(vault, person):
        print(f"{n.id}  {shown(n.date)}  {n.doctor}  (came along: {n.came_along or 'nobody'}; "
              f"recording {n.recording.value.replace('_', ' ')})\n    {n.notes}")


def _recipient_list(vault: Vault, person: Person, args: argparse.Namespace) -> None:
    for r in recipients.recipients(vault, person):
        print(f"{r.id}  {r.name}" + (f" ({r.how})" if r.how else "") + (f" {r.address}"
                                                                        if r.address else ""))


def register(command: AddCommand) -> None:
    action = group(command, "med", "the medicine list: every drug, dose and when it was taken")
    for verb, handler, text in (("add", _med_add, "add a medicine"),
                                ("set", _med_set, "change a medicine (e.g. --stop DATE)")):
        p = action(verb, case_handler(handler), text)
        if verb == "set":
            p.add_argument("id", metavar="ID")
        p.add_argument("--drug", required=verb == "add")
        for name in medications.FIELD_NAMES[1:]:
            if name in ("start", "stop"):
                p.add_argument(f"--{name}", dest=name, metavar="DATE", help=DATE_HELP)
            else:
                p.add_argument(f"--{name.replace('_', '-')}", dest=name)
    action("list", case_handler(_med_list), "list medicines", listing=True)
    rm = action("remove", then(lambda v, p, a: medications.remove_medication(v, p, a.id),
                                "Removed."), "remove a medicine")
    rm.add_argument("id", metavar="ID")
    pl = single(command, "plan", case_handler(_plan), "show or set the treatment plan in your words")
    pl.add_argument("--text", help="what was proposed")
    pl.add_argument("--by", help="who proposed it")
    pl.add_argument("--date", metavar="DATE", help=DATE_HELP)
    pl.add_argument("--alternatives", help="other options that were offered")
    pl.add_argument("--clear", action="store_true")
    _register_questions(command)
    ins = single(command, "insurance", case_handler(_insurance), "show or set the insurance check")
    for option in ("--covered", "--in-network-required", "--referral-needed"):
        ins.add_argument(option, metavar="yes|no|unknown")
    ins.add_argument("--notes")
    action = group(command, "appointment", "notes from appointments")
    add = action("add", case_handler(_appointment_add), "add notes from an appointment")
    add.add_argument("--date", required=True, metavar="DATE", help=DATE_HELP)
    add.add_argument("--doctor", help="who you saw, and where")
    add.add_argument("--came-along", help="who came with you")
    add.add_argument("--notes", help="what was said")
    add.add_argument("--recording", default="not-asked", choices=["allowed", "not-allowed", "not-asked"])
    action("list", case_handler(_appointment_list), "list appointment notes")
    rm = action("remove", then(lambda v, p, a: appointments.remove_appointment(v, p, a.id),
                                "Removed."), "remove appointment notes")
    rm.add_argument("id", metavar="ID")
    action = group(command, "recipient", "who the packet goes to")
    add = action("add", then(lambda v, p, a: recipients.add_recipient(v, p, recipients.Recipient(
        a.name, a.how or "", a.address or "")), "Added {name}."), "add a recipient")
    add.add_argument("name", metavar="NAME")
    add.add_argument("--how", help="email, patient portal, USB stick, paper")
    add.add_argument("--address")
    action("list", case_handler(_recipient_list), "list recipients")
    rm = action("remove", then(lambda v, p, a: recipients.remove_recipient(v, p, a.id),
                                "Removed."), "remove a recipient")
    rm.add_argument("id", metavar="ID")


def _register_questions(command: AddCommand) -> None:
    action = group(command, "question", "questions for the doctor (a starter list you can change)")
    add = action("add", then(lambda v, p, a: questions.add_question(v, p, a.text), "Added."),
                 "add a question at the end")
    add.add_argument("text", metavar="TEXT")
    action("list", case_handler(_question_list), "list the questions", listing=True)
    edit = action("edit", then(lambda v, p, a: questions.edit_question(v, p, a.number, a.text),
                                "Changed."), "change the words of question N")
    edit.add_argument("number", metavar="N")
    edit.add_argument("text", metavar="TEXT")
    rm = action("remove", then(lambda v, p, a: questions.remove_question(v, p, a.number),
                                "Removed."), "remove question N")
    rm.add_argument("number", metavar="N")
    move = action("move", then(lambda v, p, a: questions.move_question(v, p, a.number, a.to),
                                "Moved."), "move question N to place TO")
    move.add_argument("number", metavar="N")
    move.add_argument("to", metavar="TO", type=int)
    action("reset", then(lambda v, p, a: questions.reset_questions(v, p),
                          "Back to the starter questions."), "go back to the starter list")
