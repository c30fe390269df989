"""Readers for the data sections of the work-management SaaS policy.

Section 1 lists, per role, the data a person gives ('When you use our Services
(customer): name, email address, ...'); section 2 lists purposes with their data
('To manage the customer or supplier relationship: name, ...'); section 3 states the
service purpose and the retention rules.  These readers add the facts and remember the
links the text makes, so the parser can build the processing activities.
"""

from __future__ import annotations

import re
from typing import TypeVar

import attrs

from privmodel.parsers.base import PolicyBuilder
from privmodel.parsers.document import Block, BlockKind
from privmodel.parsers.extract import find_durations
from privmodel.parsers.seeds.work_management_saas_text import (
    Span,
    key,
    list_pieces,
    sentences,
    stems,
    trim,
)
from privmodel.schema import (
    DataCategory,
    DataConcept,
    DataSubjectCategory,
    Purpose,
    PurposeConcept,
    RetentionKind,
    RetentionRule,
    SubjectConcept,
)

_ROLE = re.compile(r"\((?P<role>[^()]+)\)\s*$")
_CIRCUMSTANCE = re.compile(r"(?:when|if)\s+you\s+(?P<what>[^(]+)", re.I)
_SUBJECT_LEAD = re.compile(
    r"(?:(?:send|give|submit|provide|supply)\s+us\s+(?:with\s+)?(?:an?\s+|your\s+)?)", re.I
)
_IN_ORDER_TO = re.compile(r"\bin order to\s+(?P<p>[^.;]+)", re.I)
_CATCH_ALL = re.compile(r"personal\s*data\b", re.I)
_SUCH_AS = re.compile(r"\bsuch as\s+", re.I)
_TO = re.compile(r"to\s*(?=[a-z])", re.I)
_USE_FOR = re.compile(
    r"(?<![a-v])(?:we)?use your personal data to\s+(?:be able to\s+)?(?P<p>[^.;]+)", re.I
)
_DEFINED_TERM = re.compile(r"referred to as\s*[\u201c\"](?P<term>[^\u201d\"]+)[\u201d\"]", re.I)

C = TypeVar("C")


def concept_table(*rows: tuple[str, C]) -> tuple[tuple[re.Pattern[str], C], ...]:
    """Each pattern, compiled case-insensitively, with its value: the first found names it."""
    return tuple((re.compile(pattern, re.I), value) for pattern, value in rows)


_SUBJECT_CONCEPTS = concept_table(
    (r"customer|client", SubjectConcept.CUSTOMER),
    (r"supplier|vendor", SubjectConcept.SUPPLIER),
    (r"job|applica|candidate", SubjectConcept.JOB_APPLICANT),
    (r"visit", SubjectConcept.VISITOR),
    (r"employee", SubjectConcept.EMPLOYEE),
)
_DATA_CONCEPTS = concept_table(
    (r"company|organi[sz]ation", DataConcept.PROFESSIONAL),
    (r"e-?mail|phone|address|contact", DataConcept.CONTACT),
    (r"\bname\b|alias", DataConcept.IDENTIFYING),
    (r"\bcv\b|letter|suitab|records|position", DataConcept.PROFESSIONAL),
    (r"content|work item|ticket", DataConcept.USER_CONTENT),
)
PURPOSE_CONCEPTS = concept_table(
    (r"payment|invoic", PurposeConcept.PAYMENT),
    (r"relationship", PurposeConcept.CUSTOMER_RELATIONSHIP),
    (r"job|applica|suitab|recruit", PurposeConcept.RECRUITMENT),
    (r"marketing", PurposeConcept.MARKETING),
    (r"assist|support|help", PurposeConcept.CUSTOMER_SUPPORT),
    (r"laundering|terroris|bookkeeping|legal", PurposeConcept.LEGAL_COMPLIANCE),
    (r"service|feature", PurposeConcept.SERVICE_PROVISION),
)


def concept_of(text: str, table: tuple[tuple[re.Pattern[str], C], ...]) -> C | None:
    return next((c for pattern, c in table if pattern.search(text)), None)


@attrs.define
class RoleItem:
    """One 'When you ... (role): data' item: who, in what circumstance, which data, why."""

    block: Block
    subject_id: str
    subject_label: str
    circumstance: Span
    data_ids: list[str] = attrs.Factory(list)
    purpose_ids: list[str] = attrs.Factory(list)


@attrs.define
class Found:
    """What the readers found, kept for linking facts into activities."""

    data: dict[str, DataCategory] = attrs.Factory(dict)
    role_items: list[RoleItem] = attrs.Factory(list)
    purposes_by_text: list[tuple[str, str]] = attrs.Factory(list)
    defined_term: str | None = None


def add_purpose(b: PolicyBuilder, block: Block, span: Span) -> Purpose:
    label = block.text[span[0]:span[1]]
    purpose = Purpose(
        label=label, concept=concept_of(label, PURPOSE_CONCEPTS),
        evidence=(b.evidence(block, *span),),
    )
    return b.add("purposes", purpose)


def add_data(b: PolicyBuilder, found: Found, block: Block, span: Span) -> str:
    """A data category; the same wording again (spacing aside) adds evidence to it."""
    label = block.text[span[0]:span[1]]
    known = found.data.get(key(label))
    stored = b.add_fact(
        "data_categories", DataCategory,
        label=known.label if known else label,
        concept=known.concept if known else concept_of(label, _DATA_CONCEPTS),
        evidence=(b.evidence(block, *span),),
    )
    found.data.setdefault(key(label), stored)
    return stored.id


def _restated(found: Found, label: str) -> DataCategory | None:
    """A category already listed whose words the example repeats ('user aliases' -> alias)."""
    words = stems(label)
    return next((d for d in found.data.values() if stems(d.label) <= words), None)


def _read_examples(b: PolicyBuilder, found: Found, block: Block, span: Span) -> list[str]:
    """'Other personal data ... such as a and b': the examples, unless already listed."""
    text = block.text
    m = _SUCH_AS.search(text, *span)
    if m is None:
        return []
    ids: list[str] = []
    for piece in list_pieces(text, m.end(), span[1], b.document.source):
        known = _restated(found, text[piece[0]:piece[1]])
        if known is not None:
            b.add("data_categories", known.model_copy(
                update={"evidence": (b.evidence(block, *piece),)}))
            ids.append(known.id)
        else:
            ids.append(add_data(b, found, block, piece))
    return ids


def _read_list(b: PolicyBuilder, found: Found, block: Block, s: Span) -> list[str]:
    """A sentence listing data; one about 'other personal data' gives its examples only.

    A trailing 'as well as other personal data as may be relevant' names no category.
    """
    pieces = list_pieces(block.text, *s, b.document.source)
    if pieces and _CATCH_ALL.search(block.text, *pieces[0]):
        return _read_examples(b, found, block, s)
    return [add_data(b, found, block, piece) for piece in pieces
            if not _CATCH_ALL.search(block.text, *piece)]


def _subject(b: PolicyBuilder, block: Block, head: Span) -> tuple[DataSubjectCategory, Span]:
    text = block.text
    role = _ROLE.search(text, *head)
    circ = _CIRCUMSTANCE.search(text, *head)
    what = trim(text, circ.start("what"), min(circ.end("what"), head[1])) if circ else head
    if role is not None:
        span = trim(text, role.start("role"), role.end("role"))
    else:
        lead = _SUBJECT_LEAD.match(text, *what)
        span = (lead.end(), what[1]) if lead else what
    label = text[span[0]:span[1]]
    subject = DataSubjectCategory(
        label=label, concept=concept_of(label, _SUBJECT_CONCEPTS),
        evidence=(b.evidence(block, *span),),
    )
    return b.add("data_subjects", subject), what


def read_role_items(b: PolicyBuilder, found: Found, blocks: list[Block]) -> None:
    """Section 1: 'When you use our Services (customer): name, email address, ...'."""
    for block in blocks:
        term = _DEFINED_TERM.search(block.text)
        if term and found.defined_term is None:
            found.defined_term = term.group("term")
        colon = block.text.find(":")
        if block.kind is not BlockKind.LIST_ITEM or colon < 0:
            continue
        subject, what = _subject(b, block, (0, colon))
        item = RoleItem(block, subject.id, subject.label, what)
        for s in sentences(block.text, colon + 1):
            purpose = _IN_ORDER_TO.search(block.text, *s)
            if purpose:
                p = add_purpose(b, block, trim(block.text, purpose.start("p"), purpose.end("p")))
                item.purpose_ids.append(p.id)
            item.data_ids += _read_list(b, found, block, s)
        found.role_items.append(item)


def read_purpose_items(b: PolicyBuilder, found: Found, blocks: list[Block]) -> None:
    """Section 2: 'To manage the customer or supplier relationship: name, ...'."""
    for block in blocks:
        colon = block.text.find(":")
        if block.kind is not BlockKind.LIST_ITEM or colon < 0:
            continue
        head = trim(block.text, 0, colon)
        lead = _TO.match(block.text, *head)
        span = (lead.end(), head[1]) if lead else head
        purpose = add_purpose(b, block, span)
        found.purposes_by_text.append((purpose.id, block.text[:colon]))
        for piece in list_pieces(block.text, colon + 1, len(block.text), b.document.source):
            add_data(b, found, block, piece)


def read_service_purpose(b: PolicyBuilder, found: Found, blocks: list[Block]) -> list[str]:
    """Section 3: 'We use your personal data to be able to provide our Services ...'."""
    ids: list[str] = []
    for block in blocks:
        for m in _USE_FOR.finditer(block.text):
            purpose = add_purpose(b, block, trim(block.text, m.start("p"), m.end("p")))
            found.purposes_by_text.append((purpose.id, purpose.label))
            ids.append(purpose.id)
    return ids


_NECESSARY = re.compile(
    r"\bno longer necessary\b|\bas long as (?:is )?(?:necessary|needed)\b", re.I
)
_BY_LAW = re.compile(r"\b(?:mandated|required) by (?:applicable )?laws?\b", re.I)
_FOR_WHAT = re.compile(r"\bsuch as (?:for )?(?P<x>[^.,;]+)", re.I)
_DATA_WORDS = re.compile(r"\b(?:your )?personal data\b", re.I)
_KEEP = re.compile(r"\b(?:delet|eras|keep|kept|retain|stor)\w*", re.I)


def _retention_rule(b: PolicyBuilder, block: Block, s: Span) -> RetentionRule | None:
    text = block.text
    ev = (b.evidence(block, *s),)
    data = _DATA_WORDS.search(text, *s)
    applies = re.sub(r"^your\s+", "", data.group(), flags=re.I) if data else "personal data"
    law, what = _BY_LAW.search(text, *s), _FOR_WHAT.search(text, *s)
    durations = [d for d in find_durations(text[s[0]:s[1]], b.document.language)
                 if d.value.duration is not None]
    if durations:
        spec = durations[0].value
        return RetentionRule(applies_to=text[what.start("x"):what.end("x")] if what else applies,
                             kind=RetentionKind.FIXED, duration=spec.duration,
                             duration_is_maximum=spec.is_maximum, evidence=ev)
    if law and what:
        return RetentionRule(applies_to=what.group("x").strip(),
                             kind=RetentionKind.LEGAL_REQUIREMENT, evidence=ev)
    if _NECESSARY.search(text, *s):
        return RetentionRule(applies_to=applies, kind=RetentionKind.AS_LONG_AS_NECESSARY,
                             evidence=ev)
    if law:
        return RetentionRule(applies_to=applies, kind=RetentionKind.LEGAL_REQUIREMENT,
                             evidence=ev)
    return None


def read_retention(b: PolicyBuilder, blocks: list[Block]) -> None:
    """'Your personal data will be deleted ... when no longer necessary ...' per sentence."""
    for block in blocks:
        if not _KEEP.search(block.text):
            continue
        for s in sentences(block.text):
            rule = _retention_rule(b, block, s)
            if rule is not None:
                b.add("retention_rules", rule)
