"""The insurance check to do before a second opinion: is it covered, in-network only, referral needed."""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import StrEnum

from organizer.core.case.entities import INSURANCE, text_of
from organizer.core.case.undo import record_edit
from organizer.core.errors import InvalidInput
from organizer.core.i18n import N_, _
from organizer.core.records import Person
from organizer.core.vault import Change, Vault


class Answer(StrEnum):
    UNKNOWN = "unknown"
    YES = "yes"
    NO = "no"


def answer(text: str) -> Answer:
    wanted = text.strip().lower()
    try:
        return Answer({"y": "yes", "n": "no", "?": "unknown", "": "unknown"}.get(wanted, wanted))
    except ValueError:
        raise InvalidInput(_("{text!r}: please answer yes, no or unknown.").format(text=text)) from None


@dataclass(frozen=True)
class InsuranceCheck:
    covered: Answer = Answer.UNKNOWN  # does the plan pay for a second opinion?
    in_network_required: Answer = Answer.UNKNOWN  # must the doctor be in the plan's network?
    referral_needed: Answer = Answer.UNKNOWN
    notes: str = ""  # who you talked to, reference numbers, costs

    @property
    def to_do(self) -> str:
        """What is still unknown, in plain words ("" when everything is answered)."""
        open_points = [words for value, words in (
            (self.covered, _("whether your plan pays for a second opinion")),
            (self.in_network_required, _("whether the doctor must be in your plan's network")),
            (self.referral_needed, _("whether you need a referral first")),
        ) if value is Answer.UNKNOWN]
        return (_("Call your insurance and ask {points}.").format(points="; ".join(open_points))
                if open_points else "")


def set_insurance(vault: Vault, person: Person, check: InsuranceCheck) -> None:
    """Keep the answers and notes (saving what is already kept changes nothing)."""
    if replace(check, notes=check.notes.strip()) == insurance(vault, person):
        return
    record_edit(vault, person.id, N_("Change the insurance check"), [Change(INSURANCE, person.id, {
        "person": person.id, "covered": check.covered.value,
        "in_network_required": check.in_network_required.value,
        "referral_needed": check.referral_needed.value, "notes": check.notes.strip(),
    })])


def insurance(vault: Vault, person: Person) -> InsuranceCheck:
    f = vault.state.get(INSURANCE, person.id) or {}
    return InsuranceCheck(answer(text_of(f, "covered")), answer(text_of(f, "in_network_required")),
                          answer(text_of(f, "referral_needed")), text_of(f, "notes"))
