"""Two copies of one vault edited apart, then synced file by file like Syncthing or Dropbox do."""

from __future__ import annotations

import io
import shutil
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from organizer.core.errors import DocumentNotFound, WrongPassphrase
from organizer.core.vault import Change, KdfParams, Vault
from organizer.core.vault.verify import verify

PASSPHRASE = "sync test passphrase"
NEW_PASSPHRASE = "the passphrase chosen on computer A"
SYNCTHING = ".sync-conflict-20261127-101010-ABCDEFG"
DROPBOX = " (Anna's conflicted copy 2026-11-27)"
KINDS = ("person", "document", "file")

Rename = Callable[[Path], Path]


def conflict_name(path: Path, style: str) -> Path:
    """`name.ext` as a sync tool names a conflict copy of it."""
    return path.with_name(f"{path.stem}{style}{path.suffix}")


def sync_into(source: Path, target: Path, rename: Rename | None = None) -> list[Path]:
    """Copy every file `target` lacks, one by one (relative paths); returns what was copied."""
    copied = []
    for path in sorted(source.rglob("*")):
        rel = path.relative_to(source)
        if path.is_file() and path.name != ".lock" and not (target / rel).exists():
            dest = target / (rename(rel) if rename else rel)
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, dest)
            copied.append(rel)
    return copied


def snapshot(vault: Vault) -> dict[str, dict[str, dict[str, object]]]:
    return {kind: vault.state.all(kind) for kind in KINDS}


def add_document(vault: Vault, content: bytes, name: str) -> str:
    stored = vault.store_file(io.BytesIO(content))
    vault.record([Change("document", stored.id, {"name": name}), vault.file_change(stored)])
    return stored.id


def on_computer(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, name: str) -> None:
    """From now on, play computer `name`: its own record of what each vault looked like."""
    folder = tmp_path / f"computer-{name}"
    folder.mkdir(exist_ok=True)
    monkeypatch.setenv("XDG_STATE_HOME", str(folder))


def later() -> None:
    """Let the clock move on, so that the next edit is the later one."""
    time.sleep(0.005)


@pytest.fixture
def copies(tmp_path: Path, fast_kdf: KdfParams) -> tuple[Path, Path, str]:
    """Copies A and B of one closed vault holding person p1 and one document."""
    base = tmp_path / "base"
    vault, _ = Vault.create(base, PASSPHRASE)
    with vault:
        vault.record([Change("person", "p1", {"name": "Anna", "note": "first", "dob": ""})])
        doc = add_document(vault, b"shared document " * 5000, "shared.pdf")
    a, b = tmp_path / "A", tmp_path / "B"
    shutil.copytree(base, a)
    shutil.copytree(base, b)
    return a, b, doc


def edit_apart(a: Path, b: Path) -> dict[str, str]:
    """Different new things on each side; `note` is edited on A then B, `dob` on B then A."""
    ids = {}
    with Vault.unlock(a, PASSPHRASE) as va:
        ids["doc_a"] = add_document(va, b"from A " * 20_000, "a.pdf")
        va.record([Change("person", "pa", {"name": "Added on A"})])
        va.record([Change("person", "p1", {"note": "A's edit"})])
    later()
    with Vault.unlock(b, PASSPHRASE) as vb:
        ids["doc_b"] = add_document(vb, b"from B " * 30, "b.pdf")
        vb.record([Change("person", "pb", {"name": "Added on B"})])
        vb.record([Change("person", "p1", {"note": "B's later edit", "dob": "1961-04-23"})])
    later()
    with Vault.unlock(a, PASSPHRASE) as va:
        va.record([Change("person", "p1", {"dob": "1961-04-24"})])
    return ids


def conflict_renamer() -> Rename:
    """Rename the first copied journal entry Syncthing-style, the second Dropbox-style."""
    styles = [SYNCTHING, DROPBOX]

    def rename(rel: Path) -> Path:
        return conflict_name(rel, styles.pop(0)) if rel.parts[0] == "journal" and styles else rel
    return rename


def test_both_copies_show_the_union_and_the_later_edit_of_a_field_wins(
    copies: tuple[Path, Path, str],
) -> None:
    a, b, shared_doc = copies
    ids = edit_apart(a, b)
    for folder in (a, b):  # a duplicate of an entry both already had, under a conflict name
        oldest = sorted((folder / "journal").iterdir())[0]  # names start with the time
        shutil.copy2(oldest, conflict_name(oldest, SYNCTHING))
    assert sync_into(a, b, conflict_renamer())
    assert sync_into(b, a, conflict_renamer())
    views = []
    for folder in (a, b):
        with Vault.unlock(folder, PASSPHRASE) as vault:
            assert vault.damaged_entries == []
            people = vault.state.all("person")
            assert set(people) == {"p1", "pa", "pb"}
            assert people["p1"] == {"name": "Anna", "note": "B's later edit", "dob": "1961-04-24"}
            assert vault.read_file(ids["doc_a"]) == b"from A " * 20_000
            assert vault.read_file(ids["doc_b"]) == b"from B " * 30
            assert vault.read_file(shared_doc) == b"shared document " * 5000
            assert set(vault.state.all("document")) == {shared_doc, ids["doc_a"], ids["doc_b"]}
            report = verify(vault)
            assert report.problems == ()
            assert report.checked_files == 3
            views.append(snapshot(vault))
    assert views[0] == views[1]


def test_syncing_twice_or_in_any_order_gives_the_same_result(copies: tuple[Path, Path, str]) -> None:
    a, b, _ = copies
    edit_apart(a, b)
    sync_into(b, a)
    sync_into(a, b)
    assert sync_into(a, b) == [] and sync_into(b, a) == []  # nothing left to copy either way
    views = []
    for folder in (a, b):
        with Vault.unlock(folder, PASSPHRASE) as vault:
            views.append(snapshot(vault))
    assert views[0] == views[1]


def test_an_entry_that_arrives_before_its_document_file_costs_only_that_document_until_it_comes(
    copies: tuple[Path, Path, str],
) -> None:
    a, b, shared_doc = copies
    with Vault.unlock(a, PASSPHRASE) as va:
        doc = add_document(va, b"late arrival " * 9000, "late.pdf")
    sync_into(a, b)
    late_file = b / "documents" / f"{doc}.sdoc"
    held_back = late_file.read_bytes()
    late_file.unlink()  # the journal entry has synced, the big file not yet
    with Vault.unlock(b, PASSPHRASE) as vb:
        assert vb.state.get("document", doc) == {"name": "late.pdf"}
        with pytest.raises(DocumentNotFound):
            vb.read_file(doc)
        assert vb.read_file(shared_doc) == b"shared document " * 5000
        late_file.write_bytes(held_back)  # and now it has arrived, while the vault is open
        vb.refresh()
        assert vb.read_file(doc) == b"late arrival " * 9000
        assert verify(vb).problems == ()


def test_a_conflict_copy_of_a_key_file_is_just_another_valid_slot(
    copies: tuple[Path, Path, str],
) -> None:
    a, _, shared_doc = copies
    keys = a / "keys"
    originals = sorted(keys.iterdir())
    for slot in originals:
        shutil.copy2(slot, conflict_name(slot, SYNCTHING))
        shutil.copy2(slot, conflict_name(slot, DROPBOX))
    with Vault.unlock(a, PASSPHRASE) as vault:
        report = verify(vault)
        assert report.problems == ()
        assert report.checked_keys == 3 * len(originals)
    for slot in originals:
        slot.unlink()  # only the conflict copies are left
    with Vault.unlock(a, PASSPHRASE) as vault:
        assert vault.read_file(shared_doc) == b"shared document " * 5000


@pytest.mark.parametrize("as_conflict_copy", [False, True])
def test_a_passphrase_changed_on_one_copy_opens_both_after_sync(
    copies: tuple[Path, Path, str], as_conflict_copy: bool
) -> None:
    a, b, shared_doc = copies
    old_slots = {p.name for p in (a / "keys").glob("passphrase-*")}
    with Vault.unlock(a, PASSPHRASE) as va:
        va.change_passphrase(NEW_PASSPHRASE)
    with Vault.unlock(b, PASSPHRASE) as vb:  # B, not yet synced, still has the old one
        vb.record([Change("person", "pb", {"name": "Added on B"})])
    rename = (lambda rel: conflict_name(rel, DROPBOX) if rel.parts[0] == "keys" else rel) \
        if as_conflict_copy else None
    for name in old_slots:  # the sync tool carries A's deletion of the old slot over to B ...
        (b / "keys" / name).unlink()
    sync_into(a, b, rename)  # ... and each side's new files to the other
    sync_into(b, a)
    for folder in (a, b):
        with pytest.raises(WrongPassphrase):
            Vault.unlock(folder, PASSPHRASE)
        with Vault.unlock(folder, NEW_PASSPHRASE) as vault:
            assert vault.read_file(shared_doc) == b"shared document " * 5000
            assert vault.state.get("person", "pb") == {"name": "Added on B"}
            assert verify(vault).problems == ()


def test_a_new_passphrase_reaches_a_copy_before_the_deletion_of_the_old_one(
    copies: tuple[Path, Path, str],
) -> None:
    a, b, _ = copies
    with Vault.unlock(a, PASSPHRASE) as va:
        va.change_passphrase(NEW_PASSPHRASE)
    sync_into(a, b)  # B now holds both slots for a while: either passphrase opens it
    for passphrase in (PASSPHRASE, NEW_PASSPHRASE):
        with Vault.unlock(b, passphrase) as vault:
            assert verify(vault).problems == ()


def test_a_file_the_sync_tool_is_still_downloading_is_not_reported_as_damage(
    copies: tuple[Path, Path, str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
) -> None:
    a, b, _ = copies
    on_computer(monkeypatch, tmp_path, "A")
    with Vault.unlock(a, PASSPHRASE) as va:
        va.record([Change("person", "pa", {"name": "Added on A"})])
    on_computer(monkeypatch, tmp_path, "B")
    (new,) = {p.name for p in (a / "journal").iterdir()} - {p.name for p in (b / "journal").iterdir()}
    raw = (a / "journal" / new).read_bytes()
    (b / "journal" / f".syncthing.{new}.tmp").write_bytes(raw[: len(raw) // 2])
    with Vault.unlock(b, PASSPHRASE) as vb:
        assert vb.damaged_entries == []
        assert verify(vb).problems == ()
