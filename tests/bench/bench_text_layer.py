"""Benchmark the invisible text layer on scans made from the report corpus: recall, size, time.

Each sampled page of ../shared/corpus/classify is rendered (200 dpi, JPEG, as a scanner makes it)
with its true word boxes; the layer is added straight and on a 2° tilt, read back with pdfium and
poppler's pdftotext, and word recall (words of 4+ letters) measured against the source text.
Run `python tests/bench/bench_text_layer.py [EVERY]` (every EVERY-th report; default 5).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import pypdfium2 as pdfium

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from organizer.core.intake.text_layer import add_text_layer  # noqa: E402
from tests.core.test_text_layer_support import (  # noqa: E402
    long_words,
    mixed_lines,
    pdfium_pages,
    poppler_pages,
    scan_pdf,
    skewed,
    source_page,
)

CORPUS = ROOT.parent / "shared" / "corpus" / "classify"
DPI = 200
EXTRACTORS = {"pdfium": pdfium_pages, "poppler": poppler_pages}


def main(every: int) -> None:
    if not CORPUS.is_dir():
        print("text layer: the shared corpus (../shared/corpus/classify) is not present; skipped")
        return
    found = {(kind, name): 0 for kind in ("straight", "tilted 2°") for name in EXTRACTORS}
    wanted = mixed = pages = layer_bytes = scan_bytes = 0
    seconds = 0.0
    for path in sorted(CORPUS.glob("*.pdf"))[::every]:
        data = path.read_bytes()
        document = pdfium.PdfDocument(data)
        count = len(document)
        document.close()
        for index in range(count):
            source = source_page(data, index, dpi=DPI)
            scan = scan_pdf([source.image], dpi=DPI)
            words = long_words(source.text)
            wanted += sum(words.values())
            for kind, ocr in (("straight", source.ocr), ("tilted 2°", skewed(source.ocr, 2.0))):
                start = time.perf_counter()
                layered = add_text_layer(scan, [ocr])
                if kind == "straight":
                    seconds += time.perf_counter() - start
                    pages, layer_bytes, scan_bytes = pages + 1, layer_bytes + len(layered) - len(scan), \
                        scan_bytes + len(scan)
                for name, extract in EXTRACTORS.items():
                    text = extract(layered)[0]
                    found[kind, name] += sum((words & long_words(text)).values())
                    mixed += len(mixed_lines(source.ocr, text, also=extract(data)[index]))
    print(f"text layer on {pages} scanned corpus pages ({DPI} dpi), words of 4+ letters: {wanted}")
    for (kind, name), hits in found.items():
        print(f"  word recall {kind:10s} {name:8s} {hits / max(1, wanted):.4f}")
    print(f"  lines mixed by the layer (not by the extractor on the text PDF too): {mixed}")
    print(f"  layer size: {layer_bytes / max(1, pages):,.0f} bytes a page (first page includes the "
          f"~1.5 kB font), {100 * layer_bytes / max(1, scan_bytes):.1f} % of the scans' size")
    print(f"  time to add the layer: {1000 * seconds / max(1, pages):.1f} ms a page")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5)
