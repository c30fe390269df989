"""Readers for sharing, AI features, rights and security in the work-management SaaS policy.

Recipients are read from the sentences that share or disclose data ('We share your
personal data with the following subcontractors', 'disclose ... to authorities such as
the police'); the AI section names the service that processes work item content, lists
its protections and states its legal bases; the rights section states each right in a
paragraph with how to exercise it; the security section describes one measure a sentence.
"""

from __future__ import annotations

import re

from privmodel.parsers.base import PolicyBuilder
from privmodel.parsers.common import collect_legal_bases, collect_transfers
from privmodel.parsers.document import Block, BlockKind
from privmodel.parsers.extract import find_rights
from privmodel.parsers.seeds.work_management_saas_data import (
    Found,
    add_data,
    add_purpose,
    concept_table,
)
from privmodel.parsers.seeds.work_management_saas_text import (
    Span,
    list_pieces,
    sentences,
    trim,
)
from privmodel.schema import (
    MeasureKind,
    PartyKind,
    Presence,
    Processor,
    Purpose,
    Recipient,
    RecipientKind,
    Right,
    RightCode,
    SecurityMeasure,
    Transfer,
)

_SHARE = re.compile(
    r"\b(?:share|disclose)\s+(?:necessary\s+|your\s+)?personal data\s+(?:with|to)\s+"
    r"(?!are\b|is\b)(?:the following\s+|the\s+)?(?P<x>[^.:;]+?)"
    r"(?=\s+(?:to|in order to|for|who|that)\s|[.:;]|$)",
    re.I,
)
_SUCH_AS = re.compile(r"\s+such as\s+", re.I)
_RECIPIENT_KINDS = concept_table(
    (r"authorit|police|tax|court", RecipientKind.AUTHORITY),
    (r"buyer|seller|acquir|purchaser", RecipientKind.BUSINESS_TRANSFER),
    (r"subcontractor|processor|provider|vendor|supplier", RecipientKind.PROCESSOR),
    (r"partner", RecipientKind.PARTNER),
)
_FOR_PURPOSES = re.compile(r"\bfor the purposes? of\s+(?P<p>[^.;]+)", re.I)
_MEASURES_INCLUDE = re.compile(
    r"\bmeasures include\s+(?:i\.a\.\s+|e\.g\.,?\s+|inter alia\s+)?(?P<x>[^.;]+)", re.I
)
_AND = re.compile(r"\s+and\s+")
_OFFER = re.compile(r"\bwe offer\s+(?P<p>.+?)\s+(?:within|in|as part of|to)\s", re.I)
_PROCESSED_BY = re.compile(
    r"(?:,\s*|^)(?P<data>[^,.]+?)\s+(?:within that scope\s+)?(?:may|will|can|is|are)\s+be\s+"
    r"processed by\s+(?P<name>[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*)"
)
_NO_DECISIONS = re.compile(r"\bdo(?:es)? not make (?:any )?(?:automated )?decisions\b", re.I)
_PROTECTIONS = re.compile(r"\bfollowing (?:protections|(?:security )?measures)\b", re.I)
_USE_LIMIT = re.compile(r"\bnot used to\b|\bis limited to\b|\bonly used\b", re.I)
_GENERIC = re.compile(r"\btechnical and organi[sz]ational\b", re.I)
_HOW = re.compile(
    r"\b(?:contact us|let us know|in writing|write to us|by disabling|turn to)\b", re.I
)
_TITLE = re.compile(r"(?P<t>[^.]{3,60})\.\s")
# One measure per topic: a topic described twice is one measure with two pieces of evidence.
_TOPICS = concept_table(
    (r"encrypt", MeasureKind.TECHNICAL),
    (r"\baccess\b", MeasureKind.TECHNICAL),
    (r"incident", MeasureKind.ORGANISATIONAL),
    (r"minimi[sz]", MeasureKind.TECHNICAL),
    (r"evaluat|review|audit", MeasureKind.ORGANISATIONAL),
    (r"backup", MeasureKind.TECHNICAL),
    (r"pseudonym|anonymi", MeasureKind.TECHNICAL),
    (r"processing", MeasureKind.TECHNICAL),
)


def _recipient(b: PolicyBuilder, block: Block, m: re.Match[str]) -> Recipient:
    text = block.text
    span = trim(text, m.start("x"), m.end("x"))
    such = _SUCH_AS.search(text, *span)
    label_span = (span[0], such.start()) if such else span
    label = text[label_span[0]:label_span[1]]
    kind = next((k for p, k in _RECIPIENT_KINDS if p.search(label)), None)
    recipient = Recipient(
        name=label, kind=PartyKind.CATEGORY,
        recipient_kind=kind or RecipientKind.OTHER,
        description=text[such.end():span[1]] if such else None,
        evidence=(b.evidence(block, *span),),
    )
    return b.add("recipients", recipient)


def _link_transfers(b: PolicyBuilder, blocks: list[Block], names: dict[str, str]) -> None:
    """A transfer stated in a block that names a recipient is a transfer to it."""
    for fact in b.items("transfers"):
        if not isinstance(fact, Transfer):
            continue
        where = [bl for bl in blocks if any(bl.start <= e.start < bl.end for e in fact.evidence)]
        ids = tuple(rid for name, rid in names.items()
                    if any(name.lower() in bl.text.lower() for bl in where))
        if ids:
            b.replace("transfers", fact.model_copy(update={"recipient_ids": ids}))


def read_sharing(b: PolicyBuilder, found: Found, blocks: list[Block]) -> None:
    """Section 4: recipients, transfers, the purposes of legally required sharing."""
    lang = b.document.language
    names: dict[str, str] = {}
    for block in blocks:
        for m in _SHARE.finditer(block.text):
            recipient = _recipient(b, block, m)
            names[recipient.name] = recipient.id
        purposes = tuple(
            add_purpose(b, block, trim(block.text, m.start("p"), m.end("p"))).id
            for m in _FOR_PURPOSES.finditer(block.text)
        )
        collect_legal_bases(b, [block], lang, purposes)
        read_measures_include(b, block)
    collect_transfers(b, blocks, lang)
    _link_transfers(b, blocks, names)


def add_measure(b: PolicyBuilder, block: Block, span: Span) -> None:
    label = block.text[span[0]:span[1]]
    topic = next(((p, k) for p, k in _TOPICS if p.search(label)), None)
    known = next(
        (m for m in b.items("security_measures") if isinstance(m, SecurityMeasure)
         and topic is not None and topic[0].search(m.label)),
        None,
    )
    b.add("security_measures", SecurityMeasure(
        label=known.label if known else label, kind=topic[1] if topic else None,
        evidence=(b.evidence(block, *span),),
    ))


def read_measures_include(b: PolicyBuilder, block: Block) -> None:
    """'Such supplemental measures include i.a. encryption ... and role-based access ...'."""
    for m in _MEASURES_INCLUDE.finditer(block.text):
        for span in _split_and(block.text, m.start("x"), m.end("x")):
            add_measure(b, block, span)


def _split_and(text: str, i: int, j: int) -> list[Span]:
    spans, start = [], i
    for m in _AND.finditer(text, i, j):
        spans.append(trim(text, start, m.start()))
        start = m.end()
    spans.append(trim(text, start, j))
    return [s for s in spans if s[1] > s[0]]


def read_ai(b: PolicyBuilder, found: Found, blocks: list[Block]) -> dict[str, list[str]]:
    """Section 5: the AI purpose, the service that processes the data, protections, bases."""
    lang = b.document.language
    links: dict[str, list[str]] = {"purposes": [], "data": [], "processors": [], "bases": []}
    in_list = False
    for block in blocks:
        text = block.text
        for m in _OFFER.finditer(text):
            links["purposes"].append(add_purpose(b, block, trim(text, *m.span("p"))).id)
        for m in _PROCESSED_BY.finditer(text):
            for piece in list_pieces(text, *trim(text, *m.span("data"))):
                links["data"].append(add_data(b, found, block, piece))
            links["processors"].append(b.add("processors", Processor(
                name=m.group("name"), kind=PartyKind.NAMED,
                description=_description(b, links), evidence=(b.evidence(block, *m.span("name")),),
            )).id)
        for m in _NO_DECISIONS.finditer(text):
            b.declare("automated_decision_making", Presence.NONE, [b.evidence(block, *m.span())])
        if in_list and block.kind is BlockKind.LIST_ITEM:
            if not _USE_LIMIT.search(text):
                add_measure(b, block, trim(text, 0, len(text)))
            continue
        in_list = bool(_PROTECTIONS.search(text))
        bases = collect_legal_bases(b, [block], lang, tuple(links["purposes"]))
        links["bases"] += [basis.id for basis in bases]
        read_rights(b, [block])
    return links


def _description(b: PolicyBuilder, links: dict[str, list[str]]) -> str | None:
    """What the named service does: the purpose the section offers it for."""
    labels = [p.label for p in b.items("purposes")
              if isinstance(p, Purpose) and p.id in links["purposes"]]
    return labels[0] if labels else None


def read_rights(b: PolicyBuilder, blocks: list[Block]) -> None:
    """Each right with how to exercise it, read from the paragraph that grants it.

    A paragraph titled by what it opts out of ('Marketing communications.') names a purpose.
    """
    for block in blocks:
        rights = find_rights(block.text, b.document.language)
        spans = sentences(block.text) if rights else []
        for m in rights:
            after = [s for s in spans if s[1] > m.start and _HOW.search(block.text, *s)]
            b.add("rights", Right(
                code=m.value,
                how_to_exercise=block.text[after[0][0]:after[0][1]] if after else None,
                evidence=(b.evidence(block, m.start, m.end),),
            ))
            title = _TITLE.match(block.text)
            if m.value is RightCode.OPT_OUT_MARKETING and title and "right" not in title.group():
                add_purpose(b, block, title.span("t"))


def read_security(b: PolicyBuilder, blocks: list[Block]) -> None:
    """Section 8: one measure per sentence, except the general statement of measures."""
    for block in blocks:
        for s in sentences(block.text):
            if not _GENERIC.search(block.text, *s):
                add_measure(b, block, trim(block.text, *s))

