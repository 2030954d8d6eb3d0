"""Benchmark: event-loop latency of the Records page while it imports 200 text PDFs, then while
the text of scanned pages is recognised (offscreen). Target: the loop is never blocked > 100 ms."""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtCore import QElapsedTimer, QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

from organizer.core.session import Session
from organizer.core.vault import KdfParams
from organizer.ui.records import RecordsPage
from organizer.ui.style import STYLE_SHEET
from organizer.ui.workers import TaskPool
from tests.samples import numbered_report_pdf

FILES = 200
TICK_MS = 10
BENCH_KDF = KdfParams(8192, 1, 1)  # the benchmark measures the GUI, not key derivation


def text_pdf(seed: int, pages: int = 3) -> bytes:
    return numbered_report_pdf(seed, pages, lines=40)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def finished(page: RecordsPage, count: int) -> bool:
    return (not page.is_busy and page.flow.summary is None
            and page.records.model.rowCount() >= count)


def scanned_pdf_pages(count: int) -> bytes:
    """A scanned report of `count` pages (page pictures only: every page needs recognition)."""
    from tests.ocr_scans import degrade, render_page, report_pdf, scanned_pdf

    body = "\n".join(f"Line {n}: the specimen shows no tumour at the margins." for n in range(30))
    source = report_pdf("SURGICAL PATHOLOGY REPORT", ["Patient: Jane Q Doe"], body)
    return scanned_pdf([degrade(render_page(source), seed) for seed in range(count)])


def main() -> None:
    app = QApplication.instance() or QApplication([])
    app.setStyleSheet(STYLE_SHEET)
    scans = int(sys.argv[sys.argv.index("--scans") + 1]) if "--scans" in sys.argv else 4
    for label, files in (("text PDFs", [text_pdf(n) for n in range(FILES)]),
                         (f"a scan of {scans} pages (text recognition)", [scanned_pdf_pages(scans)])):
        measure(app, label, files)


def measure(app: QApplication, label: str, files: list[bytes]) -> None:
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        sources = []
        for n, data in enumerate(files):
            path = folder / "in" / f"report-{n:03}.pdf"
            path.parent.mkdir(exist_ok=True)
            path.write_bytes(data)
            sources.append(path)
        session = Session(BENCH_KDF)
        session.create_vault(folder / "vault", "benchmark passphrase", "Jane Q Doe", "1962-03-14")
        session.warm_up_reader()
        page = RecordsPage(session)
        page.resize(1200, 800)
        page.show()
        page.set_person(session.people()[0])
        while page.is_busy:
            app.processEvents()

        gaps: list[float] = []
        clock = QElapsedTimer()
        ticker = QTimer()
        ticker.setInterval(TICK_MS)

        def tick() -> None:
            gaps.append(clock.restart() - TICK_MS)
            summary = page.flow.summary
            if summary is not None and summary.isVisible():
                summary.accept()

        ticker.timeout.connect(tick)
        started = time.perf_counter()
        clock.start()
        ticker.start()
        page.import_paths(sources)
        loop = QEventLoop()
        watcher = QTimer()
        watcher.timeout.connect(lambda: loop.quit() if finished(page, len(files)) else None)
        watcher.start(50)
        loop.exec()
        watcher.stop()
        elapsed = time.perf_counter() - started
        ticker.stop()
        TaskPool.of(page).wait()
        page.clear()
        session.close()
        page.deleteLater()
        app.processEvents()

    latencies = [max(0.0, g) for g in gaps[1:]]
    print(f"GUI import of {len(files)} file(s), {label}, through RecordsPage.import_paths: "
          f"{elapsed:.1f} s, {len(latencies)} timer ticks")
    print(f"event-loop latency: max {max(latencies):.0f} ms, "
          f"99th percentile {percentile(latencies, 0.99):.0f} ms, "
          f"median {percentile(latencies, 0.5):.0f} ms (target: max < 100 ms)")


if __name__ == "__main__":
    main()
