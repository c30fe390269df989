"""Retention readers for :mod:`privmodel.parsers.seeds.calectro`: cookies, comments, deletion.

Lengths of time are read by the shared :func:`find_durations`; what a period applies to
is the subject of the clause stating it ("Login cookies last for two days").  Where the
subject is a pronoun ("These cookies", "It"), the paragraph's opening condition names
the cookie ("If you edit or publish an article").
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from privmodel.parsers.base import PolicyBuilder
from privmodel.parsers.common import clean_label
from privmodel.parsers.document import Block
from privmodel.parsers.extract import DurationSpec, Match, find_durations, find_emails
from privmodel.parsers.seeds.calectro_facts import Span, activity, add_purpose
from privmodel.schema import (
    Cookie,
    DataCategory,
    RetentionKind,
    RetentionRule,
    Right,
    RightCode,
)

_CLAUSE_START = re.compile(r"(?:[.!?;]\s+|,\s+and\s+)")
_SUBJECT = re.compile(
    r"^(?P<subj>.+?)\s+(?:will\s+|simply\s+)?"
    r"(?:last|lasts|persist|persists|expire|expires|remain|remains|contains|includes|is|are)\b"
)
_PRONOUN = re.compile(r"^(?:these|this|those|that|it|they)\b", re.I)
_CONDITION = re.compile(r"^(?:if|when) you [^,]+?(?=,|\s+you\s|\s+we\s)", re.I)
_INDEFINITE = re.compile(
    r"^(?:.*?,\s*)?(?P<what>[^,.]+?) (?:is|are) (?:retained|kept|stored) indefinitely", re.I
)
_SO_THAT = re.compile(
    r"\bso (?:that )?we can (?P<why>[^.]+?)(?=\s+automatically\b|\s+instead of\b|[.]|$)", re.I
)
_LEGAL_KEEP = re.compile(
    r"(?P<what>(?:any )?data we are (?:obliged|required|obligated) to (?:keep|retain|store)"
    r"[^.]*)", re.I,
)
_DELETED_ON = re.compile(
    r"^(?P<what>.+?) (?:is|are) deleted (?:on|upon|when|after) (?P<how>[^.]+)", re.I
)
_WISH_DELETE = re.compile(r"\b(?:wish|want) to delete (?P<what>[^,.]+)", re.I)
_REQUEST = re.compile(r"\b(?:please )?send a request to [^\s]+?(?=[.,;]?(?:\s|$))", re.I)
_ARTICLE = re.compile(r"^(?:the|your|our)\s+", re.I)


def _rule(b: PolicyBuilder, block: Block, span: Span, kind: RetentionKind,
          spec: DurationSpec | None = None, ev: Iterable[Span] = ()) -> RetentionRule:
    i, j = span
    lead = _ARTICLE.match(block.text[i:j])
    i += lead.end() if lead else 0
    label = clean_label(block.text[i:j])
    evidence = (b.evidence(block, i, i + len(label)),
                *(b.evidence(block, s, e) for s, e in ev))
    rule = RetentionRule(
        applies_to=label, kind=kind, evidence=evidence,
        duration=spec.duration if spec else None,
        duration_is_maximum=spec.is_maximum if spec else False,
        minimum=spec.minimum if spec else None,
    )
    return b.add("retention_rules", rule)


def _subject_span(text: str, at: int, condition: Span | None) -> Span | None:
    """The subject of the clause that ends at ``at``; the condition for a pronoun."""
    starts = [m.end() for m in _CLAUSE_START.finditer(text, 0, at)]
    start = starts[-1] if starts else 0
    m = _SUBJECT.match(text[start:at])
    if m is None:
        return condition
    if _PRONOUN.match(m.group("subj")):
        return condition
    return start, start + m.end("subj")


def read_cookies(b: PolicyBuilder, blocks: Iterable[Block]) -> None:
    """One cookie and one retention rule per lifetime the section states."""
    for block in blocks:
        cond = _CONDITION.match(block.text)
        condition = cond.span() if cond else None
        for m in find_durations(block.text, b.document.language):
            span = _subject_span(block.text, m.start, condition)
            if span is not None:
                _cookie(b, block, span, m)


def _cookie(b: PolicyBuilder, block: Block, span: Span, m: Match[DurationSpec]) -> None:
    spec = m.value
    kind = RetentionKind.SESSION if spec.session else RetentionKind.FIXED
    if spec.duration is None and not spec.session:
        return
    rule = _rule(b, block, span, kind, spec, ev=[(m.start, m.end)])
    b.add("cookies", Cookie(
        name=rule.applies_to, duration=spec.duration, session=spec.session,
        evidence=rule.evidence,
    ))


def read_retention(b: PolicyBuilder, blocks: Iterable[Block]) -> None:
    """'the comment and its metadata are retained indefinitely. This is so we can ...'."""
    for block in blocks:
        m = _INDEFINITE.search(block.text)
        if m is not None:
            rule = _rule(b, block, m.span("what"), RetentionKind.INDEFINITE,
                         ev=[(m.end("what") + 1, m.end())])
            why = _SO_THAT.search(block.text, m.end())
            if why is not None:
                purpose = add_purpose(b, block, why.span("why"))
                noun = rule.applies_to.split()[0].lower()
                data = [d for d in b.items("data_categories")
                        if isinstance(d, DataCategory) and noun in d.label.lower()]
                activity(b, block, purpose, data[:1], retention_ids=(rule.id,))
        for k in _LEGAL_KEEP.finditer(block.text):
            _rule(b, block, k.span("what"), RetentionKind.LEGAL_REQUIREMENT)
        for d in find_durations(block.text, b.document.language):
            if d.value.duration is not None:
                span = _subject_span(block.text, d.start, None)
                if span is not None:
                    _rule(b, block, span, RetentionKind.FIXED, d.value, ev=[(d.start, d.end)])


def deletion_rules(b: PolicyBuilder, blocks: Iterable[Block]) -> None:
    """Data kept until the person asks: 'The data is deleted on contacting ...'."""
    how: list[str] = []
    emails: list[str] = []
    evidence = []
    for block in blocks:
        for pattern, group in ((_DELETED_ON, "how"), (_WISH_DELETE, None)):
            m = pattern.search(block.text)
            if m is None:
                continue
            _rule(b, block, m.span("what"), RetentionKind.UNTIL_DELETION_REQUEST)
            r = _REQUEST.search(block.text) if group is None else None
            found = m.span(group) if group else r.span() if r else None
            if found is not None:
                how.append(clean_label(block.text[found[0]:found[1]]))
                evidence.append(b.evidence(block, found[0], found[0] + len(how[-1])))
                emails.extend(e.value for e in find_emails(block.text))
    if how:
        right = Right(code=RightCode.ERASURE, how_to_exercise="; ".join(how),
                      contact_emails=tuple(dict.fromkeys(emails)), evidence=tuple(evidence))
        known = next((r for r in b.items("rights") if r.id == right.id), None)
        if known is not None:
            right = right.model_copy(update={"evidence": (*known.evidence, *right.evidence)})
        b.replace("rights", right)


__all__ = ["deletion_rules", "read_cookies", "read_retention"]
