"""Allergies, problems, procedures and medicines that imported portal records code, per person."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from organizer.core.case.entities import MEDICATION, new_item, next_position
from organizer.core.case.medications import Medication, medications
from organizer.core.case.undo import record_edit
from organizer.core.catalog import DOCUMENT
from organizer.core.i18n import N_
from organizer.core.intake.portal.model import ALLERGY, NOT_MEDICINES, PROBLEM, PROCEDURE
from organizer.core.intake.portal.stored import PORTAL_FIELD
from organizer.core.records import Person
from organizer.core.vault import Vault

_WORD = re.compile(r"[^\W\d_]{3,}")


@dataclass(frozen=True)
class ListedFact:
    """One allergy, problem or procedure, with the record it came from."""

    kind: str
    name: str
    detail: str
    date: str
    source: str
    document_id: str


@dataclass(frozen=True)
class ClinicalLists:
    """What the person's portal records code, read-only: allergies, and a timeline of the rest."""

    allergies: tuple[ListedFact, ...] = ()
    problems: tuple[ListedFact, ...] = ()
    procedures: tuple[ListedFact, ...] = ()

    @property
    def empty(self) -> bool:
        return not (self.allergies or self.problems or self.procedures)


@dataclass(frozen=True)
class OfferedMedicine:
    """A medicine found in imported records, ready for the medicine list."""

    medication: Medication
    already_listed: bool


def _portal_records(vault: Vault, person: Person,
                    document_ids: Iterable[str] | None = None) -> list[tuple[str, dict[str, Any]]]:
    wanted = set(document_ids) if document_ids is not None else None
    found = [(doc_id, f) for doc_id, f in vault.state.all(DOCUMENT).items()
             if f.get("person") == person.id and isinstance(f.get(PORTAL_FIELD), dict)
             and (wanted is None or doc_id in wanted)]
    return sorted(found, key=lambda item: (str(item[1].get("added", "")), item[0]))


def clinical_facts(vault: Vault, person: Person) -> ClinicalLists:
    """Allergies (by name) and problems and procedures (oldest first, undated last), deduplicated."""
    seen: dict[tuple[str, str, str], ListedFact] = {}
    for doc_id, fields in _portal_records(vault, person):
        for raw in fields[PORTAL_FIELD].get("facts") or []:
            if not isinstance(raw, dict) or not raw.get("name"):
                continue
            fact = ListedFact(str(raw.get("kind", "")), str(raw["name"]), str(raw.get("detail", "")),
                              str(raw.get("date", "")), str(raw.get("source", "")), doc_id)
            seen.setdefault((fact.kind, fact.name.casefold(), fact.date), fact)
    facts = list(seen.values())

    def timeline(kind: str) -> tuple[ListedFact, ...]:
        return tuple(sorted((f for f in facts if f.kind == kind), key=lambda f: (not f.date, f.date)))

    allergies = tuple(sorted((f for f in facts if f.kind == ALLERGY), key=lambda f: f.name.casefold()))
    return ClinicalLists(allergies, timeline(PROBLEM), timeline(PROCEDURE))


def found_medicines(vault: Vault, person: Person,
                    document_ids: Iterable[str] | None = None) -> list[OfferedMedicine]:
    """Medicines the given records code (all portal records if None), one per drug; entries
    saying a drug is not taken ("No known medications") are not offered."""
    by_drug: dict[str, Medication] = {}
    for doc_id, fields in _portal_records(vault, person, document_ids):
        for raw in fields[PORTAL_FIELD].get("medicines") or []:
            if isinstance(raw, dict) and str(raw.get("drug", "")).strip() \
                    and raw.get("status") not in NOT_MEDICINES:
                medicine = _as_medication(raw, doc_id)
                by_drug.setdefault(" ".join(medicine.drug.casefold().split()), medicine)
    listed = {_drug_key(m.drug) for m in medications(vault, person)}
    return [OfferedMedicine(m, _drug_key(m.drug) in listed) for m in by_drug.values()]


def add_found_medicines(vault: Vault, person: Person, chosen: Sequence[Medication]) -> int:
    """Add the chosen medicines to the person's list in one step (one undo); returns how many."""
    if not chosen:
        return 0
    position = next_position(vault, MEDICATION, person.id)
    changes = [new_item(MEDICATION, person.id, _values(m), position + n) for n, m in enumerate(chosen)]
    if len(chosen) == 1:
        record_edit(vault, person.id, N_("Add a medicine from imported records"), changes)
    else:
        record_edit(vault, person.id, N_("Add {count} medicines from imported records"), changes,
                    count=str(len(chosen)))
    return len(changes)


def _values(medicine: Medication) -> dict[str, str]:
    return {name: getattr(medicine, name) for name in (
        "drug", "dose", "route", "schedule", "start", "stop", "prescriber", "notes", "document_id")}


def _as_medication(raw: dict[str, Any], document_id: str) -> Medication:
    """A found medicine in the list's shape; dates it cannot hold go into the notes."""
    text = {name: " ".join(str(raw.get(name) or "").split())[:300] for name in (
        "drug", "dose", "route", "schedule", "start", "stop", "prescriber", "source")}
    start, stop = _full_date(text["start"]), _full_date(text["stop"])
    if start and stop and stop < start:
        stop = ""
    unplaced = [f"{label} {text[name]}" for name, label, kept in (
        ("start", "started", start), ("stop", "stopped", stop)) if text[name] and not kept]
    notes = "; ".join([f"from: {text['source']}" if text["source"] else "from an imported record",
                       *unplaced])
    medication = Medication(text["drug"], text["dose"], text["route"], text["schedule"], start,
                            stop, text["prescriber"], notes, document_id)
    return medication


def _full_date(text: str) -> str:
    try:
        return date.fromisoformat(text).isoformat()
    except ValueError:
        return ""


def _drug_key(name: str) -> str:
    """The drug's first real word, so "Tamoxifen 20 mg tablet" matches "tamoxifen"."""
    word = _WORD.search(name.casefold())
    return word.group(0) if word else name.casefold().strip()
