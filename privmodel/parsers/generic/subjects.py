"""Categories of data subjects: one label per distinct role, the most specific wording kept.

Candidates are the items of a 'categories of data subjects' list and the role phrases of the
lexicon found in the text ('registered users', 'job applicants'). A policy mentions its users
many times ('user', 'our users', 'registered users'): a candidate whose words are all found
in another candidate ('users' in 'registered users') names the same role and is dropped.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import cast

from privmodel.parsers.base import PolicyBuilder
from privmodel.parsers.document import Block
from privmodel.parsers.generic.lists import label_of, list_items
from privmodel.parsers.generic.phrases import phrase_regex
from privmodel.parsers.lexicon import load
from privmodel.schema import DataSubjectCategory

Candidate = tuple[Block, int, int, float]
_LISTED = 0.8  # the confidence of a listed candidate, which is always kept
_WORD = re.compile(r"\w+")
_PLURAL = re.compile(r"(?:ies|es|s|ar|er|or|na|ne|en|innen|tai|t)$")


def collect_subjects(
    b: PolicyBuilder, listed: Sequence[Block], blocks: Iterable[Block], lang: str
) -> None:
    """Add the data subject categories from the subjects lists and the role phrases."""
    found: list[Candidate] = []
    for block in list_items(listed):
        start, end, label, _ = label_of(block)
        if label:
            found.append((block, start, end, _LISTED))
    regex = phrase_regex("subjects", lang)
    for block in blocks:
        for m in regex.finditer(block.text):
            found.append((block, m.start(), m.end(), 0.5))
    for block, i, j, confidence in _distinct(found):
        fact = DataSubjectCategory(label=block.text[i:j]).model_copy(
            update={"evidence": (b.evidence(block, i, j),), "confidence": confidence}
        )
        b.add("data_subjects", fact)


def role_words(label: str) -> frozenset[str]:
    """The words of a role label, lower case, singular, without articles and possessives."""
    skip = _determiners()
    words = (w.lower() for w in _WORD.findall(label))
    return frozenset(_stem(w) for w in words if w not in skip)


@functools.cache
def _determiners() -> frozenset[str]:
    """Possessives and articles that do not change a role ('our customers' = 'customers')."""
    table = cast(Mapping[str, list[str]], load("generic_data")["determiners"])
    return frozenset(w for words in table.values() for w in words)


def _stem(word: str) -> str:
    for _ in range(2):  # 'customers' -> 'customer' -> 'custom', as 'customer' -> 'custom'
        if len(word) > 4:
            word = _PLURAL.sub("", word)
    return word


def _distinct(found: Sequence[Candidate]) -> list[Candidate]:
    """Listed candidates, and phrases whose role no other candidate names with more words."""
    keys = [role_words(block.text[i:j]) for block, i, j, _ in found]
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
