"""What `organizer import` says about medicines found in patient-portal records (and adds them)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from organizer.core.case.clinical_lists import (
    OfferedMedicine,
    add_found_medicines,
    found_medicines,
)
from organizer.core.catalog import DOCUMENT
from organizer.core.intake.importer import IMPORTED, FileOutcome, ImportResult
from organizer.core.intake.portal.stored import PORTAL_FIELD
from organizer.core.records import Person
from organizer.core.vault import Vault


@dataclass
class FoundMedicines:
    """Medicines per imported file, and one line for people (empty when there were none)."""

    by_file: dict[str, list[OfferedMedicine]] = field(default_factory=dict)
    added: int = 0
    message: str = ""

    def for_outcome(self, outcome: FileOutcome) -> dict[str, Any]:
        offered = self.by_file.get(outcome.source)
        if offered is None:
            return {}
        return {"medicines": [_as_json(o) for o in offered]}


def portal_medicines(vault: Vault, person: Person, result: ImportResult, *,
                     add: bool) -> FoundMedicines:
    found = FoundMedicines()
    for outcome in result.outcomes:
        if outcome.status == IMPORTED:
            ids = outcome.records or (outcome.document_id,)
            if not any(_from_portal(vault, doc_id) for doc_id in ids):
                continue  # a PDF or photo: no coded medicines (skips a scan of every document)
            offered = found_medicines(vault, person, ids)
            if offered:
                found.by_file[outcome.source] = offered
    new = list({o.medication.drug.casefold(): o.medication for offered in found.by_file.values()
                for o in offered if not o.already_listed}.values())
    total = sum(len(o) for o in found.by_file.values())
    if add:
        found.added = add_found_medicines(vault, person, new)
        found.message = f"Added {found.added} medicine{'s' * (found.added != 1)} to the list." \
            if total else ""
    elif total:
        found.message = (f"Found {total} medicine{'s' * (total != 1)} in these records "
                         f"({len(new)} not on the list yet). Add them with --add-medicines.")
    return found


def _from_portal(vault: Vault, doc_id: str) -> bool:
    return isinstance((vault.state.get(DOCUMENT, doc_id) or {}).get(PORTAL_FIELD), dict)


def _as_json(offered: OfferedMedicine) -> dict[str, Any]:
    """The medicine as `import --json` shows it: its fields, the record it came from as "record"."""
    fields = asdict(offered.medication)
    del fields["id"]
    fields["record"] = fields.pop("document_id")
    return {**fields, "already_listed": offered.already_listed}
