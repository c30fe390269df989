"""Fact readers for :mod:`privmodel.parsers.seeds.calectro`: data, subjects, parties, sources.

Labels are the policy's words: list items without trailing punctuation, or the phrase a
sentence names ("we collect <data> to help <purpose>").  Data subjects are never listed in
this policy, so they are recognised by the phrases that speak of them (``_SUBJECT_CUES``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import TypeVar

from privmodel.parsers.base import PolicyBuilder
from privmodel.parsers.common import clean_label, split_examples
from privmodel.parsers.document import Block
from privmodel.parsers.extract import find_urls
from privmodel.parsers.extract._phrases import lowered
from privmodel.schema import (
    DataCategory,
    DataConcept,
    DataSource,
    DataSubjectCategory,
    MeasureKind,
    PartyKind,
    ProcessingActivity,
    Processor,
    Purpose,
    PurposeConcept,
    Recipient,
    RecipientKind,
    SecurityMeasure,
    SubjectConcept,
)

C = TypeVar("C")
Span = tuple[int, int]
ItemReader = Callable[[PolicyBuilder, Block, Block], None]

# Phrases that speak of a category of people, the category's name and its concept; first
# a literal that every match of the phrase contains, far cheaper to look for.
_SUBJECT_CUES: tuple[tuple[str, re.Pattern[str], str, SubjectConcept], ...] = tuple(
    (literal, re.compile(pattern, re.I), label, concept)
    for literal, pattern, label, concept in (
        ("customer", r"\bas an? (?:\w+ )?customers?\b", "customers", SubjectConcept.CUSTOMER),
        ("visitors to ", r"\bvisitors to (?:the|our) (?:web)?site\b", "website visitors",
         SubjectConcept.VISITOR),
        ("comment", r"\b(?:visitors|you) leaves? (?:a )?comments?\b", "commenters",
         SubjectConcept.VISITOR),
        (" app", r"\b(?:usage|use|users) of (?:our|the) app\b", "app users",
         SubjectConcept.USER),
        ("newsletter", r"\bsubscrib\w+ to (?:our|the) newsletter\b", "newsletter subscribers",
         SubjectConcept.SUBSCRIBER),
        (" register", r"\busers (?:that|who) register\b", "registered users",
         SubjectConcept.USER),
    )
)
_HEDGED = re.compile(r"^[^.,]{0,40}\(if any\)")

_DATA_CONCEPTS: tuple[tuple[re.Pattern[str], DataConcept], ...] = tuple(
    (re.compile(pattern, re.I), concept)
    for pattern, concept in (
        (r"\bhash\b|\banonymi[sz]ed string\b", DataConcept.ONLINE_IDENTIFIER),
        (r"\bcomments?\b", DataConcept.USER_CONTENT),
        (r"\bimages?\b|\bpicture\b|\bphoto", DataConcept.IMAGE),
        (r"\bwebsite use\b|\bsubpages\b|\bbrowser\b", DataConcept.USAGE),
        (r"\blocation\b", DataConcept.LOCATION),
        (r"\bcredit\b", DataConcept.FINANCIAL),
        (r"\bcompany name\b|\bcorp\w*\.? id\b", DataConcept.PROFESSIONAL),
        (r"\bcontact person\b", DataConcept.IDENTIFYING),
        (r"\baddress\b|\btelephone\b|\bphone\b|\be-?mail\b", DataConcept.CONTACT),
    )
)
_PURPOSE_CONCEPTS: tuple[tuple[re.Pattern[str], PurposeConcept], ...] = tuple(
    (re.compile(pattern, re.I), concept)
    for pattern, concept in (
        (r"\bspam\b|\babuse\b", PurposeConcept.SECURITY),
        (r"\btailor\b|\bpersonali[sz]", PurposeConcept.PERSONALISATION),
        (r"\bprovide access\b|\bdeliver\b", PurposeConcept.SERVICE_PROVISION),
        (r"\boffer\b|\bmarketing\b|\bnewsletter\b", PurposeConcept.MARKETING),
        (r"\bcustomer (?:support|service)\b", PurposeConcept.CUSTOMER_SUPPORT),
    )
)
_SUCH_AS = re.compile(r"^(?P<label>.+?)\s+such as\s+(?P<examples>.+)$", re.I)
_SPLIT = re.compile(r",\s*(?:and\s+)?|\s+and\s+")
_PARENTHESIS = re.compile(r"\(([^()]+)\)\s*$")
_ARTICLE = re.compile(r"^(?:the|an?|your|our)\s+", re.I)
_COLLECT_FOR = re.compile(
    r"\bwe collect (?P<data>.+?),? (?:to (?:help )?|in order to |for )(?P<why>[^.]+)", re.I
)
_PROVIDED_TO = re.compile(
    r"^(?P<data>.+?) may be (?:provided|shared|sent|disclosed|transferred) to the "
    r"(?P<name>[A-Z][\w.-]*(?: [A-Z][\w.-]*)*) service(?: to (?P<why>[^.]+))?"
)
_PUBLIC = re.compile(r"\byour (?P<data>[\w -]+?) is (?:visible|shown|displayed) to the public\b")
_UPLOAD = re.compile(r"\bupload (?P<data>[\w ]+?) to the\b", re.I)
_EMBEDDED = re.compile(r"\bwith (?P<ex>embedded [\w ]+? data(?: \([^)]*\))?)", re.I)
_THROUGH = re.compile(r"\bthrough an? (?P<name>[\w -]+? service)\b", re.I)
_FROM = re.compile(r"^(?P<data>.+?)\s+from\s+(?P<src>.+?)(?:\s+to\s+(?P<why>[^.]+?))?[.;]?\s*$")
_LOGIN = re.compile(
    r"\bwhen (?:logging|signing|you log|you sign)(?: in)? ?(?:in)?to (?:our |the |your )?"
    r"(?P<src>[\w -]+?)[.;]?\s*$", re.I,
)
_SENTENCE = re.compile(r"[^.!?]+[.!?]?")
_MEASURE = re.compile(
    r"\bprotect\b|\bsecur\w*\b|\bencrypt\w*\b|\bonly (?:be )?available within\b", re.I
)
_SUPPLIER = re.compile(r"\bthe (?P<name>[\w -]+?) \(personal data processors?\)", re.I)


def _concept(text: str, table: Iterable[tuple[re.Pattern[str], C]]) -> C | None:
    return next((concept for pattern, concept in table if pattern.search(text)), None)


def subjects_in(b: PolicyBuilder, block: Block) -> list[DataSubjectCategory]:
    """The categories of people a block speaks of, added to the builder."""
    found: list[DataSubjectCategory] = []
    low = lowered(block.text)  # as the extractors have it: a cue's literal is in it if it matches
    for literal, pattern, label, concept in _SUBJECT_CUES:
        if literal not in low:
            continue
        for m in pattern.finditer(block.text):
            if _HEDGED.search(block.text[m.end():]):
                continue
            found.append(b.add_fact(
                "data_subjects", DataSubjectCategory,
                label=label, concept=concept, evidence=(b.evidence(block, m.start(), m.end()),)
            ))
    return list({s.id: s for s in found}.values())


def add_subjects(b: PolicyBuilder, blocks: Iterable[Block]) -> None:
    for block in blocks:
        subjects_in(b, block)


def add_data(b: PolicyBuilder, block: Block, span: Span | None = None,
             examples: tuple[str, ...] = (), source_ids: tuple[str, ...] = ()) -> DataCategory:
    """A data category from ``block.text[span]`` ("X such as a, b and c" gives examples)."""
    i, j = span if span is not None else (0, len(clean_label(block.text)))
    text = block.text[i:j]
    m = _SUCH_AS.match(text)
    if m is not None and not examples:
        examples = tuple(clean_label(x) for x in _SPLIT.split(m.group("examples")) if x.strip())
        j = i + m.end("label")
    elif not examples and "(" in text:
        label, examples = split_examples(clean_label(text))
        j = i + text.index(label) + len(label)
    lead = _ARTICLE.match(block.text[i:j])
    i += lead.end() if lead else 0
    label = clean_label(block.text[i:j])
    concept = _concept(label + " " + " ".join(examples), _DATA_CONCEPTS)
    category = DataCategory(
        label=label, examples=examples, concept=concept, source_ids=source_ids,
        evidence=(b.evidence(block, i, i + len(label)),),
    )
    return b.add("data_categories", category)


def add_purpose(b: PolicyBuilder, block: Block, span: Span) -> Purpose:
    """A purpose; one that restates an earlier purpose ("tailor our offers to ...") merges."""
    i, j = span
    label = clean_label(block.text[i:j])
    ev = b.evidence(block, i, i + len(label))
    for known in b.items("purposes"):
        if isinstance(known, Purpose) and label.lower().startswith(known.label.lower() + " "):
            return b.add("purposes", known.model_copy(update={"evidence": (ev,)}))
    concept = _concept(label, _PURPOSE_CONCEPTS)
    return b.add("purposes", Purpose(label=label, concept=concept, evidence=(ev,)))


def activity(b: PolicyBuilder, block: Block, purpose: Purpose,
             data: Iterable[DataCategory], retention_ids: tuple[str, ...] = ()) -> None:
    """An activity the text links: the people it speaks of, the data and the purpose."""
    subjects = subjects_in(b, block)
    b.add("activities", ProcessingActivity(
        name=purpose.label, subject_ids=tuple(s.id for s in subjects),
        data_category_ids=tuple(d.id for d in data), purpose_ids=(purpose.id,),
        retention_ids=retention_ids, evidence=purpose.evidence[-1:],
    ))


def read_storage(b: PolicyBuilder, blocks: Iterable[Block]) -> None:
    """Security measures (one per sentence describing one) and the system supplier."""
    for block in blocks:
        for s in _SENTENCE.finditer(block.text):
            if _MEASURE.search(s.group()):
                i = s.start() + len(s.group()) - len(s.group().lstrip())
                label = clean_label(s.group())
                kind = (MeasureKind.ORGANISATIONAL if "available" in label
                        else MeasureKind.TECHNICAL)
                b.add("security_measures", SecurityMeasure(
                    label=label, kind=kind, evidence=(b.evidence(block, i, i + len(label)),)
                ))
        for m in _SUPPLIER.finditer(block.text):
            b.add("processors", Processor(
                name=m.group("name"), kind=PartyKind.CATEGORY,
                evidence=(b.evidence(block, m.start("name"), m.end()),),
            ))


def read_recipient_items(b: PolicyBuilder, block: Block, lead: Block) -> None:
    """'Transportation (logistics companies and carriers).' under '... Processor is used for:'."""
    text = clean_label(block.text)
    label, _ = split_examples(text)
    start = block.text.index(label)
    inner = _PARENTHESIS.search(text)
    b.add("recipients", Recipient(
        name=label, kind=PartyKind.CATEGORY, recipient_kind=RecipientKind.PROCESSOR,
        description=inner.group(1) if inner else None,
        evidence=(b.evidence(block, start, start + len(label)),),
    ))


def read_source_items(b: PolicyBuilder, block: Block, lead: Block) -> None:
    """'Credit ratings from credit rating institutes, ...' under 'Data we collect from ...:'."""
    m = _FROM.match(block.text)
    login = _LOGIN.search(block.text)
    if m is not None:
        data_span: Span = (m.start("data"), m.end("data"))
        src_span: Span = (m.start("src"), m.end("src"))
    elif login is not None:
        data_span, src_span = (0, len(clean_label(block.text))), login.span("src")
    else:
        add_data(b, block)
        return
    label = clean_label(block.text[src_span[0]:src_span[1]])
    source = b.add("sources", DataSource(
        label=label, publicly_available="public" in label.lower(),
        evidence=(b.evidence(block, src_span[0], src_span[0] + len(label)),),
    ))
    add_data(b, block, data_span, source_ids=(source.id,))
    if m is not None and m.group("why"):
        add_purpose(b, block, (m.start("why"), m.end("why")))


def read_comments(b: PolicyBuilder, blocks: Iterable[Block]) -> None:
    """What a comment form collects and why; what goes to a named avatar service."""
    for block in blocks:
        m = _COLLECT_FOR.search(block.text)
        if m is not None:
            data = add_data(b, block, (m.start("data"), m.end("data")), examples=())
            purpose = add_purpose(b, block, (m.start("why"), m.end("why")))
            activity(b, block, purpose, [data])
        m = _PROVIDED_TO.search(block.text)
        if m is not None:
            add_data(b, block, (m.start("data"), m.end("data")))
            urls = find_urls(block.text)
            b.add("recipients", Recipient(
                name=m.group("name"), kind=PartyKind.NAMED,
                website=urls[0].value if urls else None, description=m.group("why"),
                evidence=(b.evidence(block, m.start("name"), m.end("name")),),
            ))
        for p in _PUBLIC.finditer(block.text):
            add_data(b, block, (p.start("data"), p.end("data")))


def read_media(b: PolicyBuilder, blocks: Iterable[Block]) -> None:
    """Uploaded images and the embedded data they may carry."""
    for block in blocks:
        m = _UPLOAD.search(block.text)
        if m is not None:
            ex = _EMBEDDED.search(block.text)
            examples = (ex.group("ex"),) if ex else ()
            add_data(b, block, (m.start("data"), m.end("data")), examples=examples)


def read_sending(b: PolicyBuilder, blocks: Iterable[Block]) -> None:
    """'... checked through an automated spam detection service.'"""
    for block in blocks:
        for m in _THROUGH.finditer(block.text):
            b.add("recipients", Recipient(
                name=m.group("name"), kind=PartyKind.CATEGORY,
                evidence=(b.evidence(block, m.start("name"), m.end("name")),),
            ))


__all__ = [
    "ItemReader", "Span", "activity", "add_data", "add_purpose", "add_subjects",
    "read_comments", "read_media", "read_recipient_items", "read_sending", "read_source_items",
    "read_storage", "subjects_in",
]
