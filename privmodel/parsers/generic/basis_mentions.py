"""Mentions of legal bases the shared extractors leave out.

- German citations with a sentence number: 'Art. 6 Abs. 1 S. 1 lit. a DSGVO'.
- Bare labels in a legal-basis section or table: 'Contract', 'Compliance with law'.
- A legal obligation stated as a purpose ('Comply with legal obligations' in a purposes
  list, 'for the purposes of anti-money laundering'), or a bookkeeping act named as a basis
  or purpose: Art. 6(1)(c).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from typing import Any, cast

from privmodel.parsers import lexicon
from privmodel.parsers.document import Block
from privmodel.parsers.extract import find_laws, find_legal_bases
from privmodel.parsers.extract._phrases import FLAGS, Gate, Phrases, compile_gated, gate
from privmodel.parsers.extract.match import Match
from privmodel.parsers.generic.phrases import open_purpose_markers, phrase_regex
from privmodel.parsers.generic.prose import sentences
from privmodel.parsers.lexicon import languages, load
from privmodel.schema import LegalBasisCode

_SATZ = re.compile(
    r"(?<!\w)Art(?:ikel|\.)?\s*(?P<art>6|9)\s*Abs(?:atz|\.)?\s*(?P<p>[12])\s*"
    r"(?:S(?:atz|\.)|UAbs\.?|Unterabs(?:atz|\.))\s*\d\s*(?:lit(?:era|\.)?|Buchst(?:abe|\.)?)\s*"
    r"(?P<l>[a-j])(?![\w(])",
    FLAGS,
)
_OBLIGATION = LegalBasisCode.LEGAL_OBLIGATION
_BY_ARTICLE = {code.article: code for code in LegalBasisCode}


def _generic(name: str) -> Mapping[str, Any]:
    return cast(Mapping[str, Any], load("generic")[name])


@functools.cache
def _labels(lang: str) -> tuple[tuple[LegalBasisCode, Phrases], ...]:
    out = []
    for code, per_lang in _generic("basis_labels").items():
        if code.startswith("_"):
            continue
        table = cast(Mapping[str, list[str]], per_lang)
        patterns = [p for c in languages(lang) for p in table.get(c, [])]
        if patterns:
            out.append((LegalBasisCode(code), compile_gated(patterns)))
    return tuple(out)


@functools.cache
def _obligation_laws() -> frozenset[str]:
    return frozenset(cast(list[str], _generic("obligation_laws")["laws"]))


def obligation_wordings(lang: str) -> list[str]:
    """The lexicon patterns of a legal obligation and of the bookkeeping acts' names."""
    bases = lexicon.merged("legal_bases", lang).get(_OBLIGATION.value, [])
    laws = lexicon.merged("laws", lang)
    return [*bases, *(p for law in _obligation_laws() for p in laws.get(law, []))]


@functools.cache
def _obligation_gate(lang: str) -> Gate:
    """Literals one of which a legal obligation or a bookkeeping act's name contains."""
    return gate(obligation_wordings(lang))


def sentence_citations(text: str) -> list[Match[LegalBasisCode]]:
    """'Art. 6 Abs. 1 S. 1 lit. a DSGVO': a citation with a sentence number."""
    out = []
    for m in _SATZ.finditer(text):
        if m.group("p") == ("1" if m.group("art") == "6" else "2"):
            article = f"{m.group('art')}-{m.group('p')}-{m.group('l').lower()}"
            code = _BY_ARTICLE.get(article)
            if code is not None:
                out.append(Match(code, m.start(), m.end(), m.group()))
    return out


def label_mentions(text: str, lang: str) -> list[Match[LegalBasisCode]]:
    """Bare basis labels, read only inside a legal-basis section."""
    return [Match(code, m.start(), m.end(), m.group())
            for code, phrases in _labels(lang) for m in phrases.finditer(text)]


def obligation_mentions(block: Block, lang: str, purposes: bool) -> list[Match[LegalBasisCode]]:
    """A legal obligation stated as a purpose, or a bookkeeping act named as basis or purpose."""
    text = block.text
    out: list[Match[LegalBasisCode]] = []
    if not _obligation_gate(lang).may_match(text):
        return out
    basis = phrase_regex("basis_words", lang)
    markers = open_purpose_markers(text, lang)
    for s, e in sentences(text):
        purpose = purposes or any(r.search(text, s, e) for r in markers)
        if purpose:
            out.extend(Match(m.value, s + m.start, s + m.end, m.text)
                       for m in find_legal_bases(text[s:e], lang) if m.value == _OBLIGATION)
        if purpose or basis.search(text, s, e) is not None:
            out.extend(Match(_OBLIGATION, s + m.start, s + m.end, m.text)
                       for m in find_laws(text[s:e], lang) if m.value in _obligation_laws())
    return out
