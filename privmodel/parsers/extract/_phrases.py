"""Compile lexicon patterns into matchers that return :class:`Match` objects."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from typing import Generic, TypeVar

import attrs

from privmodel.parsers.extract.match import Match, select

V = TypeVar("V")
FLAGS = re.IGNORECASE
_SPACE = re.compile(r"(?<![\\\[]) (\?)?")


def pattern_source(pattern: str) -> str:
    """A lexicon pattern as regex source: a space matches any whitespace run, " ?" any or none."""
    return _SPACE.sub(lambda m: r"\s*" if m.group(1) else r"\s+", pattern)


def alternation(patterns: Iterable[str]) -> str:
    """One non-capturing group of ``patterns``, longest first so alternation prefers them."""
    ordered = sorted(set(patterns), key=lambda p: (-len(p), p))
    return "(?:" + "|".join(pattern_source(p) for p in ordered) + ")"


def bounded(source: str) -> str:
    """``source`` wrapped so it neither starts nor ends inside a word."""
    return rf"(?<!\w){source}(?!\w)"


def compile_phrases(patterns: Iterable[str]) -> re.Pattern[str]:
    return re.compile(bounded(alternation(patterns)), FLAGS)


@attrs.frozen
class PhraseTable(Generic[V]):
    """Values, each with the compiled alternation of the patterns that name it."""

    entries: tuple[tuple[V, re.Pattern[str]], ...]

    def candidates(self, text: str) -> list[Match[V]]:
        return [
            Match(value, m.start(), m.end(), m.group())
            for value, regex in self.entries
            for m in regex.finditer(text)
            if m.end() > m.start()
        ]

    def find(self, text: str) -> list[Match[V]]:
        """Non-overlapping matches in text order, the longest where two start together."""
        return select(self.candidates(text))


def build_table(
    table: Mapping[str, list[str]], convert: Callable[[str], V]
) -> PhraseTable[V]:
    """A :class:`PhraseTable` from ``{key: [pattern, ...]}``, keys converted to values."""
    return PhraseTable(
        tuple((convert(key), compile_phrases(pats)) for key, pats in table.items() if pats)
    )
