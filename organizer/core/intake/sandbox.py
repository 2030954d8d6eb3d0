"""Read files in worker processes with time and memory limits, so one hostile file cannot hurt."""

from __future__ import annotations

import contextlib
import hashlib
import multiprocessing
import os
import threading
import time
from collections.abc import Callable, Generator, Iterable
from dataclasses import replace
from multiprocessing.connection import wait
from types import TracebackType
from typing import Any

from organizer.core.child_environment import secrets_hidden
from organizer.core.errors import FileTooComplex, IntakeError
from organizer.core.intake.analysis import Analysis
from organizer.core.intake.portal.model import ReadableCopy
from organizer.core.intake.sandbox_pool import (
    Feed,
    Item,
    Worker,
    decode,
    send_room,
    stop,
    wait_time,
    waitables,
)
from organizer.core.intake.sandbox_worker import (
    DEFAULT_MEMORY_LIMIT,
    HAND_OVER,
    READABLE,
    UNEXPECTED,
    main_module_hidden,
    worker_main,
)

DEFAULT_TIMEOUT = 10.0
PAGE_TIMEOUT = 90.0
"""Time allowed for recognising the text of one page (3 to 8 s on a laptop core; ten times that
on a machine busy with other work)."""
MAX_WORKERS = 2

Result = Analysis | IntakeError
CopyResult = ReadableCopy | IntakeError
PageProgress = Callable[[int, int, int], None]
"""(position of the file in read_many's items, pages recognised, pages to recognise)."""

__all__ = ["DEFAULT_MEMORY_LIMIT", "DEFAULT_TIMEOUT", "FileReader", "PageProgress"]

_TIMED_OUT = (
    "This file took too long to read and was skipped. It may be very large or unusually "
    "built. Try saving or printing it again as a new PDF, then add that copy."
)
_CRASHED = (
    "This file made the reader stop, so it was skipped. It may be damaged or unusually built. "
    "Try saving or printing it again as a new PDF, then add that copy."
)
class FileReader:
    """A small pool of worker processes that read files with a time and memory limit each.

    Use as a context manager (or call close()). Results come back as soon as each file is
    done, so callers can show progress; a file that hangs or crashes its worker gets
    FileTooComplex and the worker is replaced. Only the first worker recognises text (on
    every core, see ocr.engine): the others hand it the files that need it, so the engine's
    libraries and models are in memory once.
    """

    def __init__(
        self,
        workers: int | None = None,
        timeout: float = DEFAULT_TIMEOUT,
        memory_limit: int | None = DEFAULT_MEMORY_LIMIT,
        *,
        page_timeout: float = PAGE_TIMEOUT,
        recognise: bool = True,
        test_hooks: bool = False,
        writer: bool = False,
    ) -> None:
        self._size = max(1, workers or min(MAX_WORKERS, os.cpu_count() or 1))
        self._timeout = timeout
        self._page_timeout = page_timeout
        self._on_pages: PageProgress | None = None
        self._memory_limit = memory_limit
        self._hooks = test_hooks
        self._recognise = recognise
        self._writer = writer  # load the readable-PDF writer as each worker starts
        self._context = multiprocessing.get_context("spawn")
        self._workers: list[Worker] = []
        self._cancelled = threading.Event()
        self._closed = False

    def __enter__(self) -> FileReader:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def start(self) -> None:
        """Start the worker processes now (otherwise they start with the first file)."""
        if self._closed:
            raise RuntimeError("this FileReader is closed")
        while len(self._workers) < self._size:
            self._workers.append(self._spawn(recogniser=not self._workers))

    def _spawn(self, *, recogniser: bool) -> Worker:
        parent, child = self._context.Pipe(duplex=True)
        recognise = self._recognise and (recogniser or HAND_OVER)
        process = self._context.Process(
            target=worker_main,
            args=(child, self._memory_limit, self._hooks, recognise, self._writer),
            name="organizer-file-reader",
            daemon=True,
        )
        with main_module_hidden(), secrets_hidden():
            process.start()
        child.close()
        return Worker(process, parent, room=send_room(parent), recogniser=recogniser)

    def _replace(self, worker: Worker) -> None:
        stop(worker, at_once=True)
        self._workers[self._workers.index(worker)] = self._spawn(recogniser=worker.recogniser)

    def cancel(self) -> None:
        """Stop handing out further files (files being read still finish). Thread-safe."""
        self._cancelled.set()

    def read_one(self, data: bytes, filename: str, password: str | None = None) -> Analysis:
        """Read one file in a worker; raises its IntakeError."""
        for _, result in self.read_many([(data, filename, password)]):
            if isinstance(result, IntakeError):
                raise result
            return result
        raise FileTooComplex(UNEXPECTED)  # pragma: no cover - cancelled before it started

    def read_many(
        self, items: Iterable[Item], *, cancel: threading.Event | None = None,
        pages: PageProgress | None = None,
    ) -> Generator[tuple[int, Result], None, None]:
        """Read files, yielding (position in *items*, Analysis or IntakeError) as each is done.

        A worker gets its next file before the previous answer is handed to the caller, so
        the workers keep reading while the caller stores what they read. `pages` hears of each
        page whose text is recognised; once `cancel` is set no file is handed out and files in
        the middle of text recognition are dropped (they are not yielded).
        """
        yield from self._run(Feed(enumerate(items)), cancel, pages)

    def readable_copies(
        self, items: Iterable[tuple[bytes, str]], *, cancel: threading.Event | None = None,
    ) -> Generator[tuple[int, CopyResult], None, None]:
        """Write the readable PDF of stored portal downloads (original bytes, file name), yielding
        (position in *items*, ReadableCopy or IntakeError) as each is done: the untrusted XML or
        JSON is parsed here, in a worker, as at import."""
        feed = Feed(((n, (data, name, None)) for n, (data, name) in enumerate(items)), READABLE)
        yield from self._run(feed, cancel, None)

    def _run(self, feed: Feed, cancel: threading.Event | None,
             pages: PageProgress | None) -> Generator[tuple[int, Any], None, None]:
        self._cancelled.clear()
        self._on_pages = pages
        self.start()
        try:
            while True:
                if cancel is not None and cancel.is_set():
                    self._cancelled.set()  # before anything more is handed out or sent ahead
                for worker in self._workers:
                    if worker.index is None and not self._hand_out(worker, feed):
                        break
                busy = [worker for worker in self._workers if worker.index is not None]
                if not busy:
                    return
                for worker in busy:
                    self._send_ahead(worker, feed)
                ready = wait(waitables(busy), timeout=wait_time(busy, cancel))
                if cancel is not None and cancel.is_set():
                    self._drop_recognising(busy, feed)
                    busy = [worker for worker in self._workers if worker.index is not None]
                done = [self._collect(w, ready, feed) for w in busy]
                for index, result in (outcome for outcome in done if outcome is not None):
                    if result is None:  # handed over: it waits for the reader that recognises
                        feed.waiting.append(index)
                        continue
                    data = feed.reading.pop(index)[0]
                    if isinstance(result, Analysis):  # the reader did not hash it (not trusted to)
                        result = replace(result, original=data,
                                         sha256=hashlib.sha256(data).hexdigest())
                    for worker in self._workers:  # idle ones start their next file now
                        if worker.index is None and not self._hand_out(worker, feed):
                            break
                    yield index, result
        finally:
            for worker in list(self._workers):
                if worker.index is not None:  # the caller stopped early: drop unfinished work
                    self._replace(worker)

    def _drop_recognising(self, busy: list[Worker], feed: Feed) -> None:
        """Cancelled: stop handing out, and stop the files whose pages are being recognised."""
        self._cancelled.set()
        for worker in busy:
            if worker.recognising and worker.index is not None:
                feed.reading.pop(worker.index, None)
                self._drop_ahead(worker, feed)
                self._replace(worker)

    def _hand_out(self, worker: Worker, feed: Feed) -> bool:
        """Send the next file to an idle worker; False when there is none to send (or cancelled).

        A file handed over goes to the reader that recognises first; while one waits, the others
        take no new file (so handed-over files cannot pile up in memory)."""
        index = self._next_for(worker, feed)
        if index is None:
            return False
        worker.begin(index, self._timeout)
        self._send(worker, index, feed)
        return True

    def _send_ahead(self, worker: Worker, feed: Feed) -> None:
        """Send a busy worker its next file now, if that fits in its connection's buffer: it
        starts on it as soon as it has answered, while this process stores the answer. Not to a
        reader recognising pages (minutes of work: another reader may be free sooner)."""
        if worker.ahead is not None or worker.recognising:
            return
        upcoming = self._next_for(worker, feed, take=False)
        if upcoming is None or not worker.fits_ahead(feed.reading[upcoming]):
            return
        worker.ahead = self._next_for(worker, feed)
        self._send(worker, upcoming, feed)

    def _next_for(self, worker: Worker, feed: Feed, *, take: bool = True) -> int | None:
        """The file this worker should read next (taken off the feed unless take=False)."""
        if self._cancelled.is_set():
            return None
        if feed.waiting:
            if not worker.recogniser:
                return None
            return feed.waiting.popleft() if take else feed.waiting[0]
        index = feed.peek()
        if index is not None and take:
            feed.upcoming.popleft()
        return index

    def _send(self, worker: Worker, index: int, feed: Feed) -> None:
        # A worker that died while idle cannot take the file; _collect then reports it.
        data, filename, password = feed.reading[index]
        with contextlib.suppress(BrokenPipeError, EOFError, OSError):
            worker.conn.send((index, filename, password, feed.task))
            worker.conn.send_bytes(data)

    def _drop_ahead(self, worker: Worker, feed: Feed, *, again: bool = False) -> None:
        """Forget the file sent ahead to a worker being replaced: hand it out again, or drop it."""
        if worker.ahead is not None:
            if again:
                feed.upcoming.appendleft(worker.ahead)
            else:
                feed.reading.pop(worker.ahead, None)
            worker.ahead = None

    def _collect(self, worker: Worker, ready: list[Any], feed: Feed
                 ) -> tuple[int, Result | CopyResult | None] | None:
        """(index, result) once the worker's file is done (result None: handed over). A file
        sent ahead is then the one being read; after a cancel it is dropped with its reader."""
        index = worker.index
        assert index is not None
        while worker.conn in ready or worker.conn.poll():
            try:
                answer = worker.conn.recv()
            except (EOFError, OSError):
                return self._lost(worker, feed, FileTooComplex(_CRASHED, details="worker pipe closed"))
            if answer[0] == "page":  # ("page", index, done, total): a page was recognised
                self._page_done(worker, answer[1], answer[2], answer[3])
                ready = []
                continue
            worker.next_file(self._timeout)
            if worker.index is not None and self._cancelled.is_set():
                feed.reading.pop(worker.index, None)  # sent ahead, not wanted any more
                worker.index = None
                self._replace(worker)
            return answer[0], None if answer[1] == (HAND_OVER,) else decode(answer[1])
        if worker.process.sentinel in ready or not worker.process.is_alive():
            worker.process.join(0.5)
            code = worker.process.exitcode
            return self._lost(worker, feed, FileTooComplex(_CRASHED, details=f"worker exit code {code}"))
        if time.monotonic() - worker.started >= worker.allowance:
            return self._lost(worker, feed, FileTooComplex(_TIMED_OUT,
                                                           details=f"over {worker.allowance:g} s"))
        return None

    def _lost(self, worker: Worker, feed: Feed, error: FileTooComplex
              ) -> tuple[int, FileTooComplex]:
        """The worker stopped or hung on its file: that file gets `error`; a file sent ahead to
        it is handed out again (the reader had not started it)."""
        index = worker.index
        assert index is not None
        self._drop_ahead(worker, feed, again=True)
        self._replace(worker)
        return index, error

    def _page_done(self, worker: Worker, index: int, done: int, total: int) -> None:
        """Text recognition moved on a page: the file gets a fresh page allowance of time."""
        worker.started, worker.recognising = time.monotonic(), True
        worker.allowance = max(self._timeout, self._page_timeout)
        if self._on_pages is not None:
            self._on_pages(index, done, total)

    def close(self) -> None:
        """Stop the workers (unfinished reads are abandoned)."""
        self._closed = True
        for worker in self._workers:
            stop(worker, at_once=worker.index is not None)
        self._workers.clear()
