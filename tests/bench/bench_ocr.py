"""Benchmark text recognition of scans: speed against the Tesseract command line, word recall,
readers' memory, and how well scans are classified compared with the same documents' text PDFs.

Run `python tests/bench/bench_ocr.py [--pages 20] [--per-label 10]`. Needs ../shared/corpus and,
for the comparison, the `tesseract` command (apt-get install tesseract-ocr tesseract-ocr-spa).
Page pictures are made from corpus/classify with a fixed seed (200 dpi, 1-2 degrees of skew,
grain) and kept in a temporary folder that is removed at the end.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from multiprocessing import active_children
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "bench"))

from bench_classify import macro_f1, prf  # noqa: E402

from organizer.core.intake.analysis import Analysis  # noqa: E402
from organizer.core.intake.classify import classify_text  # noqa: E402
from organizer.core.intake.sandbox import FileReader  # noqa: E402
from tests.ocr_scans import corpus_text, degrade, jpeg_bytes, labels, render_page, scanned_pdf  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"
KEY_TYPES = ("pathology", "operative", "discharge")
_WORD = re.compile(r"[^\W\d_]{4,}")


def words(text: str) -> Counter[str]:
    """Words of 4+ letters, lower case, with how often each occurs."""
    return Counter(word.lower() for word in _WORD.findall(text))


def recall(truth: str, found: str) -> tuple[int, int]:
    """(source words found, source words) counting repeats."""
    wanted, got = words(truth), words(found)
    return sum(min(n, got[w]) for w, n in wanted.items()), sum(wanted.values())


class MemoryWatch:
    """Samples the summed resident memory of this process and its children (the readers)."""

    def __init__(self) -> None:
        self.peak_readers = self.peak_all = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> MemoryWatch:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        while not self._stop.wait(0.1):
            readers = sum(_rss(p.pid) for p in active_children() if p.pid)
            self.peak_readers = max(self.peak_readers, readers)
            self.peak_all = max(self.peak_all, readers + _rss(os.getpid()))


def _rss(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def pick(per_label: int) -> list[tuple[Path, str]]:
    """The first *per_label* files of each label, in name order (stable from run to run)."""
    found = labels(CORPUS)
    chosen: list[tuple[Path, str]] = []
    for label in sorted(set(found.values())):
        names = sorted(name for name, kind in found.items() if kind == label)[:per_label]
        chosen += [(CORPUS / "classify" / name, label) for name in names]
    return chosen


def page_pictures(files: list[Path], dpi: int) -> list[bytes]:
    """JPEG scans of the first page of each file (fixed seeds)."""
    return [jpeg_bytes(degrade(render_page(path, 0, dpi), seed=n)) for n, path in enumerate(files)]


def _cpu_seconds(pids: list[int]) -> float:
    total = 0
    for pid in pids:
        try:
            with open(f"/proc/{pid}/stat") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])  # utime, stime
        except OSError:
            pass
    return total / os.sysconf("SC_CLK_TCK")


def read_ours(pdfs: list[bytes], warm_up: bytes) -> tuple[list[Analysis], float, MemoryWatch]:
    """Read the PDFs with two readers; returns (analyses, wall seconds, memory); prints CPU."""
    with FileReader(workers=2) as reader:
        list(reader.read_many([(warm_up, "a.pdf", None), (warm_up, "b.pdf", None)]))  # engines loaded
        pids = [p.pid for p in active_children() if p.pid]
        cpu = _cpu_seconds(pids)
        start = time.perf_counter()
        with MemoryWatch() as memory:
            results = dict(reader.read_many((pdf, f"{n}.pdf", None) for n, pdf in enumerate(pdfs)))
        seconds = time.perf_counter() - start
        print(f"  (ours: {_cpu_seconds(pids) - cpu:.1f} CPU-seconds in the readers)")
    answers = [results[n] for n in range(len(pdfs))]
    assert all(isinstance(a, Analysis) for a in answers), [a for a in answers if not isinstance(a, Analysis)]
    return [a for a in answers if isinstance(a, Analysis)], seconds, memory


def read_tesseract(pictures: list[Path]) -> tuple[list[str], float]:
    """The tesseract command with its default settings, two pages at a time."""
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}  # one core per page, as our readers

    def one(path: Path) -> str:
        done = subprocess.run(["tesseract", str(path), "stdout", "-l", "eng"], env=env,
                              capture_output=True, text=True, check=True)
        return done.stdout

    import resource

    cpu = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    with ThreadPoolExecutor(2) as pool:
        texts = list(pool.map(one, pictures))
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    used = after.ru_utime + after.ru_stime - cpu.ru_utime - cpu.ru_stime
    print(f"  (tesseract: {used:.1f} CPU-seconds)")
    return texts, seconds


def speed(pages: int) -> None:
    files = [path for path, _ in pick(pages // 6 + 1)][:pages]
    pictures = page_pictures(files, 200)
    truths = [corpus_text(path) for path in files]
    warm = scanned_pdf([_open(pictures[0]).crop((0, 0, 800, 400))], 200)
    ours, ours_s, memory = read_ours([scanned_pdf([_open(p)], 200) for p in pictures], warm)
    print(f"Recognition of {pages} scanned pages (200 dpi, skewed, grain), 2 readers:")
    print(f"  ours (RapidOCR):   {ours_s:6.1f} s   word recall (4+ letters) "
          f"{_recall(truths, [a.text for a in ours]):.3f}")
    print(f"  readers' peak memory {memory.peak_readers / 1e6:.0f} MB; with this process "
          f"{memory.peak_all / 1e6:.0f} MB (target <= 700 MB)")
    if shutil.which("tesseract") is None:
        print("  tesseract: not installed (apt-get install tesseract-ocr) - no comparison")
        return
    with tempfile.TemporaryDirectory() as folder:
        paths = [Path(folder) / f"{n}.jpg" for n in range(len(pictures))]
        for path, picture in zip(paths, pictures, strict=True):
            path.write_bytes(picture)
        texts, tess_s = read_tesseract(paths)
    print(f"  tesseract CLI:     {tess_s:6.1f} s   word recall (4+ letters) "
          f"{_recall(truths, texts):.3f}")
    print(f"  ratio ours / tesseract: {ours_s / tess_s:.2f}x (target <= 3x)")


def _open(picture: bytes) -> object:
    import io

    from PIL import Image

    return Image.open(io.BytesIO(picture))


def _recall(truths: list[str], found: list[str]) -> float:
    pairs = [recall(t, f) for t, f in zip(truths, found, strict=True)]
    return sum(hit for hit, _ in pairs) / max(1, sum(total for _, total in pairs))


def classification(per_label: int) -> None:
    chosen = pick(per_label)
    truth = [label for _, label in chosen]
    text_guess = [classify_text(corpus_text(path)).best.value for path, _ in chosen]
    pictures = page_pictures([path for path, _ in chosen], 150)
    warm = scanned_pdf([_open(pictures[0]).crop((0, 0, 600, 300))], 150)
    ours, seconds, _ = read_ours([scanned_pdf([_open(p)], 150) for p in pictures], warm)
    scan_guess = [a.classification.best.value for a in ours]
    print(f"Classification of first pages, {len(chosen)} documents ({per_label} per label), "
          f"150 dpi scans vs the same pages' text ({seconds:.0f} s to read the scans):")
    text_f1 = macro_f1(list(zip(truth, text_guess, strict=True)))
    scan_f1 = macro_f1(list(zip(truth, scan_guess, strict=True)))
    print(f"  macro-F1: text {text_f1:.3f}, scans {scan_f1:.3f} (difference {text_f1 - scan_f1:+.3f};"
          " target within 0.05)")
    for label in KEY_TYPES:
        p_text = prf(list(zip(truth, text_guess, strict=True)), label)[0]
        p_scan = prf(list(zip(truth, scan_guess, strict=True)), label)[0]
        print(f"  precision {label:<10} text {p_text:.3f}  scans {p_scan:.3f} (target >= 0.93)")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=20)
    parser.add_argument("--per-label", type=int, default=10)
    args = parser.parse_args()
    if not (CORPUS / "classify").is_dir():
        print("bench_ocr: ../shared/corpus is not present - skipped")
        return
    if args.pages:
        speed(args.pages)
    if args.per_label:
        classification(args.per_label)


if __name__ == "__main__":
    main()
