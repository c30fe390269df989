"""Compile lexicon patterns into matchers that return :class:`Match` objects."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from re import _constants as _c  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]
from typing import Any, Generic, TypeVar

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
    """Values, each with the compiled alternation of the patterns that name it.

    Each entry has a :class:`Gate`, and the table one for all of them: most blocks of a
    policy mention none of the values, and the gates say so without running a regex.
    """

    entries: tuple[tuple[V, re.Pattern[str]], ...]
    gates: tuple[Gate, ...] = ()
    gate: Gate = attrs.field(factory=lambda: Gate(None))

    def candidates(self, text: str) -> list[Match[V]]:
        if not self.gate.may_match(text):
            return []
        gates = self.gates or (Gate(None),) * len(self.entries)
        lowered = text.lower()
        return [
            Match(value, m.start(), m.end(), m.group())
            for (value, regex), entry_gate in zip(self.entries, gates, strict=True)
            if entry_gate.may_match_lowered(lowered)
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
    items = [(key, pats) for key, pats in table.items() if pats]
    return PhraseTable(
        tuple((convert(key), compile_phrases(pats)) for key, pats in items),
        tuple(gate(pats) for _, pats in items),
        gate(p for _, pats in items for p in pats),
    )


@attrs.frozen
class Gate:
    """A cheap test that text *may* match some lexicon patterns: one of their anchors occurs.

    An anchor is a literal that every match of a pattern must contain ("datatilsynet"
    for "(?:the )?Datatilsynet"). Looking for plain substrings in lower-cased text is
    two orders of magnitude faster than running a large case-insensitive alternation,
    and most blocks of a policy mention none of a table's values. A pattern with no
    literal of three letters or more leaves the gate always open.
    """

    anchors: tuple[str, ...] | None

    def may_match(self, text: str) -> bool:
        return self.anchors is None or self.may_match_lowered(text.lower())

    def may_match_lowered(self, lowered: str) -> bool:
        """As :meth:`may_match`, for text already lower-cased."""
        return self.anchors is None or any(a in lowered for a in self.anchors)


def gate(patterns: Iterable[str]) -> Gate:
    found: set[str] = set()
    for pattern in patterns:
        anchors = required_literals(pattern_source(pattern))
        if anchors is None:
            return Gate(None)
        found |= anchors
    return Gate(tuple(sorted(found)))


def required_literals(source: str) -> set[str] | None:
    """Literals of which every match of ``source`` contains at least one, or None."""
    try:
        tree = _parser.parse(source, FLAGS)
    except re.error:
        return None
    return _sequence(list(tree))


_MIN_ANCHOR = 3


def _sequence(items: list[tuple[Any, Any]]) -> set[str] | None:
    candidates: list[set[str]] = []
    run = ""
    for op, av in items:
        if op is _c.LITERAL:
            run += chr(av).lower()
            continue
        if len(run) >= _MIN_ANCHOR:
            candidates.append({run})
        run = ""
        sub = _required(op, av)
        if sub is not None:
            candidates.append(sub)
    if len(run) >= _MIN_ANCHOR:
        candidates.append({run})
    # The best anchor set is the one whose shortest member is longest.
    return max(candidates, key=lambda c: min(map(len, c)), default=None)


def _required(op: Any, av: Any) -> set[str] | None:
    if op is _c.SUBPATTERN:
        return _sequence(list(av[-1]))
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT) and av[0] >= 1:
        return _sequence(list(av[2]))
    if op is _c.BRANCH:
        union: set[str] = set()
        for branch in av[1]:
            sub = _sequence(list(branch))
            if sub is None:
                return None
            union |= sub
        return union
    return None
