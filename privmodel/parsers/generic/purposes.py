"""Purposes of processing: subheadings of a purposes section, list items under a purposes
heading or lead-in, and clauses after a purpose marker ('in order to', 'för att').

A subheading that reads as a purpose groups its section: the lists and sentences under it
describe that purpose and are not purposes of their own.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import cast

from privmodel.parsers.base import PolicyBuilder
from privmodel.parsers.common import clean_label
from privmodel.parsers.document import Block, BlockKind
from privmodel.parsers.extract._phrases import FLAGS, pattern_source
from privmodel.parsers.generic.data import section_topics
from privmodel.parsers.generic.lists import label_of, list_items
from privmodel.parsers.generic.phrases import intro_of, phrase_regex
from privmodel.parsers.generic.prose import collect_prose_purposes
from privmodel.parsers.generic.topics import block_topics, heading_topics
from privmodel.parsers.lexicon import languages, load
from privmodel.schema import Purpose

# 'a. Risk assessment', '2.1 Marketing', 'iii) Billing'
_ENUMERATOR = re.compile(r"^\s*(?:[a-zA-Z]|\d+(?:\.\d+)*|[ivx]+)[.)]\s+")
_MAX_HEADING_WORDS = 16
_LISTED = (BlockKind.LIST_ITEM, BlockKind.TABLE_ROW)
_NON_WORD = re.compile(r"[\W_]+")
_LEAD_MAX = 300
_OTHER_TOPICS = frozenset({"recipients", "security", "cookies", "rights", "transfers"})


@functools.cache
def _openers(lang: str) -> re.Pattern[str]:
    """Words that open a sentence about the publisher ('We store ...'), not a purpose label."""
    per_lang = cast(Mapping[str, list[str]], load("generic_data")["sentence_openers"])
    words = "|".join(pattern_source(p) for code in languages(lang)
                     for p in per_lang.get(code, []))
    return re.compile(rf"^\s*(?:{words})\s", FLAGS) if words else re.compile("(?!)")


def is_statement(text: str, lang: str) -> bool:
    """Whether ``text`` is a sentence about the publisher ('We keep ...'), not a purpose."""
    return _openers(lang).match(text) is not None


def collect_purposes(
    b: PolicyBuilder, purpose_blocks: Sequence[Block], blocks: Sequence[Block], lang: str
) -> None:
    """Add the purposes of a policy: headings first, then lists, then prose."""
    seen: set[str] = set()
    grouped = set(_heading_purposes(b, blocks, lang, seen))
    depths = {len(path) for path in grouped}
    verdicts: dict[tuple[str, ...], bool] = {}  # per section: blocks share few

    def free(block: Block) -> bool:
        section = block.section
        verdict = verdicts.get(section)
        if verdict is None:
            verdict = verdicts[section] = not any(section[:n] in grouped for n in depths)
        return verdict

    free_purpose_blocks = [blk for blk in purpose_blocks if free(blk)]
    _list_purposes(b, free_purpose_blocks, lang, seen)
    _lead_in_purposes(b, [blk for blk in blocks if free(blk)], lang, seen)
    collect_prose_purposes(b, free_purpose_blocks, lang, lambda t: Purpose(label=t))


def _key(label: str) -> str:
    """Labels that differ only in case, punctuation or a plural 's' are one purpose."""
    words = _NON_WORD.sub(" ", label.lower()).split()
    return " ".join(w[:-1] if len(w) > 3 and w.endswith("s") else w for w in words)


def _add(b: PolicyBuilder, block: Block, i: int, j: int, confidence: float,
         seen: set[str]) -> bool:
    label = block.text[i:j]
    key = _key(label)
    if len(label.strip()) < 3 or not key or key in seen:
        return False
    seen.add(key)
    b.add("purposes", Purpose(
        label=label, evidence=(b.evidence(block, i, j),), confidence=confidence
    ))
    return True


def _heading_purposes(
    b: PolicyBuilder, blocks: Iterable[Block], lang: str, seen: set[str]
) -> list[tuple[str, ...]]:
    """Subheadings of a purposes section name one purpose each ('To provide your account'),
    unless they name a topic or a category of people instead. Returns their section paths."""
    subjects = phrase_regex("subjects", lang)
    paths: list[tuple[str, ...]] = []
    for block in blocks:
        if block.kind is not BlockKind.HEADING or not block.section:
            continue
        parent = section_topics(block.section, lang)
        if "purposes" not in parent or heading_topics(block.text, lang):
            continue
        m = _ENUMERATOR.match(block.text)
        start = m.end() if m else len(block.text) - len(block.text.lstrip())
        label = clean_label(block.text[start:])
        if not label or subjects.fullmatch(label) or len(label.split()) > _MAX_HEADING_WORDS:
            continue
        _add(b, block, start, start + len(label), 0.6, seen)
        paths.append((*block.section, block.text))
    return paths


def _list_purposes(
    b: PolicyBuilder, blocks: Sequence[Block], lang: str, seen: set[str]
) -> None:
    """List items under a purposes heading or a purposes lead-in ('We use your data to:');
    items after a lead-in that names something else (data, cookies, providers) are skipped."""
    allowed: set[int] = set()
    lead_ok = True
    for block in blocks:
        if block.kind not in _LISTED:
            lead_ok = _lead_ok(block, lang)
            continue
        topics = block_topics(block, lang)
        if lead_ok and (not topics or "purposes" in topics):
            allowed.add(id(block))
    for block in list_items([blk for blk in blocks if id(blk) in allowed]):
        if is_statement(block.text, lang):
            continue
        start, end, label, _ = label_of(block)
        if label:
            _add(b, block, start, end, 0.8, seen)


def _lead_ok(block: Block, lang: str) -> bool:
    """Whether list items after ``block`` may be purposes."""
    text = block.text.strip()
    if not text.endswith(":"):
        return True
    topic = intro_of(text, lang)
    return topic == "purposes"


def _lead_in_purposes(
    b: PolicyBuilder, blocks: Sequence[Block], lang: str, seen: set[str]
) -> None:
    """List items after a purposes lead-in in any section, also where the lead-in is itself
    a list item ('- We use the information for the following purposes:')."""
    taking = False
    for block in blocks:
        text = block.text.strip()
        if text.endswith(":"):
            taking = _is_purpose_lead(block, lang)
            continue
        if block.kind is not BlockKind.LIST_ITEM:
            taking = False
            continue
        if taking and not is_statement(text, lang) and list_items([block]):
            start, end, label, _ = label_of(block)
            if label:
                _add(b, block, start, end, 0.75, seen)


def _is_purpose_lead(block: Block, lang: str) -> bool:
    if len(block.text) > _LEAD_MAX or _OTHER_TOPICS.intersection(block_topics(block, lang)):
        return False
    topic = intro_of(block.text, lang)
    return topic == "purposes"
