"""The generic parser's lexicon (``lexicon/generic.json``): prose phrases per language."""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping, Sequence
from typing import Any, TypeVar, cast

from privmodel.parsers.extract._phrases import (
    FLAGS,
    SCANNER,
    Gate,
    compile_phrases,
    gate,
    lowered,
    pattern_source,
)
from privmodel.parsers.lexicon import languages, load

_NEVER = re.compile("(?!)")
T = TypeVar("T")


def _section(name: str) -> Mapping[str, Any]:
    return cast(Mapping[str, Any], load("generic")[name])


def _patterns(per_lang: Mapping[str, Any], lang: str) -> list[str]:
    return [p for code in languages(lang) for p in cast(list[str], per_lang.get(code, []))]


@functools.cache
def phrase_regex(name: str, lang: str) -> re.Pattern[str]:
    """One word-bounded alternation of the ``name`` section's patterns for ``lang``."""
    patterns = _patterns(_section(name), lang)
    return compile_phrases(patterns) if patterns else _NEVER


@functools.cache
def phrase_gate(name: str, lang: str) -> Gate:
    """A cheap test that a text may hold a match of :func:`phrase_regex` ``(name, lang)``."""
    return gate(_patterns(_section(name), lang))


def _intro_patterns(lang: str) -> list[tuple[str, list[str]]]:
    intro = _section("intro")
    out: list[tuple[str, list[str]]] = []
    for topic in cast(Sequence[str], intro["order"]):
        patterns = [
            p for code in languages(lang)
            for p in cast(Mapping[str, list[str]], intro.get(code, {})).get(topic, [])
        ]
        if patterns:
            out.append((topic, patterns))
    return out


@functools.cache
def intro_table(lang: str) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """Lead-in patterns per topic, in the order they are tried."""
    return tuple((topic, compile_phrases(patterns)) for topic, patterns in _intro_patterns(lang))


@functools.cache
def _intro_gates(lang: str) -> tuple[tuple[tuple[str, re.Pattern[str]], frozenset[str] | None],
                                      ...]:
    anchors = [_anchor_set(gate(patterns)) for _, patterns in _intro_patterns(lang)]
    return tuple(zip(intro_table(lang), anchors, strict=True))


def intro_of(text: str, lang: str) -> str | None:
    """The first topic of :func:`intro_table` whose lead-in phrases ``text`` holds, or None;
    topics whose literals ``text`` lacks are not searched."""
    for topic, regex in _open(text, _intro_gates(lang)):
        if regex.search(text):
            return topic
    return None


@functools.cache
def purpose_markers(lang: str) -> tuple[re.Pattern[str], ...]:
    """Phrases after which a purpose is stated; a group ``p`` holds the purpose itself."""
    return tuple(
        re.compile(rf"(?<!\w){pattern_source(p)}", FLAGS)
        for p in _patterns(_section("purpose_markers"), lang)
    )


@functools.cache
def _purpose_marker_anchors(lang: str) -> tuple[frozenset[str] | None, ...]:
    """The anchors of each of :func:`purpose_markers` (as its :class:`Gate` has them)."""
    return tuple(_anchor_set(gate([p])) for p in _patterns(_section("purpose_markers"), lang))


def open_purpose_markers(text: str, lang: str) -> list[re.Pattern[str]]:
    """The :func:`purpose_markers` that ``text`` may hold, in order, from one look-up of
    the anchors it holds."""
    return _open(text, list(zip(purpose_markers(lang), _purpose_marker_anchors(lang),
                                strict=True)))


@functools.cache
def retention_kinds(lang: str) -> tuple[tuple[str, re.Pattern[str], frozenset[str] | None], ...]:
    """``(kind code, phrases, anchors)`` for retention criteria stated without a duration:
    a text may state a kind only where one of its anchors occurs (None: anywhere). The
    anchors are those of a :class:`Gate`, so that one scan of a block answers for every
    kind (see :func:`open_kinds`)."""
    table = _section("retention_kinds")
    out: list[tuple[str, re.Pattern[str], frozenset[str] | None]] = []
    for kind, per_lang in table.items():
        patterns = _patterns(cast(Mapping[str, Any], per_lang), lang)
        if patterns:
            out.append((kind, compile_phrases(patterns), _anchor_set(gate(patterns))))
    return tuple(out)


def open_kinds(text: str, lang: str) -> list[tuple[str, re.Pattern[str]]]:
    """The :func:`retention_kinds` that ``text`` may state, from one look-up of the anchors
    it holds."""
    return _open(text, [((kind, regex), anchors) for kind, regex, anchors
                        in retention_kinds(lang)])


def _anchor_set(g: Gate) -> frozenset[str] | None:
    """The anchors of ``g`` (registered with the scanner when ``g`` was built)."""
    return None if g.anchors is None else frozenset(g.anchors)


def _open(text: str, entries: Sequence[tuple[T, frozenset[str] | None]]) -> list[T]:
    """The values of ``entries`` whose anchors ``text`` holds (None: always), in order: what
    ``Gate.may_match`` answers for each, from one look-up. The entries must be built (and
    their anchors registered) before the look-up."""
    present = SCANNER.found(lowered(text))
    return [value for value, anchors in entries
            if anchors is None or not anchors.isdisjoint(present)]


@functools.cache
def known_services() -> re.Pattern[str]:
    """Names of widely used services and companies, matched case-sensitively.

    Names start with a plain letter: a lookahead for those letters lets the regex engine
    skip to the next candidate position instead of trying each name everywhere."""
    names = cast(list[str], load("generic")["known_services"])
    ordered = sorted(names, key=lambda n: (-len(n), n))
    lead = ""
    if all(n[:1].isalnum() for n in names):
        lead = "(?=[" + "".join(sorted({n[0] for n in names})) + "])"
    return re.compile(lead + r"(?<![\w.@/-])(?:" + "|".join(ordered) + r")(?![\w@-]|\.\w)")


@functools.cache
def known_services_gate() -> Gate:
    """A cheap test that a text may name a known service (its literals, in any case)."""
    return gate(cast(list[str], load("generic")["known_services"]))
