"""Only one reader recognises text (on every core): the others hand it the files that need it."""

from __future__ import annotations

import pytest

from organizer.core.errors import IntakeError
from organizer.core.intake import ocr
from organizer.core.intake.analysis import Analysis
from organizer.core.intake.sandbox import FileReader
from tests.ocr_scans import jpeg_bytes, render_page, report_pdf, scanned_pdf
from tests.samples import text_pdf

pytestmark = pytest.mark.skipif(not ocr.available(), reason="the text recognition engine is not installed")


def small_scan(word: str) -> bytes:
    pdf = report_pdf("OPERATIVE REPORT", [], f"PROCEDURE: {word}.")
    return scanned_pdf([render_page(pdf, 0, 100).crop((0, 0, 850, 300))], 100)


def engine_loaded(reader: FileReader) -> list[str]:
    """What each worker says when asked whether it loaded the engine (worker order)."""
    asked = dict(reader.read_many([(b"#sandbox:engine", "a", None), (b"#sandbox:engine", "b", None)]))
    assert all(isinstance(answer, IntakeError) for answer in asked.values())
    return [str(asked[n].details) for n in range(2)]  # type: ignore[union-attr]


def test_scans_go_to_the_one_reader_that_recognises_and_keep_their_place() -> None:
    files = [small_scan("Lumpectomy"), text_pdf([["OPERATIVE REPORT one"]]),
             small_scan("Mastectomy"), text_pdf([["OPERATIVE REPORT two"]]),
             jpeg_bytes(render_page(report_pdf("PATHOLOGY REPORT", [], "DIAGNOSIS: Carcinoma."), 0, 100)
                        .crop((0, 0, 850, 300)))]
    names = ["a.pdf", "b.pdf", "c.pdf", "d.pdf", "e.jpg"]
    with FileReader(workers=2, test_hooks=True) as reader:
        results = dict(reader.read_many(zip(files, names, [None] * 5, strict=True)))
        loaded = engine_loaded(reader)
    assert sorted(results) == [0, 1, 2, 3, 4]
    answers = [results[n] for n in range(5)]
    assert all(isinstance(a, Analysis) for a in answers), answers
    assert [a.original for a in answers if isinstance(a, Analysis)] == files
    texts = [a.text for a in answers if isinstance(a, Analysis)]
    assert "Lumpectomy" in texts[0] and "Mastectomy" in texts[2] and "Carcinoma" in texts[4]
    assert "one" in texts[1] and "two" in texts[3]
    assert loaded == ["True", "False"]  # the second reader never loaded the engine


def test_a_reader_that_does_not_recognise_keeps_scans_unread_and_loads_no_engine() -> None:
    with FileReader(workers=2, recognise=False, test_hooks=True) as reader:
        results = dict(reader.read_many([(small_scan("Lumpectomy"), "a.pdf", None),
                                         (small_scan("Mastectomy"), "b.pdf", None)]))
        loaded = engine_loaded(reader)
    assert all(isinstance(a, Analysis) and "Lumpectomy" not in a.text for a in results.values())
    assert loaded == ["False", "False"]


def test_cancelling_drops_a_scan_waiting_for_the_reader_that_recognises() -> None:
    import threading

    cancel = threading.Event()
    files = [(small_scan(f"Word{n}"), f"{n}.pdf", None) for n in range(4)]
    with FileReader(workers=2) as reader:
        seen = []
        for index, _ in reader.read_many(files, cancel=cancel):
            seen.append(index)
            cancel.set()
        assert len(seen) < 4
        again = dict(reader.read_many([(text_pdf([["OPERATIVE REPORT again"]]), "x.pdf", None)]))
    assert isinstance(again[0], Analysis) and "again" in again[0].text
