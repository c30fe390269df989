"""Retention rules: stated periods and stated criteria ('as long as necessary', 'until you
withdraw your consent', 'as required by bookkeeping law'), one rule per sentence and kind.

Sections about retention (and cookies) are read in full. Elsewhere a sentence counts only
when it states a period and a storage or deletion verb ('backups are kept for 90 days'):
policies often give periods where they describe a processing activity.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping
from typing import cast

import attrs

from privmodel.parsers.base import PolicyBuilder
from privmodel.parsers.document import Block
from privmodel.parsers.extract import DurationSpec, find_durations
from privmodel.parsers.extract._phrases import FLAGS, Gate, alternation, compile_phrases, gate
from privmodel.parsers.extract.durations import may_state_duration
from privmodel.parsers.generic.phrases import open_kinds
from privmodel.parsers.generic.prose import sentences
from privmodel.parsers.lexicon import languages, load
from privmodel.schema import RetentionKind, RetentionRule

_MAX_LABEL_WORDS = 12
_NEVER = re.compile("(?!)")


@attrs.frozen
class _Words:
    """The retention lexicon for one language, compiled."""

    active: re.Pattern[str]
    passive: re.Pattern[str]
    aux: re.Pattern[str]
    pronoun: re.Pattern[str]
    pronoun_lead: re.Pattern[str]
    trail: re.Pattern[str]
    relative: re.Pattern[str]
    lead: re.Pattern[str]
    not_period: re.Pattern[str]
    fallback: str


def _patterns(name: str, lang: str) -> list[str]:
    table = cast(Mapping[str, list[str]], load("generic_retention")[name])
    return [p for code in languages(lang) for p in table.get(code, [])]


def _phrases(name: str, lang: str) -> re.Pattern[str]:
    patterns = _patterns(name, lang)
    return compile_phrases(patterns) if patterns else _NEVER


@functools.cache
def _words(lang: str) -> _Words:
    fallbacks = cast(Mapping[str, str], load("generic_retention")["fallback"])
    trail = _patterns("trail", lang)
    return _Words(
        active=_phrases("active", lang),
        passive=_phrases("passive", lang),
        aux=_phrases("aux", lang),
        pronoun=re.compile(rf"(?<!\w)(?:{alternation(_patterns('pronouns', lang))})\Z", FLAGS),
        pronoun_lead=re.compile(rf"(?:{alternation(_patterns('pronouns', lang))})(?!\w)", FLAGS),
        trail=re.compile(rf"(?:[\s,;:(]+|(?<!\w){alternation(trail)})+\Z", FLAGS),
        relative=_phrases("relative", lang),
        lead=re.compile(rf"\A(?:(?:{alternation(_patterns('lead', lang))})(?!\w)[\s,]*)+", FLAGS),
        not_period=re.compile(rf"\s*{alternation(_patterns('not_periods', lang))}(?!\w)", FLAGS),
        fallback=fallbacks.get(languages(lang)[0], fallbacks["en"]),
    )


@functools.cache
def _storage_verb(lang: str) -> re.Pattern[str]:
    """Any storage or deletion verb: the gate for sentences outside retention sections."""
    return compile_phrases(_storage_patterns(lang))


@functools.cache
def _storage_gate(lang: str) -> Gate:
    """Whether a block may hold a storage or deletion verb at all: a scan for literals."""
    patterns = _storage_patterns(lang)
    return gate(patterns) if patterns else Gate(None)  # as the verb regex: no filter


def _storage_patterns(lang: str) -> list[str]:
    return [*_patterns("active", lang), *_patterns("passive", lang)]


def collect_retention(
    b: PolicyBuilder, blocks: Iterable[Block], lang: str, others: Iterable[Block] = (),
) -> None:
    """A rule per stated period (of the kind the sentence states, else fixed), and a rule per
    criterion stated in a sentence without a period; in ``others`` (blocks outside retention
    sections) only periods stated with a storage or deletion verb."""
    done: set[int] = set()
    for block in blocks:
        if id(block) not in done:
            done.add(id(block))
            _read(b, block, lang, criteria=True)
    verb = _storage_verb(lang)
    may_match = _storage_gate(lang).may_match
    for block in others:
        text = block.text
        if (id(block) not in done and may_match(text)
                # else the block can state neither a criterion nor a period: no rule
                and (open_kinds(text, lang) or may_state_duration(text, lang))
                and verb.search(text)):
            done.add(id(block))
            _read(b, block, lang, criteria=False)


def _read(b: PolicyBuilder, block: Block, lang: str, *, criteria: bool) -> None:
    text = block.text
    verb = _storage_verb(lang)
    here = open_kinds(text, lang)
    for s, e in sentences(text):
        if not criteria and not verb.search(text, s, e):
            continue
        kinds = [(k, km) for k, rx in here if (km := rx.search(text, s, e))]
        if may_state_duration(text, lang, s, e) and _periods(b, block, lang, (s, e), kinds):
            continue
        for kind_code, found in kinds:
            _add(b, block, lang, RetentionKind(kind_code), (s, found.start(), found.end()), None)


def _periods(
    b: PolicyBuilder, block: Block, lang: str, span: tuple[int, int],
    kinds: list[tuple[str, re.Match[str]]],
) -> bool:
    """Rules for the periods a sentence states; whether it stated any."""
    s, e = span
    text = block.text
    not_period = _words(lang).not_period
    stated = False
    for d in find_durations(text[s:e], lang):
        spec = d.value
        kind = RetentionKind.SESSION if spec.session else RetentionKind.FIXED
        if kind is RetentionKind.FIXED and spec.duration is None:
            continue
        if kind is RetentionKind.FIXED and not_period.match(text, s + d.end):
            continue  # an age ('16 years old'), not a period
        if kind is RetentionKind.FIXED and kinds and kinds[0][0] == "legal_requirement":
            kind = RetentionKind.LEGAL_REQUIREMENT
        _add(b, block, lang, kind, (s, s + d.start, s + d.end), spec)
        stated = True
    return stated


def _add(
    b: PolicyBuilder, block: Block, lang: str, kind: RetentionKind, at: tuple[int, int, int],
    spec: DurationSpec | None,
) -> None:
    s, i, j = at
    duration = spec.duration if spec is not None else None
    b.add("retention_rules", RetentionRule(
        applies_to=retention_subject(block.text, s, i, lang),
        kind=kind, duration=duration,
        duration_is_maximum=spec.is_maximum if spec is not None else False,
        minimum=spec.minimum if spec is not None else None,
        evidence=(b.evidence(block, i, j),), confidence=0.7 if duration else 0.5,
    ))


def retention_subject(text: str, start: int, anchor: int, lang: str) -> str:
    """The data a period or criterion at ``anchor`` is about, in the sentence from ``start``:
    the subject of a passive ('Backups are kept ...'), the object of an active verb ('We
    retain your account data ...'), else the language's word for personal data."""
    w = _words(lang)
    before = text[start:anchor]
    parts = _CLAUSE_BREAK.split(before)
    while len(parts) > 1 and not parts[-1].strip():
        parts.pop()
    label = _label(parts[-1], w)
    if label is None and len(parts) > 1 and _starts_verb(parts[-1], w):
        label = _tidy(parts[0], w)  # 'Reports, which you sent us, are deleted ...'
    if label is None:
        label = _label(before, w)
    return label if label is not None else w.fallback


def _starts_verb(clause: str, w: _Words) -> bool:
    clause = clause.lstrip()
    return any(rx.match(clause) for rx in (w.aux, w.passive))


def _label(clause: str, w: _Words) -> str | None:
    passive = w.passive.search(clause)
    aux = w.aux.search(clause)
    active = w.active.search(clause)
    cut = min((m.start() for m in (passive, aux) if m is not None), default=None)
    label = ""
    if cut is not None and (active is None or cut < active.start()):
        label = clause[:cut]
        if not w.lead.sub("", label.strip()) and aux is not None and aux.start() == cut:
            # 'As a rule, X are archived': the subject follows the auxiliary
            stop = passive.start() if passive is not None and passive.start() > cut else None
            label = clause[aux.end():stop]
    if active is not None and not label.strip():
        label = clause[active.end():]
        if w.pronoun_lead.match(label.lstrip()):
            label = clause[:active.start()]  # 'Die Daten löschen wir ...'
    elif active is not None and w.pronoun.search(label.strip()):
        label = clause[active.end():]
    return _tidy(label, w)


def _tidy(label: str, w: _Words) -> str | None:
    """``label`` without lead and trailing words and relative clauses, or None if unfit."""
    label = w.lead.sub("", label.strip())
    rel = w.relative.search(label)
    if rel is not None:
        label = label[:rel.start()]
    label = w.trail.sub("", label).strip(" \t\n,;:\"'„“”»«")
    words = label.split()
    if not words or len(words) > _MAX_LABEL_WORDS or w.pronoun.search(label):
        return None
    if label.count("(") != label.count(")"):
        return None
    return label


_CLAUSE_BREAK = re.compile(r"[,;:()–—]\s")
