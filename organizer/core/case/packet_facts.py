"""The case as packet content: the person, questions, what is missing, medicines, plan and records."""

from __future__ import annotations

from collections.abc import Callable, Collection
from datetime import date

from organizer.core.case.case_documents import CaseDocument, person_documents
from organizer.core.case.checklist import Checklist, build_checklist
from organizer.core.case.checklist_items import ItemState
from organizer.core.case.medications import medications
from organizer.core.case.plan import packet_plan
from organizer.core.case.questions import questions
from organizer.core.case.recipients import recipients
from organizer.core.packet.content import RECORD_ORDER, PacketContent, PacketRecord
from organizer.core.records import Person, RecordType
from organizer.core.vault import Vault

Selection = Collection[str | RecordType]
"""Record types (e.g. "lab") and/or document ids (or their first 6+ characters)."""


def packet_content(
    vault: Vault, person: Person, *, recipient: str = "", sender: str = "", contact: str = "",
    include: Selection | None = None, exclude: Selection | None = None, made_on: str | None = None,
) -> PacketContent:
    """Everything the packet builder needs for one person, taken from the vault."""
    checklist = build_checklist(vault, person)
    profile = checklist.profile
    own = profile.own_contact
    first_recipient = next(iter(recipients(vault, person)), None)
    return PacketContent(
        person_name=person.name,
        date_of_birth=person.date_of_birth,
        diagnosis=profile.diagnosis,
        recipient=recipient or (first_recipient.name if first_recipient else ""),
        sender=sender or person.name,
        contact=contact or (own.one_line() if own else ""),
        made_on=made_on or date.today().isoformat(),
        questions=tuple(q.text for q in questions(vault, person)),
        not_included=not_included(checklist),
        medications=tuple(m.as_row() for m in medications(vault, person)),
        plan=packet_plan(vault, person),
        records=packet_records(vault, person, include, exclude),
    )


def not_included(checklist: Checklist) -> tuple[str, ...]:
    """Lines telling the doctor which required records are absent, and why."""
    lines = []
    for item in checklist.required:
        label = item.item.label
        if item.state is ItemState.NOT_APPLICABLE and item.mark:
            lines.append(f"{item.mark.reason} — no {label[0].lower()}{label[1:]}")
        elif item.state is ItemState.REQUESTED and item.mark:
            lines.append(f"{label} — asked for on {item.mark.requested_on or 'an earlier date'}, "
                         "not received yet")
        elif item.state is ItemState.MISSING:
            lines.append(f"{label} — not received yet")
        if item.flags and item.state is ItemState.RECEIVED:
            lines.append(f"{label} — only a preliminary report; the final report is not here yet")
    return tuple(lines)


def _matches(document: CaseDocument, selection: Selection) -> bool:
    for wanted in selection:
        text = wanted.value if isinstance(wanted, RecordType) else str(wanted).strip().lower()
        kind = (document.type or RecordType.OTHER).value
        if text == kind or text == document.id or (len(text) >= 6 and document.id.startswith(text)):
            return True
    return False


def chosen_documents(vault: Vault, person: Person, include: Selection | None = None,
                     exclude: Selection | None = None) -> list[CaseDocument]:
    """The person's documents that go in the packet, in checklist order, each type oldest first."""
    order = {kind: index for index, kind in enumerate(RECORD_ORDER)}
    found = [d for d in person_documents(vault, person) if not d.not_for_packet
             and (include is None or _matches(d, include))
             and not (exclude and _matches(d, exclude))]
    return sorted(found, key=lambda d: (order[d.type or RecordType.OTHER], d.sort_key))


def _reader(vault: Vault, file_id: str) -> Callable[[], bytes]:
    return lambda: vault.read_file(file_id)


def _title(document: CaseDocument) -> str:
    kind = document.type or RecordType.OTHER
    title = document.title or kind.label
    if kind is RecordType.PATHOLOGY and document.pathology_version and not document.title:
        title = f"{title} — {document.pathology_version}"
    return title


def packet_records(vault: Vault, person: Person, include: Selection | None = None,
                   exclude: Selection | None = None) -> tuple[PacketRecord, ...]:
    return tuple(
        PacketRecord(
            document_id=d.id, type=d.type or RecordType.OTHER, title=_title(d), date=d.record_date,
            pages=d.pages, read_pdf=_reader(vault, d.readable_file or d.file),
            pdf_password=d.pdf_password,
        )
        for d in chosen_documents(vault, person, include, exclude)
    )
