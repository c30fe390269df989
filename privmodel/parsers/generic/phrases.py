"""The generic parser's lexicon (``lexicon/generic.json``): prose phrases per language."""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping, Sequence
from typing import Any, cast

from privmodel.parsers.extract._phrases import (
    FLAGS,
    Gate,
    PhraseTable,
    build_table,
    compile_phrases,
    gate,
    index_of,
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


def _intro_patterns(lang: str) -> dict[str, list[str]]:
    intro = _section("intro")
    out: dict[str, list[str]] = {}
    for topic in cast(Sequence[str], intro["order"]):
        patterns = [
            p for code in languages(lang)
            for p in cast(Mapping[str, list[str]], intro.get(code, {})).get(topic, [])
        ]
        if patterns:
            out[topic] = patterns
    return out


@functools.cache
def intro_table(lang: str) -> PhraseTable[str]:
    """Lead-in patterns per topic, in the order they are tried."""
    return build_table(_intro_patterns(lang), str)


def intro_of(text: str, lang: str) -> str | None:
    """The first topic of :func:`intro_table` whose lead-in phrases ``text`` holds, or None;
    topics whose literals ``text`` lacks are not searched."""
    for topic, regex in intro_table(lang).open_entries(text):
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
def _purpose_marker_table(lang: str) -> PhraseTable[None]:
    patterns = _patterns(_section("purpose_markers"), lang)
    return PhraseTable(
        tuple((None, regex) for regex in purpose_markers(lang)), index_of([[p] for p in patterns])
    )


def open_purpose_markers(text: str, lang: str) -> list[re.Pattern[str]]:
    """The :func:`purpose_markers` that ``text`` may hold, in order, from one look-up of
    the anchors it holds."""
    return [regex for _, regex in _purpose_marker_table(lang).open_entries(text)]


@functools.cache
def retention_kinds(lang: str) -> PhraseTable[str]:
    """Kind codes with their phrases, for retention criteria stated without a duration."""
    table = cast(Mapping[str, Mapping[str, Any]], _section("retention_kinds"))
    return build_table({kind: _patterns(per_lang, lang) for kind, per_lang in table.items()}, str)


def open_kinds(text: str, lang: str) -> list[tuple[str, re.Pattern[str]]]:
    """The :func:`retention_kinds` that ``text`` may state, from one look-up of the anchors
    it holds."""
    return retention_kinds(lang).open_entries(text)


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
