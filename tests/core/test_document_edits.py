"""Record edits are case edits: each says what it changed, and the journal's undo takes it back."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from organizer.cli import main
from organizer.core import catalog
from organizer.core.case.undo import EDIT, last_edit, undo_last
from organizer.core.document_edits import change_details, change_rotation, change_type
from organizer.core.records import RecordType
from organizer.core.vault import Change, KdfParams, Vault
from tests.conftest import PASSPHRASE
from tests.samples import PATHOLOGY_LINES, text_pdf


def _document(vault: Vault) -> tuple[str, str]:
    person = catalog.add_person(vault, "Jane Q. Doe", "1962-03-14")
    vault.record([Change(catalog.DOCUMENT, "d1", {"person": person.id, "filename": "a.pdf",
                                                  "type": None, "type_by": "rules"})])
    return person.id, "d1"


def test_a_type_change_says_what_it_touched_and_undo_puts_the_guess_back(vault: Vault) -> None:
    person_id, doc_id = _document(vault)
    changed = change_type(vault, doc_id, RecordType.LAB)
    assert changed.ids(catalog.DOCUMENT) == {doc_id} and "Lab results" in changed.label
    assert catalog.get_document(vault, doc_id).type is RecordType.LAB
    edits_before = len(vault.state.all(EDIT))
    undone = undo_last(vault, person_id)
    assert undone is not None and undone.changed.ids(catalog.DOCUMENT) == {doc_id}
    record = catalog.get_document(vault, doc_id)
    assert (record.type, record.type_by) == (None, "rules")
    assert len(vault.state.all(EDIT)) == edits_before  # undoing is not itself a new edit
    assert last_edit(vault, person_id) is None


def test_turns_and_details_are_undone_newest_first(vault: Vault) -> None:
    person_id, doc_id = _document(vault)
    change_rotation(vault, doc_id, 1)
    change_details(vault, catalog.find_person(vault, None), doc_id, {"title": "Biopsy"})
    undo_last(vault, person_id)
    assert (catalog.get_document(vault, doc_id).title, catalog.get_document(vault, doc_id).rotation) \
        == ("", 90)
    undo_last(vault, person_id)
    assert catalog.get_document(vault, doc_id).rotation == 0


def test_a_type_chosen_with_organizer_tag_is_taken_back_by_organizer_undo(
        tmp_path: Path, fast_kdf: KdfParams, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("ORGANIZER_PASSPHRASE", PASSPHRASE)
    folder = tmp_path / "vault"
    assert main(["init", str(folder), "--name", "Jane Doe", "--dob", "1962-03-14"]) == 0
    source = tmp_path / "path.pdf"
    source.write_bytes(text_pdf([PATHOLOGY_LINES]))
    assert main(["import", str(folder), str(source), "--type", "pathology"]) == 0
    capsys.readouterr()
    assert main(["list", str(folder), "--json"]) == 0
    [doc] = json.loads(capsys.readouterr().out)["documents"]
    assert main(["tag", str(folder), doc["id"], "lab"]) == 0
    assert main(["undo", str(folder)]) == 0
    assert "Undone: File a record as Lab results." in capsys.readouterr().out
    assert main(["list", str(folder), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["documents"][0]["type"] == "pathology"
