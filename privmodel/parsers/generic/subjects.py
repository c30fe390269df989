"""Categories of data subjects: one label per distinct role, the most specific wording kept.

Candidates are the items of a 'categories of data subjects' list and the role phrases of the
lexicon found in the text ('registered users', 'job applicants'). A policy mentions its users
many times ('user', 'our users', 'registered users'): a candidate whose words are all found
in another candidate ('users' in 'registered users') names the same role and is dropped.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping, Sequence
from typing import cast

from privmodel.parsers.base import PolicyBuilder
from privmodel.parsers.document import Block, BlockKind
from privmodel.parsers.extract._phrases import FLAGS, compile_phrases, pattern_source, text_cache
from privmodel.parsers.generic.lists import label_of, list_items
from privmodel.parsers.generic.phrases import phrase_gate, phrase_regex
from privmodel.parsers.generic.topics import block_topics
from privmodel.parsers.lexicon import languages, load
from privmodel.schema import DataSubjectCategory, PartyRole

Candidate = tuple[Block, int, int, float, PartyRole]
_LISTED = 0.8  # the confidence of a listed candidate, which is always kept
_WORD = re.compile(r"\w+")
_PLURAL = re.compile(r"(?:ies|es|s|ar|er|or|na|ne|en|innen|tai|t)$")


def collect_subjects(
    b: PolicyBuilder, listed: Sequence[Block], blocks: Sequence[Block], lang: str
) -> None:
    """Add the data subject categories from the subjects lists and the role phrases."""
    processor = _processor_items(blocks, lang)

    def role(block: Block) -> PartyRole:
        return PartyRole.PROCESSOR if id(block) in processor else PartyRole.CONTROLLER

    found: list[Candidate] = []
    for block in list_items(listed):
        start, end, label, _ = label_of(block)
        if label:
            found.append((block, start, end, _LISTED, role(block)))
    regex = phrase_regex("subjects", lang)
    may_match = phrase_gate("subjects", lang).may_match
    skip = _skip_topics()
    for block in blocks:
        if not may_match(block.text) or skip.intersection(block_topics(block, lang)):
            continue
        for m in regex.finditer(block.text):
            if not _modifier(block.text, m.end(), m.group(), lang):
                found.append((block, m.start(), m.end(), 0.5, role(block)))
    for block, i, j, confidence, party in _distinct(found):
        b.add("data_subjects", DataSubjectCategory(
            label=block.text[i:j], role=party, evidence=(b.evidence(block, i, j),),
            confidence=confidence,
        ))


def _processor_items(blocks: Sequence[Block], lang: str) -> set[int]:
    """List items after a lead-in naming the processor role ('as a processor we process:'):
    people the publisher processes data about on behalf of others."""
    processor: set[int] = set()
    lead = False
    for block in blocks:
        if block.kind is not BlockKind.LIST_ITEM:
            lead = (block.text.rstrip().endswith(":")
                    and _terms("processor_terms", lang).search(block.text) is not None)
        elif lead:
            processor.add(id(block))
    return processor


@functools.cache
def _terms(name: str, lang: str) -> re.Pattern[str]:
    per_lang = cast(Mapping[str, list[str]], load("generic_data")[name])
    patterns = [p for code in languages(lang) for p in per_lang.get(code, [])]
    return compile_phrases(patterns) if patterns else re.compile("(?!)")


@functools.cache
def _skip_topics() -> frozenset[str]:
    return frozenset(cast(list[str], load("generic_data")["subject_skip_topics"]))


@functools.cache
def _followers(lang: str) -> re.Pattern[str] | None:
    per_lang = cast(Mapping[str, list[str]], load("generic_data")["subject_followers"])
    words = [pattern_source(p) for code in languages(lang) for p in per_lang.get(code, [])]
    return re.compile(rf"\s+(?:{'|'.join(words)})\b", FLAGS) if words else None


def _modifier(text: str, end: int, match: str, lang: str) -> bool:
    """A singular role noun before another word modifies it ('customer service', 'user data')
    rather than naming people; checked for languages that list the words a subject takes."""
    followers = _followers(lang)
    if followers is None or match.lower().endswith("s"):
        return False
    nxt = re.match(r"\s+[a-z]", text[end:end + 3])
    return nxt is not None and followers.match(text, end) is None


@text_cache
def role_words(label: str) -> frozenset[str]:
    """The words of a role label, lower case, singular, without articles and possessives."""
    skip = _determiners()
    # Letters only: a footnote mark ('Employees¹') is not part of the word.
    words = ("".join(c for c in w if c.isalpha()).lower() for w in _WORD.findall(label))
    return frozenset(_stem(w) for w in words if w and w not in skip)


@functools.cache
def _determiners() -> frozenset[str]:
    """Possessives and articles that do not change a role ('our customers' = 'customers')."""
    table = cast(Mapping[str, list[str]], load("generic_data")["determiners"])
    return frozenset(w for words in table.values() for w in words)


def _stem(word: str) -> str:
    # Stripped until stable: 'visitors' -> 'visitor' -> 'visit' -> 'visi', as 'visitor' is.
    for _ in range(4):
        if len(word) <= 4:
            break
        word, before = _PLURAL.sub("", word), word
        if word == before:
            break
    return word


def _distinct(found: Sequence[Candidate]) -> list[Candidate]:
    """Listed candidates, and phrases whose role no other candidate names with more words."""
    keys = [role_words(block.text[i:j]) for block, i, j, _, _ in found]
    out: list[Candidate] = []
    seen: set[frozenset[str]] = set()
    for n, key in enumerate(keys):
        if not key or key in seen:
            continue
        if found[n][3] < _LISTED and any(key < other for other in keys):
            continue
        seen.add(key)
        out.append(found[n])
    return out
