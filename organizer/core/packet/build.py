"""Building the packet: open the records, assemble, save, and fit an email size limit if asked."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import BinaryIO

from organizer.core.i18n import in_english, window_text
from organizer.core.packet.assemble import RecordNotCopied, assemble
from organizer.core.packet.content import PacketContent, PacketRecord
from organizer.core.packet.fitting import Sizes, measured_piece, oversized_notes, plan_parts
from organizer.core.packet.front import front_matter
from organizer.core.packet.options import (
    ContentsLine,
    LeftOut,
    PacketCancelled,
    PacketError,
    PacketNeedsSplit,
    PacketOptions,
    PacketResult,
    WrittenPart,
)
from organizer.core.packet.part_output import Output
from organizer.core.packet.part_plan import PartPlan, Piece, record_sort_key
from organizer.core.packet.saving import save_pdf
from organizer.core.packet.sources import OpenedRecord, open_record
from organizer.core.records import RECORD_TYPE_LABELS

FONT_COST = 40_000  # bytes the stamp font and document structure add to a part, at most
SHRINK = 0.85  # when a part comes out over the limit, plan again with this much less room
SPARE = 0.1  # plan again when the measured room is this much more than the first guess
MARGIN = 0.03  # of the limit, kept free when planning with the measured room


@in_english  # the packet is read by the doctor: its words stay English in a Spanish window
def build_packet(content: PacketContent, out: Path | BinaryIO, options: PacketOptions) -> PacketResult:
    """Build the packet into `out` (a file path, or a stream when it fits in one file)."""
    return _build_packet(content, out, options)[0]


def build_packet_in_memory(content: PacketContent,
                           options: PacketOptions) -> tuple[PacketResult, tuple[bytes, ...]]:
    """Build the packet into memory (never a temporary file): the result and each part's bytes,
    split into parts when the size limit asks for it."""
    return _build_packet(content, None, options)


def _build_packet(content: PacketContent, out: Path | BinaryIO | None,
                  options: PacketOptions) -> tuple[PacketResult, tuple[bytes, ...]]:
    with _cyclic_gc_paused():
        opened, left_out = _open_records(content, options)
        fronts: dict[int, list[int]] = {}
        try:
            while True:
                try:
                    with Output(out) as output:
                        parts, warnings = _build(content, _Run(output, options, opened, tuple(left_out),
                                                               fronts))
                        written = output.commit()
                        kept = output.kept
                    break
                except RecordNotCopied as failed:  # build again without it; the cover says so
                    bad = opened.pop(failed.source)
                    bad.close()
                    left_out.append(LeftOut(bad.record.document_id, bad.record.title,
                                            "Its pages could not be copied into the packet."))
                    fronts.clear()
            notes = [f"{r.record.title or r.record.document_id}: {note}" for r in opened for note in r.notes]
        finally:
            for record in opened:
                record.close()
    return PacketResult(written, _contents(parts, fronts), tuple(left_out), (*notes, *warnings)), kept


@contextlib.contextmanager
def _cyclic_gc_paused() -> Iterator[None]:
    """Building makes many short-lived objects (layout, fonts, PDF handles) and no reference
    cycles that need collecting mid-build; pausing Python's cycle collector for the build
    saves its repeated scans of every live object (5–10 ms a packet, more in the GUI process).
    Reference counting still frees memory as usual; a collector that was already off stays off.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _open_records(content: PacketContent,
                  options: PacketOptions) -> tuple[list[OpenedRecord], list[LeftOut]]:
    records = sorted(content.records, key=record_sort_key)
    opened: list[OpenedRecord] = []
    left_out: list[LeftOut] = []
    try:
        for done, record in enumerate(records):
            _step(options, done, len(records), partial(_adding, record))
            result = open_record(record)
            (left_out if isinstance(result, LeftOut) else opened).append(result)  # type: ignore[arg-type]
    except BaseException:
        for item in opened:
            item.close()
        raise
    _step(options, len(records), len(records), lambda: window_text("Putting the packet together"))
    return opened, left_out


def _adding(record: PacketRecord) -> str:
    return window_text("Adding {title}").format(
        title=record.title or window_text(RECORD_TYPE_LABELS[record.type]))


def _step(options: PacketOptions, done: int, total: int, message: Callable[[], str]) -> None:
    """Stop if asked to; else tell the progress (the message is worded only when someone listens)."""
    if options.cancel is not None and options.cancel.is_set():
        raise PacketCancelled(window_text("The packet was not made: you stopped it. Nothing was saved."))
    if options.progress is not None:
        options.progress(done, total, message())


@dataclass
class _Run:
    """What one build works with."""

    output: Output
    options: PacketOptions
    opened: list[OpenedRecord]
    left_out: tuple[LeftOut, ...]
    fronts: dict[int, list[int]]  # part number → where each of its pieces starts (0-based)


def _build(content: PacketContent, run: _Run) -> tuple[tuple[PartPlan, ...], list[str]]:
    opened = run.opened
    whole = PartPlan(1, 1, tuple(Piece(i, r.record, 0, r.pages, r.pages) for i, r in enumerate(opened)))
    limit = run.options.max_bytes
    if limit is None:
        _render(content, whole, (whole,), run, tight=False)
        return (whole,), []
    # With a limit, the one render before any split is already the smallest (recompressed) one.
    if _render(content, whole, (whole,), run, tight=True).size <= limit:
        return (whole,), []
    if not run.output.can_split:
        raise PacketNeedsSplit(window_text("The packet is bigger than the size limit and has to be "
                                           "split into parts, which needs a file name to save to."))
    run.output.discard()
    return _split(content, whole, run, limit)


def _split(content: PacketContent, whole: PartPlan, run: _Run,
           limit: int) -> tuple[tuple[PartPlan, ...], list[str]]:
    front = front_matter(content, PartPlan(1, 2, whole.pieces), (whole,), run.left_out)
    budget = int(limit - len(front.data) - FONT_COST)
    measured: Sizes = {}  # each record's size, measured once
    for _attempt in range(8):
        if budget <= 0:
            break
        fitted = _fit(content, run, limit, plan_parts(run.opened, budget, measured))
        if fitted is not None:
            return _with_spare_room(content, run, limit, budget, measured, fitted)
        budget = int(budget * SHRINK)
    raise PacketError(window_text("The packet could not be split into parts under the size limit; "
                      "the cover and contents alone are too big. Please choose a larger limit."))


_Fitted = tuple[tuple[PartPlan, ...], list[int]]  # the parts and their sizes


def _fit(content: PacketContent, run: _Run, limit: int, parts: tuple[PartPlan, ...]) -> _Fitted | None:
    """Render the planned parts; None (and nothing kept) when one is over the limit.

    A part that holds a single page may be over it: that page alone is too big.
    """
    sizes = [_render(content, part, parts, run, tight=True).size for part in parts]
    if any(s > limit and not _one_page(p) for p, s in zip(parts, sizes, strict=True)):
        run.output.discard()
        return None
    return parts, sizes


def _with_spare_room(content: PacketContent, run: _Run, limit: int, budget: int,
                     measured: Sizes,
                     fitted: _Fitted) -> tuple[tuple[PartPlan, ...], list[str]]:
    """Fewer parts when the first plan left room: it guesses the cover and structure high.

    The rendered parts tell how much room the records really have, read two ways: what the
    most-loaded part added to its records, and what the fullest part left free. The records are
    planned again with each reading (roomiest first, less a margin); the first plan with fewer
    parts whose every part fits is kept, else the first plan is rendered again.
    """
    parts, sizes = fitted
    margin = int(limit * MARGIN)
    added = max(size - sum(measured_piece(piece, measured) for piece in part.pieces)
                for part, size in zip(parts, sizes, strict=True))
    fullest = max((size for size in sizes if size <= limit), default=limit)  # too-big pages aside
    discarded = False
    for roomy in sorted({limit - added - margin, budget + limit - fullest - margin}, reverse=True):
        if len(parts) == 1 or roomy <= budget * (1 + SPARE):
            break
        roomier = plan_parts(run.opened, roomy, measured)
        if len(roomier) >= len(parts):
            continue
        if not discarded:
            run.output.discard()
            discarded = True
        better = _fit(content, run, limit, roomier)
        if better is not None:
            return _with_notes(*better, limit)
    if discarded:  # no fuller plan fitted: the first one did
        again = _fit(content, run, limit, parts)
        assert again is not None
        return _with_notes(*again, limit)
    return _with_notes(parts, sizes, limit)


def _with_notes(parts: tuple[PartPlan, ...], sizes: list[int],
                limit: int) -> tuple[tuple[PartPlan, ...], list[str]]:
    over = [(part, size) for part, size in zip(parts, sizes, strict=True) if size > limit]
    return parts, oversized_notes(over, limit)


def _one_page(part: PartPlan) -> bool:
    return len(part.pieces) == 1 and part.pieces[0].pages == 1


def _render(content: PacketContent, part: PartPlan, parts: tuple[PartPlan, ...], run: _Run, *,
            tight: bool) -> WrittenPart:
    total = len(run.opened)
    _step(run.options, total, total, lambda: window_text("Saving part {number} of {total}").format(
          number=part.number, total=part.total) if part.total > 1 else window_text("Saving the packet"))
    made = assemble(content, part, parts, run.opened, run.left_out, run.options.two_sided)
    run.fronts[part.number] = made.starts
    try:
        with run.output.part(part.number, part.total) as (sink, finish):
            save_pdf(made.pdf, sink, content, run.options.password, tight=tight)
            return finish(len(made.pdf.pages))
    finally:
        made.close()


def _contents(parts: tuple[PartPlan, ...], starts: dict[int, list[int]]) -> tuple[ContentsLine, ...]:
    lines = []
    for part in parts:
        for piece, start in zip(part.pieces, starts[part.number], strict=True):
            r = piece.record
            lines.append(ContentsLine(r.document_id, piece.title, r.type, r.date, part.number, start + 1,
                                      piece.pages, piece.start + 1, piece.record_pages))
    return tuple(lines)
