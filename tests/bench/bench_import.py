"""Benchmark: importing 200 five-page text PDFs vs raw pypdfium2 extraction; memory for a 500 MB batch."""

from __future__ import annotations

import io
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import pypdfium2 as pdfium
from PIL import Image
from reportlab.pdfgen import canvas

from organizer.core import catalog
from organizer.core.intake.importer import IMPORTED, ImportOptions, import_files
from organizer.core.intake.sandbox import FileReader
from organizer.core.vault import Vault
from organizer.core.vault.kdf import calibrate
from tests.samples import PATHOLOGY_LINES


def text_pdf(seed: int, pages: int = 5) -> bytes:
    out = io.BytesIO()
    drawing = canvas.Canvas(out, invariant=True)
    for page in range(pages):
        y = 760
        for line_no in range(45):
            line = PATHOLOGY_LINES[(line_no + seed + page) % len(PATHOLOGY_LINES)]
            drawing.drawString(50, y, f"{line} [{seed}.{page}.{line_no}]")
            y -= 16
        drawing.showPage()
    drawing.save()
    return out.getvalue()


def image_pdf(megabytes: int, seed: int) -> bytes:
    """A scan-like PDF about `megabytes` big (incompressible noise, so sizes are honest)."""
    out = io.BytesIO()
    side = int((megabytes * 1024 * 1024 / 3) ** 0.5)
    noise = Image.frombytes("RGB", (side, side), os.urandom(side * side * 3))
    noise.save(out, format="PDF", resolution=300.0, quality=100)
    return out.getvalue()


def raw_extraction(files: list[Path]) -> float:
    start = time.perf_counter()
    for path in files:
        document = pdfium.PdfDocument(str(path))
        for page in document:
            page.get_textpage().get_text_range()
        document.close()
    return time.perf_counter() - start


def timed_import(folder: Path, files: list[Path], kdf_params: object) -> tuple[float, float, int]:
    vault, _ = Vault.create(folder, "benchmark passphrase", kdf=kdf_params)  # type: ignore[arg-type]
    with vault:
        person = catalog.add_person(vault, "Bench Mark")
        start = time.perf_counter()
        with FileReader() as reader:
            reader.start()
            started = time.perf_counter() - start
            result = import_files(vault, files, ImportOptions(person), reader)
        total = time.perf_counter() - start
    return total, started, result.count(IMPORTED)


def main() -> None:
    params = calibrate()
    with tempfile.TemporaryDirectory(prefix="organizer-bench-") as tmp:
        root = Path(tmp)
        files = []
        for i in range(200):
            path = root / "in" / f"report-{i:03d}.pdf"
            path.parent.mkdir(exist_ok=True)
            path.write_bytes(text_pdf(i))
            files.append(path)
        raw_extraction(files[:10])  # warm the page cache and the library
        raw = raw_extraction(files)
        total, startup, imported = timed_import(root / "vault", files, params)
        print(f"200 text PDFs x 5 pages: raw pypdfium2 extraction {raw:.2f} s (one process)")
        print(f"  import into a fresh vault: {total:.2f} s including {startup:.2f} s worker start-up;"
              f" {imported} imported")
        print(f"  ratio import/raw = {total / raw:.2f} (target <= 1.5); "
              f"without start-up {(total - startup) / raw:.2f}")

        big = []
        for i in range(50):
            path = root / "big" / f"scan-{i:02d}.pdf"
            path.parent.mkdir(exist_ok=True)
            path.write_bytes(image_pdf(10, i))
            big.append(path)
        size = sum(p.stat().st_size for p in big) / 1e6
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        total, _, imported = timed_import(root / "vault-big", big, params)
        parent = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        print(f"{len(big)} scanned PDFs, {size:.0f} MB in all: imported {imported} in {total:.1f} s")
        print(f"  peak memory: app process {parent:.0f} MB (before the batch {before:.0f} MB), "
              f"largest reader process {children:.0f} MB (target <= 300 MB)")


if __name__ == "__main__":
    main()
