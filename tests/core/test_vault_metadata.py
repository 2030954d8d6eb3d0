"""The metadata journal: durable changes, newest-wins merging, and damage that stays local."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from organizer.core.vault import Change, Vault
from organizer.core.vault.journal import Entry, MetadataState, build_state, entry_files
from organizer.core.vault.verify import DAMAGED, verify
from tests.conftest import PASSPHRASE


def test_recorded_changes_survive_closing_and_reopening(vault: Vault) -> None:
    vault.record([Change("person", "p1", {"name": "Zoë Nguyễn", "dob": "1970-01-02"})])
    vault.record([Change("person", "p1", {"dob": "1970-01-03"})])
    folder = vault.folder
    vault.close()
    with Vault.unlock(folder, PASSPHRASE) as reopened:
        assert reopened.state.get("person", "p1") == {"name": "Zoë Nguyễn", "dob": "1970-01-03"}


def test_a_deleted_entity_disappears_but_others_stay(vault: Vault) -> None:
    vault.record([Change("note", "a", {"text": "one"}), Change("note", "b", {"text": "two"})])
    vault.record([Change("note", "a", {"deleted": True})])
    assert list(vault.state.all("note")) == ["b"]
    assert vault.state.get("note", "a") is None


def test_metadata_is_not_readable_in_the_journal_files(vault: Vault) -> None:
    vault.record([Change("person", "p1", {"name": "Hieronymus Plaintext"})])
    for path in entry_files(vault.folder / "journal"):
        assert b"Hieronymus" not in path.read_bytes()


def test_every_single_byte_flip_in_a_journal_entry_costs_only_that_change(vault: Vault) -> None:
    vault.record([Change("person", "keep", {"name": "Kept"})])
    before = set(entry_files(vault.folder / "journal"))
    vault.record([Change("person", "flip", {"name": "Flipped"})])
    [target] = set(entry_files(vault.folder / "journal")) - before
    original = target.read_bytes()
    for position in range(len(original)):
        damaged = bytearray(original)
        damaged[position] ^= 0xA5
        target.write_bytes(bytes(damaged))
        vault.refresh()
        assert vault.state.get("person", "keep") == {"name": "Kept"}
        assert vault.state.get("person", "flip") is None
        assert [d.path for d in vault.damaged_entries] == [target]
    target.write_bytes(original)
    report = verify(vault)
    assert report.ok


def test_verify_names_a_damaged_change(vault: Vault) -> None:
    vault.record([Change("person", "p", {"name": "A"})])
    target = entry_files(vault.folder / "journal")[0]
    target.write_bytes(target.read_bytes()[:-3])
    problems = verify(vault).problems
    assert [(p.severity, p.path) for p in problems] == [(DAMAGED, f"journal/{target.name}")]


def test_a_journal_entry_from_another_vault_is_ignored_and_reported(
    vault: Vault, tmp_path: Path
) -> None:
    other, _ = Vault.create(tmp_path / "other", PASSPHRASE)
    with other:
        other.record([Change("person", "x", {"name": "Stranger"})])
        foreign = entry_files(other.folder / "journal")[0]
    (vault.folder / "journal" / foreign.name).write_bytes(foreign.read_bytes())
    vault.refresh()
    assert vault.state.get("person", "x") is None
    assert len(vault.damaged_entries) == 1


def _entry(ms: int, entry_id: str, **fields: object) -> Entry:
    return Entry(entry_id, (ms, 0, entry_id), (Change("item", "1", fields),))


@settings(max_examples=60, deadline=None)
@given(st.permutations(range(6)))
def test_merging_gives_the_same_state_in_any_order(order: list[int]) -> None:
    entries = [_entry(1000 + i % 3, f"{i:032x}", value=i, other=-i) for i in range(6)]
    expected, _ = build_state(entries)
    shuffled, _ = build_state([entries[i] for i in order])
    assert shuffled.all("item") == expected.all("item")


def test_the_newest_edit_of_a_field_wins_and_other_fields_are_kept() -> None:
    state = MetadataState()
    state.apply(_entry(2000, "b" * 32, title="new"))
    state.apply(_entry(1000, "a" * 32, title="old", notes="from the old edit"))
    assert state.get("item", "1") == {"title": "new", "notes": "from the old edit"}


def test_stamps_keep_growing_when_the_clock_goes_backwards(
    vault: Vault, monkeypatch: pytest.MonkeyPatch
) -> None:
    vault.record([Change("item", "1", {"v": "first"})])
    monkeypatch.setattr("time.time", lambda: 1.0)  # the computer's clock jumped back to 1970
    vault.record([Change("item", "1", {"v": "second"})])
    vault.refresh()
    assert vault.state.get("item", "1") == {"v": "second"}
