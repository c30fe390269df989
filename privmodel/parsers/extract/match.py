"""The result of every extractor: a value found at an exact span of the text."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Generic, TypeVar

import attrs

T = TypeVar("T")


@attrs.frozen
class Match(Generic[T]):
    """``value`` was read from ``text``, which is ``source[start:end]`` of the text passed in."""

    value: T
    start: int
    end: int
    text: str


def select(candidates: Iterable[Match[T]]) -> list[Match[T]]:
    """Non-overlapping matches in text order: earliest first, then longest, greedily."""
    chosen: list[Match[T]] = []
    if not isinstance(candidates, list):
        candidates = list(candidates)
    if not candidates:
        return chosen  # most texts have no candidate: skip the sort
    last_end = -1
    for cand in sorted(candidates, key=lambda m: (m.start, m.start - m.end)):
        if cand.start >= last_end and cand.end > cand.start:
            chosen.append(cand)
            last_end = cand.end
    return chosen


__all__ = ["Match", "select"]
