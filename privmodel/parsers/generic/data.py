"""Categories of personal data, as the policy groups them.

A category is, in order of preference: a subheading of a 'what data we collect' section
(the lists under it are its examples), the first cell of a row in a data table, an item of a
list under a data heading or lead-in (labelled by its head noun phrase), or an item of an
enumeration in a sentence that says data is collected ('we collect your name and email').
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Mapping, Sequence
from typing import Any, cast

from privmodel.parsers.base import PolicyBuilder
from privmodel.parsers.common import clean_label, split_examples
from privmodel.parsers.document import Block, BlockKind, Document
from privmodel.parsers.extract._phrases import (
    FLAGS,
    Phrases,
    compile_gated,
    compile_phrases,
    pattern_source,
    text_cache,
)
from privmodel.parsers.generic.activities import field_of
from privmodel.parsers.generic.phrases import intro_of
from privmodel.parsers.generic.prose import enumeration_after, split_items
from privmodel.parsers.generic.topics import heading_topics, pseudo_heading_topic
from privmodel.parsers.lexicon import languages, load
from privmodel.schema import DataCategory

_CATEGORY_TOPICS = frozenset({"data", "contact", "identity"})
_MAX_WORDS = 8
_MIN_CHARS = 2
# 'a. Access data', '2.1 Contact details', 'iii) Usage data'
_ENUMERATOR = re.compile(r"^\s*(?:[a-zA-Z]|\d+(?:\.\d+)*|[ivx]+)[.)]\s+")
# Where an item's label ends: its examples or description begin.
_LABEL_END = re.compile(
    r"\s*(?:[(:;–—]|\s-\s|,\s|\s(?:such as|e\.g\.|including|for example|t\.ex\.|"
    r"bl\.a\.|z\.\s?B\.|f\.eks\.|esim\.|herunder|inklusive|einschließlich)\b)",
    re.I,
)
_BULLETS = re.compile(r"\s*[•·]\s*")
_ITEM_LEAD = re.compile(r"(?:such as|including|e\.g\.,?|for example)\s+", re.I)
# A list item that continues a sentence ('orders a product,' / 'visits our offices or').
_CONTINUES = re.compile(r"(?:,|\s(?:and|or|och|eller|og|und|oder|ja|tai))\s*$", re.I)
_LISTED = (BlockKind.LIST_ITEM, BlockKind.TABLE_ROW)


def _section(name: str, lang: str) -> list[str]:
    per_lang = cast(Mapping[str, Any], load("generic_data")[name])
    return [p for code in languages(lang) for p in cast(list[str], per_lang.get(code, []))]


@functools.cache
def _regex(name: str, lang: str) -> re.Pattern[str]:
    return compile_phrases(_section(name, lang))


@functools.cache
def _gated(name: str, lang: str) -> Phrases:
    return compile_gated(_section(name, lang))


@functools.cache
def _lead_regex(lang: str) -> re.Pattern[str]:
    """A lead-in that ends by naming data: 'we register the following information about:'."""
    nouns = "|".join(pattern_source(p) for p in _section("data_nouns", lang))
    return re.compile(rf"(?<!\w)(?:{nouns})\s*:\s*$", FLAGS)


@functools.cache
def _condition_regex(lang: str) -> re.Pattern[str]:
    """Words that open a condition or a purpose, not the name of data ('When you ...')."""
    words = "|".join(pattern_source(p) for p in _section("conditions", lang))
    return re.compile(rf"^\s*(?:{words})(?!\w)", FLAGS)


def collect_data_categories(b: PolicyBuilder, document: Document, lang: str) -> None:
    """Add the data categories of ``document`` to ``b``."""
    categories = _category_headings(document, lang)
    for block in categories:
        _add_label(b, block, *_heading_span(block.text), 0.7)
    covered = {block.text for block in categories} | _item_fields(document, lang)
    for block, in_data, lead in _walk(document, lang):
        if not covered.isdisjoint(block.section):
            continue
        if block.kind is BlockKind.TABLE_ROW and lead == "table":
            i, j = block.cells[0]
            _add_label(b, block, *_cut(block.text, i, j), 0.75)
        elif block.kind in _LISTED and in_data and lead != "other":
            _list_item(b, block, lang)
        elif block.kind is BlockKind.PARAGRAPH and in_data:
            _enumerations(b, block, lang)
        elif block.kind is BlockKind.PARAGRAPH and _open_topic(block, lang):
            _verb_enumerations(b, block, lang)


def _item_fields(document: Document, lang: str) -> set[str]:
    """Headings of record fields that list the items of the categories another field of the
    same records names ('Categories of data' / 'Personal data'): their lists are examples."""
    fields: dict[str, set[str]] = {}
    for block in document.blocks:
        if block.kind is BlockKind.HEADING:
            name = field_of(block.text, lang)
            if name in ("data", "data_items"):
                fields.setdefault(name, set()).add(block.text)
    return fields.get("data_items", set()) if "data" in fields else set()


def _category_headings(document: Document, lang: str) -> list[Block]:
    """Subheadings of a data section that each name a category ('a. Access data')."""
    groups: dict[tuple[str, ...], list[Block]] = {}
    for block in document.blocks:
        if block.kind is not BlockKind.HEADING or not block.section:
            continue
        if "data" not in heading_topics(block.section[-1], lang):
            continue
        own = set(heading_topics(block.text, lang))
        if own - _CATEGORY_TOPICS or not _is_label(block.text, lang):
            continue
        groups.setdefault(block.section, []).append(block)
    return [h for heads in groups.values() if len(heads) >= 2 for h in heads]


def _heading_span(text: str) -> tuple[int, int]:
    m = _ENUMERATOR.match(text)
    start = m.end() if m else len(text) - len(text.lstrip())
    return start, start + len(clean_label(text[start:]))


def _is_label(text: str, lang: str) -> bool:
    """A short noun phrase: not a sentence, a question or a condition."""
    text = _ENUMERATOR.sub("", text).strip()
    if not text or "?" in text or len(text.split()) > _MAX_WORDS:
        return False
    return not _condition_regex(lang).match(text)


def _walk(document: Document, lang: str) -> Iterator[tuple[Block, bool, str | None]]:
    """Each block with whether it is in a data section and the kind of its lead-in.

    The lead is "data" after a lead-in naming data, "other" after a lead-in that names
    something else, "table" inside a table whose header names data, or None.
    """
    lead: str | None = None
    pseudo: bool | None = None
    for block in document.blocks:
        if block.kind is BlockKind.HEADING:
            lead, pseudo = None, None
            continue
        found = pseudo_heading_topic(block, lang)
        if found is not None:
            lead, pseudo = None, found == "data"
            continue
        in_data = _in_data(block, lang) if pseudo is None else pseudo
        if block.kind is BlockKind.TABLE_ROW:
            if lead not in ("table", "other") and block.cells:
                i, j = block.cells[0]
                lead = "table" if _regex("table_headers", lang).fullmatch(
                    block.text[i:j].strip()) else "other"
                continue
        elif block.kind is not BlockKind.LIST_ITEM:
            lead = _lead(block, in_data, lang)
        elif block.text.rstrip().endswith(":"):
            lead = _lead(block, in_data, lang)
            continue
        yield block, in_data or lead == "data", lead


def _in_data(block: Block, lang: str) -> bool:
    return "data" in section_topics(block.section, lang)


@text_cache
def section_topics(section: tuple[str, ...], lang: str) -> tuple[str, ...]:
    """The topics of the innermost heading of ``section`` that names any; kept per section,
    as every block of a section asks."""
    for title in reversed(section):
        topics = heading_topics(title, lang)
        if topics:
            return topics
    return ()


def _lead(block: Block, in_data: bool, lang: str) -> str | None:
    text = block.text.strip()
    if not text.endswith(":"):
        return None
    topic = intro_of(text, lang)
    if _condition_regex(lang).match(text) or topic not in (None, "data"):
        return "other"
    if _lead_regex(lang).search(text):
        return "data"
    return None if in_data else "other"


def _list_item(b: PolicyBuilder, block: Block, lang: str) -> None:
    text = block.text
    if _BULLETS.search(text) or _CONTINUES.search(text):
        return
    start = len(text) - len(text.lstrip())
    if _condition_regex(lang).match(text):
        colon = text.find(":")
        if colon > 0:
            _add_items(b, block, split_items(text, colon + 1, len(text)), 0.55, lang)
        return
    i, j = _cut(text, start, len(text))
    if len(text[i:j].split()) <= _MAX_WORDS:
        _add_label(b, block, i, j, 0.75, split_examples(text)[1])


def _cut(text: str, i: int, j: int) -> tuple[int, int]:
    """The head noun phrase of ``text[i:j]``: up to its examples or description."""
    while i < j and text[i].isspace():
        i += 1
    m = _LABEL_END.search(text, i, j)
    if m is not None and m.start() > i:
        j = m.start()
    while j > i and text[j - 1] in " \t.,;:*\"'”":
        j -= 1
    return i, j


def _enumerations(b: PolicyBuilder, block: Block, lang: str) -> None:
    """'We collect your name, email address and phone number' in a data section."""
    text = block.text
    if len(_BULLETS.findall(text)) >= 2:
        spans = [s for s in _bullet_items(text) if len(text[s[0]:s[1]].split()) <= _MAX_WORDS]
        _add_items(b, block, spans, 0.6, lang)
        return
    gated = _gated("collect_verbs", lang)
    if not gated.gate.may_match(text):
        return
    for m in re.finditer(r"[^.!?]+", text):
        verb = gated.regex.search(text, m.start(), m.end())
        if verb is None:
            continue
        colon = text.find(":", verb.end(), m.end())
        if colon < 0:
            continue
        items = split_items(text, colon + 1, m.end())
        if len(items) >= 2:
            _add_items(b, block, items, 0.55, lang)


_ENUM_MIN_ITEMS = 3


def _open_topic(block: Block, lang: str) -> bool:
    """The block's section is about data, purposes or nothing the heading names."""
    topics = section_topics(block.section, lang)
    return not topics or bool({"data", "purposes"} & set(topics))


def _verb_enumerations(b: PolicyBuilder, block: Block, lang: str) -> None:
    """'... lagres navn, IP-adresse og mobilnummer': three or more short items right after a
    verb of collection, up to the end of the sentence."""
    text = block.text
    gated = _gated("enumerating_verbs", lang)
    if gated.search(text) is None:
        return
    for m in re.finditer(r"[^.!?]+", text):
        verb = gated.regex.search(text, m.start(), m.end())
        if verb is None:
            continue
        spans = enumeration_after(text, verb.end(), m.end(),
                                  _regex("enumeration_fillers", lang))
        if len(spans) >= _ENUM_MIN_ITEMS:
            known = {str(getattr(f, "label", "")).lower() for f in b.items("data_categories")}
            _add_items(b, block, [(i, j) for i, j in spans
                                  if text[i:j].lower() not in known], 0.5, lang)


def _bullet_items(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for m in [*_BULLETS.finditer(text), None]:
        end = m.start() if m is not None else len(text)
        out.append(_cut(text, pos, end))
        pos = m.end() if m is not None else len(text)
    return [(i, j) for i, j in out if j - i >= _MIN_CHARS]


def _add_items(b: PolicyBuilder, block: Block, spans: Sequence[tuple[int, int]],
               confidence: float, lang: str) -> None:
    for i, j in spans:
        m = _ITEM_LEAD.match(block.text, i, j)
        i = m.end() if m else i
        if not _condition_regex(lang).match(block.text[i:j]):
            _add_label(b, block, i, j, confidence)


def _add_label(b: PolicyBuilder, block: Block, i: int, j: int, confidence: float,
               examples: tuple[str, ...] = ()) -> None:
    if j - i < _MIN_CHARS:
        return
    b.add("data_categories", DataCategory(
        label=block.text[i:j], examples=examples, evidence=(b.evidence(block, i, j),),
        confidence=confidence,
    ))
