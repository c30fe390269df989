"""The publisher's name: stated as controller, given as the identity section's name line, or a
company name of the opening and contact blocks that the policy keeps referring to."""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping, Sequence
from typing import Any, cast

from privmodel.parsers.document import Block, BlockKind
from privmodel.parsers.extract._phrases import (
    FLAGS,
    AnchorIndex,
    PhraseTable,
    bounded,
    pattern_source,
    required_literals,
)
from privmodel.parsers.lexicon import languages, load

Found = tuple[Block, int, int, str]

_CAP = r"[A-ZÅÄÖÆØÜ][\w&'’.\-]*"
_ACRONYM = re.compile(r"\((?P<a>[A-ZÅÄÖÆØÜ]{2,8})\)")
# A name line ('The University of Helsinki, the MOOC Centre') is short and has no contact data.
_NAME_LINE_WORDS = 12
_NAME_LINE_BAD = re.compile(r"[@:/\d]|\b(?:is|are|we|our|ist|är|er|on)\b", re.I)
_MIN_MENTIONS = 3


@functools.cache
def _data() -> Mapping[str, Any]:
    return load("generic_parties")


@functools.cache
def name_source() -> str:
    """Regex source of a capitalised name, with connectors ('University of Helsinki') and an
    abbreviation in parentheses ('Robert Koch-Institut (RKI)'); case-sensitive."""
    connectors = "|".join(re.escape(c) for c in cast(list[str], _data()["name_connectors"]))
    word = rf"{_CAP}(?:\s(?:(?:{connectors})\s)?{_CAP}){{0,4}}"
    return rf"(?-i:{word}(?:\s\([A-ZÅÄÖÆØÜ]{{2,8}}\))?)"


@functools.cache
def _statements(lang: str) -> PhraseTable[str]:
    """The statements naming the publisher, by lexicon pattern; a block is looked up once
    for those whose required literals it holds."""
    table = cast(Mapping[str, list[str]], _data()["publisher_statements"])
    name = rf"(?P<p>{name_source()})(?:\s\([^()]{{1,30}}\))?"
    patterns = [p for code in languages(lang) for p in table.get(code, [])]
    regexes = [re.compile(bounded(pattern_source(p).replace("{name}", name)), FLAGS)
               for p in patterns]
    return PhraseTable(
        tuple(zip(patterns, regexes, strict=True)),
        AnchorIndex.of([required_literals(regex.pattern) for regex in regexes]),
    )


@functools.cache
def _leading() -> re.Pattern[str]:
    words = "|".join(cast(list[str], _data()["leading_words"]))
    return re.compile(rf"^(?:(?:{words})\s+)+")


def trim_name(text: str, start: int, end: int) -> tuple[int, int]:
    """``start``..``end`` without leading determiners ('The') and trailing punctuation."""
    m = _leading().match(text[start:end])
    if m is not None and m.end() < end - start:
        start += m.end()
    while end > start and text[end - 1] in ".,;:":
        end -= 1
    return start, end


def stated_publisher(blocks: Sequence[Block], lang: str) -> Found | None:
    """The name in the first sentence that names the controller or publisher."""
    table = _statements(lang)
    for block in blocks:
        for _, regex in table.open_entries(block.text):
            m = regex.search(block.text)
            if m is not None:
                start, end = trim_name(block.text, m.start("p"), m.end("p"))
                if end > start:
                    return block, start, end, block.text[start:end]
    return None


def name_line(blocks: Sequence[Block]) -> Found | None:
    """The identity section's first paragraph when it is a bare name, or the name it
    introduces with an abbreviation ('Universitätsmedizin Greifswald (UMG)')."""
    for block in blocks:
        if block.kind is BlockKind.HEADING:
            continue
        text = block.text.strip()
        if len(text.split()) <= _NAME_LINE_WORDS and not _NAME_LINE_BAD.search(text):
            lead = len(block.text) - len(block.text.lstrip())
            start, end = trim_name(block.text, lead, lead + len(text))
            if end > start and text[0].isupper():
                return block, start, end, block.text[start:end]
        return abbreviated_name(block)
    return None


def abbreviated_name(block: Block) -> Found | None:
    """A name followed by its abbreviation whose first letter it starts with."""
    text = block.text
    for m in _ACRONYM.finditer(text):
        words = list(re.finditer(r"\S+", text[max(0, m.start() - 80):m.start()]))
        offset = max(0, m.start() - 80)
        initial = m.group("a")[0]
        for w in words[-4:]:
            if w.group()[0] == initial:
                return block, offset + w.start(), m.end(), text[offset + w.start():m.end()]
    return None


def mentioned_often(name: str, text: str) -> bool:
    """Whether the name's first word recurs in the text (the publisher refers to itself)."""
    word = re.escape(name.split()[0])
    # The word, then no letter before it: sre scans fast for a pattern that starts with a
    # literal, but tries one that starts with a lookbehind at every character of the whole
    # policy (some 250 instructions a character).
    count = len(re.findall(rf"{word}(?<!\w{word})(?!\w)", text))
    return count >= _MIN_MENTIONS
