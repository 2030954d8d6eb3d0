"""What the checklist tracks: the five required records and the extras, their states and request routes."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from organizer.core.errors import InvalidInput
from organizer.core.i18n import N_, _
from organizer.core.records import RecordType


class CheckItem(StrEnum):
    """One line of the checklist (the values appear in the CLI and JSON)."""

    PATHOLOGY = "pathology"
    OPERATIVE = "operative"
    DISCHARGE = "discharge"
    TREATMENT_PLAN = "treatment_plan"
    MEDICATIONS = "medications"
    SLIDES = "slides"
    IMAGING_DISCS = "imaging_discs"

    @property
    def label(self) -> str:
        return _(ITEM_LABELS[self])

    @property
    def record_type(self) -> RecordType | None:
        """The record type whose documents fill this item (None for things that are not papers)."""
        return RecordType(self.value) if self in REQUIRED else None


REQUIRED: tuple[CheckItem, ...] = (
    CheckItem.PATHOLOGY, CheckItem.OPERATIVE, CheckItem.DISCHARGE,
    CheckItem.TREATMENT_PLAN, CheckItem.MEDICATIONS,
)
EXTRAS: tuple[CheckItem, ...] = (CheckItem.SLIDES, CheckItem.IMAGING_DISCS)

ITEM_LABELS: dict[CheckItem, str] = {
    CheckItem.PATHOLOGY: N_("Pathology reports"),
    CheckItem.OPERATIVE: N_("Operative report"),
    CheckItem.DISCHARGE: N_("Discharge summary"),
    CheckItem.TREATMENT_PLAN: N_("Treatment plan"),
    CheckItem.MEDICATIONS: N_("Medication list"),
    CheckItem.SLIDES: N_("Glass slides and tissue blocks"),
    CheckItem.IMAGING_DISCS: N_("Imaging discs (CT, MRI, PET scans)"),
}

# What to do while an item is still missing, in plain words.
NEXT_STEP: dict[CheckItem, str] = {
    CheckItem.PATHOLOGY: N_("Ask for the report of every biopsy and surgery: the final one, and any "
    "addendum."),
    CheckItem.OPERATIVE: N_("Ask the surgeon's office or the hospital for the operative report. "
    "If you had no surgery, mark it not needed."),
    CheckItem.DISCHARGE: N_("Ask the hospital for the discharge summary. If you were never in "
    "hospital, mark it not needed."),
    CheckItem.TREATMENT_PLAN: N_("Ask your doctor for a written summary of the plan they "
    "suggested."),
    CheckItem.MEDICATIONS: N_("Ask your doctor or pharmacy for a list of every drug, the dose and "
    "the dates, or write the list yourself."),
    CheckItem.SLIDES: N_("Ask the second-opinion doctor's office whether they need the slides. "
    "If so, the pathology department of the first hospital can send them."),
    CheckItem.IMAGING_DISCS: N_("Ask the second-opinion doctor's office whether they need the "
    "scan images. The imaging department can copy them onto a disc or share them online."),
}


class ItemState(StrEnum):
    MISSING = "missing"
    REQUESTED = "requested"
    RECEIVED = "received"
    NOT_APPLICABLE = "not_applicable"
    WRITTEN = "written"  # no record yet, but the person wrote it themselves (medicines, plan)

    @property
    def done(self) -> bool:
        """Received, written-by-you and not-needed items all count towards completeness."""
        return self in (ItemState.RECEIVED, ItemState.NOT_APPLICABLE, ItemState.WRITTEN)

    @property
    def markable(self) -> bool:
        """Whether a user's mark can say this (written comes only from what they wrote)."""
        return self is not ItemState.WRITTEN


class RequestChannel(StrEnum):
    """How a record was asked for."""

    OFFICE = "office"
    RECORDS_DEPARTMENT = "records_department"
    PATIENT_PORTAL = "patient_portal"

    @property
    def label(self) -> str:
        return {"office": _("the doctor's office"), "records_department": _("the medical-records "
                "department"), "patient_portal": _("the patient portal")}[self.value]


# Ready-made reasons for "not needed"; any reason the user writes is accepted too.
NO_SURGERY = "No surgery"
NEVER_IN_HOSPITAL = "Never in hospital"
NO_PLAN_YET = "No treatment has been suggested yet"
NO_MEDICINES = "No medicines taken"


def check_item(text: str) -> CheckItem:
    """A checklist item from its name (dashes or underscores, any case)."""
    wanted = text.strip().lower().replace("-", "_").replace(" ", "_")
    try:
        return CheckItem(wanted)
    except ValueError:
        names = ", ".join(i.value for i in CheckItem)
        raise InvalidInput(_("{text!r} is not a checklist item. Choose one of: {names}.")
                           .format(text=text, names=names)) from None


def request_channel(text: str) -> RequestChannel:
    wanted = text.strip().lower().replace("-", "_").replace(" ", "_")
    aliases = {"portal": "patient_portal", "records": "records_department",
               "medical_records": "records_department", "doctor": "office"}
    try:
        return RequestChannel(aliases.get(wanted, wanted))
    except ValueError:
        raise InvalidInput(_("{text!r} is not a way to ask for records. Choose office, "
                           "records-department or patient-portal.").format(text=text)) from None


@dataclass(frozen=True)
class Mark:
    """What the user said about an item (the documents in the vault may say more)."""

    state: ItemState
    requested_from: str = ""
    requested_how: RequestChannel | None = None
    requested_on: str = ""
    reason: str = ""  # why it is not needed
    note: str = ""
