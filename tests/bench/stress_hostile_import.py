"""Stress: import hostile files one by one; each must be answered within 10 s. Prints figures.

Run by `make stress`. For each file: what happened, how long it took; then tried / held and
the peak memory of the app's process and of the reader workers. Exit 1 when one did not hold.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from organizer.core import catalog
from organizer.core.intake.importer import ImportOptions, import_files
from organizer.core.intake.sandbox import FileReader
from organizer.core.safe_text import printable
from organizer.core.vault import KdfParams, Vault
from tests.hostile_samples import (
    huge_picture_pdf,
    image_bomb_png,
    repeated_page_pdf,
)
from tests.samples import PATHOLOGY_LINES, text_pdf

LIMIT_SECONDS = 10.0
BENCH_KDF = KdfParams(memory_kib=8192, iterations=1, lanes=1)  # the vault is not under test here


def _write(data: Callable[[], bytes]) -> Callable[[Path], Path]:
    """Made only when the file is made: the importing process never holds these bytes."""
    def make(path: Path) -> Path:
        path.write_bytes(data())
        return path
    return make


def _fifo(path: Path) -> Path:
    os.mkfifo(path)
    return path


def _link(target: str) -> Callable[[Path], Path]:
    def make(path: Path) -> Path:
        path.symlink_to(target)
        return path
    return make


def _sparse(size: int) -> Callable[[Path], Path]:
    def make(path: Path) -> Path:
        with open(path, "wb") as out:
            out.truncate(size)
        return path
    return make


def _loop(path: Path) -> Path:
    path.symlink_to(path.name)
    return path


def _zip_bomb_pdf() -> bytes:
    """A PDF whose one content stream inflates from 1 MB to 1 GB (zeros)."""
    import zlib

    packed = zlib.compressobj(9)
    chunk = bytes(1 << 20)
    body = b"".join(packed.compress(chunk) for _ in range(1024)) + packed.flush()
    head = (b"%%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
            b"2 0 obj\n<< /Type /Pages /Count 1 /Kids [3 0 R] >>\nendobj\n"
            b"3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>"
            b"\nendobj\n4 0 obj\n<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(body))
    return head + body + b"\nendstream\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"


# (file name, how to make it, the statuses that count as "held")
HOSTILE: list[tuple[str, Callable[[Path], Path], set[str]]] = [
    ("named-pipe.pdf", _fifo, {"rejected"}),
    ("dev-zero-link.pdf", _link("/dev/zero"), {"rejected"}),
    ("dev-urandom-link.jpg", _link("/dev/urandom"), {"rejected"}),
    ("proc-file-link.pdf", _link("/proc/self/status"), {"rejected"}),
    ("symlink-loop.pdf", _loop, {"rejected"}),
    ("sparse-1.1GB.pdf", _sparse(1_100_000_000), {"rejected"}),
    ("one-page-200000-times.pdf", _write(lambda: repeated_page_pdf(200_000)), {"rejected"}),
    ("picture-of-3-GB.pdf", _write(lambda: huge_picture_pdf(60_000, 50_000)), {"rejected"}),
    ("image-bomb-52MP.png", _write(lambda: image_bomb_png(7500, 7000)), {"rejected"}),
    ("animated-bomb.png", _write(
        lambda: image_bomb_png(4000, 4000, frames=5, mode="RGBA")), {"rejected"}),
    ("deflate-bomb-1GB.pdf", _write(_zip_bomb_pdf), {"rejected", "imported"}),
    ("empty.pdf", _write(lambda: b""), {"rejected"}),
    ("name\n\x1b[2J\u202efdp.exe.pdf", _write(lambda: text_pdf([PATHOLOGY_LINES])), {"imported"}),
]


def make_files(files: Path) -> list[tuple[Path, set[str]]]:
    files.mkdir()
    return [(make(files / name), expected) for name, make, expected in HOSTILE]


def import_each(folder: Path) -> int:
    """Import each file alone; the peak memory printed is the import's (files are made apart)."""
    held = 0
    vault, _ = Vault.create(folder / "vault", "stress test passphrase, not a secret",
                            kdf=BENCH_KDF)
    person = catalog.add_person(vault, "Stress Test", "1960-01-01")
    expected = {name: wanted for name, _, wanted in HOSTILE}
    with vault, FileReader() as reader:
        reader.start()
        for name, wanted in expected.items():
            started = time.monotonic()
            result = import_files(vault, [folder / "files" / name], ImportOptions(person), reader)
            seconds = time.monotonic() - started
            outcome = result.outcomes[0]
            ok = outcome.status in wanted and seconds < LIMIT_SECONDS
            held += ok
            print(f"{'held' if ok else 'FAILED':6} {seconds:5.2f} s  {outcome.status:9} "
                  f"{printable(name)}: {printable(outcome.message)[:100]}", flush=True)
    me = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024
    print(f"hostile imports: tried {len(HOSTILE)}, held {held}; peak memory: app {me} MB, "
          f"largest child {workers} MB (a reader worker, capped at 1.5 GB, or the file maker)")
    return 0 if held == len(HOSTILE) else 1


def main() -> int:
    if sys.argv[1:2] == ["--make"]:  # in a child: making the bombs must not count as the app's
        make_files(Path(sys.argv[2]) / "files")
        return 0
    with tempfile.TemporaryDirectory(prefix="stress-hostile-") as temp:
        subprocess.run([sys.executable, __file__, "--make", temp], check=True)
        return import_each(Path(temp))


if __name__ == "__main__":
    sys.exit(main())
