"""Legal bases: GDPR Art. 6(1) and Art. 9(2), named in words or cited by article."""

from __future__ import annotations

import functools
import re

from privmodel.parsers import lexicon
from privmodel.parsers.extract._phrases import (
    FLAGS,
    PhraseTable,
    build_table,
    lowered,
    per_text,
    text_cache,
)
from privmodel.parsers.extract.match import Match, select
from privmodel.schema.vocab import LegalBasisCode

_BY_ARTICLE = {code.article: code for code in LegalBasisCode}
_CITATION = re.compile(
    r"(?<!\w)(?:art(?:icle|ikel|ikla|ikkel|\.)?|artt?\.)\s*(?P<art>6|9)\s*"
    r"(?:\(\s*(?P<p>[12])\s*\)|\.(?P<p2>[12])|,?\s*(?:abs\.?|para(?:graph|\.)?|stk\.?|nr\.?|"
    r"punkt|kohta|ledd|§)\s*(?P<p3>[12])|\s(?P<p4>[12])(?=\s*(?:\(|lit|letter|point|[a-j]\b)))"
    r"\s*,?\s*(?:(?:lit(?:t|era)?\.?|letter|point|punkt|kohdan?|bokstav|litra)\s*)?"
    r"(?:\(\s*(?P<l>[a-j])\s*\)|(?P<l2>[a-j])(?![\w(]))",
    FLAGS,
)
# Every citation (also one with a sentence number, 'Art. 6 Abs. 1 S. 1') starts 'art', a
# few letters or a dot, maybe spaces, then 6 or 9: looked for in the lower-cased text.
_MAY_CITE = re.compile(r"art[a-z.]{0,5}\s*[69]")
_MORE = re.compile(
    r"\s*(?:,|and|och|und|og|ja|or|eller|oder|tai|sowie|&|/)\s*(?:(?:lit\.?|letter|point)\s*)?"
    r"(?:\(\s*(?P<l>[a-j])\s*\)|(?P<l2>[a-j])(?![\w(]))",
    FLAGS,
)


def _code(article: str, letter: str) -> LegalBasisCode | None:
    paragraph = "1" if article == "6" else "2"
    return _BY_ARTICLE.get(f"{article}-{paragraph}-{letter.lower()}")


def may_cite(text: str) -> bool:
    """False when ``text`` cites no article 6 or 9: a search for the start every citation
    has, in the lower-cased text, far cheaper than the citation pattern."""
    return _MAY_CITE.search(lowered(text)) is not None


def find_legal_basis_citations(text: str) -> list[Match[LegalBasisCode]]:
    """Article citations: "Article 6(1)(b) GDPR", "Art. 6 Abs. 1 lit. f DSGVO", "art. 6.1 f",
    "Art 9(2)(a)". A list ("Art. 6(1)(a), (b) and (f)") gives one match per letter."""
    return list(_citations(text))


@text_cache
def _citations(text: str) -> tuple[Match[LegalBasisCode], ...]:
    out: list[Match[LegalBasisCode]] = []
    if not may_cite(text):
        return ()
    for m in _CITATION.finditer(text):
        article = m.group("art")
        paragraph = m.group("p") or m.group("p2") or m.group("p3") or m.group("p4")
        if paragraph != ("1" if article == "6" else "2"):
            continue
        code = _code(article, m.group("l") or m.group("l2"))
        if code is not None:
            out.append(Match(code, m.start(), m.end(), m.group()))
        pos = m.end()
        while (more := _MORE.match(text, pos)) is not None:
            code = _code(article, more.group("l") or more.group("l2"))
            if code is None:
                break
            start = more.start("l") - 1 if more.group("l") else more.start("l2")
            out.append(Match(code, start, more.end(), text[start:more.end()]))
            pos = more.end()
    return tuple(out)


@functools.cache
def _table(langs: str) -> PhraseTable[LegalBasisCode]:
    return build_table(lexicon.merged("legal_bases", langs), LegalBasisCode)


@per_text
def find_legal_bases(text: str, lang: str) -> list[Match[LegalBasisCode]]:
    """Every mention of a legal basis, in words ("legitimate interest", "samtycke",
    "berechtigtes Interesse") or by citation. These are mentions: "withdraw your consent"
    yields CONSENT too; deciding which bases a policy relies on is the parser's business."""
    words = _table(",".join(lexicon.languages(lang))).candidates(text)
    return select([*_citations(text), *words])


__all__ = ["find_legal_bases", "find_legal_basis_citations", "may_cite"]
