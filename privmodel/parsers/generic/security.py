"""Security measures: one short label per measure a policy names ('encrypted in transit',
'two-factor authentication', 'access control'), not the whole sentence that states it."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Sequence

from privmodel.parsers.base import PolicyBuilder
from privmodel.parsers.document import Block, BlockKind
from privmodel.parsers.extract._phrases import text_cache
from privmodel.parsers.generic.phrases import phrase_gate, phrase_regex
from privmodel.parsers.generic.topics import Topics, heading_topics
from privmodel.parsers.lexicon import languages, load
from privmodel.schema import SecurityMeasure

# A measure's label runs from its term to the end of its clause, at most this many words.
_MAX_WORDS = 5
_CLAUSE_END = re.compile(r"[.;:!?()\[\]]|,\s|\s[-–—]\s|\s(?:which|that|so that|to ensure)\s|$")
_WORDS = re.compile(r"\S+")
_KEY = re.compile(r"\w+")
_PAREN = re.compile(r"\s*\([^()]{1,40}\)")
_TRAIL = " ,.;:\"'”’)"
_LEAD_LABEL_MAX = 60
_CONFIDENCE = 0.55
_ITEMS = (BlockKind.LIST_ITEM, BlockKind.TABLE_ROW)


def collect_security_measures(
    b: PolicyBuilder, blocks: Sequence[Block], topics: Topics, lang: str
) -> None:
    """Measures named in security sections and in sections whose heading names a measure."""
    term = phrase_regex("security_terms", lang)
    may_name = phrase_gate("security_terms", lang).may_match
    seen: list[str] = []
    for block in _measure_blocks(blocks, topics, lang):
        if not may_name(block.text):
            continue  # every measure span holds a term
        for i, j in _measure_spans(block, term):
            i, j = trim_span(block.text, i, j, lang)
            key = " ".join(w.rstrip("s") for w in _KEY.findall(block.text[i:j].lower()))
            if j - i < 2 or key in seen:
                continue
            seen.append(key)
            b.add("security_measures", SecurityMeasure(
                label=block.text[i:j],
                evidence=(b.evidence(block, i, j),), confidence=_CONFIDENCE,
            ))


def _measure_blocks(blocks: Sequence[Block], topics: Topics, lang: str) -> list[Block]:
    """Blocks of the security topic, then blocks under a heading that names a measure
    ('Encryption', 'Camera surveillance') and belongs to no other topic."""
    chosen = list(topics.get("security", []))
    seen = {id(x) for x in chosen}
    for block in blocks:
        if id(block) in seen or block.kind is BlockKind.HEADING or not block.section:
            continue
        if _measure_heading(block.section[-1], lang):
            chosen.append(block)
    return chosen


@text_cache
def _measure_heading(title: str, lang: str) -> bool:
    if len(title.split()) > 6 or heading_topics(title, lang):
        return False
    return phrase_regex("security_terms", lang).search(title) is not None


def _measure_spans(block: Block, term: re.Pattern[str]) -> Iterator[tuple[int, int]]:
    """Spans of the short measure labels of a block, without overlaps."""
    text = block.text
    if block.kind in _ITEMS and len(text.split()) <= _MAX_WORDS + 1:
        if term.search(text):  # a short list item names one measure
            yield _trim(text, 0, len(text))
        return
    pos = 0
    lead = _lead_label(block)
    if lead is not None:
        if term.search(text, 0, lead):
            yield _trim(text, len(text) - len(text.lstrip()), lead)
        pos = lead + 1
    for m in term.finditer(text, pos):
        if m.start() < pos:
            continue
        start = max(_word_start(text, m.start()), pos)
        span = _label_span(text, start, m.end())
        if span[1] - span[0] >= 2:
            yield span
        paren = _PAREN.match(text, span[1])
        pos = paren.end() if paren is not None else span[1]  # 'Two-Factor (2FA)': one


def _lead_label(block: Block) -> int | None:
    """End of the short label before a colon ('Access Control: ...'), if any."""
    text = block.text
    colon = text.find(":")
    if colon <= 0 or colon > _LEAD_LABEL_MAX or len(text[:colon].split()) > 6:
        return None
    if block.kind is BlockKind.PARAGRAPH and not text[:1].isupper():
        return None
    return colon


def _word_start(text: str, i: int) -> int:
    """The start of the word holding ``text[i]``: 'username/password', 'TLS-encrypted'."""
    while i > 0 and not text[i - 1].isspace() and text[i - 1] not in "(\"'“":
        i -= 1
    return i


def _label_span(text: str, start: int, term_end: int) -> tuple[int, int]:
    end_m = _CLAUSE_END.search(text, term_end)
    stop = end_m.start() if end_m is not None else len(text)
    words: Sequence[re.Match[str]] = list(_WORDS.finditer(text, start, stop))
    if len(words) > _MAX_WORDS:
        stop = max(words[_MAX_WORDS - 1].end(), term_end)
    return _trim(text, start, stop)


def _trim(text: str, start: int, stop: int) -> tuple[int, int]:
    while start < stop and text[start].isspace():
        start += 1
    while stop > start and text[stop - 1] in _TRAIL:
        stop -= 1
    return start, stop


@functools.cache
def _dangling(lang: str) -> re.Pattern[str]:
    words = load("generic_recipients")["dangling_words"]
    found = {w for code in languages(lang) for w in words.get(code, [])}
    alternation = "|".join(sorted(map(re.escape, found), key=len, reverse=True)) or "(?!)"
    return re.compile(rf"(?:\s+|^)(?:{alternation})$", re.I)


def trim_span(text: str, start: int, stop: int, lang: str) -> tuple[int, int]:
    """``text[start:stop]`` without trailing function words ('data for sync and')."""
    dangling = _dangling(lang)
    while stop > start:
        m = dangling.search(text, start, stop)
        if m is None:
            break
        stop = m.start()
        start, stop = _trim(text, start, stop)
    return start, stop
