"""The generic parser's lexicon (``lexicon/generic.json``): prose phrases per language."""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping, Sequence
from typing import Any, cast

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
def _intro_gates(lang: str) -> tuple[tuple[str, re.Pattern[str], Gate], ...]:
    gates = [gate(patterns) for _, patterns in _intro_patterns(lang)]
    return tuple((topic, regex, g) for (topic, regex), g in zip(intro_table(lang), gates,
                                                                 strict=True))


def intro_of(text: str, lang: str) -> str | None:
    """The first topic of :func:`intro_table` whose lead-in phrases ``text`` holds, or None;
    topics whose literals ``text`` lacks are not searched."""
    for topic, regex, topic_gate in _intro_gates(lang):
        if topic_gate.may_match(text) and regex.search(text):
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
def purpose_marker_gates(lang: str) -> tuple[Gate, ...]:
    """A gate for each of :func:`purpose_markers`, in the same order."""
    return tuple(gate([p]) for p in _patterns(_section("purpose_markers"), lang))


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
            anchors = gate(patterns).anchors  # registered with the scanner
            out.append((kind, compile_phrases(patterns),
                        None if anchors is None else frozenset(anchors)))
    return tuple(out)


def open_kinds(text: str, lang: str) -> list[tuple[str, re.Pattern[str]]]:
    """The :func:`retention_kinds` that ``text`` may state, as ``Gate.may_match`` says for
    each, from one look-up of the anchors ``text`` holds."""
    kinds = retention_kinds(lang)  # first: building them registers their anchors
    present = SCANNER.found(lowered(text))
    return [(kind, regex) for kind, regex, anchors in kinds
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
