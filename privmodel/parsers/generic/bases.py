"""Which legal bases a policy relies on, which laws it names, and the roles it claims."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from privmodel.parsers.base import PolicyBuilder, publisher_or_new
from privmodel.parsers.document import Block, BlockKind
from privmodel.parsers.extract import find_laws, find_legal_bases, find_legal_basis_citations
from privmodel.parsers.extract.match import Match
from privmodel.parsers.generic.phrases import phrase_regex
from privmodel.parsers.generic.prose import sentences
from privmodel.schema import Law, LegalBasis, LegalBasisCode, PartyRole, RoleClaim

# A section that names most of the six bases and is short is a definition list, not reliance.
_DEFINITION_LIST = 5
_ACRONYM_MAX = 8


def collect_relied_bases(
    b: PolicyBuilder, blocks: Sequence[Block], lang: str, topic: Sequence[Block]
) -> None:
    """Bases named in legal-basis sections (``topic``), and in sentences elsewhere that state
    a basis ('based on your consent', 'Art. 6(1)(b) GDPR'); a section defining them adds none."""
    in_basis = {id(block) for block in topic}
    for in_topic, group in _leaf_sections(blocks, in_basis):
        found = [(block, m) for block in group for m in _mentions(block, lang, in_topic)]
        article6 = {m.value for _, m in found if not m.value.is_special_category_condition}
        if len(article6) >= _DEFINITION_LIST and len(group) <= len(article6) + 2:
            b.problem("a section defines the legal bases without saying which apply")
            continue
        for block, m in found:
            b.add("legal_bases", LegalBasis(
                code=LegalBasisCode(m.value), label=m.text,
                evidence=(b.evidence(block, m.start, m.end),),
                confidence=0.7 if in_topic else 0.55,
            ))


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


def _mentions(block: Block, lang: str, in_topic: bool) -> list[Match[LegalBasisCode]]:
    if in_topic:
        return find_legal_bases(block.text, lang)
    text = block.text
    out = list(find_legal_basis_citations(text))
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


def collect_law_names(b: PolicyBuilder, blocks: Iterable[Block], lang: str) -> None:
    """Laws named, labelled as the policy writes them ('DSGVO', 'databeskyttelsesloven')."""
    seen: dict[str, list[tuple[Block, Match[str]]]] = {}
    for block in blocks:
        for m in find_laws(block.text, lang):
            seen.setdefault(m.value, []).append((block, m))
    for value, mentions in seen.items():
        block, m = _best_mention(value, mentions, lang)
        b.add("laws", Law(name=_law_label(value, m.text, lang),
                          evidence=(b.evidence(block, m.start, m.end),)))


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


def _law_label(value: str, text: str, lang: str) -> str:
    if text.lower() == value.lower() or lang.startswith("en") or " " in value:
        return value
    return text if _is_acronym(text) or not _is_acronym(value) else value


def collect_default_role(b: PolicyBuilder, blocks: Iterable[Block], lang: str) -> None:
    """A policy that claims no role but names a controller is its publisher's as controller."""
    org = publisher_or_new(b)
    if org.roles:
        return
    regex = phrase_regex("controller_terms", lang)
    for block in blocks:
        m = regex.search(block.text)
        if m is not None:
            claim = RoleClaim(role=PartyRole.CONTROLLER, confidence=0.4,
                              evidence=(b.evidence(block, m.start(), m.end()),))
            b.set("publisher", org.model_copy(update={"roles": (claim,)}))
            return
