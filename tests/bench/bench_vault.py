"""Benchmark the vault: unlock time beside the KDF, document throughput and memory, crash harness.

    python tests/bench/bench_vault.py [--kills N] [--skip-crash] [--rollback-only]

Prints figures only (no pass/fail). Targets: unlock minus KDF <= 0.3 s with 1,000 documents;
encrypt and decrypt >= 500 MB/s; peak memory flat while streaming; >= 200 crash kills; every
single journal entry of a 50-change vault deleted in turn is detected (`make stress` runs it).
"""

from __future__ import annotations

import argparse
import io
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(ROOT / "tests"), str(ROOT / "tests" / "core")]

from conftest import FAST_KDF  # noqa: E402

from organizer.core.vault import Change, Vault  # noqa: E402
from organizer.core.vault.documents import encrypt_stream  # noqa: E402
from organizer.core.vault.kdf import calibrate, derive_key  # noqa: E402
from organizer.core.vault.keyslots import PASSPHRASE as PASSPHRASE_SLOT  # noqa: E402
from organizer.core.vault.keyslots import read_all_slots  # noqa: E402

PASSPHRASE = "benchmark passphrase, not a secret"
MB = 1_000_000
MIB = 1 << 20


class PatternSource(io.RawIOBase):
    """`size` bytes of a repeated random block, produced on demand (nothing held in memory)."""

    def __init__(self, size: int) -> None:
        super().__init__()
        self._block = memoryview(os.urandom(MIB))
        self._left = size
        self._offset = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview | bytearray) -> int:  # type: ignore[override]
        n = min(len(buffer), self._left, MIB - self._offset)
        buffer[:n] = self._block[self._offset : self._offset + n]
        self._offset = (self._offset + n) % MIB
        self._left -= n
        return n


class NullSink(io.RawIOBase):
    def writable(self) -> bool:
        return True

    def write(self, data: bytes) -> int:  # type: ignore[override]
        return len(data)


def bench_unlock(work: Path, documents: int = 1000) -> None:
    print(f"(a) unlock with {documents} documents and calibrated key settings")
    start = time.perf_counter()
    params = calibrate()
    print(f"    calibrate(): {params} in {time.perf_counter() - start:.2f} s")
    folder = work / "unlock"
    vault, _ = Vault.create(folder, PASSPHRASE, kdf=params)
    start = time.perf_counter()
    with vault:
        for i in range(documents):  # as an import makes them: one file, one journal entry each
            stored = vault.store_file(io.BytesIO(f"small document {i} ".encode() * 200))
            vault.record([Change("document", stored.id, {"filename": f"scan-{i:04d}.pdf",
                                                         "type": "lab", "pages": 1}),
                          vault.file_change(stored)])
    print(f"    filled in {time.perf_counter() - start:.1f} s")
    (slot,) = [s for s in read_all_slots(folder / "keys")[0] if s.kind == PASSPHRASE_SLOT]
    unlocks, kdfs = [], []
    for _ in range(3):
        start = time.perf_counter()
        opened = Vault.unlock(folder, PASSPHRASE)
        unlocks.append(time.perf_counter() - start)
        assert len(opened.state.all("document")) == documents
        opened.close()
        start = time.perf_counter()
        derive_key(PASSPHRASE, slot.salt, slot.kdf)  # type: ignore[arg-type]
        kdfs.append(time.perf_counter() - start)
    unlock, kdf = statistics.median(unlocks), statistics.median(kdfs)
    print(f"    unlock total {unlock:.3f} s, KDF alone {kdf:.3f} s, "
          f"unlock minus KDF {unlock - kdf:.3f} s (target <= 0.3 s)  [median of 3]")


def bench_throughput(work: Path, size: int = 256 * MIB) -> None:
    print(f"(b) document throughput, {size // MIB} MiB stream")
    vault, _ = Vault.create(work / "throughput", PASSPHRASE, kdf=FAST_KDF)
    with vault:
        start = time.perf_counter()
        encrypt_stream(PatternSource(size), NullSink(), master=os.urandom(32),
                       vault_id=os.urandom(16), doc_id=os.urandom(16))
        cpu = time.perf_counter() - start
        start = time.perf_counter()
        stored = vault.store_file(PatternSource(size))
        store = time.perf_counter() - start
        start = time.perf_counter()
        total = 0
        with vault.open_file(stored.id) as reader:
            for chunk in reader.chunks():
                total += len(chunk)
        decrypt = time.perf_counter() - start
        assert total == size
    print(f"    encrypt (to memory sink, CPU only): {size / cpu / MB:7.0f} MB/s")
    print(f"    encrypt (store_file to disk + fsync): {size / store / MB:7.0f} MB/s")
    print(f"    decrypt (open_file().chunks()):       {size / decrypt / MB:7.0f} MB/s"
          "  (target >= 500 MB/s)")


def peak_rss_kib() -> int:
    """This process's peak resident memory in KiB.

    On Linux VmHWM, because ru_maxrss carries over the parent's peak across fork and exec.
    """
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    maxrss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return maxrss // 1024 if sys.platform == "darwin" else maxrss  # bytes on macOS


def rss_child(folder: str, size: int) -> None:
    """Run in a fresh process: peak RSS before and after encrypting a `size` stream."""
    vault, _ = Vault.create(Path(folder), PASSPHRASE, kdf=FAST_KDF)
    before = peak_rss_kib()
    with vault:
        vault.store_file(PatternSource(size))
    print(before, peak_rss_kib())


def bench_memory(work: Path, size: int = 500 * MIB) -> None:
    out = subprocess.run([sys.executable, __file__, "--rss-child", str(work / "rss"), str(size)],
                         check=True, capture_output=True, text=True).stdout.split()
    before, after = (int(v) / 1024 for v in out)
    print(f"    peak RSS encrypting a {size // MIB} MiB stream: {after:.0f} MiB "
          f"(was {before:.0f} MiB before it: +{after - before:.0f} MiB)")


def bench_crash(work: Path, kills: int) -> None:
    from test_vault_crash import run_crash_rounds

    print(f"(c) crash harness, {kills} kills")
    folder = work / "crash"
    Vault.create(folder, PASSPHRASE, kdf=FAST_KDF)[0].close()
    start = time.perf_counter()
    result = run_crash_rounds(folder, PASSPHRASE, kills, seed=2026)
    print(f"    {result.kills} kills, {result.acked} acknowledged writes checked, "
          f"{result.leftover_temp_files} temp files cleaned up, {result.unlisted} unlisted "
          f"files from writes in flight, no loss ({time.perf_counter() - start:.0f} s)")


def bench_rollback(work: Path, changes: int = 50) -> bool:
    """Delete each single journal entry of a vault with `changes` changes; count detections."""
    import shutil

    from organizer.core.vault import this_computer
    from organizer.core.vault.verify import verify

    print(f"(d) rollback: each single journal entry of a {changes}-change vault deleted in turn")
    folder = work / "rollback"
    Vault.create(folder, PASSPHRASE, kdf=FAST_KDF)[0].close()
    with Vault.unlock(folder, PASSPHRASE) as vault:
        for i in range(changes):
            vault.record([Change("document", f"d{i % 7}", {"left_out": i % 2 == 0, "n": i})])
    records = {p: p.read_bytes() for p in this_computer.records_folder().iterdir()}
    entries = sorted((folder / "journal").glob("*.jrn"))
    tried = held = by_links = by_record = 0
    for path in entries:
        raw, entry_id = path.read_bytes(), path.stem.split("-")[1]
        path.unlink()
        tried += 1
        with Vault.unlock(folder, PASSPHRASE) as vault:
            linked = entry_id in {m.entry_id for m in vault.missing_entries}
            recorded = entry_id in vault.rolled_back
            if (linked or recorded) and vault.notices and not verify(vault).ok:
                held += 1
                by_links, by_record = by_links + linked, by_record + recorded
        path.write_bytes(raw)
        for record, content in records.items():
            record.write_bytes(content)
    older = work / "older"
    shutil.copytree(folder, older)
    with Vault.unlock(folder, PASSPHRASE) as vault:
        vault.record([Change("document", "d0", {"left_out": False})])
    shutil.rmtree(folder)
    shutil.copytree(older, folder)
    with Vault.unlock(folder, PASSPHRASE) as vault:
        older_held = int(bool(vault.rolled_back))
    print(f"    single entries deleted: {tried} tried, {held} held ({by_links} named by the next "
          f"entry's links, {by_record} by this computer's record)")
    print(f"    whole folder replaced by an older copy: 1 tried, {older_held} held")
    return held == tried and older_held == 1


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--kills", type=int, default=200)
    parser.add_argument("--skip-crash", action="store_true")
    parser.add_argument("--rollback-only", action="store_true")
    parser.add_argument("--rss-child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.rss_child:
        rss_child(args.rss_child[0], int(args.rss_child[1]))
        return
    with tempfile.TemporaryDirectory(prefix="bench-vault-") as tmp:
        work = Path(tmp)
        os.environ["XDG_STATE_HOME"] = str(work / "this-computer")  # never the user's own
        if args.rollback_only:
            sys.exit(0 if bench_rollback(work) else 1)
        bench_unlock(work)
        bench_throughput(work)
        bench_memory(work)
        bench_rollback(work)
        if not args.skip_crash:
            bench_crash(work, args.kills)


if __name__ == "__main__":
    main()
