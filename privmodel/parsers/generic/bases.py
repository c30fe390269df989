"""Which legal bases a policy relies on, which laws it names, and the roles it claims."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import cast

from privmodel.parsers.base import PolicyBuilder
from privmodel.parsers.document import Block, BlockKind
from privmodel.parsers.extract import find_laws, find_legal_bases, find_legal_basis_citations
from privmodel.parsers.extract._phrases import FLAGS, Gate, alternation, gate
from privmodel.parsers.extract.legal_basis import may_cite
from privmodel.parsers.extract.match import Match
from privmodel.parsers.generic.basis_mentions import (
    label_mentions,
    obligation_mentions,
    obligation_wordings,
    sentence_citations,
)
from privmodel.parsers.generic.phrases import phrase_gate, phrase_regex
from privmodel.parsers.generic.prose import sentences
from privmodel.parsers.generic.roles import collect_implied_role
from privmodel.parsers.lexicon import languages, load
from privmodel.schema import Law, LegalBasis, LegalBasisCode

# Laws that predate the GDPR: a policy citing only these relies on no GDPR legal basis.
PRE_GDPR_LAWS = frozenset({"PUL", "Safe Harbor", "BDSG-alt", "Henkilötietolaki"})
_REPLACED_WINDOW = 60
# A section that names most of the six bases and is short is a definition list, not reliance.
_DEFINITION_LIST = 5
_ACRONYM_MAX = 8


def collect_relied_bases(
    b: PolicyBuilder, blocks: Sequence[Block], lang: str, topic: Sequence[Block],
    purposes: Sequence[Block] = (),
) -> None:
    """Bases named in legal-basis sections (``topic``), and in sentences elsewhere that state
    a basis ('based on your consent', 'Art. 6(1)(b) GDPR') or a legal obligation as a purpose
    (in ``purposes`` or after a purpose marker); a section defining them adds none."""
    in_basis = {id(block) for block in topic}
    in_purposes = {id(block) for block in purposes}
    for in_topic, group in _leaf_sections(blocks, in_basis):
        found = [(block, m) for block in group
                 for m in _mentions(block, lang, in_topic, id(block) in in_purposes)]
        article6 = {m.value for _, m in found if not m.value.is_special_category_condition}
        if len(article6) >= _DEFINITION_LIST and len(group) <= len(article6) + 2:
            b.problem("a section defines the legal bases without saying which apply")
            continue
        for block, m in found:
            b.add_fact(
                "legal_bases", LegalBasis,
                code=LegalBasisCode(m.value), label=m.text,
                evidence=(b.evidence(block, m.start, m.end),),
                confidence=0.7 if in_topic else 0.55,
            )


def _leaf_sections(
    blocks: Sequence[Block], in_basis: set[int]
) -> list[tuple[bool, list[Block]]]:
    """Blocks grouped by their section path and by whether they are in the basis topic."""
    groups: dict[tuple[bool, tuple[str, ...]], list[Block]] = {}
    for block in blocks:
        if block.kind is not BlockKind.HEADING:
            key = (id(block) in in_basis, block.section)
            groups.setdefault(key, []).append(block)
    return [(key[0], group) for key, group in groups.items()]


def _mentions(
    block: Block, lang: str, in_topic: bool, purposes: bool = False
) -> list[Match[LegalBasisCode]]:
    text = block.text
    cites = may_cite(text)
    if not (in_topic or cites or _words_gate(lang).may_match(text)):
        return []  # outside the topic only citations, basis words and obligations count
    extra = [*(sentence_citations(text) if cites else ()),
             *obligation_mentions(block, lang, purposes)]
    if in_topic:
        return [*find_legal_bases(text, lang), *label_mentions(text, lang), *extra]
    out = [*(find_legal_basis_citations(text) if cites else ()), *extra]
    if not phrase_gate("basis_words", lang).may_match(text):
        return out  # no sentence has a basis word
    basis = phrase_regex("basis_words", lang)
    cited = {(m.start, m.end) for m in out}
    for s, e in sentences(text):
        if basis.search(text, s, e) is None:
            continue
        for m in find_legal_bases(text[s:e], lang):
            span = (s + m.start, s + m.end)
            if span not in cited:
                out.append(Match(m.value, span[0], span[1], m.text))
    return out


@functools.cache
def _words_gate(lang: str) -> Gate:
    """Whether a block may hold a basis word or state a legal obligation (as
    :func:`obligation_mentions` reads one): one test where most blocks hold neither."""
    return gate([*_per_lang_patterns("basis_words", lang), *obligation_wordings(lang)])


def collect_law_names(b: PolicyBuilder, blocks: Iterable[Block], lang: str) -> None:
    """Laws named, labelled as the policy writes them ('DSGVO', 'databeskyttelsesloven'),
    except those it says were replaced ('replaces the Personal Data Act (PUL)')."""
    seen: dict[str, list[tuple[Block, Match[str]]]] = {}
    for block in blocks:
        replaced_end = -1
        for m in find_laws(block.text, lang):
            if _replaced(block.text, m.start, lang) or _parenthetical(
                    block.text, m.start, replaced_end):
                replaced_end = m.end
                continue
            seen.setdefault(m.value, []).append((block, m))
    acronyms = {m.text for mentions in seen.values() for _, m in mentions if _is_acronym(m.text)}
    for value, mentions in seen.items():
        block, m = _best_mention(value, mentions, lang)
        b.add("laws", Law(name=_law_label(value, m.text, lang, acronyms),
                          evidence=(b.evidence(block, m.start, m.end),)))


@functools.cache
def _replaced_regex(lang: str) -> re.Pattern[str]:
    patterns = _per_lang_patterns("law_replaced", lang)
    if not patterns:
        return re.compile("(?!)")
    return re.compile(rf"(?<!\w){alternation(patterns)}\s+(?:[\w’'-]+\s+){{0,3}}$", FLAGS)


def _per_lang_patterns(name: str, lang: str) -> list[str]:
    table = cast(Mapping[str, list[str]], load("generic")[name])
    return [p for code in languages(lang) for p in table.get(code, [])]


def _replaced(text: str, start: int, lang: str) -> bool:
    return _replaced_regex(lang).search(text, max(0, start - _REPLACED_WINDOW), start) is not None


def _parenthetical(text: str, start: int, previous_end: int) -> bool:
    """A mention in parentheses right after the previous one: '... Act (PUL)'."""
    return previous_end >= 0 and text[previous_end:start].strip() == "("


def _best_mention(
    value: str, mentions: list[tuple[Block, Match[str]]], lang: str
) -> tuple[Block, Match[str]]:
    for block, m in mentions:
        if m.text.lower() == value.lower():
            return block, m
    for block, m in mentions:
        if _is_acronym(m.text):
            return block, m
    return mentions[0]


def _is_acronym(text: str) -> bool:
    return text.isupper() and text.isalpha() and len(text) <= _ACRONYM_MAX


def _law_label(value: str, text: str, lang: str, acronyms: Iterable[str] = ()) -> str:
    """The canonical name, or the policy's own words where it never writes the acronym
    ('databeskyttelsesforordningen'); pre-GDPR laws keep their name (PUL), which says the
    policy relies on no GDPR basis."""
    if text.lower() == value.lower() or lang.startswith("en") or " " in value:
        return value
    if _is_acronym(text) or not _is_acronym(value):
        return text
    if value in PRE_GDPR_LAWS or any(a.lower() == value.lower() for a in acronyms):
        return value
    return text


def collect_default_role(b: PolicyBuilder, blocks: Sequence[Block], lang: str) -> None:
    """A policy that claims no role is its publisher's as controller."""
    collect_implied_role(b, blocks, lang)
