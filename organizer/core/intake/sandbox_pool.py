"""The parent's view of its reader processes: what each is reading, what it was sent ahead, and
the files of one read_many call still to hand out (used by sandbox.FileReader)."""

from __future__ import annotations

import contextlib
import os
import socket
import threading
import time
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from typing import TYPE_CHECKING, Any

from organizer.core import errors
from organizer.core.errors import IntakeError
from organizer.core.intake.sandbox_worker import READ

if TYPE_CHECKING:
    from organizer.core.intake.analysis import Analysis
    from organizer.core.intake.portal.model import ReadableCopy

Item = tuple[bytes, str, str | None]
"""(file content, file name, PDF password or None)."""

SEND_BUFFER = 1 << 20
"""The send buffer asked for on each reader's connection (the system may give less): a file
that fits in what it gives is sent ahead."""
MESSAGE_MARGIN = 4096
"""Room left in the buffer for the rest of a message: the name, the password, pickling."""


@dataclass
class Worker:
    process: BaseProcess
    conn: Connection
    index: int | None = None
    """The file being read (None: idle)."""
    ahead: int | None = None
    """The file sent while `index` is read: the reader starts it as soon as it has answered,
    without waiting for the importing process, which may be busy storing the last answer."""
    room: int = 0
    """Bytes a message may have to be sent ahead without the send waiting for the reader (0:
    nothing is sent ahead). Bounded so that the parent never blocks on a send while the reader
    blocks on sending a large answer."""
    started: float = 0.0
    allowance: float = 0.0
    """Seconds the file may take from `started` (renewed with each recognised page)."""
    recognising: bool = False
    recogniser: bool = False
    """The one reader that recognises text (the others hand such files over to it)."""

    def fits_ahead(self, item: Item) -> bool:
        return len(item[0]) + len(item[1]) + MESSAGE_MARGIN <= self.room

    def begin(self, index: int | None, allowance: float) -> None:
        """The worker reads `index` from now on (None: it is idle), within `allowance` seconds."""
        self.index, self.started = index, time.monotonic()
        self.allowance, self.recognising = allowance, False

    def next_file(self, allowance: float) -> None:
        """The answer for `index` is in: the file sent ahead, if any, is now being read."""
        ahead, self.ahead = self.ahead, None
        self.begin(ahead, allowance)


@dataclass
class Feed:
    """The files of one read_many call: those not yet handed out (`upcoming`: taken from the
    source early, to see whether they fit ahead, or back from a reader that stopped), the files
    sent to readers, and the files handed over that wait for the reader that recognises."""

    source: Iterator[tuple[int, Item]]
    task: str = READ
    reading: dict[int, Item] = field(default_factory=dict)
    upcoming: deque[int] = field(default_factory=deque)
    waiting: deque[int] = field(default_factory=deque)
    exhausted: bool = False

    def peek(self) -> int | None:
        """The next file to hand out (taken from the source if need be), or None."""
        if not self.upcoming and not self.exhausted:
            item = next(self.source, None)
            if item is None:
                self.exhausted = True
            else:
                self.reading[item[0]] = item[1]
                self.upcoming.append(item[0])
        return self.upcoming[0] if self.upcoming else None


def send_room(conn: Connection) -> int:
    """How many bytes can be sent to a reader that is busy without waiting for it: half its
    socket's send buffer (Linux counts its own bookkeeping in it), raised to SEND_BUFFER where
    the system allows. 0 where the connection is not a socket (Windows pipes)."""
    try:
        sock = socket.socket(fileno=os.dup(conn.fileno()))
    except (OSError, ValueError, AttributeError):
        return 0
    with sock:
        with contextlib.suppress(OSError):
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, SEND_BUFFER)
        try:
            return int(sock.getsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF)) // 2
        except OSError:
            return 0


def waitables(busy: list[Worker]) -> list[Any]:
    return [w.conn for w in busy] + [w.process.sentinel for w in busy]


def wait_time(busy: list[Worker], cancel: threading.Event | None) -> float:
    """Until the first deadline; a quarter second at most when a cancel must be noticed."""
    deadline = min(worker.started + worker.allowance for worker in busy)
    left = max(0.0, deadline - time.monotonic())
    return min(left, 0.25) if cancel is not None else left


def stop(worker: Worker, *, at_once: bool) -> None:
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


_ERRORS: dict[str, type[IntakeError]] = {
    cls.__name__: cls
    for cls in vars(errors).values()
    if isinstance(cls, type) and issubclass(cls, IntakeError)
}


def decode(payload: tuple[Any, ...]) -> Analysis | ReadableCopy | IntakeError:
    """A reader's answer: what it read, or the error it met (rebuilt as the same error type)."""
    if payload[0] == "ok":
        found: Analysis | ReadableCopy = payload[1]
        return found
    _, name, message, details = payload
    return _ERRORS.get(name, IntakeError)(message, details=details)
