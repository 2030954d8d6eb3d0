"""Where packet files go: temp files beside the target, renamed into place only when all are good."""

from __future__ import annotations

import contextlib
import io
import os
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from types import TracebackType
from typing import BinaryIO

from organizer.core.packet.options import WrittenPart
from organizer.core.packet.saving import sha256_of
from organizer.core.vault.atomic import TEMP_PREFIX, fsync_folder

Finish = Callable[[int], WrittenPart]


def part_path(out: Path, number: int, total: int) -> Path:
    """`packet.pdf` → `packet-part2-of-3.pdf`."""
    return out.with_name(f"{out.stem}-part{number}-of-{total}{out.suffix or '.pdf'}")


class Output:
    """Collects rendered parts; `commit` puts them all in place, `discard` throws them away."""

    def __init__(self, out: Path | BinaryIO) -> None:
        self.out = out
        self._pending: list[tuple[BinaryIO, Path | None, WrittenPart]] = []

    @property
    def can_split(self) -> bool:
        return isinstance(self.out, Path)

    @contextlib.contextmanager
    def part(self, number: int, total: int) -> Iterator[tuple[BinaryIO, Finish]]:
        """A sink to save one part into, and `finish(pages)` to call once it is saved."""
        target = None
        if isinstance(self.out, Path):
            target = self.out if total == 1 else part_path(self.out, number, total)
            sink: BinaryIO = open(_temp_name(target), "w+b")  # noqa: SIM115 - closed on commit/discard
        else:
            sink = io.BytesIO()

        def finish(pages: int) -> WrittenPart:
            sink.flush()
            size = sink.seek(0, os.SEEK_END)
            written = WrittenPart(number, target, size, sha256_of(sink), pages)
            self._pending.append((sink, target, written))
            return written

        try:
            yield sink, finish
        except BaseException:
            _remove(sink)
            raise

    def discard(self) -> None:
        for sink, _, _ in self._pending:
            _remove(sink)
        self._pending.clear()

    def commit(self) -> tuple[WrittenPart, ...]:
        """Move every part into place (durably), or copy the one part into the stream."""
        written = []
        for sink, target, part in self._pending:
            if target is None:
                assert not isinstance(self.out, Path)
                sink.seek(0)
                self.out.write(sink.read())
            else:
                os.fsync(sink.fileno())
                sink.close()
                os.replace(sink.name, target)
            written.append(replace(part, path=target))
        self._pending.clear()
        if isinstance(self.out, Path):
            fsync_folder(self.out.parent)
        return tuple(written)

    def __enter__(self) -> Output:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.discard()


def _temp_name(target: Path) -> str:
    fd, name = tempfile.mkstemp(prefix=TEMP_PREFIX, dir=target.parent)
    os.close(fd)
    return name


def _remove(sink: BinaryIO) -> None:
    name = getattr(sink, "name", None)
    sink.close()
    if isinstance(name, str):
        with contextlib.suppress(OSError):
            os.unlink(name)
