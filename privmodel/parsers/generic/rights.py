"""Data subject rights: the shared wordings, further wordings, short wordings inside rights
sections ('You have the right to: be informed about ...'), and GDPR article lists ('die Rechte
aus den Artikeln 15, 16, 17, 18, 20 und 21 DSGVO').

Outside rights sections, a bare 'direct marketing' or 'automated decision-making' names a
right only in a sentence about a right ('you can object to direct marketing')."""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping, Sequence
from typing import Any, cast

from privmodel.parsers.base import PolicyBuilder
from privmodel.parsers.document import Block, BlockKind
from privmodel.parsers.extract import find_rights
from privmodel.parsers.extract._phrases import (
    FLAGS,
    Gate,
    Phrases,
    PhraseTable,
    alternation,
    bounded,
    build_table,
    compile_gated,
    gate,
    lowered,
)
from privmodel.parsers.extract.rights import right_wordings
from privmodel.parsers.generic.topics import block_topics
from privmodel.parsers.lexicon import languages, load
from privmodel.schema import Evidence, Right, RightCode

_OWN_TOPICS = ("rights", "complaint")
# Codes whose wording ('direct marketing', 'automated decisions') also names a practice.
_CONTEXTUAL = frozenset({RightCode.OPT_OUT_MARKETING, RightCode.AUTOMATED_DECISION})
_STOP = re.compile(r"[.!?;](?=\s|$)|\n")
_NUMBERS = re.compile(r"(\d{1,2})(?:\s*(?:-|–|bis|to|till|til|through)\s*(\d{1,2}))?")
_CONFIDENCE = 0.6
_ARTICLE = re.compile(r"(?<!\w)[Aa]rt|§")
_TABLES = ("rights", "rights_more", "rights_in_section")
_Added = set[tuple[RightCode, int, int]]  # rights a block gave, by code and span


class _Rights:
    """Each right's first confidence and its evidence in the order read, without repeats:
    one Right per code is built at the end, not one per wording merged away."""

    def __init__(self, b: PolicyBuilder) -> None:
        self.b = b
        self.confidence: dict[RightCode, float] = {}
        self.evidence: dict[RightCode, list[Evidence]] = {}
        self.spans: set[tuple[RightCode, int, int]] = set()

    def add(self, block: Block, code: RightCode, i: int, j: int, confidence: float,
            added: _Added) -> None:
        """Keep the wording unless this block already gave it with this span (``added``)
        or another block with the same source span."""
        if (code, i, j) in added:
            return
        added.add((code, i, j))
        ev = self.b.evidence(block, i, j)
        if (code, ev.start, ev.end) in self.spans:
            return
        self.spans.add((code, ev.start, ev.end))
        self.confidence.setdefault(code, confidence)
        self.evidence.setdefault(code, []).append(ev)

    def emit(self) -> None:
        for code, confidence in self.confidence.items():
            self.b.add("rights", Right(code=code, confidence=confidence,
                                       evidence=tuple(self.evidence[code])))


def _generic(name: str) -> Mapping[str, Any]:
    return cast(Mapping[str, Any], load("generic")[name])


def _per_lang(table: Mapping[str, Any], lang: str) -> list[str]:
    return [p for code in languages(lang) for p in cast(list[str], table.get(code, []))]


def _wordings(name: str, lang: str) -> dict[str, list[str]]:
    return {
        code: _per_lang(cast(Mapping[str, Any], per_lang), lang)
        for code, per_lang in _generic(name).items() if not code.startswith("_")
    }


@functools.cache
def _table(name: str, lang: str) -> PhraseTable[RightCode]:
    return build_table(_wordings(name, lang), RightCode)


@functools.cache
def _block_gate(lang: str) -> Gate:
    """Whether a block may hold any wording of a right that the collector reads, or the
    rights word of an article list: most blocks hold none, and one test of literals then
    replaces a look-up per table."""
    return gate([*right_wordings(lang), *_per_lang(_generic("right_article_lead"), lang),
                 *(p for name in _TABLES for ps in _wordings(name, lang).values() for p in ps)])


@functools.cache
def _lead_gate(lang: str) -> Gate:
    """Whether a block may hold the rights word that an article list follows."""
    return gate(_per_lang(_generic("right_article_lead"), lang))


@functools.cache
def _context(lang: str) -> Phrases:
    return compile_gated(_per_lang(_generic("right_context"), lang))


@functools.cache
def _article_list(lang: str) -> re.Pattern[str]:
    lead = alternation(_per_lang(_generic("right_article_lead"), lang))
    joins = r"(?:,|-|–|\band\b|\bund\b|\boch\b|\bog\b|\bja\b|\bbis\b|\bto\b)"
    numbers = rf"\d{{1,2}}(?:\s*{joins}\s*\d{{1,2}})*"
    return re.compile(
        bounded(lead) + r"[^.;:]{0,40}?\(?\b(?:Art(?:ikel[ns]?|icles?|s)?\.?|§)\s*"
        + rf"(?P<n>{numbers})",
        FLAGS,
    )


def collect_all_rights(
    b: PolicyBuilder, blocks: Sequence[Block], topics: Mapping[str, Sequence[Block]], lang: str
) -> None:
    """Every right the policy grants, with the evidence of its first wording per block."""
    own = {id(block) for topic in _OWN_TOPICS for block in topics.get(topic, [])}
    rights = _Rights(b)
    may_read = _block_gate(lang).may_match
    for block in blocks:
        if not may_read(block.text):
            continue  # no wording of any table, no article list
        added: _Added = set()
        in_section = id(block) in own or (
            block.kind is BlockKind.HEADING
            and any(t in _OWN_TOPICS for t in block_topics(block, lang)))
        for m in find_rights(block.text, lang):
            if m.value in _CONTEXTUAL and not in_section and not _about_right(block, m.start, lang):
                continue
            rights.add(block, m.value, m.start, m.end, 1.0, added)
        for name in _TABLES if in_section else _TABLES[:-1]:
            seen: set[RightCode] = set()
            for found in _table(name, lang).candidates(block.text):
                code = found.value
                if code in seen or (code in _CONTEXTUAL and not in_section
                                    and not _about_right(block, found.start, lang)):
                    continue
                seen.add(code)
                rights.add(block, code, found.start, found.end, _CONFIDENCE, added)
        if _may_cite(block.text, lang):
            _article_rights(rights, block, lang, added)
    rights.emit()


def _about_right(block: Block, start: int, lang: str) -> bool:
    """Whether the sentence at ``start`` speaks of a right, not only of a practice."""
    text = block.text
    s = max((m.end() for m in _STOP.finditer(text, 0, start)), default=0)
    after = _STOP.search(text, start)
    e = after.start() if after is not None else len(text)
    return _context(lang).search(text[s:e]) is not None


def _may_cite(text: str, lang: str) -> bool:
    """Whether ``text`` may list rights by article: a rights word and an article's
    literal ('art' or '§', one of which every _ARTICLE match holds)."""
    return ("art" in lowered(text) or "§" in text) and _lead_gate(lang).may_match(text)


def _article_rights(rights: _Rights, block: Block, lang: str, added: _Added) -> None:
    """Rights given as GDPR article numbers after a rights word (where :func:`_may_cite`)."""
    text = block.text
    if _ARTICLE.search(text) is None:
        return
    articles = cast(Mapping[str, str], _generic("right_articles"))
    for m in _article_list(lang).finditer(block.text):
        for n in _NUMBERS.finditer(m.group("n")):
            first, last = int(n.group(1)), int(n.group(2) or n.group(1))
            for number in range(first, min(last, first + 10) + 1):
                code = articles.get(str(number))
                if code is not None:
                    rights.add(block, RightCode(code), m.start("n"), m.end("n"), _CONFIDENCE,
                               added)
