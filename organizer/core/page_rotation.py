"""Turning a record's pages: the stored file stays as it was; copies are turned in memory.

A page is shown turned by the record's turn (the user's, every page alike: Turn left / right)
plus its own automatic turn, when text recognition found it sideways or upside down (one entry
per turned page in `PageTurns`; the user can switch these off). Both are clockwise, in degrees,
on top of the page's own /Rotate.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pikepdf loads only where pages are turned, not where records are read
    import pikepdf

PageTurns = tuple[tuple[int, int], ...]
"""(page index from 0, degrees clockwise) for each page turned on its own; pages not listed: 0."""


def quarter_turn(value: object) -> int:
    """A page's /Rotate (or any stored turn) as 0, 90, 180 or 270; 0 for anything else."""
    try:
        turn = int(value) % 360  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return 0
    return turn if turn in (0, 90, 180, 270) else 0


def page_turns_of(rotations: Iterable[int]) -> PageTurns:
    """The turns of a record's pages, one per page in order, as the pages that need one."""
    return tuple((index, turn) for index, turn in enumerate(map(quarter_turn, rotations)) if turn)


def turn_pages(pdf: pikepdf.Pdf, degrees: int, pages: PageTurns = ()) -> None:
    """Turn every page of an open PDF clockwise by `degrees` (a multiple of 90), and each page
    listed in `pages` by its own turn as well, on top of the page's own /Rotate."""
    own = dict(pages)
    if degrees % 360 == 0 and not own:
        return
    for index, page in enumerate(pdf.pages):
        turn = (degrees + own.get(index, 0)) % 360
        if turn:
            page.rotate(turn, relative=True)

def turned_pdf(data: bytes, degrees: int, password: str | None = None, pages: PageTurns = ()) -> bytes:
    """The PDF with every page turned (and each page in `pages` by its own turn too), as new bytes
    in memory (opened with `password`, saved without it).

    Used for showing a record: the result is never written to disk.
    """
    if degrees % 360 == 0 and not any(turn % 360 for _, turn in pages):
        return data
    import pikepdf

    with pikepdf.open(io.BytesIO(data), password=password or "") as pdf:
        turn_pages(pdf, degrees, pages)
        out = io.BytesIO()
        pdf.save(out)
    return out.getvalue()


def page_numbers(turns: PageTurns) -> str:
    """The turned pages as people count them, runs joined: "2 and 3" or "1–12, 15 and 20"."""
    from organizer.core.i18n import _

    numbers = sorted({index + 1 for index, turn in turns if turn % 360})
    runs: list[list[int]] = []
    for number in numbers:
        if runs and number == runs[-1][-1] + 1:
            runs[-1].append(number)
        else:
            runs.append([number])
    parts = [f"{run[0]}–{run[-1]}" if len(run) > 2 else ", ".join(map(str, run)) for run in runs]
    listed = ", ".join(parts)
    head, comma, last = listed.rpartition(", ")
    return _("{first} and {last}").format(first=head, last=last) if comma else listed
