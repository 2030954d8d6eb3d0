"""Benchmark the record-type rules on the labelled corpus: quality per class, split and speed.

Run `python tests/bench/bench_classify.py` (add `-v` to list the misclassified files).
"""

from __future__ import annotations

import csv
import sys
import time
from collections import Counter
from pathlib import Path

import pypdfium2 as pdfium

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from organizer.core.intake.classify import UNSURE_BELOW, classify_text  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus" / "classify"
Sample = tuple[str, str, str]  # file name, label, text


def pdf_text(path: Path) -> str:
    """All text of a PDF, page after page (kept in memory only)."""
    pdf = pdfium.PdfDocument(path)
    try:
        return "\n".join(page.get_textpage().get_text_range() for page in pdf)
    finally:
        pdf.close()


def load_corpus(folder: Path = CORPUS) -> list[Sample]:
    """The labelled corpus as (file, label, text) triples."""
    with (folder / "labels.csv").open(newline="") as handle:
        rows = list(csv.DictReader(handle))
    return [(row["file"], row["label"], pdf_text(folder / row["file"])) for row in rows]


def is_odd(name: str) -> bool:
    """Whether the file number is odd (the tuning half of the split)."""
    return int("".join(ch for ch in name if ch.isdigit())) % 2 == 1


def prf(pairs: list[tuple[str, str]], label: str) -> tuple[float, float, float]:
    """Precision, recall and F1 of one class over (truth, prediction) pairs."""
    tp = sum(1 for truth, guess in pairs if truth == label and guess == label)
    predicted = sum(1 for _, guess in pairs if guess == label)
    actual = sum(1 for truth, _ in pairs if truth == label)
    precision = tp / predicted if predicted else 0.0
    recall = tp / actual if actual else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def macro_f1(pairs: list[tuple[str, str]]) -> float:
    """Macro-averaged F1 over the classes present in the truth."""
    labels = sorted({truth for truth, _ in pairs})
    return sum(prf(pairs, label)[2] for label in labels) / len(labels)


def print_table(pairs: list[tuple[str, str]]) -> None:
    labels = sorted({truth for truth, _ in pairs})
    print(f"{'class':<12}{'P':>7}{'R':>7}{'F1':>7}{'n':>6}")
    for label in labels:
        precision, recall, f1 = prf(pairs, label)
        count = sum(1 for truth, _ in pairs if truth == label)
        print(f"{label:<12}{precision:7.3f}{recall:7.3f}{f1:7.3f}{count:6d}")
    print(f"macro-F1 {macro_f1(pairs):.3f}  accuracy {accuracy(pairs):.3f}")


def accuracy(pairs: list[tuple[str, str]]) -> float:
    return sum(1 for truth, guess in pairs if truth == guess) / len(pairs) if pairs else 0.0


def print_confusion(pairs: list[tuple[str, str]]) -> None:
    truths = sorted({truth for truth, _ in pairs})
    guesses = sorted({guess for _, guess in pairs} | set(truths))
    counts = Counter(pairs)
    print("truth \\ guess " + "".join(f"{g[:9]:>10}" for g in guesses))
    for truth in truths:
        print(f"{truth:<14}" + "".join(f"{counts[(truth, g)]:>10}" for g in guesses))


def main() -> int:
    if not (CORPUS / "labels.csv").exists():
        print(f"SKIP: corpus not found at {CORPUS}")
        return 0
    samples = load_corpus()
    results, times = [], []
    for _, _, text in samples:
        start = time.perf_counter()
        results.append(classify_text(text))
        times.append(time.perf_counter() - start)
    elapsed = sum(times)
    pairs = [(label, r.best.value) for (_, label, _), r in zip(samples, results, strict=True)]
    print(f"== all {len(pairs)} documents")
    print_table(pairs)
    print_confusion(pairs)
    for name, odd in (("odd (tuning)", True), ("even (held out)", False)):
        half = [p for p, (f, _, _) in zip(pairs, samples, strict=True) if is_odd(f) == odd]
        print(f"== {name}: {len(half)} documents")
        print_table(half)
    sure = [(p, r) for p, r in zip(pairs, results, strict=True) if r.type is not None]
    print(f"== confidence >= {UNSURE_BELOW}: {len(sure)} sure, {len(pairs) - len(sure)} unsure")
    print(f"accuracy when sure {accuracy([p for p, _ in sure]):.3f}")
    right = [r.confidence for p, r in zip(pairs, results, strict=True) if p[0] == p[1]]
    wrong = [r.confidence for p, r in zip(pairs, results, strict=True) if p[0] != p[1]]
    below = sum(1 for w in wrong for r in right if w < r) / (len(wrong) * len(right) or 1)
    print(f"wrong answers' confidence: {sorted(round(w, 2) for w in wrong)}")
    print(f"share of (wrong, right) pairs where the wrong one is less confident: {below:.3f}")
    print(f"speed {len(samples) / elapsed:.0f} docs/s (classification only)")
    ms = sorted(1000 * t for t in times)
    print(f"ms/doc: median {ms[len(ms) // 2]:.2f}, max {ms[-1]:.2f} (first run, nothing cached)")
    huge = "\n".join(text for _, _, text in samples)[:1_000_000]  # about 500 pages
    start = time.perf_counter()
    classify_text(huge)
    print(f"a 500-page text ({len(huge):,} characters): {1000 * (time.perf_counter() - start):.1f} ms")
    for (file, label, _), r in zip(samples, results, strict=True):
        if r.best.value != label and "-v" in sys.argv:
            print(f"  {file} {label} -> {r.best.value} {r.confidence:.2f} {r.evidence[:3]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
