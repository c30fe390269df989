"""Which topic a section is about, from its heading, using the topics lexicon."""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from typing import cast

from privmodel.parsers.document import Block, BlockKind, Document
from privmodel.parsers.extract._phrases import PhraseTable, build_table, text_cache
from privmodel.parsers.generic.phrases import intro_of
from privmodel.parsers.lexicon import languages, load

Topics = dict[str, list[Block]]


@functools.cache
def _table(lang: str) -> PhraseTable[str]:
    """Heading phrases per topic, in the lexicon's order of topics."""
    data = load("topics")
    langs = languages(lang)
    return build_table({
        topic: [
            p for code in langs
            for p in cast(Mapping[str, list[str]], data[code]).get(topic, [])
        ]
        for topic in cast(Sequence[str], data["order"])
    }, str)


@text_cache
def heading_topics(text: str, lang: str) -> tuple[str, ...]:
    """Every topic a heading names ('How we use and keep your data': purposes, retention)."""
    if len(text) > 120:
        return ()
    found = tuple(
        topic for topic, regex in _table(lang).open_entries(text) if regex.search(text)
    )
    strong = tuple(t for t in found if t not in _weak())
    return strong or found[:1]


@functools.cache
def _weak() -> frozenset[str]:
    """Topics a heading has only when it names no other ('Personal data', 'Contact')."""
    return frozenset(cast(Sequence[str], load("topics").get("weak", [])))


def classify_heading(text: str, lang: str) -> str | None:
    """The first topic of a heading text, or None. Short headings only: prose is not one."""
    topics = heading_topics(text, lang)
    return topics[0] if topics else None


def block_topics(block: Block, lang: str) -> tuple[str, ...]:
    """The topics of the innermost enclosing heading that has any (or the heading's own)."""
    path = block.section
    if block.kind is BlockKind.HEADING:
        path = (*path, block.text)
    for title in reversed(path):
        topics = heading_topics(title, lang)
        if topics:
            return topics
    return ()


_LEAD_IN_MAX = 300


def intro_topic(block: Block, lang: str) -> str | None:
    """The topic of a lead-in ending in a colon ('We use your data to:'), or None."""
    text = block.text.strip()
    if block.kind is BlockKind.LIST_ITEM or not text.endswith(":") or len(text) > _LEAD_IN_MAX:
        return None
    return intro_of(text, lang)


_PSEUDO_MAX_WORDS = 8


def pseudo_heading_topic(block: Block, lang: str) -> str | None:
    """A short unpunctuated paragraph naming a topic ('Purposes') acts as a heading.

    Plain-text policies often put headings on lines of their own without any marking;
    the reader cannot tell them from a one-line paragraph, but their wording can.
    """
    text = block.text.strip()
    if block.kind is not BlockKind.PARAGRAPH or not text or text[-1] in ".,;:!?":
        return None
    if len(text.split()) > _PSEUDO_MAX_WORDS or not text[0].isupper():
        return None
    return classify_heading(text, lang)


def group_by_topic(document: Document) -> Topics:
    """Blocks under each topic, in document order (headings excluded).

    A block belongs to the topics of its heading; list items after a lead-in that names a
    topic ("We share your data with:") belong to that topic instead.
    """
    groups: Topics = {}
    lang = document.language
    pseudo: tuple[str, ...] = ()
    lead: str | None = None
    for block in document.blocks:
        if block.kind is BlockKind.HEADING:
            pseudo, lead = (), None
            continue
        found = pseudo_heading_topic(block, lang)
        if found is not None:
            pseudo, lead = (found,), None
            continue
        topics = pseudo or block_topics(block, lang)
        if block.kind in _LISTED and lead is not None:
            topics = (lead,)
        elif block.kind not in _LISTED:
            lead = intro_topic(block, lang)
        for topic in topics:
            groups.setdefault(topic, []).append(block)
    return groups


_LISTED = (BlockKind.LIST_ITEM, BlockKind.TABLE_ROW)
