"""Where packet files go: temp files beside the target, renamed into place only when all are good."""

from __future__ import annotations

import contextlib
import io
import os
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from types import TracebackType
from typing import BinaryIO

from organizer.core.packet.options import WrittenPart
from organizer.core.packet.saving import sha256_of
from organizer.core.packet.temp_parts import (
    TempPart,
    clean_leftovers,
    create_part,
    discard,
    put_in_place,
)
from organizer.core.vault.atomic import fsync_folder

Finish = Callable[[int], WrittenPart]


def part_path(out: Path, number: int, total: int) -> Path:
    """`packet.pdf` → `packet-part2-of-3.pdf`."""
    return out.with_name(f"{out.stem}-part{number}-of-{total}{out.suffix or '.pdf'}")


class Output:
    """Collects rendered parts; `commit` puts them all in place, `discard` throws them away.

    `out` is a file path (parts as numbered files beside it), a stream (one file only), or None:
    every part kept in memory, as `kept` after `commit`.
    """

    def __init__(self, out: Path | BinaryIO | None) -> None:
        self.out = out
        self._pending: list[tuple[BinaryIO, TempPart | None, Path | None, WrittenPart]] = []
        self.leftovers_removed = clean_leftovers(out.parent) if isinstance(out, Path) else 0
        self.kept: tuple[bytes, ...] = ()

    @property
    def can_split(self) -> bool:
        return self.out is None or isinstance(self.out, Path)

    @contextlib.contextmanager
    def part(self, number: int, total: int) -> Iterator[tuple[BinaryIO, Finish]]:
        """A sink to save one part into, and `finish(pages)` to call once it is saved."""
        target, temp = None, None
        if isinstance(self.out, Path):
            target = self.out if total == 1 else part_path(self.out, number, total)
            temp = create_part(target.parent)
            sink: BinaryIO = temp.file
        else:
            sink = io.BytesIO()

        def finish(pages: int) -> WrittenPart:
            sink.flush()
            size = sink.seek(0, os.SEEK_END)
            written = WrittenPart(number, target, size, sha256_of(sink), pages)
            self._pending.append((sink, temp, target, written))
            return written

        try:
            yield sink, finish
        except BaseException:
            _remove(sink, temp)
            raise

    def discard(self) -> None:
        for sink, temp, _, _ in self._pending:
            _remove(sink, temp)
        self._pending.clear()

    def commit(self) -> tuple[WrittenPart, ...]:
        """Move every part into place (durably), or copy the one part into the stream."""
        written, kept = [], []
        for sink, temp, target, part in self._pending:
            if temp is None or target is None:
                assert not isinstance(self.out, Path)
                sink.seek(0)
                if self.out is None:
                    kept.append(sink.read())
                else:
                    self.out.write(sink.read())
            else:
                put_in_place(temp, target)
            written.append(replace(part, path=target))
        for sink, temp, _, _ in self._pending:
            if temp is None:
                sink.close()
        self._pending.clear()
        self.kept = tuple(kept)
        if isinstance(self.out, Path):
            fsync_folder(self.out.parent)
        return tuple(written)

    def __enter__(self) -> Output:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.discard()


def _remove(sink: BinaryIO, temp: TempPart | None) -> None:
    if temp is None:
        sink.close()
    else:
        discard(temp)
