"""Durations in running text: "30 days", "två år", "up to 38 months", "session cookies"."""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from re import _constants as _c  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]
from typing import Any

import attrs

from privmodel.parsers import lexicon
from privmodel.parsers.extract._phrases import (
    FLAGS,
    Phrases,
    alternation,
    bounded,
    compile_gated,
    lowered,
    pattern_source,
    per_text,
)
from privmodel.parsers.extract.match import Match, select
from privmodel.schema.duration import Duration

NEVER = "(?!)"


@attrs.frozen
class DurationSpec:
    """A stated length of time.

    ``duration`` is the length (the upper end of a range), ``minimum`` the lower end where
    one is given, ``is_maximum`` says the text states an upper bound ("up to", "högst", a
    range), and ``session`` marks "for the duration of the session" (no duration).
    """

    duration: Duration | None
    minimum: Duration | None = None
    is_maximum: bool = False
    session: bool = False


@attrs.frozen
class _Grammar:
    regex: re.Pattern[str]
    # Every match of ``regex`` ends in a number, an optional separator and a unit: the
    # literals (lower-cased) with which each unit starts (None: some unit starts otherwise,
    # so the regex always runs), and the endings of the number words.
    unit_literals: tuple[str, ...] | None
    number_ends: tuple[str, ...]
    session: Phrases
    units: tuple[tuple[str, re.Pattern[str]], ...]
    numbers: Mapping[str, int]
    articles: Mapping[str, int]
    article_prefix: re.Pattern[str]


def _alt(patterns: list[str]) -> str:
    return alternation(patterns) if patterns else NEVER


@functools.cache
def _grammar(langs: str) -> _Grammar:
    numbers: dict[str, int] = {}
    articles: dict[str, int] = {}
    for table in lexicon.section("numbers", langs, common=False):
        numbers.update({k.lower(): v for k, v in table.items()})
    for table in lexicon.section("article_numbers", langs, common=False):
        articles.update({k.lower(): v for k, v in table.items()})
    units = lexicon.merged("units", langs, common=False)
    num = _alt([r"\d{1,4}", *(re.escape(w) for w in [*numbers, *articles])])
    unit = _alt([p for ps in units.values() for p in ps])

    def word(key: str) -> str:
        return _alt(lexicon.flat(key, langs, common=False))

    to_ = rf"(?:{word('range_to')}|[-–—])"
    low = rf"(?P<lo>{num}|{word('vague')})(?:[ -](?P<lou>{unit}))?"
    source = (
        rf"(?:(?P<max>{word('duration_max')}) )?"
        rf"(?:(?P<from>{word('range_from')}) {low} (?:{to_}|{word('range_and')}) "
        rf"|(?P<lo2>{num})(?:[ -](?P<lou2>{unit}))? ?{to_} ?)?"
        rf"(?P<n>{num})(?: ?- ?| )?(?P<u>{unit})"
    )
    unit_literals = _starts([p for ps in units.values() for p in ps])
    return _Grammar(
        regex=re.compile(bounded(source.replace(" ", r"\s+").replace(r"\s+?", r"\s*")), FLAGS),
        unit_literals=None if unit_literals is None else tuple(sorted(
            # a unit found where a shorter one starts is found already ("mo" in "month")
            u for u in unit_literals
            if not any(u != v and u.startswith(v) for v in unit_literals))),
        # a number word's last word: "a hundred" may match across any whitespace
        number_ends=tuple(sorted({w.split()[-1] for w in [*numbers, *articles]})),
        session=compile_gated(lexicon.flat("session", langs, common=False)),
        units=tuple((k, re.compile(alternation(p) + r"\Z", FLAGS)) for k, p in units.items()),
        numbers=numbers,
        articles=articles,
        article_prefix=re.compile(
            rf"(?<!\w){_alt(lexicon.flat('article_prefixes', langs, common=False))}\s+\Z", FLAGS
        ),
    )


def _starts(patterns: list[str]) -> set[str] | None:
    """The literals (lower-cased) one of which every match of a unit pattern starts with,
    or None when some pattern starts with no literal."""
    found: set[str] = set()
    for pattern in patterns:
        starts = _leading(list(_parser.parse(pattern_source(pattern), FLAGS)))
        if starts is None:
            return None
        found |= starts
    return found


def _leading(items: list[tuple[Any, Any]]) -> set[str] | None:
    """The literals with which every match of a parsed pattern starts (None: not known)."""
    run = ""
    for op, av in items:
        if op is _c.LITERAL:
            run += chr(av).lower()
            continue
        if run:
            break
        if op is _c.SUBPATTERN:
            return _leading(list(av[-1]))
        if op is _c.BRANCH:
            found: set[str] = set()
            for branch in av[1]:
                starts = _leading(list(branch))
                if starts is None:
                    return None
                found |= starts
            return found
        return None
    return {run} if run else None


def _may_state_amount(g: _Grammar, low: str, start: int, end: int) -> bool:
    """Whether ``low[start:end]`` (lower-cased text) may hold a number and a unit as the
    grammar ends: some unit starts after a digit or a number word, maybe with spaces or a
    hyphen between.

    An exact necessary condition, far cheaper than the regex, and stricter than finding
    a unit alone, which short units make common ("år" in "vår", "day" in "today").
    """
    assert g.unit_literals is not None
    for unit in g.unit_literals:
        at = low.find(unit, start, end)
        while at != -1:
            if _number_ends_at(g, low, start, at):
                return True
            at = low.find(unit, at + 1, end)
    return False


def _number_ends_at(g: _Grammar, low: str, start: int, at: int) -> bool:
    """Whether a number may end in ``low[start:at]``, then maybe spaces, a hyphen or both."""
    end = at
    while end > start and low[end - 1].isspace():
        end -= 1
    if end > start and low[end - 1] == "-":
        end -= 1
        while end > start and low[end - 1].isspace():
            end -= 1
    return end > start and (
        low[end - 1].isdecimal() or low.endswith(g.number_ends, start, end))


def _amount(g: _Grammar, number: str | None, unit: str | None) -> Duration | None:
    if number is None or unit is None:
        return None
    key = number.lower()
    count = int(key) if key.isdigit() else g.numbers.get(key, g.articles.get(key))
    kind = next((k for k, rx in g.units if rx.match(unit)), None)
    if count is None or kind is None:
        return None
    return Duration.of(**{kind: count})


def _spec(g: _Grammar, m: re.Match[str], text: str) -> DurationSpec | None:
    number = m.group("n")
    if number.lower() in g.articles and not g.article_prefix.search(text, 0, m.start("n")):
        return None
    duration = _amount(g, number, m.group("u"))
    if duration is None:
        return None
    low = m.group("lo") or m.group("lo2")
    is_range = low is not None
    minimum = _amount(g, low, m.group("lou") or m.group("lou2") or m.group("u"))
    return DurationSpec(duration, minimum, is_range or m.group("max") is not None)


@per_text
def find_durations(text: str, lang: str) -> list[Match[DurationSpec]]:
    """Stated durations in text order.

    Numbers may be digits or words ("two", "två", "zwei"); "a"/"an" count only after a
    preposition ("for a year"). A range gives ``minimum`` (None where vague: "från några
    dagar till 38 månader") and its upper end as ``duration`` with ``is_maximum``.
    Session phrases ("session cookies", "until you close your browser") give
    ``DurationSpec(None, session=True)``.
    """
    return list(scan(_grammar(",".join(lexicon.languages(lang))), text))


def may_state_duration(text: str, lang: str, start: int = 0, end: int | None = None) -> bool:
    """False when ``text[start:end]`` states no duration (``find_durations`` finds none).

    A test of literals, for a caller that would otherwise look for durations sentence by
    sentence: the literals are looked for in the lower-cased ``text`` between the offsets,
    not in a lower-cased copy of each sentence.
    """
    g = _grammar(",".join(lexicon.languages(lang)))
    if g.unit_literals is None:
        return True
    low = lowered(text)
    if len(low) != len(text):  # lower-casing moved the offsets: test all of it
        start, end = 0, None
    end = len(low) if end is None else end
    return _may_state_amount(g, low, start, end) or (
        g.session.gate.may_match(text) and _may_name_session(g, low, start, end))


def _may_name_session(g: _Grammar, low: str, start: int, end: int) -> bool:
    """Whether ``low[start:end]`` (lower-cased text) may hold a session phrase: it holds one
    of the phrases' anchors. For a sentence, cheaper than the gate's scan of all anchors."""
    anchors = g.session.gate.anchors
    return anchors is None or any(low.find(a, start, end) != -1 for a in anchors)


def scan(g: _Grammar, text: str) -> tuple[Match[DurationSpec], ...]:
    """The durations of ``text`` by grammar ``g``, uncached."""
    found: list[Match[DurationSpec]] = []
    low = lowered(text)
    if g.unit_literals is None or _may_state_amount(g, low, 0, len(low)):
        for m in g.regex.finditer(text):
            spec = _spec(g, m, text)
            if spec is not None:
                found.append(Match(spec, m.start(), m.end(), m.group()))
    # the anchors first: a sentence has seldom any, and they cost less than its gate's scan
    sessions = g.session.finditer(text) if _may_name_session(g, low, 0, len(low)) else ()
    for m in sessions:
        found.append(Match(DurationSpec(None, session=True), m.start(), m.end(), m.group()))
    return tuple(select(found))


__all__ = ["DurationSpec", "find_durations", "may_state_duration"]
