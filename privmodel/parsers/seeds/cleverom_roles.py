"""The publisher's roles in the Cleverom policy, and the subjects and data they cover.

"<Publisher> acts as the data controller only with respect to the contact information of
its own customer organizations and their registered users." and "For any personal data
that customers ... (including ...), the customer organization is considered the data
controller ... In these cases, <Publisher> acts as the data processor ...".
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from privmodel.parsers.base import PolicyBuilder, publisher_or_new
from privmodel.parsers.common import clean_label, split_examples
from privmodel.parsers.document import Block, Document
from privmodel.parsers.layout import blocks_holding
from privmodel.parsers.seeds.cleverom_sections import sentence_spans
from privmodel.schema import (
    Controller,
    DataCategory,
    DataSubjectCategory,
    PartyKind,
    PartyRole,
    RoleClaim,
    SubjectConcept,
)

_ROLE = re.compile(
    r"(?P<subject>\b[A-Z][\w&-]*|\b[Ww]e)(?:,[^,]{1,40},)?\s+(?:acts?|operates?|is|serves?)"
    r" as (?:the |a )?data (?P<role>controller|processor)\b"
)
_CONTROLLER_CLAIM = re.compile(
    r"\bacts as the data controller (?:only|solely) with respect to the contact "
    r"(?:information|details) of its own customer organi[sz]ations", re.I
)
_PROCESSOR_CLAIM = re.compile(
    r"\b(?:acts|operates) as (?:the|a) data processor\b[^.]*\bon behalf of the customer", re.I
)
_RESPECT = re.compile(r"\bwith respect to (?P<scope>.+)$")
_FOR_DATA = re.compile(r"^For (?:any |all )?(?P<scope>.+?\)?),\s+(?:the|each) customer")
_THESE_CASES = re.compile(r"\bin (?:these|such) cases\b", re.I)
_SUBJECTS = re.compile(r"\bof (?:its own |our own |its |our )?(?P<subjects>.+)$")
_OWNER = re.compile(r"(?:their|its|our|the)\s+", re.I)
_AND = re.compile(r",\s*(?:and\s+)?|\s+and\s+")
_CONNECTIVE = re.compile(r"^(?:including|or|and)\s+")
_CUSTOMER_CONTROLLER = re.compile(
    r"\b(?:the |each |respective )*(?P<who>customer organi[sz]ations?|customers?)\b"
    r"(?:, which)? (?:is|are|acts as|act as) (?:considered )?(?:the |a )?data controller"
)
_LEGAL_FORM = re.compile(r"\s+(?:Oyj?|AB|Ab|Ltd|Inc|GmbH|AS|A/S|ApS|LLC|Oü|OÜ)\.?$")
_SUBJECT_CONCEPTS = (
    (re.compile(r"\bcustomer", re.I), SubjectConcept.CUSTOMER),
    (re.compile(r"\busers?\b", re.I), SubjectConcept.USER),
)


def self_description(document: Document) -> tuple[bool, bool]:
    """Whether the text states the controller claim and the processor claim of this layout.

    Every match of a claim contains its literal: only the blocks that hold it are searched.
    """
    return (
        any(_CONTROLLER_CLAIM.search(b.text)
            for b in blocks_holding(document, "acts as the data controller")),
        any(_PROCESSOR_CLAIM.search(b.text) for b in blocks_holding(document, "data processor")),
    )


def is_role_statement(block: Block) -> bool:
    return _ROLE.search(block.text) is not None


def _brand(b: PolicyBuilder) -> str | None:
    name = publisher_or_new(b).name
    return _LEGAL_FORM.sub("", name).lower() if name else None


def collect_roles(b: PolicyBuilder, blocks: list[Block]) -> None:
    """Role claims of the publisher with their scope; the subjects of the controller scope;
    the data of the processor scope; the customer as controller of that data."""
    brand = _brand(b)
    claims: dict[PartyRole, RoleClaim] = {}
    for block in blocks:
        spans = sentence_spans(block.text)
        for n, (s, e) in enumerate(spans):
            _customer_controller(b, block, s, e)
            m = _ROLE.search(block.text, s, e)
            subject = m.group("subject").lower() if m else ""
            if m is None or (brand is not None and subject not in (brand, "we")):
                continue
            role = PartyRole(m.group("role"))
            ev = b.evidence(block, m.start(), m.end())
            scope = _scope(b, block, spans, n, role)
            known = claims.get(role)
            claims[role] = (
                RoleClaim(role=role, scope=scope, evidence=(ev,)) if known is None
                else known.model_copy(update={"evidence": (*known.evidence, ev)})
            )
    if claims:
        org = publisher_or_new(b)
        b.set("publisher", org.model_copy(update={"roles": tuple(claims.values())}))


def _scope(b: PolicyBuilder, block: Block, spans: Sequence[tuple[int, int]], n: int,
           role: PartyRole) -> str | None:
    """What the role covers: "with respect to X", or the "For X, ..." of the sentence before
    an "in these cases"; the subjects or data in it are added as facts."""
    text = block.text
    s, e = spans[n]
    m = _RESPECT.search(text, s, e)
    if m is not None:
        _subjects(b, block, m.start("scope"), m.end("scope"), role)
        return m.group("scope")
    if n and _THESE_CASES.search(text, s, e):
        p = _FOR_DATA.match(text[spans[n - 1][0]:spans[n - 1][1]])
        if p is not None:
            start = spans[n - 1][0] + p.start("scope")
            _processed_data(b, block, start, start + len(p.group("scope")), role)
            return p.group("scope")
    return None


def _subjects(b: PolicyBuilder, block: Block, s: int, e: int, role: PartyRole) -> None:
    m = _SUBJECTS.search(block.text, s, e)
    if m is None:
        return
    text, pos = block.text, m.start("subjects")
    parts = []
    for sep in _AND.finditer(text, pos, e):
        parts.append((pos, sep.start()))
        pos = sep.end()
    parts.append((pos, e))
    for a, z in parts:
        owner = _OWNER.match(text, a, z)
        a = owner.end() if owner else a
        label = clean_label(text[a:z])
        if not label:
            continue
        concept = next((c for p, c in _SUBJECT_CONCEPTS if p.search(label)), None)
        b.add("data_subjects", DataSubjectCategory(
            label=label, concept=concept, role=role,
            evidence=(b.evidence(block, a, a + len(label)),),
        ))


def _processed_data(b: PolicyBuilder, block: Block, s: int, e: int, role: PartyRole) -> None:
    label, examples = split_examples(block.text[s:e])
    examples = tuple(_CONNECTIVE.sub("", x) for x in examples)
    b.add("data_categories", DataCategory(
        label=label, examples=examples, role=role, evidence=(b.evidence(block, s, e),)
    ))


def _customer_controller(b: PolicyBuilder, block: Block, s: int, e: int) -> None:
    for m in _CUSTOMER_CONTROLLER.finditer(block.text, s, e):
        b.add("controllers", Controller(
            name=m.group("who"), kind=PartyKind.CATEGORY,
            evidence=(b.evidence(block, m.start("who"), m.end("who")),),
        ))
