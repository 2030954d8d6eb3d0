"""A document's journal fields as one typed record: every field, its default, read and written here."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields
from typing import Any

from organizer.core.page_rotation import PageTurns
from organizer.core.records import RecordType

NOT_FOR_PACKET = "not_for_packet"  # the user chose to leave the document out of packets
PORTAL_KIND = "portal"  # `kind` of a document imported from a patient-portal download


def record_type(value: Any) -> RecordType | None:
    """The record type a stored value names, or None (not decided yet, or a name we don't know)."""
    return RecordType(str(value)) if value in RecordType._value2member_map_ else None


def page_rotation(value: Any) -> int:
    """The turn the user gave the pages, in degrees clockwise: 0, 90, 180 or 270."""
    try:
        return int(value or 0) % 360 // 90 * 90
    except (TypeError, ValueError):
        return 0


def page_turns(value: Any) -> PageTurns:
    """The pages text recognition turned on their own, as stored ({"1": 90, "2": 180}: page index
    from 0, degrees clockwise), sorted; a damaged entry counts as no turn and is dropped."""
    if not isinstance(value, Mapping):
        return ()
    found: dict[int, int] = {}
    for key, turn in value.items():
        try:
            index = int(key)
        except (TypeError, ValueError):
            continue
        degrees = page_rotation(turn) if not isinstance(turn, bool) else 0
        if 0 <= index < 100_000 and degrees:
            found[index] = degrees
    return tuple(sorted(found.items()))


def stored_page_turns(turns: PageTurns) -> dict[str, int]:
    """The page turns as stored in the journal (JSON object keys are text)."""
    return {str(index): turn for index, turn in turns}


def shown_file(file: str, readable_file: str, kind: str = "") -> str:
    """The stored file to show or hand on: the readable copy (repaired, decrypted, converted)
    when there is one, else the original; "" for a portal download whose readable PDF is not
    written yet (its original is XML or JSON: shown_pdf.shown_pdf writes the PDF)."""
    return readable_file or ("" if kind == PORTAL_KIND else file)


def shown_page_turns(page_turns: PageTurns, off: bool) -> PageTurns:
    """The pages' own turns as shown and handed on: none when the user switched them off."""
    return () if off else page_turns


def shown_password(readable_file: str, pdf_password: str | None) -> str | None:
    """The PDF password is needed only when the shown file is a protected original."""
    return None if readable_file else pdf_password


def _guesses(raw: Any) -> tuple[tuple[RecordType, float], ...]:
    found: list[tuple[RecordType, float]] = []
    for item in raw or ():
        if isinstance(item, (list, tuple)) and len(item) == 2 and record_type(item[0]):
            found.append((RecordType(str(item[0])), float(item[1] or 0.0)))
    return tuple(found)


def _text(value: Any) -> str:
    return str(value or "")


def _texts(value: Any) -> tuple[str, ...]:
    return tuple(str(v) for v in value or ())


def _count(value: Any) -> int:
    return int(value or 0)


def _fraction(value: Any) -> float:
    return float(value or 0.0)


def _password(value: Any) -> str | None:
    return str(value) if value else None


_READ: dict[str, Callable[[Any], Any]] = {  # how a stored value is read; else as text
    "type": record_type, "guesses": _guesses, "rotation": page_rotation, "page_turns": page_turns,
    "pdf_password": _password, "evidence": _texts, "warnings": _texts,
    "size": _count, "pages": _count, "confidence": _fraction,
    "scanned": bool, "repaired": bool, "encrypted": bool, NOT_FOR_PACKET: bool,
    "ocr": bool, "ocr_checked": bool, "page_turns_off": bool,
}


@dataclass(frozen=True)
class DocumentRecord:
    """One stored document and everything the vault knows about it (each field has its default)."""

    id: str
    filename: str = ""
    file: str = ""  # the stored original ("" in records written before files had their own id)
    readable_file: str = ""  # a repaired / decrypted / converted copy, when one was made
    text_file: str = ""  # the stored pack holding the text read at import
    size: int = 0
    sha256: str = ""
    added: str = ""  # ISO timestamp
    person_id: str = ""  # whose record it is (journal field "person")
    kind: str = ""  # pdf, image, portal …
    pages: int = 0
    type: RecordType | None = None  # None while nobody (rules or user) has decided
    type_by: str = ""  # "user" or "rules"
    confidence: float = 0.0
    evidence: tuple[str, ...] = ()
    guesses: tuple[tuple[RecordType, float], ...] = ()
    pathology_version: str = ""  # preliminary / final / addendum, or ""
    scanned: bool = False
    ocr: bool = False  # its text was read from pictures of the pages (text recognition)
    ocr_checked: bool = False  # text recognition has looked at it (an old scan: not yet)
    repaired: bool = False
    encrypted: bool = False
    pdf_password: str | None = None
    record_date: str = ""  # as printed on the record (ISO), or ""
    patient_name: str = ""  # as printed on the record
    printed_dob: str = ""  # as printed on the record
    facility: str = ""
    specimen: str = ""
    procedure: str = ""
    warnings: tuple[str, ...] = ()
    title: str = ""
    notes: str = ""
    rotation: int = 0  # degrees clockwise the user turned every page (the stored bytes stay)
    page_turns: PageTurns = ()
    """The turn text recognition found each sideways or upside-down page needs (on top of
    `rotation`); pages not listed read upright. Set at import or by the background recognition."""
    page_turns_off: bool = False  # the user chose to see those pages as they were scanned
    not_for_packet: bool = False
    other: Mapping[str, Any] = field(default_factory=dict, compare=False)
    """Fields this schema does not type (a portal record's coded entries); kept as they are."""

    @classmethod
    def from_fields(cls, doc_id: str, raw: Mapping[str, Any]) -> DocumentRecord:
        """The record as read from the journal; missing or odd values become the defaults."""
        values: dict[str, Any] = {}
        for name, key in _KEYS.items():
            if key in raw:
                read: Callable[[Any], Any] = _READ.get(name, _text)
                values[name] = read(raw[key])
        if not values.get("file"):
            values["file"] = doc_id
        other = {k: v for k, v in raw.items() if k not in _STORED}
        return cls(id=doc_id, **values, other=other)

    def to_fields(self) -> dict[str, Any]:
        """The journal fields for this record (plain JSON values)."""
        out: dict[str, Any] = {key: getattr(self, name) for name, key in _KEYS.items()}
        out["type"] = self.type.value if self.type else None
        out["guesses"] = [[t.value, c] for t, c in self.guesses]
        out["evidence"], out["warnings"] = list(self.evidence), list(self.warnings)
        out["page_turns"] = stored_page_turns(self.page_turns)
        return {**out, **self.other}

    @property
    def shown_file(self) -> str:
        return shown_file(self.file, self.readable_file, self.kind)

    @property
    def shown_page_turns(self) -> PageTurns:
        return shown_page_turns(self.page_turns, self.page_turns_off)

    @property
    def shown_password(self) -> str | None:
        return shown_password(self.readable_file, self.pdf_password)

    def export_file(self, *, readable: bool = False) -> str:
        """The stored file `export` saves: a portal download byte for byte unless `readable`,
        else the file shown."""
        return self.file if self.kind == PORTAL_KIND and not readable else self.shown_file

    @property
    def sort_key(self) -> tuple[str, str, str]:
        """Oldest first: by the date on the record, else by when it was added."""
        return (self.record_date or self.added[:10], self.added, self.id)


_KEYS = {f.name: "person" if f.name == "person_id" else f.name
         for f in fields(DocumentRecord) if f.name not in ("id", "other")}
"""Each typed field and the journal field it is stored under."""
_STORED = frozenset(_KEYS.values())
