"""Fitting a packet to an email size limit: split it into parts, each under the limit.

Sizes are measured, not guessed: each record is saved alone (losslessly recompressed) to learn
what it costs; a record bigger than a part can hold is measured page by page and split.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import pikepdf

from organizer.core.packet.plan import PartPlan, Piece
from organizer.core.packet.sources import OpenedRecord

PAGE_OVERHEAD = 600  # bytes a page adds in the packet: stamp, clip reference, page tree entry


@dataclass(frozen=True)
class Oversized:
    """One page that alone is bigger than the limit: it still goes in, in a part of its own."""

    piece: Piece
    size: int


Sizes = dict[tuple[int, int, int], int]  # (record index, first page, stop) → measured bytes


def plan_parts(opened: Sequence[OpenedRecord], budget: int,
               sizes: Sizes | None = None) -> tuple[tuple[PartPlan, ...], list[Oversized]]:
    """Record pieces packed in order into parts whose records cost at most `budget` bytes each.

    `sizes` keeps what was measured, so planning again with another budget measures nothing twice.
    """
    known: Sizes = {} if sizes is None else sizes

    def size_of(index: int, start: int, stop: int) -> int:
        if (index, start, stop) not in known:
            known[index, start, stop] = measured_size(opened[index].pdf, range(start, stop))
        return known[index, start, stop]

    pieces: list[tuple[Piece, int]] = []
    oversized: list[Oversized] = []
    for index, record in enumerate(opened):
        size = size_of(index, 0, record.pages)
        whole = Piece(index, record.record, 0, record.pages, record.pages)
        if size <= budget:
            pieces.append((whole, size))
        else:
            split, too_big = _split_record(index, record, budget, size_of)
            pieces.extend(split)
            oversized.extend(too_big)
    groups = _pack(pieces, budget)
    total = len(groups)
    return tuple(PartPlan(n + 1, total, tuple(g)) for n, g in enumerate(groups)), oversized


def _pack(pieces: list[tuple[Piece, int]], budget: int) -> list[list[Piece]]:
    groups: list[list[Piece]] = [[]]
    used = 0
    for piece, size in pieces:
        if groups[-1] and used + size > budget:
            groups.append([])
            used = 0
        groups[-1].append(piece)
        used += size
    return groups


def _split_record(index: int, record: OpenedRecord, budget: int,
                  size_of: Callable[[int, int, int], int]) -> tuple[list[tuple[Piece, int]], list[Oversized]]:
    """Consecutive runs of a record's pages, each run within `budget` where one page allows."""
    runs: list[tuple[Piece, int]] = []
    oversized: list[Oversized] = []
    start, used = 0, 0
    total = record.pages
    for page in range(total):
        size = size_of(index, page, page + 1)
        if page > start and used + size > budget:
            runs.append((Piece(index, record.record, start, page, total), used))
            start, used = page, 0
        used += size
        if size > budget:
            oversized.append(Oversized(Piece(index, record.record, page, page + 1, total), size))
    runs.append((Piece(index, record.record, start, total, total), used))
    return runs, oversized


def measured_size(source: pikepdf.Pdf, pages: range) -> int:
    """Bytes these pages take when saved on their own with lossless recompression."""
    with pikepdf.new() as alone:
        alone.pages.extend(source.pages[i] for i in pages)
        sink = io.BytesIO()
        alone.save(sink, compress_streams=True, recompress_flate=True,
                   object_stream_mode=pikepdf.ObjectStreamMode.generate)
        return sink.tell() + PAGE_OVERHEAD * len(pages)


def oversized_notes(oversized: list[Oversized], limit: int) -> list[str]:
    """Plain words for pages that alone exceed the limit (they are included, in a part over it)."""
    return [f"Page {o.piece.start + 1} of \"{o.piece.record.title}\" alone is {o.size / 1e6:.1f} MB, "
            f"more than the {limit / 1e6:.1f} MB limit. It is included, but the part that holds it "
            "is over the limit; please send that part another way (for example on a USB drive)."
            for o in oversized]
