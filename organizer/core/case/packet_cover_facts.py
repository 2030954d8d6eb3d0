"""What the packet's first pages say about the case: which required records it holds, who sends it,
the slides and discs, the care team. One reading, so the cover, contents and checklist agree."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from organizer.core.case.checklist import Checklist, ChecklistItem
from organizer.core.case.checklist_items import EXTRAS, CheckItem, ItemState
from organizer.core.case.entities import CASE, text_of
from organizer.core.case.people import SELF, Contact, profile
from organizer.core.case.requests import RecordsRequest
from organizer.core.case.undo import record_edit
from organizer.core.i18n import N_
from organizer.core.packet.content import PacketRecord
from organizer.core.records import Person
from organizer.core.vault import Change, Vault

# The generated page that holds what the person wrote, by checklist item (titles as printed).
WRITTEN_PAGES = {CheckItem.MEDICATIONS: "Medications", CheckItem.TREATMENT_PLAN: "Treatment plan summary"}
SENDER = "packet_sender"  # case field: the contact id (or "self") the packet was last sent from
# Contact roles that are the person's own people (who may send the packet), not their doctors.
FAMILY_ROLES = ("caregiver", "daughter", "son", "wife", "husband", "partner", "spouse", "mother",
                "father", "sister", "brother", "friend", "niece", "nephew", "grandson",
                "granddaughter", "relative", "parent", "child")


@dataclass(frozen=True)
class Coverage:
    """Whether a required record is in the packet, and the cover's line when it is not."""

    item: CheckItem
    in_packet: bool
    line: str = ""  # "Operative report — not received yet", or a warning about what is in
    page_title: str = ""  # the generated page holding what the person wrote, when it is in

    @property
    def absent(self) -> bool:
        return not self.in_packet


def packet_coverage(checklist: Checklist, records: Sequence[PacketRecord]) -> tuple[Coverage, ...]:
    """For each required record: in this packet (its records, or the page the person wrote) or not."""
    kinds = {r.type for r in records}
    written = {CheckItem.MEDICATIONS: bool(checklist.medicines),
               CheckItem.TREATMENT_PLAN: checklist.plan is not None}
    return tuple(_coverage(line, line.item.record_type in kinds, written.get(line.item, False))
                 for line in checklist.required)


def _coverage(line: ChecklistItem, has_records: bool, wrote: bool) -> Coverage:
    item, label = line.item, line.item.label
    page = WRITTEN_PAGES.get(item, "") if wrote else ""
    if has_records:
        warning = (f"{label} — only a preliminary report; the final report is not here yet"
                   if line.flags else "")
        return Coverage(item, True, warning, page)
    if wrote:
        return Coverage(item, True, "", page)
    mark = line.mark
    if line.state is ItemState.NOT_APPLICABLE:
        reason = mark.reason.strip().rstrip(".") if mark and mark.reason.strip() else "Not needed"
        return Coverage(item, False, f"{reason} — no {label[0].lower()}{label[1:]}")
    if line.state is ItemState.REQUESTED:
        on = mark.requested_on if mark and mark.requested_on else "an earlier date"
        return Coverage(item, False, f"{label} — asked for on {on}, not received yet")
    if line.state is ItemState.RECEIVED:
        why = "left out of this packet" if line.documents else "not in this packet"
        return Coverage(item, False, f"{label} — {why}")
    return Coverage(item, False, f"{label} — not received yet")


def not_included(coverage: Iterable[Coverage]) -> tuple[str, ...]:
    """The cover's "Not included" lines (and warnings about what is in), from the coverage."""
    return tuple(c.line for c in coverage if c.line)


def extras_status(checklist: Checklist) -> tuple[tuple[str, str], ...]:
    """Whether glass slides and imaging discs are coming, from the checklist, in plain words."""
    found = []
    for line in (checklist.get(item) for item in EXTRAS):
        mark = line.mark
        if line.state is ItemState.REQUESTED and mark is not None:
            who = f" by {mark.requested_from}" if mark.requested_from else ""
            when = f" (asked for on {mark.requested_on})" if mark.requested_on else ""
            status = f"Coming separately{who}{when}."
        elif line.state is ItemState.RECEIVED:
            status = "The patient has them; they come separately."
        elif line.state is ItemState.NOT_APPLICABLE:
            status = "Not being sent."
        else:
            status = "Not asked for yet. Please tell us if you need them."
        found.append((line.item.label, status))
    return tuple(found)


# --- who sends it ------------------------------------------------------------------------------

def sender_choices(vault: Vault, person: Person) -> tuple[list[tuple[str, str]], str]:
    """Who can send the packet, and who sent it last time (a key of the list; the person if gone)."""
    choices = senders_of(profile(vault, person).contacts, person)
    last = remembered_sender(vault, person)
    return choices, last if last in {key for key, _ in choices} else SELF


def senders_of(contacts: Sequence[Contact], person: Person) -> list[tuple[str, str]]:
    people = [(c.id, _signed(c)) for c in contacts
              if c.role.lower() in FAMILY_ROLES or c.role.lower().startswith(FAMILY_ROLES)]
    return [(SELF, person.name), *people]


def _signed(contact: Contact) -> str:
    """"Anna Miller (daughter)"; a plain caregiver's role is left out only when it says nothing."""
    role = contact.role.strip()
    return f"{contact.name} ({role})" if role else contact.name


def remember_sender(vault: Vault, person: Person, key: str) -> None:
    """Keep who sends the packet (in the vault: it names family members) for next time."""
    if (vault.state.get(CASE, person.id) or {}).get(SENDER) == key:
        return
    record_edit(vault, person.id, N_("Choose who sends the packet"), [Change(CASE, person.id, {SENDER: key})])


def remembered_sender(vault: Vault, person: Person) -> str:
    return text_of(vault.state.get(CASE, person.id) or {}, SENDER) or SELF


def sender_and_contact(checklist: Checklist, key_or_name: str) -> tuple[str, str]:
    """The "From" line and how to reach them, for a sender key (or a name typed on the command line)."""
    profile = checklist.profile
    wanted = " ".join(key_or_name.split()).lower()
    own = profile.own_contact
    own_line = own.one_line() if own else ""
    if wanted in ("", SELF, profile.person.name.lower()):
        return profile.person.name, own_line
    for contact in profile.contacts:
        if wanted in (contact.id, contact.name.lower(), _signed(contact).lower()):
            reach = " · ".join(p for p in (contact.phone, contact.email, contact.address) if p)
            return _signed(contact), reach or own_line
    return " ".join(key_or_name.split()), own_line


def care_team(checklist: Checklist, records: Sequence[PacketRecord],
              requests: Sequence[RecordsRequest]) -> tuple[str, ...]:
    """Doctors and places named in the records, the requests, the plan and the person's contacts."""
    names: list[str] = []
    for contact in checklist.profile.contacts:
        if contact.role.lower() not in (SELF, *FAMILY_ROLES) and contact.name:
            names.append(f"{contact.name} ({contact.role})" if contact.role else contact.name)
    if checklist.plan is not None and checklist.plan.proposed_by:
        names.append(f"{checklist.plan.proposed_by} — proposed the treatment plan")
    names += [m.prescriber for m in checklist.medicines if m.prescriber]
    names += [r.facility for r in records if r.facility]
    names += [r.provider for r in requests if r.provider]
    seen: set[str] = set()
    unique = []
    for name in names:
        key = name.split(" · ")[0].split(" (")[0].casefold()
        if key not in seen:
            seen.add(key)
            unique.append(name)
    return tuple(unique)
