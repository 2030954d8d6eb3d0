"""Benchmark: importing a synthetic imaging disc vs `cp -r` of the same files; peak memory.

A disc of 512x512 CT slices (about 0.5 MB each, every one a new image UID) is made in a temp
folder; size in MB from IMAGING_BENCH_MB (default 1024). Each of IMAGING_BENCH_ROUNDS rounds
(default 3) times `cp -r` + `sync` and an import into a new vault (whose time includes its own
flush to the disk), in turn, the order swapped every round so that neither side always goes
first. Both sides start from the same state:

- the disc is read just before each timed part, so both read it from the page cache;
- what a timed part wrote (the copy, the vault) is deleted and synced right after it, outside
  the timing, then the bench waits IMAGING_BENCH_SETTLE seconds (default 0).

Why delete at once rather than keep everything to the end (measured on the 2-core ext4 VM the
team shares, 1 GB disc): with every copy kept, `cp -r` + `sync` took 3.4 and 3.3 s (sys 2.7,
2.1 s) where, right after deleting the previous copy, it took 1.6 and 1.7 s (sys 1.0, 1.1 s);
perf puts 81% of the slow copies' samples in the kernel's memcpy into new page-cache pages
(copy_folio_from_iter_atomic), which after a delete writes into pages just freed. In 5-round
runs (load 3.5 to 5.6) the copy's CPU was 2.3-2.8 s with deletes deferred and 1.5-2.3 s with
them here, so deferring flattered the import (median ratio 1.23x there, about 2x CPU here).
The price: ext4 without a journal skips inodes freed in the last minute (`recently_deleted`)
when it makes new files. That costs the import more than the copy, since all its files go
into one folder: an import right after a vault was deleted took 1.5 s of sys time, one a
minute later 1.1 s (user 1.4-1.6 s, wall 1.7-1.8 s either way, load about 1); the copy showed
no such difference (1.6 s right after a delete, 1.75 s after 70 s). IMAGING_BENCH_SETTLE=61
waits that minute out, at two minutes a round, but the copy was no faster then (2.5-2.9 s at
load 2-2.5), so it is off by default: the figures slightly favour the copy.

The import runs in a child process so its peak RSS is its own. Wall and CPU seconds are
printed per round and as medians, with the load average: on a shared computer CPU seconds vary
less than wall-clock times. Figures are printed, never asserted (see the issue's targets).
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from pydicom import dcmread

from tests.core.imaging_discs import SAMPLES

PLACEHOLDER = "1.2.826.0.1.3680043.8.498." + "9" * 36  # fixed length: replaced per file


def make_disc(folder: Path, megabytes: int) -> tuple[int, int]:
    """Write the disc; returns (files, bytes)."""
    ds = dcmread(SAMPLES / "CT_small.dcm")
    ds.Rows = ds.Columns = 512
    ds.PixelData = os.urandom(512 * 512 * 2)
    ds.SOPInstanceUID = ds.file_meta.MediaStorageSOPInstanceUID = PLACEHOLDER
    template_path = folder.parent / "template.dcm"
    ds.save_as(template_path, enforce_file_format=True)
    template = template_path.read_bytes()
    count = max(1, megabytes * (1 << 20) // len(template))
    for i in range(count):
        series = folder / f"SE{i // 500:04d}"
        series.mkdir(parents=True, exist_ok=True)
        uid = f"1.2.826.0.1.3680043.8.498.{10**35 + i:036d}".encode()
        (series / f"IM{i:06d}").write_bytes(template.replace(PLACEHOLDER.encode(), uid))
    return count, count * len(template)


CHILD = """
import sys, time, resource
from pathlib import Path
from organizer.core import catalog
from organizer.core.imaging.importer import ImagingImportOptions, import_disc
from organizer.core.vault import KdfParams, Vault
vault, _ = Vault.create(Path(sys.argv[1]), "benchmark passphrase",
                        kdf=KdfParams(memory_kib=8192, iterations=1, lanes=1))
with vault:
    person = catalog.add_person(vault, "Bench Mark")
    before = resource.getrusage(resource.RUSAGE_SELF)
    start = time.perf_counter()
    result = import_disc(vault, Path(sys.argv[2]), ImagingImportOptions(person))
    took = time.perf_counter() - start
after = resource.getrusage(resource.RUSAGE_SELF)
print(took, result.imported, after.ru_maxrss, after.ru_utime - before.ru_utime,
      after.ru_stime - before.ru_stime)
"""


@dataclass(frozen=True)
class Timed:
    seconds: float
    user: float
    sys: float

    @property
    def cpu(self) -> float:
        return self.user + self.sys


@dataclass(frozen=True)
class Round:
    cp: Timed
    imported: Timed
    files: int
    max_rss_kib: int
    load: float  # 1-minute load average when the round ended


def warm(disc: Path) -> None:
    """Read every file of the disc, so the timed part finds it in the page cache."""
    for folder, _subfolders, names in os.walk(disc):
        for name in names:
            with open(os.path.join(folder, name), "rb") as source:
                while source.read(1 << 20):
                    pass


def clear(path: Path, settle: float) -> None:
    """Delete what a timed part wrote and flush that to the disk (never timed)."""
    subprocess.run(["rm", "-rf", str(path)], check=True)
    subprocess.run(["sync"], check=True)
    time.sleep(settle)


def timed_cp(disc: Path, dest: Path) -> Timed:
    """`cp -r` + `sync` (the copy is durable, as the import is)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(["cp", "-r", str(disc), str(dest)], check=True)
    subprocess.run(["sync"], check=True)
    took = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return Timed(took, after.ru_utime - before.ru_utime, after.ru_stime - before.ru_stime)


def timed_import(disc: Path, vault: Path) -> tuple[Timed, int, int]:
    """The import in a child process: (times, files imported, peak RSS in KiB)."""
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    out = subprocess.run([sys.executable, "-c", CHILD, str(vault), str(disc)],
                         check=True, capture_output=True, text=True, env=env).stdout.split()
    return Timed(float(out[0]), float(out[3]), float(out[4])), int(out[1]), int(out[2])


def one_round(root: Path, number: int, settle: float) -> Round:
    disc, copy, vault = root / "disc", root / f"copy{number}", root / f"vault{number}"
    cp = imported = None
    for side in ("cp", "import") if number % 2 == 0 else ("import", "cp"):
        warm(disc)
        if side == "cp":
            cp = timed_cp(disc, copy)
            clear(copy, settle)
        else:
            imported, files, rss = timed_import(disc, vault)
            clear(vault, settle)
    assert cp is not None and imported is not None
    return Round(cp, imported, files, rss, os.getloadavg()[0])


def main() -> None:
    megabytes = int(os.environ.get("IMAGING_BENCH_MB", "1024"))
    rounds = max(1, int(os.environ.get("IMAGING_BENCH_ROUNDS", "3")))
    settle = float(os.environ.get("IMAGING_BENCH_SETTLE", "0"))
    with tempfile.TemporaryDirectory(dir=os.environ.get("IMAGING_BENCH_DIR")) as tmp:
        root = Path(tmp)
        files, size = make_disc(root / "disc", megabytes)
        subprocess.run(["sync"], check=True)
        load = os.getloadavg()[0]
        results = [one_round(root, number, settle) for number in range(rounds)]
    report(results, files, size / (1 << 20), load, settle)


def report(results: list[Round], files: int, mb: float, load: float, settle: float) -> None:
    print(f"imaging disc: {files} files, {mb:.0f} MB, {len(results)} rounds (order swapped each "
          f"round; outputs deleted + synced after each, then {settle:g} s wait); load {load:.2f}")
    for n, r in enumerate(results, 1):
        print(f"  {n}: cp -r + sync {r.cp.seconds:5.2f} s (cpu {r.cp.user:4.2f}+{r.cp.sys:4.2f})"
              f" | import {r.imported.seconds:5.2f} s (cpu {r.imported.user:4.2f}+{r.imported.sys:4.2f})"
              f" = {r.imported.seconds / r.cp.seconds:.2f}x wall, "
              f"{r.imported.cpu / r.cp.cpu:.2f}x cpu; {r.files} imported; load {r.load:.2f}")
    cp = statistics.median(r.cp.seconds for r in results)
    wall = statistics.median(r.imported.seconds for r in results)
    cp_cpu = statistics.median(r.cp.cpu for r in results)
    cpu = statistics.median(r.imported.cpu for r in results)
    print(f"  cp -r + sync:     {cp:6.2f} s ({mb / cp:6.1f} MB/s), cpu {cp_cpu:5.2f} s  median")
    print(f"  organizer import: {wall:6.2f} s ({mb / wall:6.1f} MB/s), cpu {cpu:5.2f} s  median")
    print(f"  import / cp: {wall / cp:.2f}x wall (target <= 1.5x; median of the rounds' ratios "
          f"{statistics.median(r.imported.seconds / r.cp.seconds for r in results):.2f}x), "
          f"{cpu / cp_cpu:.2f}x cpu")
    print(f"  peak memory of the importing process: {max(r.max_rss_kib for r in results) / 1024:.0f} MB "
          f"(target <= 300 MB)")


if __name__ == "__main__":
    main()
