"""Benchmark: importing a synthetic imaging disc vs `cp -r` of the same files; peak memory.

A disc of 512x512 CT slices (about 0.5 MB each, every one a new image UID) is made in a temp
folder; size in MB from IMAGING_BENCH_MB (default 1024). The import runs in a child process so
its peak RSS is its own. Figures are printed, never asserted (see the issue's targets).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
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
    start = time.perf_counter()
    result = import_disc(vault, Path(sys.argv[2]), ImagingImportOptions(person))
    took = time.perf_counter() - start
print(took, result.imported, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def timed_cp(disc: Path, dest: Path) -> float:
    start = time.perf_counter()
    subprocess.run(["cp", "-r", str(disc), str(dest)], check=True)
    subprocess.run(["sync"], check=True)
    return time.perf_counter() - start


def main() -> None:
    megabytes = int(os.environ.get("IMAGING_BENCH_MB", "1024"))
    with tempfile.TemporaryDirectory(dir=os.environ.get("IMAGING_BENCH_DIR")) as tmp:
        root = Path(tmp)
        files, size = make_disc(root / "disc", megabytes)
        subprocess.run(["sync"], check=True)
        cp_seconds = timed_cp(root / "disc", root / "copy")
        shutil.rmtree(root / "copy")
        subprocess.run(["sync"], check=True)
        env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
        out = subprocess.run([sys.executable, "-c", CHILD, str(root / "vault"), str(root / "disc")],
                             check=True, capture_output=True, text=True, env=env).stdout.split()
        seconds, imported, max_rss_kib = float(out[0]), int(out[1]), int(out[2])
        mb = size / (1 << 20)
        print(f"imaging disc: {files} files, {mb:.0f} MB")
        print(f"  cp -r + sync:     {cp_seconds:6.2f} s  ({mb / cp_seconds:6.1f} MB/s)")
        print(f"  organizer import: {seconds:6.2f} s  ({mb / seconds:6.1f} MB/s), "
              f"{imported} imported, {seconds / cp_seconds:.2f}x cp (target <= 1.5x)")
        print(f"  peak memory of the importing process: {max_rss_kib / 1024:.0f} MB "
              f"(target <= 300 MB)")


if __name__ == "__main__":
    main()
