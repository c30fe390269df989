"""Retention rules: stated periods and stated criteria ('as long as necessary', 'until you
withdraw your consent', 'as required by bookkeeping law'), one rule per sentence and kind."""

from __future__ import annotations

from collections.abc import Iterable

from privmodel.parsers.base import PolicyBuilder
from privmodel.parsers.common import clean_label
from privmodel.parsers.document import Block
from privmodel.parsers.extract import DurationSpec, find_durations
from privmodel.parsers.generic.phrases import retention_kinds
from privmodel.parsers.generic.prose import sentences
from privmodel.schema import RetentionKind, RetentionRule

_SUBJECT_CHARS = 80


def collect_retention(b: PolicyBuilder, blocks: Iterable[Block], lang: str) -> None:
    """A rule per stated period (of the kind the sentence states, else fixed), and a rule per
    criterion stated in a sentence without a period."""
    for block in blocks:
        text = block.text
        for s, e in sentences(text):
            kinds = [(k, km) for k, rx in retention_kinds(lang) if (km := rx.search(text, s, e))]
            durations = find_durations(text[s:e], lang)
            stated = False
            for d in durations:
                spec = d.value
                kind = RetentionKind.SESSION if spec.session else RetentionKind.FIXED
                if kind is RetentionKind.FIXED and spec.duration is None:
                    continue
                if kind is RetentionKind.FIXED and kinds and kinds[0][0] == "legal_requirement":
                    kind = RetentionKind.LEGAL_REQUIREMENT
                _add(b, block, kind, s + d.start, s + d.end, spec)
                stated = True
            if stated:
                continue
            for kind_code, found in kinds:
                _add(b, block, RetentionKind(kind_code), found.start(), found.end(), None)


def _add(
    b: PolicyBuilder, block: Block, kind: RetentionKind, i: int, j: int,
    spec: DurationSpec | None,
) -> None:
    subject = clean_label(block.text[:i])[-_SUBJECT_CHARS:] or "personal data"
    duration = spec.duration if spec is not None else None
    b.add("retention_rules", RetentionRule(
        applies_to=subject, kind=kind, duration=duration,
        duration_is_maximum=spec.is_maximum if spec is not None else False,
        minimum=spec.minimum if spec is not None else None,
        evidence=(b.evidence(block, i, j),), confidence=0.7 if duration else 0.5,
    ))
