"""Reading files in worker processes: limits on time and memory, crashes, cancelling; the corpus."""

from __future__ import annotations

import csv
import io
import multiprocessing
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pikepdf
import pytest

from organizer.core.errors import (
    EmptyFile,
    FileTooComplex,
    IntakeError,
    PasswordRequired,
)
from organizer.core.intake.analysis import Analysis
from organizer.core.intake.metadata import extract_metadata
from organizer.core.intake.sandbox import FileReader
from organizer.core.intake.text import extract_text
from tests.samples import text_pdf

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"
TIMEOUT = 3.0


def one_line_pdf(line: str) -> bytes:
    return text_pdf([[line]])


@pytest.fixture(scope="module")
def reader() -> Iterator[FileReader]:
    with FileReader(workers=2, timeout=TIMEOUT, test_hooks=True) as shared:
        shared.start()
        yield shared


def test_files_are_read_in_workers_and_keep_their_original_bytes(reader: FileReader) -> None:
    files = [one_line_pdf(f"OPERATIVE REPORT number {n}") for n in range(6)]
    results = dict(reader.read_many((data, f"{n}.pdf", None) for n, data in enumerate(files)))
    assert sorted(results) == list(range(6))
    for index, result in results.items():
        assert isinstance(result, Analysis)
        assert result.original == files[index]
        assert f"number {index}" in result.text


def test_typed_errors_come_back_from_the_workers(reader: FileReader) -> None:
    locked = io.BytesIO()
    with pikepdf.open(io.BytesIO(one_line_pdf("secret"))) as pdf:
        pdf.save(locked, encryption=pikepdf.Encryption(user="pw", owner="pw2"))
    results = dict(reader.read_many([(b"", "empty.pdf", None), (locked.getvalue(), "l.pdf", None)]))
    assert isinstance(results[0], EmptyFile) and results[0].message
    assert isinstance(results[1], PasswordRequired)
    assert isinstance(reader.read_one(locked.getvalue(), "l.pdf", "pw"), Analysis)


def test_a_file_that_hangs_times_out_and_the_others_still_finish(reader: FileReader) -> None:
    items = [(b"#sandbox:hang", "hang.pdf", None)] + [
        (one_line_pdf(f"fine {n}"), f"{n}.pdf", None) for n in range(3)
    ]
    results = dict(reader.read_many(items))  # the test's own timeout catches a reader that hangs
    assert isinstance(results[0], FileTooComplex) and "too long" in results[0].message
    assert results[0].details == f"over {TIMEOUT:g} s"
    assert all(isinstance(results[n], Analysis) for n in (1, 2, 3))


def test_a_worker_crash_is_reported_for_that_file_only(reader: FileReader) -> None:
    items = [(b"#sandbox:crash", "crash.pdf", None), (one_line_pdf("after"), "after.pdf", None)]
    results = dict(reader.read_many(items))
    assert isinstance(results[0], FileTooComplex) and "stop" in results[0].message
    assert isinstance(results[1], Analysis)
    assert isinstance(reader.read_one(one_line_pdf("again"), "again.pdf"), Analysis)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="memory cap is POSIX/Linux")
def test_a_file_needing_too_much_memory_is_stopped(reader: FileReader) -> None:
    ((_, result),) = reader.read_many([(b"#sandbox:memory", "bomb.pdf", None)])
    assert isinstance(result, FileTooComplex) and "memory" in result.message


def test_an_unexpected_failure_becomes_a_plain_error(reader: FileReader) -> None:
    ((_, result),) = reader.read_many([(b"#sandbox:bug", "odd.pdf", None)])
    assert isinstance(result, IntakeError) and "unexpected" in result.message


def test_cancel_stops_handing_out_files(reader: FileReader) -> None:
    items = [(one_line_pdf(f"file {n}"), f"{n}.pdf", None) for n in range(20)]
    seen = []
    for index, _ in reader.read_many(items):
        seen.append(index)
        reader.cancel()
    assert 1 <= len(seen) <= 3
    assert len(list(reader.read_many(items[:2]))) == 2  # a new batch starts afresh


def test_stopping_early_leaves_the_reader_usable(reader: FileReader) -> None:
    items = [(b"#sandbox:hang", "h.pdf", None)] * 2 + [(one_line_pdf("x"), "x.pdf", None)]
    for _ in reader.read_many(items[2:] + items[:2]):
        break
    assert isinstance(reader.read_one(one_line_pdf("later"), "later.pdf"), Analysis)


def test_closing_stops_the_workers() -> None:
    reader = FileReader(workers=1)
    reader.start()
    pids = {worker.process.pid for worker in reader._workers}
    assert pids <= {child.pid for child in multiprocessing.active_children()}
    reader.close()
    assert pids.isdisjoint(child.pid for child in multiprocessing.active_children())
    with pytest.raises(RuntimeError):
        reader.start()


# --- the shared corpus -------------------------------------------------------------------------


def _manifest() -> list[dict[str, str]]:
    path = CORPUS / "pdfs" / "manifest.csv"
    if not path.is_file():
        pytest.skip("corpus not present")
    with path.open(newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.mark.corpus
def test_every_corpus_pdf_gets_an_answer_in_time() -> None:
    rows = _manifest()
    items = [((CORPUS / "pdfs" / row["file"]).read_bytes(), row["file"], None) for row in rows]
    started = time.monotonic()
    answers: dict[int, Analysis | IntakeError] = {}
    # Reading robustness within a time budget; recognising the scanned and drawing-only pages
    # (minutes on a small machine) is covered by tests/core/test_ocr_*.py.
    with FileReader(timeout=10.0, recognise=False) as reader:
        for index, result in reader.read_many(items):
            answers[index] = result
    assert sorted(answers) == list(range(len(rows)))
    assert time.monotonic() - started < 10.0 * len(rows) / 2 + 10
    for index, row in enumerate(rows):
        result = answers[index]
        if isinstance(result, IntakeError):
            assert result.message.strip(), row["file"]
            assert not isinstance(result, FileTooComplex), row["file"]
        if row["expect"] == "password":
            assert isinstance(result, PasswordRequired), row["file"]
        elif row["expect"] == "ok":
            assert isinstance(result, Analysis), (row["file"], result)
        if row["kind"] == "text" and isinstance(result, Analysis):
            assert result.text.strip(), row["file"]


@pytest.mark.corpus
def test_metadata_extraction_runs_over_the_classify_corpus() -> None:
    folder = CORPUS / "classify"
    if not folder.is_dir():
        pytest.skip("corpus not present")
    files = sorted(folder.glob("*.pdf"))
    assert files
    for path in files:
        extract_metadata(extract_text(path.read_bytes()).text)


def test_workers_start_even_when_the_main_program_cannot_be_reimported(tmp_path: Path) -> None:
    """A script from stdin (no file, no main guard) must not crash every worker as it starts."""
    pdf = tmp_path / "one.pdf"
    pdf.write_bytes(one_line_pdf("SURGICAL PATHOLOGY REPORT"))
    script = (
        "from organizer.core.intake.sandbox import FileReader\n"
        f"data = open({str(pdf)!r}, 'rb').read()\n"
        "with FileReader(workers=1) as reader:\n"
        "    print(reader.read_one(data, 'one.pdf').pages)\n"
    )
    done = subprocess.run([sys.executable, "-"], input=script, capture_output=True, text=True,
                          timeout=60, check=False, cwd=Path(__file__).resolve().parents[2])
    assert done.stdout.strip() == "1", done.stderr[-2000:]
    assert "Traceback" not in done.stderr
