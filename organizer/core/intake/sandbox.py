"""Read files in worker processes with time and memory limits, so one hostile file cannot hurt."""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import sys
import threading
import time
import types
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from types import TracebackType
from typing import Any

from organizer.core import errors
from organizer.core.child_environment import secrets_hidden
from organizer.core.errors import FileTooComplex, IntakeError
from organizer.core.i18n import N_
from organizer.core.intake.analysis import Analysis, analyse
from organizer.core.intake.sandbox_hooks import misbehave
from organizer.core.process_guard import disable_core_dumps

DEFAULT_TIMEOUT = 10.0
DEFAULT_MEMORY_LIMIT = 3 * 1024**3 // 2
"""Address space allowed to one worker (1.5 GiB; POSIX only)."""
MAX_WORKERS = 2

Item = tuple[bytes, str, str | None]
"""(file content, file name, PDF password or None)."""
Result = Analysis | IntakeError

_TIMED_OUT = (
    "This file took too long to read and was skipped. It may be very large or unusually "
    "built. Try saving or printing it again as a new PDF, then add that copy."
)
_CRASHED = (
    "This file made the reader stop, so it was skipped. It may be damaged or unusually built. "
    "Try saving or printing it again as a new PDF, then add that copy."
)
_TOO_BIG = (
    "This file needs more memory than is safe to read, so it was skipped. Try saving or "
    "printing it again as a new PDF (or in smaller parts), then add that copy."
)
_UNEXPECTED = (
    N_("This file could not be read because of an unexpected problem. It may be damaged or use "
    "features we do not support.")
)
_ERRORS: dict[str, type[IntakeError]] = {
    cls.__name__: cls
    for cls in vars(errors).values()
    if isinstance(cls, type) and issubclass(cls, IntakeError)
}


def _limit_memory(limit: int | None) -> None:
    if limit is None or not sys.platform.startswith(("linux", "darwin", "freebsd")):
        return
    import resource

    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def _work(data: bytes, filename: str, password: str | None, hooks: bool) -> tuple[Any, ...]:
    try:
        if hooks:
            misbehave(data)
        return ("ok", replace(analyse(data, filename, password), original=b""))
    except IntakeError as exc:
        return ("error", type(exc).__name__, exc.message, exc.details)
    except MemoryError:
        return ("error", FileTooComplex.__name__, _TOO_BIG, "MemoryError")
    except Exception as exc:  # a bug or a library failure must not stop the other files
        return ("error", IntakeError.__name__, _UNEXPECTED, repr(exc))


def _load_readers() -> None:
    """Import the PDF libraries as the worker starts (analysis loads them lazily, so that the
    process storing the results does without them), not while the first file waits."""
    import pypdfium2  # noqa: F401

    import organizer.core.intake.pdf_check  # noqa: F401


def _worker_main(conn: Connection, memory_limit: int | None, hooks: bool) -> None:
    """Worker loop: receive (index, data, filename, password), answer (index, payload)."""
    _load_readers()
    _limit_memory(memory_limit)
    disable_core_dumps()  # the worker holds decrypted record content
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            return
        if message is None:
            return
        index, data, filename, password = message
        payload = _work(data, filename, password, hooks)
        try:
            conn.send((index, payload))
        except MemoryError:
            conn.send((index, ("error", FileTooComplex.__name__, _TOO_BIG, "MemoryError")))


@dataclass
class _Worker:
    process: BaseProcess
    conn: Connection
    index: int | None = None
    started: float = 0.0


@dataclass
class _Feed:
    """The files of one read_many call not yet handed out, and the originals being read."""

    source: Iterator[tuple[int, Item]]
    originals: dict[int, bytes] = field(default_factory=dict)
    exhausted: bool = False


class FileReader:
    """A small pool of worker processes that read files with a time and memory limit each.

    Use as a context manager (or call close()). Results come back as soon as each file is
    done, so callers can show progress; a file that hangs or crashes its worker gets
    FileTooComplex and the worker is replaced.
    """

    def __init__(
        self,
        workers: int | None = None,
        timeout: float = DEFAULT_TIMEOUT,
        memory_limit: int | None = DEFAULT_MEMORY_LIMIT,
        *,
        test_hooks: bool = False,
    ) -> None:
        self._size = max(1, workers or min(MAX_WORKERS, os.cpu_count() or 1))
        self._timeout = timeout
        self._memory_limit = memory_limit
        self._hooks = test_hooks
        self._context = multiprocessing.get_context("spawn")
        self._workers: list[_Worker] = []
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
            self._workers.append(self._spawn())

    def _spawn(self) -> _Worker:
        parent, child = self._context.Pipe(duplex=True)
        process = self._context.Process(
            target=_worker_main,
            args=(child, self._memory_limit, self._hooks),
            name="organizer-file-reader",
            daemon=True,
        )
        with _main_module_hidden(), secrets_hidden():
            process.start()
        child.close()
        return _Worker(process, parent)

    def _replace(self, worker: _Worker) -> None:
        _stop(worker, at_once=True)
        self._workers[self._workers.index(worker)] = self._spawn()

    def cancel(self) -> None:
        """Stop handing out further files (files being read still finish). Thread-safe."""
        self._cancelled.set()

    def read_one(self, data: bytes, filename: str, password: str | None = None) -> Analysis:
        """Read one file in a worker; raises its IntakeError."""
        for _, result in self.read_many([(data, filename, password)]):
            if isinstance(result, IntakeError):
                raise result
            return result
        raise FileTooComplex(_UNEXPECTED)  # pragma: no cover - cancelled before it started

    def read_many(self, items: Iterable[Item]) -> Iterator[tuple[int, Result]]:
        """Read files, yielding (position in *items*, Analysis or IntakeError) as each is done.

        A worker gets its next file before the previous answer is handed to the caller, so
        the workers keep reading while the caller stores what they read.
        """
        self._cancelled.clear()
        self.start()
        feed = _Feed(enumerate(items))
        try:
            while True:
                for worker in self._workers:
                    if worker.index is None and not self._hand_out(worker, feed):
                        break
                busy = [worker for worker in self._workers if worker.index is not None]
                if not busy:
                    return
                deadline = min(worker.started for worker in busy) + self._timeout
                waitables: list[Any] = [w.conn for w in busy] + [w.process.sentinel for w in busy]
                ready = wait(waitables, timeout=max(0.0, deadline - time.monotonic()))
                done = [self._collect(w, ready) for w in busy]
                for index, result in (outcome for outcome in done if outcome is not None):
                    data = feed.originals.pop(index)
                    if isinstance(result, Analysis):
                        result = replace(result, original=data)
                    idle = next((w for w in self._workers if w.index is None), None)
                    if idle is not None:
                        self._hand_out(idle, feed)
                    yield index, result
        finally:
            for worker in list(self._workers):
                if worker.index is not None:  # the caller stopped early: drop unfinished work
                    self._replace(worker)

    def _hand_out(self, worker: _Worker, feed: _Feed) -> bool:
        """Send the next file to an idle worker; False when there is none to send (or cancelled)."""
        if feed.exhausted or self._cancelled.is_set():
            return False
        item = next(feed.source, None)
        if item is None:
            feed.exhausted = True
            return False
        index, (data, filename, password) = item
        feed.originals[index] = data
        self._send(worker, index, data, filename, password)
        return True

    def _send(
        self, worker: _Worker, index: int, data: bytes, filename: str, password: str | None
    ) -> None:
        worker.index, worker.started = index, time.monotonic()
        # A worker that died while idle cannot take the file; _collect then reports it.
        with contextlib.suppress(BrokenPipeError, EOFError, OSError):
            worker.conn.send((index, data, filename, password))

    def _collect(self, worker: _Worker, ready: list[Any]) -> tuple[int, Result] | None:
        index = worker.index
        assert index is not None
        if worker.conn in ready or worker.conn.poll():
            try:
                answer_index, payload = worker.conn.recv()
            except (EOFError, OSError):
                self._replace(worker)
                return index, FileTooComplex(_CRASHED, details="worker pipe closed")
            worker.index = None
            return answer_index, _result(payload)
        if worker.process.sentinel in ready or not worker.process.is_alive():
            worker.process.join(0.5)
            code = worker.process.exitcode
            self._replace(worker)
            return index, FileTooComplex(_CRASHED, details=f"worker exit code {code}")
        if time.monotonic() - worker.started >= self._timeout:
            self._replace(worker)
            return index, FileTooComplex(_TIMED_OUT, details=f"over {self._timeout:g} s")
        return None

    def close(self) -> None:
        """Stop the workers (unfinished reads are abandoned)."""
        self._closed = True
        for worker in self._workers:
            _stop(worker, at_once=worker.index is not None)
        self._workers.clear()


@contextlib.contextmanager
def _main_module_hidden() -> Iterator[None]:
    """Start workers without making them re-import the program's main script.

    'spawn' normally re-runs the parent's __main__ in each worker; a script without an
    `if __name__ == "__main__"` guard, code run from stdin or an embedding host would then
    crash every worker as it starts. The worker needs nothing from __main__: only this module.
    Frozen builds are left alone (their bootloader and freeze_support handle workers).
    """
    if getattr(sys, "frozen", False):
        yield
        return
    main = sys.modules.get("__main__")
    sys.modules["__main__"] = types.ModuleType("__main__")
    try:
        yield
    finally:
        if main is not None:
            sys.modules["__main__"] = main


def _result(payload: tuple[Any, ...]) -> Result:
    if payload[0] == "ok":
        analysis: Analysis = payload[1]
        return analysis
    _, name, message, details = payload
    return _ERRORS.get(name, IntakeError)(message, details=details)


def _stop(worker: _Worker, *, at_once: bool) -> None:
    process = worker.process
    if not at_once:
        with contextlib.suppress(OSError, ValueError):
            worker.conn.send(None)
        process.join(1.0)
    if process.is_alive():
        process.kill()
        process.join(5.0)
    worker.conn.close()
    with contextlib.suppress(ValueError):
        process.close()
