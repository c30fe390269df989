"""Third parties: named companies and services that receive or process data, and the
categories of recipients a policy discloses data to."""

from __future__ import annotations

import re
from collections.abc import Iterable

from privmodel.parsers.base import PolicyBuilder, publisher_or_new
from privmodel.parsers.document import Block
from privmodel.parsers.generic.identity import find_company_names
from privmodel.parsers.generic.phrases import known_services, phrase_regex
from privmodel.schema import PartyKind, Processor, Recipient

_WORD = re.compile(r"\w+")


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
    for block in blocks:
        found = [(s, e, n, 0.6) for s, e, n in find_company_names(block.text)]
        found += [(m.start(), m.end(), m.group(), 0.7)
                  for m in known_services().finditer(block.text)]
        for start, end, name, confidence in sorted(found):
            first = _WORD.findall(name)[:1]
            key = name.lower()
            if not first or first[0].lower() in own or key in seen:
                continue
            seen.add(key)
            b.add("processors", Processor(
                name=name, kind=PartyKind.NAMED,
                evidence=(b.evidence(block, start, end),), confidence=confidence,
            ))


def collect_recipient_categories(
    b: PolicyBuilder, blocks: Iterable[Block], lang: str
) -> None:
    """Categories of recipients named in prose ('payment providers', 'the police')."""
    regex = phrase_regex("recipient_categories", lang)
    for block in blocks:
        for m in regex.finditer(block.text):
            b.add("recipients", Recipient(
                name=m.group(), kind=PartyKind.CATEGORY,
                evidence=(b.evidence(block, m.start(), m.end()),), confidence=0.5,
            ))
