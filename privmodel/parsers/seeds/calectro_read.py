"""Section readers for :mod:`privmodel.parsers.seeds.calectro`.

Each reader gets the blocks under one section and adds the facts it states; the shared
extractors recognise contacts, rights, bases, laws, authorities and durations.  Lists are
read item by item, and a list is told apart by the paragraph that introduces it.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable

from privmodel.parsers.base import PolicyBuilder, publisher_or_new
from privmodel.parsers.common import (
    clean_label,
    collect_authority,
    collect_dates,
    collect_legal_bases,
    collect_min_age,
    collect_publisher_contacts,
    collect_rights,
    collect_transfers,
    set_publisher_name,
)
from privmodel.parsers.document import Block, BlockKind
from privmodel.parsers.extract import find_laws, find_urls
from privmodel.parsers.layout import SectionLayout
from privmodel.parsers.seeds.calectro_facts import (
    ItemReader,
    Span,
    add_data,
    add_purpose,
    add_subjects,
    read_comments,
    read_media,
    read_recipient_items,
    read_sending,
    read_source_items,
    read_storage,
)
from privmodel.parsers.seeds.calectro_retention import (
    deletion_rules,
    read_cookies,
    read_retention,
)
from privmodel.schema import Law, PartyRole, RoleClaim


class Part(enum.StrEnum):
    """The sections of the policy, by what they hold."""

    INTRO = "intro"
    DATA = "data"
    COLLECTION = "collection"
    PURPOSES = "purposes"
    STORAGE = "storage"
    DELETION = "deletion"
    DISCLOSURE = "disclosure"
    RIGHTS = "rights"
    WHO = "who"
    COMMENTS = "comments"
    MEDIA = "media"
    COOKIES = "cookies"
    EMBEDDED = "embedded"
    RETENTION = "retention"
    SENDING = "sending"


# The lead paragraphs (part INTRO), then each section: its part, heading and blocks.
Layout = SectionLayout[Part]


_COMPANY = re.compile(
    r"\b(?P<name>[A-Z][\w&-]*(?: [A-Z][\w&-]*){0,3} "
    r"(?:AB|HB|KB|Oy|Oyj|AS|ASA|ApS|A/S|GmbH|AG|Ltd|Limited|Inc|LLC|plc|B\.V\.|BV|S\.A\.))(?!\w)"
)
_CONTROLLER_SELF = re.compile(r"\(personal data controller\)|\bis the (?:data )?controller\b", re.I)
_REPLACED = re.compile(r"\breplac\w*\s+(?:the\s+)?$|\bformer\s+$|\bsuperseded\s+", re.I)
_BASIS_CUE = re.compile(r"\bbased on\b|\b(?:legal|lawful) basis\b|\bon the basis of\b", re.I)
_LEAD_IN = re.compile(r":\s*$")
_PROCESSOR_LEAD = re.compile(r"\bprocessors?\b.*\bused for\b|\bsubcontractors?\b", re.I)
_SOURCE_LEAD = re.compile(r"\bcollect\w* from third part|\bfrom other sources\b", re.I)
_STRIP_PURPOSE = re.compile(r"^(?:.*?\bto be able to|to|in order to)\s+", re.I)


def read_policy(b: PolicyBuilder, lay: Layout) -> None:
    """Read every section of the policy into the builder."""
    lang = b.document.language
    every = lay.everything()
    collect_dates(b, every[:8], lang)
    _read_publisher(b, lay)
    _read_laws(b, every)
    add_subjects(b, every)
    for block in _items(lay.blocks(Part.DATA)):
        add_data(b, block)
    for block in _items(lay.blocks(Part.PURPOSES)):
        add_purpose(b, block, _purpose_span(block))
    read_storage(b, lay.blocks(Part.STORAGE))
    _read_lists(b, lay.blocks(Part.DISCLOSURE), {
        _PROCESSOR_LEAD: read_recipient_items, _SOURCE_LEAD: read_source_items,
    })
    read_comments(b, lay.blocks(Part.COMMENTS))
    read_media(b, lay.blocks(Part.MEDIA))
    read_cookies(b, lay.blocks(Part.COOKIES))
    read_sending(b, lay.blocks(Part.SENDING))
    rights = lay.blocks(Part.RIGHTS)
    collect_rights(b, rights, lang)
    collect_authority(b, rights, lang)
    read_retention(b, [*lay.blocks(Part.RETENTION), *rights])
    deletion_rules(b, lay.blocks(Part.DELETION))
    collect_legal_bases(b, [x for x in every if _BASIS_CUE.search(x.text)], lang)
    collect_transfers(b, lay.blocks(Part.STORAGE, Part.DISCLOSURE, Part.SENDING), lang)
    collect_min_age(b, every, lang)


def _items(blocks: Iterable[Block]) -> list[Block]:
    return [x for x in blocks if x.kind is BlockKind.LIST_ITEM]


def _purpose_span(block: Block) -> Span:
    m = _STRIP_PURPOSE.match(block.text)
    start = m.end() if m else 0
    return start, start + len(clean_label(block.text[start:]))


def _read_lists(b: PolicyBuilder, blocks: list[Block],
                readers: dict[re.Pattern[str], ItemReader]) -> None:
    """Hand each list to the reader its lead-in paragraph ("... is used for:") calls for."""
    reader: ItemReader | None = None
    lead: Block | None = None
    for block in blocks:
        if block.kind is BlockKind.LIST_ITEM:
            if reader is not None and lead is not None:
                reader(b, block, lead)
        elif _LEAD_IN.search(block.text):
            lead = block
            reader = next((r for p, r in readers.items() if p.search(block.text)), None)
        else:
            reader = None


def _read_publisher(b: PolicyBuilder, lay: Layout) -> None:
    every = lay.everything()
    for block in [*lay.lead, *every]:
        m = _COMPANY.search(block.text)
        if m is not None:
            set_publisher_name(b, m.group("name"), b.evidence(block, m.start("name"), m.end()))
            break
    collect_publisher_contacts(b, every, b.document.language)
    _read_website(b, lay.blocks(Part.WHO))
    _read_roles(b, every)


def _read_website(b: PolicyBuilder, blocks: Iterable[Block]) -> None:
    for block in blocks:
        for m in find_urls(block.text)[:1]:
            org = publisher_or_new(b)
            if org.website is None:
                ev = b.evidence(block, m.start, m.end)
                b.set("publisher", org.model_copy(
                    update={"website": m.value, "evidence": (*org.evidence, ev)}
                ))


def _read_roles(b: PolicyBuilder, blocks: Iterable[Block]) -> None:
    org = publisher_or_new(b)
    short = (org.name or "").split(" ")[0]
    for block in blocks:
        m = _CONTROLLER_SELF.search(block.text)
        if m is None or (short and short not in block.text):
            continue
        ev = b.evidence(block, m.start(), m.end())
        claim = RoleClaim(role=PartyRole.CONTROLLER, evidence=(ev,))
        b.set("publisher", org.model_copy(update={"roles": (*org.roles, claim)}))
        return


def _read_laws(b: PolicyBuilder, blocks: Iterable[Block]) -> None:
    """Laws the policy follows; a law it says was replaced ("replaces the ... Act") is not."""
    for block in blocks:
        found = find_laws(block.text, b.document.language)
        replaced = {
            m.value for m in found if _REPLACED.search(block.text[max(0, m.start - 30):m.start])
        }
        for m in found:
            if m.value not in replaced:
                b.add_fact("laws", Law, name=m.value,
                           evidence=(b.evidence(block, m.start, m.end),))

__all__ = ["Layout", "Part", "read_policy"]
