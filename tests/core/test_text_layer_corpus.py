"""The text layer on scans of the shared report corpus: word recall and unmixed lines, pdfium and poppler."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pypdfium2 as pdfium

from organizer.core.intake.ocr_result import OcrPage
from organizer.core.intake.text_layer import add_text_layer
from tests.core.test_text_layer_support import (
    SourcePage,
    long_words,
    mixed_lines,
    pdfium_pages,
    poppler_pages,
    scan_pdf,
    skewed,
    source_page,
    turned,
)

EVERY = 15  # every 15th report of the corpus (about 30 reports, 45 pages)
EXTRACTORS = {"pdfium": pdfium_pages, "poppler": poppler_pages}


def corpus_pages(corpus: Path) -> Iterator[tuple[str, SourcePage, dict[str, str]]]:
    """Each sampled page with its true words, and its text as each extractor reads the text PDF."""
    for path in sorted((corpus / "classify").glob("*.pdf"))[::EVERY]:
        data = path.read_bytes()
        document = pdfium.PdfDocument(data)
        pages = len(document)
        document.close()
        texts = {name: extract(data) for name, extract in EXTRACTORS.items()}
        for index in range(pages):
            original = {name: text[index] for name, text in texts.items()}
            yield f"{path.name}:{index + 1}", source_page(data, index, dpi=150), original


def variants(number: int, source: SourcePage) -> list[tuple[str, OcrPage, int]]:
    """The page as scanned straight, tilted either way, and (one page in three) stored sideways."""
    turn = (90, 180, 270)[number % 3] if number % 3 == 0 else 0
    return [("straight", source.ocr, 0), ("tilted 2°", skewed(source.ocr, 2.0), 0),
            ("tilted -1.5°", skewed(source.ocr, -1.5), 0),
            *([(f"turned {turn}", turned(source.ocr, turn), turn)] if turn else [])]


def test_corpus_scans_get_a_layer_with_95_percent_word_recall_and_unmixed_lines(corpus: Path) -> None:
    wanted = found = lines = pages = layer_bytes = 0
    found_by = dict.fromkeys(EXTRACTORS, 0)
    mixed: list[str] = []
    for number, (name, source, original) in enumerate(corpus_pages(corpus)):
        for kind, ocr, turn in variants(number, source):
            scan = scan_pdf([source.image], stored_turn=turn)
            layered = add_text_layer(scan, [ocr])
            if kind == "straight":
                pages, layer_bytes = pages + 1, layer_bytes + len(layered) - len(scan)
            words = long_words(source.text)
            for extractor, extract in EXTRACTORS.items():
                text = extract(layered, turn)[0]
                hits = sum((words & long_words(text)).values())
                found_by[extractor] += hits
                wanted, found = wanted + sum(words.values()), found + hits
                lines += len(source.ocr.lines)
                # lines the extractor joins on the text PDF itself too are its way, not the layer's
                mixed += [f"{name} {kind} {extractor}: {line}"
                          for line in mixed_lines(source.ocr, text, also=original[extractor])]
    per_extractor = wanted // len(EXTRACTORS)
    print(f"\ntext layer on {pages} corpus pages: word recall "
          + ", ".join(f"{e} {n / per_extractor:.4f}" for e, n in found_by.items())
          + f"; {len(mixed)} mixed lines of {lines}; {layer_bytes / max(1, pages):.0f} bytes a page")
    assert pages >= 20
    assert all(n / per_extractor >= 0.95 for n in found_by.values())
    assert len(mixed) <= lines // 1000, mixed[:5]
