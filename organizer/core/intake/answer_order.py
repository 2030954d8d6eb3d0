"""Handing the readers' answers on in the order the files were given, whatever order they finish in."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TypeVar

T = TypeVar("T")


def in_order(answers: Iterable[tuple[int, T]]) -> Iterator[tuple[int, T]]:
    """Answers that come in as each reader finishes, handed on in the order the files were given:
    of two copies of one file, the first given is the one imported (and the summary reads in order).
    Only answers that overtook a slower one wait, so at most about one per reader is held."""
    waiting: dict[int, T] = {}
    expected = 0
    for position, answer in answers:
        waiting[position] = answer
        while expected in waiting:
            yield expected, waiting.pop(expected)
            expected += 1
    yield from sorted(waiting.items())  # after a cancel, positions may be missing
