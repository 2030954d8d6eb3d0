"""The reader process's side of the sandbox: how a reader starts, and how it reads each file it is
sent within its limits.

Messages from the parent: (index, filename, password, task), then the file's bytes as a message of
their own (not pickled: one copy less each side); task "read" analyses the file, "readable"
writes the readable PDF of a stored portal download (issue 16: made on first need).
Messages to the parent: ("page", index, pages done, pages to recognise) while text recognition
runs (each one gives the file a fresh page allowance of time), then (index, payload) once.
"""

from __future__ import annotations

import contextlib
import os
import sys
import types
from collections.abc import Iterator
from dataclasses import replace
from multiprocessing.connection import Connection
from typing import Any, Literal

from organizer.core.errors import FileTooComplex, IntakeError
from organizer.core.i18n import N_
from organizer.core.intake.analysis import analyse
from organizer.core.intake.ocr.engine import no_telemetry
from organizer.core.intake.portal.safe_xml import LastTree
from organizer.core.intake.sandbox_hooks import misbehave
from organizer.core.process_guard import disable_core_dumps

DEFAULT_MEMORY_LIMIT = 3 * 1024**3 // 2
"""Address space allowed to one worker (1.5 GiB; POSIX only)."""
OCR_MEMORY_LIMIT = 2 * 1024**3
"""Address space while recognising text (2 GiB): the reader that recognises reached 1.0 GiB on
scanned pages and 1.1 GiB on a 16-megapixel PNG photo (its engine's libraries reserve most of
that; about 0.2-0.45 GiB of it is resident)."""

Recognition = bool | Literal["elsewhere"]
"""Whether a reader recognises the text of pages that have none, or hands such files over."""
HAND_OVER = "elsewhere"
"""The payload of a file handed over to the reader that recognises."""

TOO_BIG = (
    "This file needs more memory than is safe to read, so it was skipped. Try saving or "
    "printing it again as a new PDF (or in smaller parts), then add that copy."
)
READER_NICENESS = 10
"""Readers run at a lower priority than the app (POSIX nice): the window stays responsive while
they read and recognise, and the importing process, which stores their answers and hands out
the next files, is never kept waiting for a core (portal set: about 7 % faster to import)."""
IDLE_SECONDS = 0.25
"""A reader that waits this long for a file is idle: it loads the libraries later files need."""
READ, READABLE = "read", "readable"
"""What a worker does with a file: analyse it, or write a stored portal download's readable PDF."""
UNEXPECTED = N_(
    "This file could not be read because of an unexpected problem. It may be damaged or use "
    "features we do not support."
)


def _limit_memory(soft: int | None, hard: int | None) -> None:
    if soft is None or not sys.platform.startswith(("linux", "darwin", "freebsd")):
        return
    import resource

    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_AS, (soft, max(soft, hard or soft)))


class HandOver(Exception):
    """This reader leaves text recognition to the reader that recognises: the file goes there."""


class _Pages:
    """Reports recognition progress to the parent; lifts the memory cap while pages are read.
    In a reader that hands recognition over, it stops the file before the first page instead."""

    def __init__(self, conn: Connection, index: int, limits: tuple[int | None, int | None],
                 hand_over: bool) -> None:
        self.conn, self.index, self.limits, self.hand_over = conn, index, limits, hand_over

    def __call__(self, done: int, total: int) -> None:
        if done == 0 and self.hand_over:
            raise HandOver
        if done == 0:
            _limit_memory(self.limits[1], self.limits[1])
        with contextlib.suppress(BrokenPipeError, OSError):
            self.conn.send(("page", self.index, done, total))


def _work(message: tuple[Any, ...], conn: Connection, limits: tuple[int | None, int | None],
          hooks: bool, recognise: Recognition) -> tuple[Any, ...]:
    index, data, filename, password, task = message
    _limit_memory(*limits)  # back to the normal cap after a file that needed recognition
    try:
        if hooks:
            misbehave(data)
        if task == READABLE:
            from organizer.core.intake.portal.analyse import readable_copy

            return ("ok", readable_copy(data, filename))
        pages = _Pages(conn, index, limits, recognise == "elsewhere")
        found = analyse(data, filename, password, progress=pages, recognise=bool(recognise),
                        digest=False)  # the parent hashes what it sent: not taken on our word
        return ("ok", replace(found, original=b""))
    except HandOver:
        return (HAND_OVER,)
    except IntakeError as exc:
        return ("error", type(exc).__name__, exc.message, exc.details)
    except MemoryError:
        return ("error", FileTooComplex.__name__, TOO_BIG, "MemoryError")
    except Exception as exc:  # a bug or a library failure must not stop the other files
        return ("error", IntakeError.__name__, UNEXPECTED, repr(exc))


def _lower_priority() -> None:
    if hasattr(os, "nice"):  # POSIX; Windows readers keep the normal priority
        with contextlib.suppress(OSError):
            os.nice(READER_NICENESS)


def _load_readers() -> None:
    """Import the PDF libraries while the worker is idle (analysis loads them lazily, so that the
    process storing the results does without them), not while a file waits. The text
    recognition engine is not loaded here: only the first page that needs it loads it."""
    import pypdfium2  # noqa: F401

    import organizer.core.intake.pdf_check  # noqa: F401
    from organizer.core.intake.portal import analyse  # noqa: F401  (C-CDA and FHIR readers)


def _load_writer() -> None:
    """Load the PDF writer and its fonts by writing a tiny readable copy (about half a second
    the first time), so the first record waiting for its readable PDF does not wait for that."""
    from organizer.core.intake.portal.model import PortalDocument
    from organizer.core.intake.portal.readable import readable_pdf

    readable_pdf(PortalDocument("Start"))


def worker_main(conn: Connection, memory_limit: int | None, hooks: bool,
                recognise: Recognition = True, writer: bool = False) -> None:
    """Worker loop: receive (index, data, filename, password, task), answer (index, payload).

    recognise=False leaves pages without a text layer unread (as imports before recognition);
    "elsewhere" answers (HAND_OVER,) for a file with such pages, for the reader that recognises
    (so only one reader loads the engine); writer=True loads the readable-PDF writer at start
    (a reader kept for readable copies). Those libraries load once the reader is idle: files sent
    as it starts are read first (a portal download needs none of the PDF libraries)."""
    no_telemetry()  # before anything can load onnxruntime
    preload = [_load_readers, *([_load_writer] if writer else [])]
    ocr_limit = None if memory_limit is None else max(memory_limit, OCR_MEMORY_LIMIT)
    limits = (memory_limit, ocr_limit)
    _limit_memory(*limits)
    _lower_priority()
    disable_core_dumps()  # the worker holds decrypted record content
    LastTree.enabled = True
    while True:
        try:
            while preload and not conn.poll(IDLE_SECONDS):
                preload.pop(0)()
            message = conn.recv()
            if message is None:
                return
            data = conn.recv_bytes()
        except (EOFError, OSError):
            return
        index, filename, password, task = message
        payload = _work((index, data, filename, password, task), conn, limits, hooks, recognise)
        del data
        try:
            conn.send((index, payload))
        except MemoryError:
            conn.send((index, ("error", FileTooComplex.__name__, TOO_BIG, "MemoryError")))
        finally:
            LastTree.release()  # the answer is out: free the document's tree now


@contextlib.contextmanager
def main_module_hidden() -> Iterator[None]:
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
