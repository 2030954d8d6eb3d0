"""One document schema: every reader and the importer go through DocumentRecord, and it round-trips."""

from __future__ import annotations

import io
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from organizer.core import catalog
from organizer.core.case.case_documents import person_documents
from organizer.core.document_record import NOT_FOR_PACKET, DocumentRecord, record_type
from organizer.core.intake.importer import ImportOptions, import_files
from organizer.core.record_row import person_records
from organizer.core.records import RecordType
from organizer.core.vault import Change, Vault
from tests.samples import PATHOLOGY_LINES, text_pdf

_text = st.text(max_size=20)
_types = st.none() | st.sampled_from(list(RecordType))


@given(st.builds(
    DocumentRecord, id=st.text(min_size=1, max_size=8), filename=_text, file=st.text(min_size=1),
    readable_file=_text, size=st.integers(0, 10**9), pages=st.integers(0, 5000), type=_types,
    type_by=_text, confidence=st.floats(0, 1), evidence=st.lists(_text).map(tuple),
    guesses=st.lists(st.tuples(st.sampled_from(list(RecordType)), st.floats(0, 1))).map(tuple),
    scanned=st.booleans(), pdf_password=st.none() | st.text(min_size=1), title=_text,
    rotation=st.sampled_from([0, 90, 180, 270]), not_for_packet=st.booleans(),
    page_turns=st.dictionaries(st.integers(0, 500), st.sampled_from([90, 180, 270]))
    .map(lambda turns: tuple(sorted(turns.items()))), page_turns_off=st.booleans(),
    person_id=_text, record_date=_text,
))
def test_a_record_written_and_read_back_is_the_same_record(record: DocumentRecord) -> None:
    assert DocumentRecord.from_fields(record.id, record.to_fields()) == record


def test_missing_or_odd_fields_read_as_their_defaults() -> None:
    record = DocumentRecord.from_fields("abc", {"type": "not-a-type", "pages": None, "rotation": "x",
                                                "guesses": [["lab", 0.5], ["nonsense", 1], 3]})
    assert record == DocumentRecord("abc", file="abc", guesses=((RecordType.LAB, 0.5),))
    assert record_type("pathology") is RecordType.PATHOLOGY and record_type(None) is None


def test_fields_the_schema_does_not_type_are_kept_as_they_are() -> None:
    raw = {"filename": "a.pdf", "portal": {"medicines": [], "facts": []}, "text_file": "t"}
    record = DocumentRecord.from_fields("d1", raw)
    assert record.other == {"portal": {"medicines": [], "facts": []}}
    assert record.to_fields()["portal"] == raw["portal"] and record.text_file == "t"


def test_the_old_excluded_alias_is_not_read(vault: Vault) -> None:
    """No version of the app ever wrote "excluded" (git history has readers only), so it is gone:
    only not_for_packet leaves a document out of the packet."""
    person = catalog.add_person(vault, "Jane Q. Doe", "1962-03-14")
    vault.record([Change(catalog.DOCUMENT, "d1", {"person": person.id, "excluded": True}),
                  Change(catalog.DOCUMENT, "d2", {"person": person.id, NOT_FOR_PACKET: True})])
    left_out = {d.id: d.not_for_packet for d in person_documents(vault, person)}
    assert left_out == {"d1": False, "d2": True}
    assert {r.id: r.left_out for r in person_records(vault, person)} == left_out


def test_an_import_writes_fields_every_reader_agrees_on(vault: Vault, tmp_path: Path) -> None:
    person = catalog.add_person(vault, "Jane Q. Doe", "1962-03-14")
    source = tmp_path / "path.pdf"
    source.write_bytes(text_pdf(PATHOLOGY_LINES))
    options = ImportOptions(person, record_type=RecordType.PATHOLOGY)
    [doc_id] = import_files(vault, [source], options).imported_ids
    stored = vault.state.get(catalog.DOCUMENT, doc_id) or {}
    record = DocumentRecord.from_fields(doc_id, stored)
    assert record.to_fields() == stored  # the importer wrote exactly the schema's fields
    assert (record.type, record.type_by, record.person_id) == (RecordType.PATHOLOGY, "user", person.id)
    [case_doc] = person_documents(vault, person)
    [row] = person_records(vault, person)
    assert case_doc == record == catalog.get_document(vault, doc_id)
    assert (row.type, row.preview_file, row.pages) == (record.type, record.shown_file, record.pages)


def test_export_and_preview_hand_on_the_same_file(vault: Vault, tmp_path: Path) -> None:
    """The "readable copy, else the original" rule is one rule for the CLI's export and the preview."""
    person = catalog.add_person(vault, "Jane Q. Doe", "1962-03-14")
    original = vault.store_file(io.BytesIO(b"%PDF-original"))
    readable = vault.store_file(io.BytesIO(b"%PDF-readable"))
    vault.record([Vault.file_change(original), Vault.file_change(readable),
                  Change(catalog.DOCUMENT, "d1", {"person": person.id, "file": original.id,
                                                  "readable_file": readable.id, "kind": "pdf"}),
                  Change(catalog.DOCUMENT, "d2", {"person": person.id, "file": original.id,
                                                  "readable_file": readable.id, "kind": "portal"})])
    rows = {r.id: r for r in person_records(vault, person)}
    out = tmp_path / "copy.pdf"
    catalog.save_document_copy(vault, "d1", out)
    assert out.read_bytes() == vault.read_file(rows["d1"].preview_file) == b"%PDF-readable"
    catalog.save_document_copy(vault, "d2", out)  # a portal download is saved as it came
    assert out.read_bytes() == b"%PDF-original"
    catalog.save_document_copy(vault, "d2", out, readable=True)
    assert out.read_bytes() == vault.read_file(rows["d2"].preview_file)
