"""Changing a document's type, date, title, notes, page turns and packet choice: each a case edit
in the journal, so Undo (the Records page's Ctrl+Z or `organizer undo`) takes it back."""

from __future__ import annotations

from organizer.core import catalog
from organizer.core.case.case_documents import set_in_packet
from organizer.core.case.entities import parse_day
from organizer.core.case.undo import Changed, OurWords, record_edit
from organizer.core.catalog import DOCUMENT
from organizer.core.i18n import N_, _
from organizer.core.records import RECORD_TYPE_LABELS, Person, RecordType
from organizer.core.vault import Change, Vault

DETAIL_FIELDS = ("record_date", "title", "notes")


def check_record_date(text: str) -> str:
    """A date as stored (2024-03-12, 2024-04, 2024) or "" for no date; else a plain message."""
    return parse_day(text, _("record date"))


def change_type(vault: Vault, doc_id: str, record_type: RecordType) -> Changed:
    """The user's choice of type (it always wins over the rules' guess)."""
    document = catalog.get_document(vault, doc_id)
    return record_edit(vault, document.person_id, N_("File a record as {type}"),
                       [Change(DOCUMENT, document.id, {"type": record_type.value, "type_by": "user"})],
                       type=OurWords(RECORD_TYPE_LABELS[record_type]))


def change_details(vault: Vault, person: Person, doc_id: str, values: dict[str, str]) -> Changed:
    """Set the record date, title and/or notes (only the fields given)."""
    unknown = set(values) - set(DETAIL_FIELDS)
    if unknown:
        raise ValueError(f"not a detail field: {sorted(unknown)}")
    if "record_date" in values:
        values = {**values, "record_date": check_record_date(values["record_date"])}
    document = catalog.get_document(vault, doc_id)
    return record_edit(vault, person.id, N_("Change a record's details"),
                       [Change(DOCUMENT, document.id, values)])


def change_left_out(vault: Vault, person: Person, doc_id: str, left_out: bool) -> Changed:
    """Leave the document out of the packet, or put it back; the document itself stays."""
    return set_in_packet(vault, person, doc_id, included=not left_out)


def change_rotation(vault: Vault, doc_id: str, quarter_turns: int) -> Changed:
    """Turn every page by 90° steps (positive: clockwise); stored as a change in the journal, so
    the original file is never rewritten and the turn can be undone."""
    document = catalog.get_document(vault, doc_id)
    turned = (document.rotation + 90 * quarter_turns) % 360
    return record_edit(vault, document.person_id, N_("Turn a record's pages"),
                       [Change(DOCUMENT, document.id, {"rotation": turned})])


def change_page_turns(vault: Vault, doc_id: str, *, on: bool) -> Changed:
    """Show the pages text recognition turned upright (`on`), or as they were scanned; the turns
    found stay stored either way, and the record's own turn (`rotation`) is kept."""
    document = catalog.get_document(vault, doc_id)
    label = N_("Turn a record's pages upright") if on else N_("Show a record's pages as scanned")
    return record_edit(vault, document.person_id, label,
                       [Change(DOCUMENT, document.id, {"page_turns_off": not on})])
