"""Removed journal entries are noticed: by the links between entries, and by this computer's record."""

from __future__ import annotations

import json
import shutil
import time
from pathlib import Path

import pytest

from organizer.cli import main
from organizer.core.session import Session
from organizer.core.vault import Change, KdfParams, Vault, this_computer
from organizer.core.vault.notices import MISSING, ROLLBACK
from organizer.core.vault.verify import verify
from tests.conftest import FAST_KDF, PASSPHRASE
from tests.core.test_vault_sync import on_computer, sync_into

DATA = Path(__file__).resolve().parents[1] / "data"


def make_changes(folder: Path, count: int, start: int = 0) -> None:
    """`count` journal entries, each one edit (like marking a record 'left out')."""
    with Vault.unlock(folder, PASSPHRASE) as vault:
        for i in range(start, start + count):
            # Entry files are named by millisecond, then a random id: one change per millisecond
            # keeps their sorted names in the order they were written (tests delete "the newest").
            time.sleep(0.002)
            vault.record([Change("document", f"d{i % 7}", {"left_out": i % 2 == 0, "n": i})])


@pytest.fixture
def fifty(vault_folder: Path, fast_kdf: KdfParams) -> Path:
    """A closed vault with 50 changes, opened on this computer since its last change."""
    Vault.create(vault_folder, PASSPHRASE)[0].close()
    make_changes(vault_folder, 50)
    return vault_folder


def entries(folder: Path) -> list[Path]:
    return sorted((folder / "journal").glob("*.jrn"))


def entry_id(path: Path) -> str:
    return path.stem.split("-")[1]


def test_deleting_any_single_entry_of_fifty_changes_is_detected_every_time(fifty: Path) -> None:
    record = this_computer.records_folder()
    saved = {p: p.read_bytes() for p in record.iterdir()}
    files = entries(fifty)
    assert len(files) == 50
    for path in files:
        raw = path.read_bytes()
        path.unlink()
        with Vault.unlock(fifty, PASSPHRASE) as vault:
            named = {m.entry_id for m in vault.missing_entries} | set(vault.rolled_back)
            assert named == {entry_id(path)}, path.name
            assert vault.notices, path.name
            report = verify(vault)
            assert not report.ok and any(entry_id(path)[:8] in p.path + p.reason
                                         for p in report.problems)
        path.write_bytes(raw)
        for saved_path, content in saved.items():
            saved_path.write_bytes(content)
    with Vault.unlock(fifty, PASSPHRASE) as vault:
        assert vault.notices == [] and verify(vault).ok


def test_a_removed_entry_in_the_middle_is_named_by_the_links_alone(fifty: Path) -> None:
    victim = entries(fifty)[20]
    victim.unlink()
    shutil.rmtree(this_computer.records_folder())  # a computer that never saw this vault
    with Vault.unlock(fifty, PASSPHRASE) as vault:
        [missing] = vault.missing_entries
        assert missing.entry_id == entry_id(victim)
        assert [n.kind for n in vault.notices] == [MISSING]
        assert vault.rolled_back == []


def test_removing_the_newest_entries_is_warned_about_on_open(fifty: Path) -> None:
    for path in entries(fifty)[-3:]:
        path.unlink()
    with Vault.unlock(fifty, PASSPHRASE) as vault:
        assert [n.kind for n in vault.notices] == [ROLLBACK]
        assert "older than the last time it was opened on this computer" in vault.notices[0].message
        assert vault.state.get("document", "d0") is not None  # the rest opens as it is
        assert not verify(vault).ok
        vault.record([Change("person", "p", {"name": "still writable"})])
    with Vault.unlock(fifty, PASSPHRASE) as vault:
        assert vault.notices == []  # told once; the record now holds what is here


def test_replacing_the_folder_with_an_older_copy_is_warned_about(fifty: Path, tmp_path: Path) -> None:
    older = tmp_path / "older copy"
    shutil.copytree(fifty, older)
    make_changes(fifty, 2, start=50)
    shutil.rmtree(fifty)
    shutil.copytree(older, fifty)
    with Vault.unlock(fifty, PASSPHRASE) as vault:
        assert [n.kind for n in vault.notices] == [ROLLBACK]
        assert len(vault.rolled_back) == 1 and vault.missing_entries == []


def test_a_new_computer_cannot_tell_an_older_copy_a_documented_limit(
    fifty: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = set(entries(fifty))
    time.sleep(0.01)  # entries are named by millisecond: the two newest must sort after the rest
    make_changes(fifty, 2, start=50)
    for path in set(entries(fifty)) - before:  # the two newest, whatever their random ids
        path.unlink()
    on_computer(monkeypatch, tmp_path, "new")
    with Vault.unlock(fifty, PASSPHRASE) as vault:
        assert vault.notices == []


def test_two_computers_writing_at_once_then_syncing_is_not_flagged(
    fifty: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    a, b = tmp_path / "A", tmp_path / "B"
    shutil.copytree(fifty, a)
    shutil.copytree(fifty, b)
    for round_number in range(3):
        on_computer(monkeypatch, tmp_path, "A")
        make_changes(a, 4, start=100 + 10 * round_number)
        on_computer(monkeypatch, tmp_path, "B")
        make_changes(b, 3, start=200 + 10 * round_number)
        sync_into(a, b)
        sync_into(b, a)
        for name, folder in (("A", a), ("B", b)):
            on_computer(monkeypatch, tmp_path, name)
            with Vault.unlock(folder, PASSPHRASE) as vault:
                assert vault.notices == [] and verify(vault).ok, (round_number, name)
                assert len(vault._heads) == 2  # both sides' newest entries, named by the next


def test_a_partial_sync_says_it_may_still_be_syncing(
    fifty: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    a = tmp_path / "A"
    shutil.copytree(fifty, a)
    on_computer(monkeypatch, tmp_path, "A")
    make_changes(a, 3, start=100)
    on_computer(monkeypatch, tmp_path, "B")
    sync_into(a, fifty, rename=None)
    entries(fifty)[-2].unlink()  # the middle one of A's three has not arrived yet
    with Vault.unlock(fifty, PASSPHRASE) as vault:
        assert "wait for syncing to finish" in vault.notices[0].message


def test_entries_from_before_links_are_trusted_as_a_baseline(tmp_path: Path) -> None:
    folder = tmp_path / "fixed"
    shutil.copytree(DATA / "fixed-vault-v1", folder)
    passphrase = (DATA / "fixed-vault-v1.passphrase").read_text().strip()
    old = entries(folder)
    with Vault.unlock(folder, passphrase) as vault:
        assert vault.notices == [] and verify(vault).ok
        assert json.loads((folder / "vault.json").read_text())["version"] == 2
    assert len(entries(folder)) == len(old) + 1  # one entry naming the old ones
    old[0].unlink()
    with Vault.unlock(folder, passphrase) as vault:
        assert [m.entry_id for m in vault.missing_entries] == [entry_id(old[0])]


def test_this_computers_record_holds_only_ids_and_a_forged_one_is_ignored(fifty: Path) -> None:
    [record] = this_computer.records_folder().iterdir()
    body = json.loads(record.read_text())
    assert set(body) == {"format", "vault_id", "seen", "mac"}
    assert all(len(i) == 32 for i in body["seen"])
    assert (record.stat().st_mode & 0o077) == 0
    body["seen"] = ["0" * 32]  # someone without the key cannot make up a record that passes
    record.write_text(json.dumps(body))
    with Vault.unlock(fifty, PASSPHRASE) as vault:
        assert vault.notices == []


def test_the_session_and_the_cli_tell_about_an_older_copy(
    fifty: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    keep = tmp_path / "keep"
    shutil.copytree(fifty, keep)
    entries(fifty)[-1].unlink()
    session = Session(kdf=FAST_KDF)
    session.unlock(fifty, PASSPHRASE)
    assert any("older than the last time" in n for n in session.notices())
    session.close()
    assert session.notices() == []
    shutil.rmtree(fifty)
    shutil.copytree(keep, fifty)  # back to the newest, then rolled back once more
    make_changes(fifty, 1, start=60)
    entries(fifty)[-1].unlink()
    pw = tmp_path / "pw"
    pw.write_text(PASSPHRASE)
    assert main(["list", str(fifty), "--passphrase-file", str(pw)]) == 0
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("organizer: warning: This vault is older")
    entries(fifty)[-1].unlink()
    assert main(["verify", str(fifty), "--passphrase-file", str(pw)]) == 1
    out = capsys.readouterr().out
    assert "MISSING" in out and "Everything is intact" not in out
