"""Change the passphrase and re-key: old passphrases, recovery keys and slot files stop working.

Crash safety: a failure injected at every write or delete of the re-key, and SIGKILLs at random
moments in a child process; after each, the next open finishes (or cleanly undoes) the re-key
and nothing is lost.
"""

from __future__ import annotations

import io
import os
import pathlib
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from organizer.cli import main
from organizer.core.errors import ForeignKeyFile, WrongPassphrase
from organizer.core.vault import Change, KdfParams, Vault, rekey
from organizer.core.vault.notices import REKEY_FINISHED
from organizer.core.vault.verify import verify
from tests.conftest import FAST_KDF, PASSPHRASE

NEW = "a new passphrase after a leak"
KILLS = int(os.environ.get("ORGANIZER_REKEY_KILLS", "4"))


def make_vault(folder: Path) -> tuple[str, dict[str, bytes]]:
    """A closed vault with a person and documents (one over several chunks); its recovery key."""
    vault, recovery = Vault.create(folder, PASSPHRASE, kdf=FAST_KDF)
    contents = {}
    with vault:
        vault.record([Change("person", "p1", {"name": "Ana"})])
        for n, size in enumerate((0, 10, 70_000, 200_001)):
            data = os.urandom(size)
            stored = vault.store_file(io.BytesIO(data))
            vault.record([vault.file_change(stored), Change("document", stored.id, {"n": n})])
            contents[stored.id] = data
    return recovery.text, contents


def snapshot(vault: Vault) -> dict[str, object]:
    return {kind: vault.state.all(kind) for kind in ("person", "document", "file")}


def check_intact(vault: Vault, contents: dict[str, bytes]) -> None:
    for file_id, data in contents.items():
        assert vault.read_file(file_id) == data
    assert verify(vault).ok
    assert not (vault.folder / rekey.PENDING_NAME).exists()


def test_rekey_stops_the_old_passphrase_recovery_key_and_slot_files(
    vault_folder: Path, fast_kdf: KdfParams
) -> None:
    old_recovery, contents = make_vault(vault_folder)
    old_slots = {p.name: p.read_bytes() for p in (vault_folder / "keys").iterdir()}
    with Vault.unlock(vault_folder, PASSPHRASE) as vault:
        before = snapshot(vault)
        new_recovery = vault.rekey(NEW)
        check_intact(vault, contents)
    for name, raw in old_slots.items():  # put every old key file back
        (vault_folder / "keys" / name).write_bytes(raw)
    with pytest.raises(ForeignKeyFile, match="before this vault's keys were changed"):
        Vault.unlock(vault_folder, PASSPHRASE)
    with pytest.raises(ForeignKeyFile):
        Vault.recover(vault_folder, old_recovery)
    with Vault.unlock(vault_folder, NEW) as vault:
        assert snapshot(vault) == before and vault.notices == []
        check_intact(vault, contents)
    Vault.recover(vault_folder, new_recovery).close()


class Injected(OSError):
    pass


def run_with_failure_at(folder: Path, step: int | None, monkeypatch: pytest.MonkeyPatch) -> int:
    """Re-key, failing at the `step`-th file replace or delete; returns how many there were."""
    count = 0
    real_replace, real_unlink = os.replace, pathlib.Path.unlink

    def counted(real):  # type: ignore[no-untyped-def]
        def wrapper(*args, **kwargs):  # type: ignore[no-untyped-def]
            nonlocal count
            count += 1
            if count == step:
                raise Injected("injected failure")
            return real(*args, **kwargs)
        return wrapper

    vault = Vault.unlock(folder, PASSPHRASE)
    with monkeypatch.context() as patch:
        patch.setattr(os, "replace", counted(real_replace))
        patch.setattr(pathlib.Path, "unlink", counted(real_unlink))
        try:
            vault.rekey(NEW)
        except Exception as error:
            assert step is not None, error
    vault.close()
    return count


def reopen(folder: Path) -> tuple[Vault, str]:
    """Open with whichever passphrase works now; the other must not."""
    try:
        return Vault.unlock(folder, NEW), PASSPHRASE
    except WrongPassphrase:
        return Vault.unlock(folder, PASSPHRASE), NEW


def test_a_failure_at_any_step_of_a_rekey_is_finished_or_undone_on_the_next_open(
    tmp_path: Path, fast_kdf: KdfParams, monkeypatch: pytest.MonkeyPatch
) -> None:
    base = tmp_path / "base"
    _, contents = make_vault(base)
    with Vault.unlock(base, PASSPHRASE) as vault:
        before = snapshot(vault)
    steps = run_with_failure_at(shutil.copytree(base, tmp_path / "count"), None, monkeypatch)
    assert steps > 10
    finished = 0
    for step in range(1, steps + 1):
        folder = shutil.copytree(base, tmp_path / f"step{step}")
        run_with_failure_at(folder, step, monkeypatch)
        vault, other = reopen(folder)
        with vault:
            assert snapshot(vault) == before, step
            check_intact(vault, contents)
            if any(n.kind == REKEY_FINISHED for n in vault.notices):
                finished += 1
                assert vault.fresh_recovery_key is not None
                fresh = vault.fresh_recovery_key
            else:
                fresh = None
        with pytest.raises((WrongPassphrase, ForeignKeyFile)):
            Vault.unlock(folder, other)
        if fresh is not None:
            Vault.recover(folder, fresh).close()
    assert finished > 0
    print(f"\nre-key fault injection: {steps} steps failed one at a time, {finished} finished "
          f"on the next open, {steps - finished} undone or already done; all intact")


CHILD = """
import sys
from pathlib import Path
from organizer.core.vault import KdfParams, Vault
vault = Vault.unlock(Path(sys.argv[1]), sys.argv[2])
print("READY", flush=True)
vault.rekey(sys.argv[3], kdf=KdfParams(8192, 1, 1))
vault.close()
print("DONE", flush=True)
"""


def test_sigkill_during_a_rekey_loses_nothing(tmp_path: Path, fast_kdf: KdfParams) -> None:
    if sys.platform == "win32":
        pytest.skip("SIGKILL is POSIX")
    base = tmp_path / "base"
    _, contents = make_vault(base)
    rng = random.Random(13)
    outcomes: dict[str, int] = {}
    for kill in range(KILLS):
        folder = shutil.copytree(base, tmp_path / f"kill{kill}")
        child = subprocess.Popen([sys.executable, "-c", CHILD, str(folder), PASSPHRASE, NEW],
                                 stdout=subprocess.PIPE, cwd=Path(__file__).parents[2])
        assert child.stdout is not None and child.stdout.readline() == b"READY\n"
        time.sleep(rng.uniform(0, 0.15))
        child.send_signal(signal.SIGKILL)
        child.wait()
        pending = (folder / rekey.PENDING_NAME).exists()
        vault, other = reopen(folder)
        with vault:
            check_intact(vault, contents)
            finished = any(n.kind == REKEY_FINISHED for n in vault.notices)
        outcome = ("finished on open" if finished else "undone on open" if pending
                   else "done before the kill" if other == PASSPHRASE else "killed before it began")
        outcomes[outcome] = outcomes.get(outcome, 0) + 1
    print(f"\nre-key SIGKILL: {KILLS} kills, {KILLS} intact: {outcomes}")


def test_passwd_rekey_in_the_cli_prints_a_new_recovery_key_and_verify_counts_key_files(
    vault_folder: Path, tmp_path: Path, fast_kdf: KdfParams, capsys: pytest.CaptureFixture[str]
) -> None:
    make_vault(vault_folder)
    pw, new = tmp_path / "pw", tmp_path / "new"
    pw.write_text(PASSPHRASE)
    new.write_text(NEW)
    assert main(["passwd", str(vault_folder), "--passphrase-file", str(pw),
                 "--new-passphrase-file", str(new), "--rekey"]) == 0
    out = capsys.readouterr().out
    assert "no longer open this vault" in out
    [key_line] = [line for line in out.splitlines() if line.startswith("Recovery key: ")]
    key_file = tmp_path / "key"
    key_file.write_text(key_line.split(": ")[1])
    assert main(["verify", str(vault_folder), "--passphrase-file", str(new)]) == 0
    assert "Key files: 1 passphrase, 1 recovery." in capsys.readouterr().out
    assert main(["verify", str(vault_folder), "--passphrase-file", str(new), "--json"]) == 0
    assert '"key_files": {\n    "passphrase": 1,\n    "recovery": 1\n  }' in capsys.readouterr().out
    assert main(["list", str(vault_folder), "--passphrase-file", str(pw)]) == 1
