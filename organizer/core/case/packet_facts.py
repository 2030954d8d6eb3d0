"""The case as packet content: the person, questions, what is missing, medicines, plan and records."""

from __future__ import annotations

import re
from collections.abc import Collection
from datetime import date

from organizer.core.case.case_documents import person_documents
from organizer.core.case.checklist import build_checklist
from organizer.core.case.clinical_lists import clinical_facts
from organizer.core.case.packet_cover_facts import (
    care_team,
    extras_status,
    not_included,
    packet_coverage,
    remembered_sender,
    sender_and_contact,
)
from organizer.core.case.questions import questions
from organizer.core.case.recipients import recipients
from organizer.core.case.requests import records_requests
from organizer.core.case.treatment_plan import packet_plan
from organizer.core.document_record import DocumentRecord
from organizer.core.i18n import in_english
from organizer.core.imaging.packet_rows import imaging_rows
from organizer.core.packet.content import RECORD_ORDER, HistoryEvent, PacketContent, PacketRecord
from organizer.core.records import Person, RecordType
from organizer.core.shown_pdf import shown_pdfs
from organizer.core.vault import Vault

Selection = Collection[str | RecordType]
"""Record types (e.g. "lab") and/or document ids (or their first 6+ characters)."""


@in_english  # the packet's words (labels, notes, starter questions) stay English
def packet_content(
    vault: Vault, person: Person, *, recipient: str = "", sender: str = "", contact: str = "",
    include: Selection | None = None, exclude: Selection | None = None, made_on: str | None = None,
) -> PacketContent:
    """Everything the packet builder needs for one person, taken from the vault.

    `sender` is who sends it: a name, a contact id, or "" for whoever was chosen last time.
    """
    checklist = build_checklist(vault, person)
    first_recipient = next(iter(recipients(vault, person)), None)
    records = packet_records(vault, person, include, exclude)
    coverage = packet_coverage(checklist, records)
    signed, reach = sender_and_contact(checklist, sender or remembered_sender(vault, person))
    return PacketContent(
        person_name=person.name,
        date_of_birth=person.date_of_birth,
        diagnosis=checklist.profile.diagnosis,
        recipient=recipient or (first_recipient.name if first_recipient else ""),
        sender=signed,
        contact=contact or reach,
        made_on=made_on or date.today().isoformat(),
        questions=tuple(q.text for q in questions(vault, person)),
        not_included=not_included(coverage),
        medications=tuple(m.as_row() for m in checklist.medicines),
        plan=packet_plan(vault, person),
        records=records,
        extras=extras_status(checklist),
        allergies=known_allergies(vault, person),
        history=coded_history(vault, person),
        care_team=care_team(checklist, records, records_requests(vault, person)),
        imaging=imaging_rows(vault, person),
    )


def coded_history(vault: Vault, person: Person) -> tuple[HistoryEvent, ...]:
    """Diagnoses and procedures with a date, as the person's portal records code them, oldest
    first (undated ones make no timeline: they stay on the window's Allergies and history page)."""
    lists = clinical_facts(vault, person)
    events = [HistoryEvent(f.date, what, f.name, f.document_id)
              for what, facts in (("Diagnosis", lists.problems), ("Procedure", lists.procedures))
              for f in facts if f.date]
    return tuple(sorted(events, key=lambda e: (e.date, e.what, e.name.casefold())))


def known_allergies(vault: Vault, person: Person) -> tuple[str, ...]:
    """Allergies as the person's patient-portal records code them ("Penicillin (hives)"); the
    summary page prints the list only when it is not empty."""
    return tuple(f"{a.name} ({a.detail})" if a.detail else a.name
                 for a in clinical_facts(vault, person).allergies)


# Words of report headings that the facility finder can take for a place ("HOSPITAL COURSE").
_HEADING_WORDS = re.compile(r"\b(?:course|history|summary|diagnos[ie]s|findings|impression|"
                            r"procedures?|medications?|instructions|plan|exam(?:ination)?)\b", re.I)


def place_or_nothing(facility: str) -> str:
    """The facility found on a record, unless it is really a report heading."""
    return "" if _HEADING_WORDS.search(facility) else facility


def _matches(document: DocumentRecord, selection: Selection) -> bool:
    for wanted in selection:
        text = wanted.value if isinstance(wanted, RecordType) else str(wanted).strip().lower()
        kind = (document.type or RecordType.OTHER).value
        if text == kind or text == document.id or (len(text) >= 6 and document.id.startswith(text)):
            return True
    return False


def chosen_documents(vault: Vault, person: Person, include: Selection | None = None,
                     exclude: Selection | None = None) -> list[DocumentRecord]:
    """The person's documents that go in the packet, in checklist order, each type oldest first."""
    order = {kind: index for index, kind in enumerate(RECORD_ORDER)}
    found = [d for d in person_documents(vault, person) if not d.not_for_packet
             and (include is None or _matches(d, include))
             and not (exclude and _matches(d, exclude))]
    return sorted(found, key=lambda d: (order[d.type or RecordType.OTHER], d.sort_key))


def _title(document: DocumentRecord) -> str:
    kind = document.type or RecordType.OTHER
    title = document.title or kind.label
    if kind is RecordType.PATHOLOGY and document.pathology_version and not document.title:
        title = f"{title} — {document.pathology_version}"
    return title


def packet_records(vault: Vault, person: Person, include: Selection | None = None,
                   exclude: Selection | None = None) -> tuple[PacketRecord, ...]:
    chosen = chosen_documents(vault, person, include, exclude)
    return tuple(
        PacketRecord(
            document_id=d.id, type=d.type or RecordType.OTHER, title=_title(d), date=d.record_date,
            pages=shown.pages, data=shown.data,  # a portal record's readable PDF is written now
            pdf_password=d.pdf_password, facility=place_or_nothing(d.facility),
            procedure=d.procedure or d.specimen, rotation=d.rotation, page_turns=d.shown_page_turns,
        )
        for d, shown in zip(chosen, shown_pdfs(vault, chosen), strict=True)
    )
