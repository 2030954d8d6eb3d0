"""Crash safety across processes: SIGKILL a writer at random moments, then check every ACKed write.

`ORGANIZER_CRASH_KILLS` sets the number of kills (default 8); `run_crash_rounds` is also used by
tests/bench/bench_vault.py for a long run.
"""

from __future__ import annotations

import hashlib
import io
import os
import random
import re
import selectors
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from organizer.core.errors import VaultLocked
from organizer.core.vault import KdfParams, Vault
from organizer.core.vault.atomic import TEMP_PREFIX
from organizer.core.vault.verify import UNLISTED, verify

sys.path.insert(0, str(Path(__file__).resolve().parent))
from crash_writer import content_for, expected_fields

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL and flock are POSIX")

WRITER = Path(__file__).resolve().parent / "crash_writer.py"
PASSPHRASE = "crash test passphrase, not a secret"
KILLS = int(os.environ.get("ORGANIZER_CRASH_KILLS", "8"))
ACK = re.compile(rb"^ACK (\d+) ([0-9a-f]{32})$")
READY = re.compile(rb"^READY\n", re.M)
STORED = re.compile(rb"^STORED ([0-9a-f]{32})\n", re.M)
READY_TIMEOUT = 30.0


@dataclass
class CrashResult:
    kills: int = 0
    acked: int = 0  # acknowledged writes, each checked after the kill that followed it
    leftover_temp_files: int = 0  # temp files found after kills (all removed by the next open)
    unlisted: int = 0  # stored files whose journal entry was never written (write in flight)


class Writer:
    """One crash_writer child process."""

    def __init__(self, folder: Path, passphrase_file: Path, start: int, *extra: str) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, str(WRITER), str(folder), str(passphrase_file), str(start), *extra],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        )
        self.out = b""

    def wait_ready(self, line: re.Pattern[bytes] = READY) -> re.Match[bytes]:
        """Read stdout until the child prints a whole line matching `line` (READY: vault open)."""
        assert self.proc.stdout is not None
        deadline = time.monotonic() + READY_TIMEOUT
        with selectors.DefaultSelector() as sel:
            sel.register(self.proc.stdout, selectors.EVENT_READ)
            while not (found := line.search(self.out)):
                left = deadline - time.monotonic()
                if left <= 0 or (self.proc.poll() is not None and not sel.select(0)):
                    self.fail("did not get ready")
                if sel.select(min(left, 0.5)):
                    data = os.read(self.proc.stdout.fileno(), 65536)
                    if not data:
                        self.fail("closed its output before READY")
                    self.out += data
        return found

    def kill(self) -> list[tuple[int, str]]:
        """SIGKILL the child; return the (i, file_id) pairs it acknowledged."""
        if self.proc.poll() is not None:
            self.fail("exited before it was killed")
        self.proc.send_signal(signal.SIGKILL)
        rest, _ = self.proc.communicate(timeout=30)
        self.out += rest
        assert self.proc.returncode == -signal.SIGKILL
        acks = []
        for line in self.out.split(b"\n")[:-1]:  # a line without its newline is not complete
            match = ACK.match(line)
            if match:
                acks.append((int(match[1]), match[2].decode()))
        return acks

    def fail(self, what: str) -> None:
        self.proc.kill()
        _, err = self.proc.communicate(timeout=30)
        pytest.fail(f"crash_writer {what}: exit {self.proc.returncode}\n{err.decode(errors='replace')}")


def temp_files(folder: Path) -> list[Path]:
    return [p for p in folder.rglob(f"{TEMP_PREFIX}*") if p.is_file()]


def check_acked(vault: Vault, acks: list[tuple[int, str]]) -> None:
    """Each acknowledged write: journal fields present and right, file decrypts to its content."""
    for i, file_id in acks:
        content = content_for(i)
        assert vault.state.get("document", file_id) == expected_fields(i), f"entry of write {i}"
        assert vault.state.get("file", file_id) == {
            "size": len(content), "sha256": hashlib.sha256(content).hexdigest()
        }, f"file facts of write {i}"
        assert vault.read_file(file_id) == content, f"content of write {i}"


def run_crash_rounds(folder: Path, passphrase: str, kills: int, seed: int = 1234) -> CrashResult:
    """Kill a writer `kills` times at random moments; after each kill, reopen and check.

    `folder` must hold a closed vault that `passphrase` opens. Raises AssertionError on loss.
    """
    rng = random.Random(seed)
    passphrase_file = folder.parent / f"{folder.name}.passphrase"
    passphrase_file.write_text(passphrase + "\n", encoding="utf-8")
    result = CrashResult()
    all_acks: list[tuple[int, str]] = []
    full_check_every = max(1, kills // 8)
    try:
        for round_no in range(kills):
            writer = Writer(folder, passphrase_file, round_no * 1_000_000)
            try:
                writer.wait_ready()
                time.sleep(rng.uniform(0.02, 0.3))
                acks = writer.kill()
            finally:
                if writer.proc.poll() is None:
                    writer.proc.kill()
                    writer.proc.wait()
            result.kills += 1
            result.leftover_temp_files += len(temp_files(folder))
            with Vault.unlock(folder, passphrase) as vault:  # the killed holder's lock is gone
                assert temp_files(folder) == [], "temp files left after opening"
                check_acked(vault, acks)
                if round_no % full_check_every == 0 or round_no == kills - 1:
                    report = verify(vault)
                    damage = [p for p in report.problems if p.severity != UNLISTED]
                    assert damage == [], f"verify found damage after kill {round_no + 1}: {damage}"
                    unlisted = [p for p in report.problems if p.severity == UNLISTED]
                    assert len(unlisted) <= round_no + 1, "more unlisted files than writes in flight"
                    result.unlisted = len(unlisted)
            all_acks += acks
            result.acked += len(acks)
        with Vault.unlock(folder, passphrase) as vault:
            check_acked(vault, all_acks)  # later rounds did not harm earlier writes
    finally:
        passphrase_file.unlink(missing_ok=True)
    return result


@pytest.mark.timeout(60 + 10 * KILLS)
def test_acknowledged_writes_survive_sigkill(
    tmp_path: Path, fast_kdf: KdfParams, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "vault"
    Vault.create(folder, PASSPHRASE)[0].close()
    result = run_crash_rounds(folder, PASSPHRASE, KILLS)
    with capsys.disabled():  # shown even without -s
        print(f"\ncrash harness: {result.kills} kills, {result.acked} acknowledged writes checked, "
              f"{result.leftover_temp_files} temp files cleaned, {result.unlisted} unlisted files")
    assert result.kills == KILLS
    assert result.acked > 0, "the writer never got to acknowledge a write"


@pytest.mark.timeout(60)
def test_a_second_process_cannot_open_a_vault_that_is_open(
    tmp_path: Path, fast_kdf: KdfParams
) -> None:
    folder = tmp_path / "vault"
    Vault.create(folder, PASSPHRASE)[0].close()
    passphrase_file = tmp_path / "passphrase.txt"
    passphrase_file.write_text(PASSPHRASE, encoding="utf-8")
    holder = Writer(folder, passphrase_file, 0, "--hold")
    try:
        holder.wait_ready()
        with pytest.raises(VaultLocked) as caught:
            Vault.unlock(folder, PASSPHRASE)
        assert "open in another window" in str(caught.value)
        with pytest.raises(VaultLocked):  # a second try (e.g. the user clicks again) too
            Vault.unlock(folder, PASSPHRASE)
    finally:
        holder.kill()
    with Vault.unlock(folder, PASSPHRASE) as vault:  # the killed holder left no stale lock
        assert vault.is_open


@pytest.mark.timeout(60)
def test_a_vault_open_here_keeps_a_second_process_out(tmp_path: Path, fast_kdf: KdfParams) -> None:
    folder = tmp_path / "vault"
    vault, _ = Vault.create(folder, PASSPHRASE)
    passphrase_file = tmp_path / "passphrase.txt"
    passphrase_file.write_text(PASSPHRASE, encoding="utf-8")
    try:
        child = subprocess.run(
            [sys.executable, str(WRITER), str(folder), str(passphrase_file), "0", "--hold"],
            capture_output=True, timeout=30,
        )
    finally:
        vault.close()
    assert child.returncode != 0
    assert b"READY" not in child.stdout
    assert b"open in another window" in child.stderr


@pytest.mark.timeout(60)
def test_a_kill_between_storing_and_recording_leaves_only_an_unlisted_note(
    tmp_path: Path, fast_kdf: KdfParams
) -> None:
    folder = tmp_path / "vault"
    vault, _ = Vault.create(folder, PASSPHRASE)
    with vault:
        kept = vault.store_file(io.BytesIO(b"kept"))
        vault.record([vault.file_change(kept)])
    passphrase_file = tmp_path / "passphrase.txt"
    passphrase_file.write_text(PASSPHRASE, encoding="utf-8")
    importer = Writer(folder, passphrase_file, 7, "--store-only")
    orphan = importer.wait_ready(STORED)[1].decode()
    importer.kill()
    with Vault.unlock(folder, PASSPHRASE) as reopened:
        report = verify(reopened)
        assert report.ok
        assert [(p.severity, p.path) for p in report.problems] == [
            (UNLISTED, f"documents/{orphan}.sdoc")
        ]
        assert reopened.read_file(kept.id) == b"kept"
