"""What we read from a portal document: header facts, sections with their narrative, and entries."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Table:
    """A table from the narrative, kept as a table: header cells and rows of cells."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


Block = str | Table
"""A paragraph of text or a table."""


@dataclass(frozen=True)
class Section:
    """One titled part of the document and its human-readable content."""

    title: str
    blocks: tuple[Block, ...]
    level: int = 1
    new_page: bool = False
    """A FHIR report or note starts its own page."""


@dataclass(frozen=True)
class FoundMedicine:
    """One medicine entry as the document codes it."""

    drug: str
    dose: str = ""
    route: str = ""
    schedule: str = ""
    start: str = ""
    stop: str = ""
    prescriber: str = ""
    status: str = ""
    """As the record gives it (active, completed...); NOT_TAKEN when it says the drug is not taken."""
    source: str = ""
    """The title of the document it came from."""

    def as_json(self) -> dict[str, Any]:
        return dict(self.__dict__)  # the fields, in order (a frozen dataclass without slots)


NOT_TAKEN = "not-taken"
"""A medicine entry that says the drug is not taken (C-CDA negationInd, or no coded drug and
words saying there is none; FHIR not-taken, wasNotTaken, taken "n", doNotPerform), such as
"No known medications": found, and kept, but never offered for the medicine list."""
NOT_MEDICINES = frozenset({NOT_TAKEN, "entered-in-error"})
"""Statuses of medicine entries that are not medicines the person takes."""

_NONE_SAID = re.compile(r"^(no|none)\b|\bnot (documented|available|applicable|known|taking)\b"
                        r"|\bexcluded\b", re.IGNORECASE)


def says_none(name: str) -> bool:
    """The words of an entry say there is nothing ("No known allergies", "No procedure data is
    applicable", "Medication excluded/not available") rather than name something."""
    return bool(_NONE_SAID.search(name))


ALLERGY, PROBLEM, PROCEDURE = "allergy", "problem", "procedure"


@dataclass(frozen=True)
class ClinicalFact:
    """An allergy, problem/diagnosis or procedure the document codes, with its date and source."""

    kind: str
    name: str
    detail: str = ""
    """Reaction for allergies, status for problems."""
    date: str = ""
    source: str = ""

    def as_json(self) -> dict[str, Any]:
        return dict(self.__dict__)  # the fields, in order (a frozen dataclass without slots)


@dataclass(frozen=True)
class Attachment:
    """A PDF carried inside a portal file (FHIR attachment, CDA non-XML body)."""

    name: str
    data: bytes


@dataclass(frozen=True)
class PortalDocument:
    """One readable document from a portal download."""

    title: str
    code: str = ""
    """The document's LOINC code (C-CDA) or the main resource's code (FHIR)."""
    code_name: str = ""
    patient: str = ""
    birth_date: str = ""
    """ISO date, or "" when the document gives no full date."""
    author: str = ""
    custodian: str = ""
    facility: str = ""
    date: str = ""
    sections: tuple[Section, ...] = ()
    medicines: tuple[FoundMedicine, ...] = ()
    facts: tuple[ClinicalFact, ...] = ()
    attachments: tuple[Attachment, ...] = ()
    notes: tuple[str, ...] = field(default=())

    @property
    def text(self) -> str:
        """All the narrative as plain text (for the classifier and, later, search)."""
        lines = [self.title]
        for section in self.sections:
            lines.append(section.title)
            for block in section.blocks:
                if isinstance(block, Table):
                    lines.append(" | ".join(block.header))
                    lines += map(" | ".join, block.rows)  # thousands of rows in a long summary
                else:
                    lines.append(block)
        return "\n".join(filter(None, lines))


@dataclass(frozen=True)
class PortalFindings:
    """What an imported portal document adds beyond its pages: its title and coded entries."""

    title: str
    medicines: tuple[FoundMedicine, ...] = ()
    facts: tuple[ClinicalFact, ...] = ()


@dataclass(frozen=True)
class ReadableCopy:
    """The readable PDF of a stored portal document, written when it is first needed."""

    pdf: bytes
    pages: int
