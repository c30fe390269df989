"""Third parties: named companies and services that receive or process data, and the
categories of recipients a policy discloses data to."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence

from privmodel.parsers.base import PolicyBuilder, publisher_or_new
from privmodel.parsers.document import Block
from privmodel.parsers.extract._phrases import Gate, compile_phrases, gate
from privmodel.parsers.generic.identity import find_company_names
from privmodel.parsers.generic.lists import _CONTACT_LIKE, LIST_KINDS, label_of
from privmodel.parsers.generic.phrases import known_services, known_services_gate, phrase_regex
from privmodel.parsers.generic.prose import _LIST_LEAD, sentences
from privmodel.parsers.lexicon import languages, load
from privmodel.schema import PartyKind, Processor, Recipient

_WORD = re.compile(r"\w+")
_MAX_ITEM_WORDS = 16
_EXAMPLE_GAP = 24


def _own_words(b: PolicyBuilder) -> set[str]:
    """Words of the publisher's name and of authorities: not third parties."""
    org = publisher_or_new(b)
    names = [org.name or ""]
    names += [getattr(a, "name", "") for a in b.items("supervisory_authorities")]
    return {w.lower() for n in names for w in _WORD.findall(n)[:1]}


def collect_named_parties(b: PolicyBuilder, blocks: Iterable[Block], lang: str) -> None:
    """Companies with a legal form and widely used services named in the given blocks."""
    own = _own_words(b)
    seen: set[str] = set()
    services, may_name = known_services(), known_services_gate().may_match
    for block in blocks:
        found = [(s, e, n, 0.6) for s, e, n in find_company_names(block.text)]
        if may_name(block.text):
            found += [(m.start(), m.end(), m.group(), 0.7)
                      for m in services.finditer(block.text)]
        for start, end, name, confidence in sorted(found):
            first = _WORD.findall(name)[:1]
            key = name.lower()
            if not first or first[0].lower() in own or key in seen:
                continue
            seen.add(key)
            b.add_fact(
                "processors", Processor,
                name=name, kind=PartyKind.NAMED,
                evidence=(b.evidence(block, start, end),), confidence=confidence,
            )


def collect_recipient_categories(
    b: PolicyBuilder, blocks: Sequence[Block], lang: str
) -> None:
    """Categories of recipients: list items and table rows of a recipients section (a
    company name among them is a named party), then categories named in sentences that
    share or disclose data ('we disclose data to the police')."""
    labels = _recipient_items(b, blocks, lang)
    regex = phrase_regex("recipient_categories", lang)
    marker = share_marker(lang)
    may_share = _share_gate(lang).may_match
    for block in blocks:
        if block.kind in LIST_KINDS and len(block.text.split()) <= _MAX_ITEM_WORDS:
            continue
        if not may_share(block.text):
            continue
        for s, e in sentences(block.text):
            if marker.search(block.text, s, e):
                _sentence_categories(b, block, regex.finditer(block.text, s, e), labels)


def _sentence_categories(
    b: PolicyBuilder, block: Block, found: Iterable[re.Match[str]], labels: list[str]
) -> None:
    """Each category once; one given as an example of the one before ('authorities such as
    the police') is part of it, not another recipient."""
    last = -1
    for m in found:
        name = m.group().lower()
        gap = block.text[last:m.start()] if last >= 0 else ""
        last = m.end()
        if (len(gap) < _EXAMPLE_GAP and _LIST_LEAD.search(gap)) or any(
                name in label or label in name for label in labels):
            continue
        labels.append(name)
        b.add("recipients", Recipient(
            name=m.group(), kind=PartyKind.CATEGORY,
            evidence=(b.evidence(block, m.start(), m.end()),), confidence=0.5,
        ))


def _recipient_items(b: PolicyBuilder, blocks: Sequence[Block], lang: str) -> list[str]:
    """One recipient per short list item or table row; the labels taken, lower case. An item
    that is itself a sharing sentence ('the providers we share data with are ...') is prose."""
    labels: list[str] = []
    for block in blocks:
        if block.kind not in LIST_KINDS:
            continue
        start, end, label, _ = label_of(block)
        if (not label or len(label.split()) > _MAX_ITEM_WORDS or _CONTACT_LIKE.search(label)
                or share_marker(lang).search(label)):
            continue
        ev = (b.evidence(block, start, end),)
        names = find_company_names(label)
        if names and names[0][1] - names[0][0] >= len(label) - 2:
            b.add("processors", Processor(name=label, kind=PartyKind.NAMED, evidence=ev,
                                          confidence=0.6))
            continue
        labels.append(label.lower())
        b.add("recipients", Recipient(name=label, kind=PartyKind.CATEGORY, evidence=ev,
                                      confidence=0.8))
    return labels


@functools.cache
def share_marker(lang: str) -> re.Pattern[str]:
    """Verb phrases after which recipients are named ('we share your data with')."""
    return compile_phrases(_share_patterns(lang))


@functools.cache
def _share_gate(lang: str) -> Gate:
    """Whether a text may hold a :func:`share_marker` at all: a scan for its literals."""
    return gate(_share_patterns(lang))


def _share_patterns(lang: str) -> list[str]:
    table = load("generic_recipients")["share_markers"]
    return [p for code in languages(lang) for p in table.get(code, [])] or ["(?!)"]
