"""Sources of data not obtained from the person (GDPR Art. 14): the registers, agencies,
employers and partners a policy says it obtains data from.

Three readings, most specific first: list items of a sources section ('Address details
from public registers' -> 'public registers'), sentences with a source verb ('we obtain
data from X, Y and Z') and the lexicon's source phrases in a sources section."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from privmodel.parsers.base import PolicyBuilder
from privmodel.parsers.document import Block
from privmodel.parsers.extract._phrases import (
    FLAGS,
    Phrases,
    compile_gated,
    compile_phrases,
)
from privmodel.parsers.generic.lists import label_of, list_items
from privmodel.parsers.generic.phrases import phrase_gate, phrase_regex
from privmodel.parsers.generic.prose import sentences, split_items
from privmodel.parsers.lexicon import languages, load
from privmodel.schema import DataSource

_NEVER = "(?!)"
_MAX_ITEM_WORDS = 8
_MAX_WHOLE_ITEM_WORDS = 6
_EDGE = " \t\"'“”.,;:-–—"
_CLAUSE_END = re.compile(r"[.;:!?\[]|\s[-–—]\s|$")
_PARENTHETICAL_GAP = 24
_Found = tuple[Block, int, int, float]  # block, start, end, confidence


def _patterns(name: str, lang: str) -> list[str]:
    table = load("generic_recipients")[name]
    return [p for code in languages(lang) for p in table.get(code, [])]


@functools.cache
def source_marker(lang: str) -> Phrases:
    """Verb phrases after which the sources are named ('we obtain data from')."""
    return compile_gated(_patterns("source_markers", lang) or [_NEVER])


@functools.cache
def _regex(name: str, lang: str) -> re.Pattern[str]:
    return compile_phrases(_patterns(name, lang) or [_NEVER])


@functools.cache
def _whole(name: str, lang: str) -> re.Pattern[str]:
    """The lexicon section as a pattern that must cover a whole item."""
    return re.compile(rf"(?:{_regex(name, lang).pattern})$", FLAGS)


@functools.cache
def _from(lang: str) -> re.Pattern[str]:
    return _regex("source_from", lang)


def collect_sources(
    b: PolicyBuilder, section: Sequence[Block], blocks: Sequence[Block], lang: str
) -> None:
    """Sources from a sources section's lists and phrases and from source sentences anywhere."""
    taken: list[_Found] = []
    in_section = {id(block) for block in section}
    for block in list_items(section):
        _list_item(b, block, lang, taken)
    for block in section:
        _phrases(b, block, 0, len(block.text), lang, taken)
    for block in blocks:
        if source_marker(lang).search(block.text) is not None:
            _sentences(b, block, lang, taken, id(block) in in_section)
    _commit(b, taken)


def _list_item(b: PolicyBuilder, block: Block, lang: str, taken: list[_Found]) -> None:
    """'Credit ratings from credit agencies' -> 'credit agencies'; a short item as written."""
    text = block.text
    start, end, label, _ = label_of(block)
    if not label:
        return
    m = _from(lang).search(text, start, end)
    if m is not None:
        _add(b, block, _clause(text, m.end(), lang), lang, taken, 0.6)
    elif len(label.split()) <= _MAX_WHOLE_ITEM_WORDS:
        _add(b, block, (start, end), lang, taken, 0.6)


def _sentences(
    b: PolicyBuilder, block: Block, lang: str, taken: list[_Found], in_section: bool
) -> None:
    """Items enumerated after a source verb: 'we get data from your employer and banks'."""
    text = block.text
    marker = source_marker(lang).regex
    heads = _regex("source_heads", lang)
    for s, e in sentences(text):
        m = marker.search(text, s, e)
        if m is None:
            continue
        start, stop = _clause(text, m.end(), lang, e)
        for span in split_items(text, start, stop):
            i, j = _strip_lead(text, *span, lang)
            if in_section or heads.search(text, i, j):
                _add(b, block, (i, j), lang, taken, 0.55)
        _phrases(b, block, start, stop, lang, taken)


def _phrases(b: PolicyBuilder, block: Block, s: int, e: int, lang: str,
             taken: list[_Found]) -> None:
    """Lexicon source phrases ('public registers'); an example in parentheses is not another."""
    if not phrase_gate("source_phrases", lang).may_match(block.text):
        return
    last = -1
    for m in phrase_regex("source_phrases", lang).finditer(block.text, s, e):
        example = 0 <= m.start() - last < _PARENTHETICAL_GAP and "(" in block.text[last:m.start()]
        if not example:
            _add(b, block, (m.start(), m.end()), lang, taken, 0.5)
        last = m.end()


def _clause(text: str, start: int, lang: str, limit: int | None = None) -> tuple[int, int]:
    """From ``start`` to the end of the clause or the first stop word ('such as')."""
    stop = limit if limit is not None else len(text)
    end = _CLAUSE_END.search(text, start, stop)
    stop = end.start() if end is not None else stop
    cut = _regex("source_stops", lang).search(text, start, stop)
    return start, cut.start() if cut is not None else stop


def _strip_lead(text: str, i: int, j: int, lang: str) -> tuple[int, int]:
    """Drop a repeated preposition: '... or from course teachers' -> 'course teachers'."""
    m = _from(lang).match(text, i, j)
    if m is not None:
        i = m.end()
        while i < j and text[i].isspace():
            i += 1
    return i, j


def _add(b: PolicyBuilder, block: Block, span: tuple[int, int], lang: str,
         taken: list[_Found], confidence: float) -> None:
    """A candidate source, trimmed, unless it is the person, a placeholder or too long."""
    i, j = _trim(block.text, *span)
    label = block.text[i:j]
    if (len(label) < 3 or len(label.split()) > _MAX_ITEM_WORDS
            or _regex("source_self", lang).search(label)
            or _whole("source_generic", lang).match(label)):
        return
    taken.append((block, i, j, confidence))


def _trim(text: str, i: int, j: int) -> tuple[int, int]:
    """Edges stripped and parentheses balanced: 'register (' -> 'register'."""
    while i < j and text[i] in _EDGE:
        i += 1
    while j > i and text[j - 1] in _EDGE + "(":
        j -= 1
    label = text[i:j]
    if label.count("(") > label.count(")"):
        if text[j:j + 1] == ")":
            return i, j + 1
        return _trim(text, i, text.rfind("(", i, j))
    return i, j


def _commit(b: PolicyBuilder, found: list[_Found]) -> None:
    """The longest of overlapping candidates in a block, each label once."""
    by_length = sorted(range(len(found)), key=lambda n: found[n][1] - found[n][2])
    kept: list[int] = []
    for n in by_length:
        block, i, j, _ = found[n]
        key = block.text[i:j].lower()
        if not any(_overlap(found[n], found[k]) or key in _key(found[k]) for k in kept):
            kept.append(n)
    for n in sorted(kept):
        block, i, j, confidence = found[n]
        b.add("sources", DataSource(label=block.text[i:j], evidence=(b.evidence(block, i, j),),
                                    confidence=confidence))


def _key(found: _Found) -> str:
    return found[0].text[found[1]:found[2]].lower()


def _overlap(x: _Found, y: _Found) -> bool:
    return x[0] is y[0] and x[1] < y[2] and y[1] < x[2]
