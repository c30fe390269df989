"""Recipients, named services and transfers in the Bluescreen policy.

Recipients: the list introduced by "personuppgiftsbiträden som hjälper oss inom följande
kategorier:", partners data is shared with ("delar vi uppgifter med våra ..."), and an
authority that may demand access ("... myndighet skulle kräva tillgång").
Named services: capitalised names introduced by "såsom", "via", "med", "av" or written as
"vår <Name>-sida". Transfers: a paragraph naming a place outside the EU/EEA, with the
safeguards named there or in the paragraph that follows.
"""

from __future__ import annotations

import re

from privmodel.parsers.base import PolicyBuilder, publisher_or_new
from privmodel.parsers.document import Block, BlockKind
from privmodel.parsers.extract import find_regions, find_transfer_mechanisms
from privmodel.parsers.seeds.bluescreen_text import trim
from privmodel.schema import (
    Controller,
    PartyKind,
    Presence,
    Processor,
    Recipient,
    RecipientKind,
    Transfer,
)

_PROCESSOR_LIST = re.compile(r"personuppgiftsbiträden[^.]*följande kategorier\W*$")
_PARTNERS = re.compile(r"delar vi (?:person)?uppgifter med (?:våra |vår )?(?P<name>\w+)")
_AUTHORITY = re.compile(
    r"(?P<name>[A-ZÅÄÖ]\w*(?: eller annan myndighet)?) skulle kräva tillgång[^.]*?"
    r"(?P<cond>om det finns ett (?P<decision>domstolsbeslut))?"
)
_DEMAND = " skulle kräva tillgång"
_PROCESSOR_WORD = "personuppgiftsbiträden"  # in every match of _PROCESSOR_LIST
_PARTNERS_WORD = "delar"  # of _PARTNERS
_DEMAND_WORD = "skulle"  # of _DEMAND
_RECIPIENT_WORDS = (_PROCESSOR_WORD, _PARTNERS_WORD, _DEMAND_WORD)
_NAME = r"[A-ZÅÄÖ][\w-]*[A-Za-z](?: [A-ZÅÄÖ]\w*[A-Za-z])*"
_SERVICE = re.compile(
    rf"(?:\bsåsom|\bvia|\bmed|\bhjälp av|analysverktyg,) (?P<name>{_NAME})(?![\w-])"
    rf"|\bvår (?P<page>{_NAME})-sida"
)
# Every match of _SERVICE has one of its lead words before a capital: far cheaper to find,
# from the space before the capital (a literal the engine skips to) back to the word.
_SERVICE_LEAD = re.compile(
    r" (?=[A-ZÅÄÖ])(?:(?<=såsom )|(?<=via )|(?<=med )|(?<=hjälp av )|(?<=analysverktyg, )"
    r"|(?<=vår ))"
)
_NOT_NAMES = frozenset({"cookies", "eu", "ees", "gdpr"})


def read_recipients(b: PolicyBuilder, blocks: list[Block]) -> None:
    for n, block in enumerate(blocks):
        raw = block.text
        # Every match of each pattern holds its words, which have no space: found in the
        # text as given, they tell whether the pattern can match the text with plain spaces.
        if not any(word in raw for word in _RECIPIENT_WORDS):
            continue
        text = raw.replace("\u00a0", " ")
        if (block.kind is BlockKind.PARAGRAPH and _PROCESSOR_WORD in raw
                and _PROCESSOR_LIST.search(text)):
            for item in blocks[n + 1:]:
                if item.kind is not BlockKind.LIST_ITEM:
                    break
                i, j = trim(item.text, 0, len(item.text))
                b.add("recipients", Recipient(
                    name=item.text[i:j], kind=PartyKind.CATEGORY,
                    recipient_kind=RecipientKind.PROCESSOR, evidence=(b.evidence(item, i, j),),
                ))
        partners = _PARTNERS.finditer(text) if _PARTNERS_WORD in raw else ()
        for m in partners:
            b.add("recipients", Recipient(
                name=m.group("name"), kind=PartyKind.CATEGORY,
                recipient_kind=RecipientKind.PARTNER,
                evidence=(b.evidence(block, *m.span("name")),),
            ))
        # Every match has the literal, far cheaper to look for than to try every capital.
        authorities = _AUTHORITY.finditer(text) if _DEMAND in text else ()
        for m in authorities:
            name = m.group("name")
            if m.group("decision"):
                name += f" (vid {m.group('decision')})"
            b.add("recipients", Recipient(
                name=name, kind=PartyKind.CATEGORY, recipient_kind=RecipientKind.AUTHORITY,
                description=m.group("cond"), evidence=(b.evidence(block, *m.span()),),
            ))


def read_named_parties(b: PolicyBuilder, blocks: list[Block]) -> None:
    """Named services; a social network page's operator is a controller of its own."""
    publisher = (publisher_or_new(b).name or "").lower().split()[:1]
    for block in blocks:
        if not _SERVICE_LEAD.search(block.text):
            continue
        for m in _SERVICE.finditer(block.text):
            group = "name" if m.group("name") else "page"
            name = m.group(group)
            if name.lower() in _NOT_NAMES or name.lower().rstrip("s") in publisher:
                continue
            ev = (b.evidence(block, *m.span(group)),)
            if group == "page":
                b.add("controllers", Controller(name=name, evidence=ev))
            else:
                b.add("processors", Processor(name=name, evidence=ev))


def read_transfers(b: PolicyBuilder, blocks: list[Block], lang: str) -> None:
    for n, block in enumerate(blocks):
        regions = find_regions(block.text, lang)
        if not regions:
            continue
        following = blocks[n + 1:n + 2]
        mechanisms = [(block, m) for m in find_transfer_mechanisms(block.text, lang)]
        mechanisms += [(f, m) for f in following for m in find_transfer_mechanisms(f.text, lang)]
        if not mechanisms:
            continue
        evidence = (
            b.evidence(block, regions[0].start, regions[0].end),
            *(b.evidence(f, m.start, m.end) for f, m in mechanisms),
        )
        codes = tuple(dict.fromkeys(m.value for _, m in mechanisms))
        b.add("transfers", Transfer(
            destination=regions[0].value, mechanisms=codes, evidence=evidence
        ))
        b.declare("transfers_outside_eea", Presence.PRESENT, evidence)
