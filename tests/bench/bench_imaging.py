"""Benchmark: importing a synthetic imaging disc vs `cp -r` of the same files; peak memory.

A disc of 512x512 CT slices (about 0.5 MB each, every one a new image UID) is made in a temp
folder; size in MB from IMAGING_BENCH_MB (default 1024). Each round copies the disc with
`cp -r` + `sync`, then imports it into a new vault (the import's time includes its own final
flush to the disk). IMAGING_BENCH_ROUNDS rounds (default 3) run alternately and the medians
are compared; nothing is deleted until the end, so neither side pays for the other's deletes
(ext4 scans recently freed inodes when it makes new files). The import runs in a child process
so its peak RSS is its own. CPU seconds are printed too: on a busy computer they vary less
than wall-clock times. Figures are printed, never asserted (see the issue's targets).
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
cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
print(took, result.imported, after.ru_maxrss, cpu)
"""


@dataclass(frozen=True)
class Round:
    cp_seconds: float
    cp_cpu: float
    seconds: float
    cpu: float
    imported: int
    max_rss_kib: int


def timed_cp(disc: Path, dest: Path) -> tuple[float, float]:
    """Wall and CPU seconds of `cp -r` + `sync` (the copy is durable, as the import is)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(["cp", "-r", str(disc), str(dest)], check=True)
    subprocess.run(["sync"], check=True)
    took = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return took, after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime


def one_round(root: Path, number: int) -> Round:
    cp_seconds, cp_cpu = timed_cp(root / "disc", root / f"copy{number}")
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    out = subprocess.run([sys.executable, "-c", CHILD, str(root / f"vault{number}"),
                          str(root / "disc")],
                         check=True, capture_output=True, text=True, env=env).stdout.split()
    return Round(cp_seconds, cp_cpu, float(out[0]), float(out[3]), int(out[1]), int(out[2]))


def main() -> None:
    megabytes = int(os.environ.get("IMAGING_BENCH_MB", "1024"))
    rounds = max(1, int(os.environ.get("IMAGING_BENCH_ROUNDS", "3")))
    with tempfile.TemporaryDirectory(dir=os.environ.get("IMAGING_BENCH_DIR")) as tmp:
        root = Path(tmp)
        files, size = make_disc(root / "disc", megabytes)
        subprocess.run(["sync"], check=True)
        results = [one_round(root, number) for number in range(rounds)]
    mb = size / (1 << 20)
    print(f"imaging disc: {files} files, {mb:.0f} MB, {rounds} rounds (cp, then import, in turn)")
    for r in results:
        print(f"  cp -r + sync {r.cp_seconds:6.2f} s ({mb / r.cp_seconds:6.1f} MB/s, cpu {r.cp_cpu:5.2f} s)"
              f" | import {r.seconds:6.2f} s ({mb / r.seconds:6.1f} MB/s, cpu {r.cpu:5.2f} s)"
              f" = {r.seconds / r.cp_seconds:.2f}x, {r.imported} imported")
    cp_median = statistics.median(r.cp_seconds for r in results)
    median = statistics.median(r.seconds for r in results)
    print(f"  cp -r + sync:     {cp_median:6.2f} s  ({mb / cp_median:6.1f} MB/s)  median")
    print(f"  organizer import: {median:6.2f} s  ({mb / median:6.1f} MB/s)  median, "
          f"{median / cp_median:.2f}x cp (target <= 1.5x); "
          f"cpu {statistics.median(r.cpu for r in results):.2f} s vs cp "
          f"{statistics.median(r.cp_cpu for r in results):.2f} s")
    print(f"  peak memory of the importing process: {max(r.max_rss_kib for r in results) / 1024:.0f} MB "
          f"(target <= 300 MB)")


if __name__ == "__main__":
    main()
