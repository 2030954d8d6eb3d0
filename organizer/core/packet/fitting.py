"""Fitting a packet to an email size limit: split it into parts, each under the limit.

Sizes are measured, not guessed: each record is saved alone (losslessly recompressed) to learn
what it costs; a record bigger than a part can hold is measured page by page and split.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence

import pikepdf

from organizer.core.packet.assemble import copy_pages
from organizer.core.packet.part_plan import PartPlan, Piece
from organizer.core.packet.sources import OpenedRecord

# Bytes a page adds in the packet: its own small stamp stream (its number), references to the
# shared clip and stamp streams, its page tree entry. About 200; planned high, as the cover and
# structure are, so the first plan rarely overflows a part (the rendered parts then tell the room).
PAGE_OVERHEAD = 400


Sizes = dict[tuple[int, int, int], int]  # (record index, first page, stop) → measured bytes


def plan_parts(opened: Sequence[OpenedRecord], budget: int,
               sizes: Sizes | None = None) -> tuple[PartPlan, ...]:
    """Record pieces packed in order into parts whose records cost at most `budget` bytes each.

    A page bigger than that on its own goes into a part of its own. `sizes` keeps what was
    measured, so planning again with another budget measures nothing twice.
    """
    known: Sizes = {} if sizes is None else sizes

    def size_of(index: int, start: int, stop: int) -> int:
        if (index, start, stop) not in known:
            known[index, start, stop] = measured_size(opened[index], start, stop)
        return known[index, start, stop]

    pieces: list[tuple[Piece, int]] = []
    for index, record in enumerate(opened):
        size = size_of(index, 0, record.pages)
        whole = Piece(index, record.record, 0, record.pages, record.pages)
        if size <= budget:
            pieces.append((whole, size))
        else:
            pieces.extend(_split_record(index, record, budget, size_of))
    groups = _pack(pieces, budget)
    total = len(groups)
    return tuple(PartPlan(n + 1, total, tuple(g)) for n, g in enumerate(groups))


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
                  size_of: Callable[[int, int, int], int]) -> list[tuple[Piece, int]]:
    """Consecutive runs of a record's pages, each run within `budget` where one page allows."""
    runs: list[tuple[Piece, int]] = []
    start, used = 0, 0
    total = record.pages
    for page in range(total):
        size = size_of(index, page, page + 1)
        if page > start and used + size > budget:
            runs.append((Piece(index, record.record, start, page, total), used))
            start, used = page, 0
        used += size
    runs.append((Piece(index, record.record, start, total, total), used))
    return runs


def measured_piece(piece: Piece, sizes: Sizes) -> int:
    """What planning measured for a piece: the whole record's size, or its pages' one by one."""
    whole = sizes.get((piece.source, piece.start, piece.stop))
    if whole is not None:
        return whole
    return sum(sizes.get((piece.source, page, page + 1), 0) for page in range(piece.start, piece.stop))


def measured_size(source: OpenedRecord, start: int, stop: int) -> int:
    """Bytes pages `start` to `stop` take when saved on their own with lossless recompression.

    Copied as the packet copies them (`copy_pages`): `source.pdf.pages[i]` walks the page list on
    every call, which made measuring a big record page by page take time in the square of its pages.
    """
    with pikepdf.new() as alone:
        copy_pages(alone, source, start, stop)
        sink = io.BytesIO()
        alone.save(sink, compress_streams=True, recompress_flate=True,
                   object_stream_mode=pikepdf.ObjectStreamMode.generate)
        return sink.tell() + PAGE_OVERHEAD * (stop - start)


def oversized_notes(over: list[tuple[PartPlan, int]], limit: int) -> list[str]:
    """Plain words for parts over the limit: each holds one page that alone is too big."""
    return [f"Part {part.number} holds only page {part.pieces[0].start + 1} of "
            f"\"{part.pieces[0].record.title}\", which alone makes it {megabytes(size)}, more than the "
            f"{megabytes(limit)} limit. It is included; please send that part another way "
            "(for example on a USB drive)." for part, size in over]


def megabytes(size: int) -> str:
    """"2.4 MB", or "0.14 MB" below one megabyte (so a small size never reads "0.0 MB")."""
    return f"{size / 1e6:.1f} MB" if size >= 1_000_000 else f"{size / 1e6:.2f} MB"
