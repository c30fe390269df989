"""Laws a policy names, by canonical short name ("GDPR", "CCPA", "Bokföringslagen")."""

from __future__ import annotations

import functools

from privmodel.parsers import lexicon
from privmodel.parsers.extract._phrases import Gate, PhraseTable, build_table, gate, per_text
from privmodel.parsers.extract.match import Match


@functools.cache
def _table(langs: str) -> PhraseTable[str]:
    return build_table(lexicon.merged("laws", langs), str)


@functools.cache
def _gate(langs: str) -> Gate:
    return gate([p for ps in lexicon.merged("laws", langs).values() for p in ps])


def find_laws(text: str, lang: str) -> list[Match[str]]:
    """Named laws: "General Data Protection Regulation" and "DSGVO" give "GDPR";
    "CCPA/CPRA" gives "CCPA" then "CPRA"; "UK GDPR" is its own law."""
    langs = ",".join(lexicon.languages(lang))
    if not _gate(langs).may_match(text):
        return []  # most texts name none: a test of literals, cheaper than the table's
    return _find(text, langs)


@per_text
def _find(text: str, langs: str) -> list[Match[str]]:
    return _table(langs).find(text)


__all__ = ["find_laws"]
