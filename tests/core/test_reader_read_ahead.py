"""Each reader is sent its next file while it reads the current one (issue 16, speed): a file
sent ahead is never lost, never blamed for another file's failure, and never read after a cancel."""

from __future__ import annotations

import multiprocessing
import threading
from collections.abc import Iterator

import pytest

from organizer.core.errors import FileTooComplex
from organizer.core.intake.analysis import Analysis
from organizer.core.intake.sandbox import FileReader
from organizer.core.intake.sandbox_pool import MESSAGE_MARGIN, Worker, send_room
from tests.samples import text_pdf


def pdf(n: int) -> bytes:
    return text_pdf([[f"OPERATIVE REPORT number {n}"]])


@pytest.fixture
def sent_ahead(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[int]]:
    """The files each read_many sent ahead, in order."""
    ahead: list[int] = []
    real = FileReader._send_ahead

    def recording(self: FileReader, worker: Worker, feed: object) -> None:
        before = worker.ahead
        real(self, worker, feed)  # type: ignore[arg-type]
        if worker.ahead is not None and worker.ahead != before:
            ahead.append(worker.ahead)

    monkeypatch.setattr(FileReader, "_send_ahead", recording)
    yield ahead


def test_files_are_sent_ahead_and_every_answer_comes_back_once(sent_ahead: list[int]) -> None:
    files = [pdf(n) for n in range(8)]
    with FileReader(workers=2) as reader:
        answers = list(reader.read_many((data, f"{n}.pdf", None) for n, data in enumerate(files)))
    assert sorted(index for index, _ in answers) == list(range(8))
    assert all(isinstance(a, Analysis) and a.original == files[i] for i, a in answers)
    assert sent_ahead  # the readers did not wait for the importing process between files


def test_a_crash_blames_only_its_own_file_and_the_file_sent_ahead_is_read_again(
    sent_ahead: list[int],
) -> None:
    items = [(b"#sandbox:crash", "crash.pdf", None)] + [(pdf(n), f"{n}.pdf", None) for n in (1, 2)]
    with FileReader(workers=1, test_hooks=True) as reader:
        results = dict(reader.read_many(items))
    assert 1 in sent_ahead  # it was waiting in the reader that stopped
    assert isinstance(results[0], FileTooComplex) and "stop" in results[0].message
    assert isinstance(results[1], Analysis) and isinstance(results[2], Analysis)


def test_a_file_that_hangs_times_out_and_the_one_sent_ahead_is_still_read(
    sent_ahead: list[int],
) -> None:
    items = [(b"#sandbox:hang", "hang.pdf", None), (pdf(1), "1.pdf", None)]
    with FileReader(workers=1, timeout=2.0, test_hooks=True) as reader:
        results = dict(reader.read_many(items))
    assert sent_ahead == [1]
    assert isinstance(results[0], FileTooComplex) and "too long" in results[0].message
    assert isinstance(results[1], Analysis)


def test_after_a_cancel_nothing_more_is_sent_ahead(sent_ahead: list[int]) -> None:
    """File 1 went ahead while file 0 was read, so the reader had started it when the cancel
    came (files being read still finish); nothing is sent after the cancel."""
    cancel = threading.Event()
    items = [(pdf(n), f"{n}.pdf", None) for n in range(6)]
    with FileReader(workers=1) as reader:
        seen = []
        for index, _ in reader.read_many(items, cancel=cancel):
            seen.append(index)
            cancel.set()
        assert sent_ahead == [1] and seen == [0, 1]
        assert len(list(reader.read_many(items[:2]))) == 2  # the next batch starts afresh


def test_a_file_sent_ahead_to_a_reader_still_reading_is_dropped_by_a_cancel() -> None:
    """Two readers: the cancel comes while the second still reads its first file, so the file
    sent ahead to it was not started: that reader is stopped (and replaced) instead."""
    items = [(pdf(0), "0.pdf", None), (b"#sandbox:slow", "slow.pdf", None)] + [
        (pdf(n), f"{n}.pdf", None) for n in range(2, 8)]
    with FileReader(workers=2, test_hooks=True) as reader:
        seen = []
        for index, _ in reader.read_many(items):
            seen.append(index)
            reader.cancel()
    assert seen[0] == 0 and 1 in seen and len(seen) <= 3 and 3 not in seen


def test_only_files_that_fit_in_the_connection_are_sent_ahead() -> None:
    worker = Worker(process=None, conn=None, room=100_000)  # type: ignore[arg-type]
    assert worker.fits_ahead((b"x" * (100_000 - MESSAGE_MARGIN - 5), "a.pdf", None))
    assert not worker.fits_ahead((b"x" * 100_000, "a.pdf", None))
    assert not Worker(process=None, conn=None).fits_ahead((b"", "a", None))  # type: ignore[arg-type]


def test_a_socket_connection_has_room_and_a_plain_pipe_has_none() -> None:
    duplex, other = multiprocessing.Pipe(duplex=True)
    assert send_room(duplex) >= 64 * 1024
    reading, writing = multiprocessing.Pipe(duplex=False)  # os.pipe: no socket options
    assert send_room(writing) == 0
    for conn in (duplex, other, reading, writing):
        conn.close()


@pytest.mark.skipif(not hasattr(__import__("os"), "getpriority"), reason="POSIX priorities")
def test_readers_run_at_a_lower_priority_than_the_app() -> None:
    import os

    from organizer.core.intake.sandbox_worker import READER_NICENESS

    with FileReader(workers=2) as reader:
        assert len(list(reader.read_many([(pdf(1), "1.pdf", None), (pdf(2), "2.pdf", None)]))) == 2
        for worker in reader._workers:
            assert os.getpriority(os.PRIO_PROCESS, worker.process.pid) == \
                os.getpriority(os.PRIO_PROCESS, 0) + READER_NICENESS
