"""Which topic a section is about, from its heading, using the topics lexicon."""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping, Sequence
from typing import cast

from privmodel.parsers.document import Block, BlockKind, Document
from privmodel.parsers.extract._phrases import compile_phrases
from privmodel.parsers.lexicon import languages, load

Topics = dict[str, list[Block]]


@functools.cache
def _table(lang: str) -> tuple[tuple[str, re.Pattern[str]], ...]:
    data = load("topics")
    order = cast(Sequence[str], data["order"])
    langs = languages(lang)
    table: list[tuple[str, re.Pattern[str]]] = []
    for topic in order:
        patterns = [
            p for code in langs
            for p in cast(Mapping[str, list[str]], data[code]).get(topic, [])
        ]
        if patterns:
            table.append((topic, compile_phrases(patterns)))
    return tuple(table)


@functools.cache
def classify_heading(text: str, lang: str) -> str | None:
    """The topic of a heading text, or None. Short headings only: prose is not a heading."""
    if len(text) > 120:
        return None
    for topic, regex in _table(lang):
        if regex.search(text):
            return topic
    return None


def block_topic(block: Block, lang: str) -> str | None:
    """The topic of the innermost enclosing heading that has one (or the heading's own)."""
    path = block.section
    if block.kind is BlockKind.HEADING:
        path = (*path, block.text)
    for title in reversed(path):
        topic = classify_heading(title, lang)
        if topic is not None:
            return topic
    return None


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
    """Blocks under each topic, in document order (headings excluded)."""
    groups: Topics = {}
    lang = document.language
    pseudo: str | None = None
    for block in document.blocks:
        if block.kind is BlockKind.HEADING:
            pseudo = None
            continue
        found = pseudo_heading_topic(block, lang)
        if found is not None:
            pseudo = found
            continue
        topic = pseudo or block_topic(block, lang)
        if topic is not None:
            groups.setdefault(topic, []).append(block)
    return groups
