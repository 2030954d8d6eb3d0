"""A file already in the vault is named the way the person knows it: by its title, never by an id."""

from __future__ import annotations

from pathlib import Path

from organizer.core import catalog
from organizer.core.intake.importer import DUPLICATE, ImportOptions, import_files
from organizer.core.vault import Vault
from tests.samples import OPERATIVE_LINES, text_pdf


def test_a_duplicate_is_named_by_the_title_of_the_record_already_there(
        vault: Vault, tmp_path: Path) -> None:
    first, again = tmp_path / "doc_0002.pdf", tmp_path / "copy.pdf"
    first.write_bytes(text_pdf([OPERATIVE_LINES]))
    again.write_bytes(first.read_bytes())
    person = catalog.add_person(vault, "Jane Q Doe", "1962-03-14")
    import_files(vault, [first], ImportOptions(person))
    [stored] = catalog.documents(vault)
    [outcome] = import_files(vault, [again], ImportOptions(person)).outcomes
    assert outcome.status == DUPLICATE
    assert f"“{stored.title}”" in outcome.message and stored.id[:12] not in outcome.message


def test_a_duplicate_within_one_batch_is_named_by_the_file_it_copies(
        vault: Vault, tmp_path: Path) -> None:
    first, again = tmp_path / "a.pdf", tmp_path / "b.pdf"
    first.write_bytes(text_pdf([["Some letter", "Dear Doctor:"]]))
    again.write_bytes(first.read_bytes())
    person = catalog.add_person(vault, "Jane Q Doe", "1962-03-14")
    outcomes = import_files(vault, [first, again], ImportOptions(person)).outcomes
    [twin] = [o for o in outcomes if o.status == DUPLICATE]  # whichever was read second
    other = next(o for o in outcomes if o is not twin)
    assert f"“{Path(other.source).name}”" in twin.message and "document" not in twin.message
