"""Storage periods in the Bluescreen policy, one rule per stated period or criterion.

A sentence with a duration gives a fixed rule (a legal requirement when it names the law,
a session rule for session cookies); without one, a sentence that keeps data until claims
are time-barred, "so long as" it is needed, or while a customer relationship lasts gives a
rule of that kind. A cookie sentence with a lifetime also gives a Cookie.
"""

from __future__ import annotations

import functools

from privmodel.parsers.base import PolicyBuilder
from privmodel.parsers.document import HEADING, Block
from privmodel.parsers.extract import DurationSpec, Match, find_durations, find_laws
from privmodel.parsers.extract._phrases import lowered
from privmodel.parsers.extract.durations import may_state_duration
from privmodel.parsers.seeds.bluescreen_text import heading_key, sentence_spans, trim
from privmodel.schema import Cookie, RetentionKind, RetentionRule

# Phrases that state a retention criterion without a period, checked in this order.
_CRITERIA: tuple[tuple[str, RetentionKind], ...] = (
    ("preskription", RetentionKind.LIMITATION_PERIOD),
    ("så länge", RetentionKind.AS_LONG_AS_NECESSARY),
    ("inte längre behövs", RetentionKind.AS_LONG_AS_NECESSARY),
    ("aktiv kundrelation", RetentionKind.RELATIONSHIP),
)
_STORE = ("spar", "lagr", "arkiv", "radera", "ta bort", "upphör", "behövs")
_COOKIE = "cookie"
_PART_HEADINGS = frozenset({
    "kategorier av registrerade", "kategori av registrerade", "kategori av uppgifter",
    "personuppgifter", "ändamål", "laglig grund",
})


def mentions_retention(text: str, lang: str) -> bool:
    return bool(find_durations(text, lang)) or _criterion(text) is not None


def _criterion(text: str) -> RetentionKind | None:
    lower = text.lower()
    if not any(stem in lower for stem in _STORE):
        return None
    return next((kind for phrase, kind in _CRITERIA if phrase in lower), None)


def _may_state_criterion(text: str) -> bool:
    """False when no part of ``text`` can state a criterion: it lacks every stem or every
    phrase (lower() works character by character, so a part's words are the whole's).

    The text is the one the extractors fold (:func:`lowered`, already worked out for every
    block): it holds every stem and phrase that lower() shows, so the test stays exact.
    """
    lower = lowered(text)
    return any(stem in lower for stem in _STORE) and any(
        phrase in lower for phrase, _ in _CRITERIA
    )


class Stated:
    """The durations and laws of a block's text, found once for all its sentences."""

    def __init__(self, block: Block, lang: str) -> None:
        self.block = block
        self.lang = lang

    @functools.cached_property
    def durations(self) -> list[Match[DurationSpec]]:
        return find_durations(self.block.text, self.lang)

    @functools.cached_property
    def laws(self) -> list[Match[str]]:
        return find_laws(self.block.text, self.lang)

    @functools.cached_property
    def criteria(self) -> bool:
        """Whether some sentence of the block may state a criterion without a period."""
        return _may_state_criterion(self.block.text)

    def mentions(self, i: int, j: int) -> bool:
        """:func:`mentions_retention` of ``block.text[i:j]``, cheap tests first.

        A part states no duration where :func:`may_state_duration` of the block says so
        at its offsets, and no criterion where the block cannot (:attr:`criteria`): the
        part's own durations and criterion are looked for only past those tests.
        """
        text = self.block.text
        return (
            may_state_duration(text, self.lang, i, j) and bool(find_durations(text[i:j], self.lang))
        ) or (self.criteria and _criterion(text[i:j]) is not None)


def add_retention(b: PolicyBuilder, stated: Stated, i: int, j: int) -> list[RetentionRule]:
    """The rules stated in ``block.text[i:j]`` (of the block of ``stated``)."""
    block = stated.block
    text = block.text
    a, z = trim(text, i, j)
    if z <= a:
        return []
    applies_to = text[a:z]
    durations = [m for m in stated.durations if a <= m.start < z]
    laws = [m for m in stated.laws if a <= m.start < z] if durations else []
    rules: list[RetentionRule] = []
    for m in durations:
        spec = m.value
        evidence = [b.evidence(block, m.start, m.end)]
        if spec.session:
            rule = RetentionRule(applies_to=applies_to, kind=RetentionKind.SESSION,
                                 evidence=tuple(evidence))
        else:
            kind = RetentionKind.LEGAL_REQUIREMENT if laws else RetentionKind.FIXED
            evidence += [b.evidence(block, law.start, law.end) for law in laws[:1]]
            rule = RetentionRule(
                applies_to=applies_to, kind=kind, duration=spec.duration,
                duration_is_maximum=spec.is_maximum, minimum=spec.minimum,
                law=laws[0].value if laws else None, evidence=tuple(evidence),
            )
        rules.append(b.add("retention_rules", rule))
        if _COOKIE in text.lower():
            _add_cookie(b, block, rule, m.text)
    criterion = _criterion(applies_to) if not rules and stated.criteria else None
    if criterion is not None:
        rules.append(b.add("retention_rules", RetentionRule(
            applies_to=applies_to, kind=criterion, evidence=(b.evidence(block, a, z),)
        )))
    return rules


def _add_cookie(b: PolicyBuilder, block: Block, rule: RetentionRule, said: str) -> None:
    providers = [p for p in b.items("processors") if any(
        e.start >= block.start and e.end <= block.end for e in p.evidence)]
    name = getattr(providers[0], "name", None) if providers else None
    if rule.kind is RetentionKind.SESSION:
        name = said[:1].upper() + said[1:] if _COOKIE in said.lower() else None
    if name is None:
        return
    b.add("cookies", Cookie(
        name=name, provider_id=providers[0].id if providers and rule.duration is not None
        else None, duration=rule.duration, session=rule.kind is RetentionKind.SESSION,
        evidence=rule.evidence,
    ))


def read_retention(b: PolicyBuilder, blocks: list[Block], lang: str) -> None:
    """Rules stated anywhere outside the activity overview (which reads its own)."""
    for block in blocks:
        if block.kind is HEADING:
            continue
        if block.section and heading_key(block.section[-1]) in _PART_HEADINGS:
            continue
        if not find_durations(block.text, lang) and not _may_state_criterion(block.text):
            continue  # no sentence can state a rule
        stated = Stated(block, lang)
        for i, j in sentence_spans(block.text):
            add_retention(b, stated, i, j)
