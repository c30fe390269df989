"""Laws a policy names, by canonical short name ("GDPR", "CCPA", "Bokföringslagen")."""

from __future__ import annotations

import functools

from privmodel.parsers import lexicon
from privmodel.parsers.extract._phrases import PhraseTable, build_table, per_text
from privmodel.parsers.extract.match import Match


@functools.cache
def _table(langs: str) -> PhraseTable[str]:
    return build_table(lexicon.merged("laws", langs), str)


@per_text
def find_laws(text: str, lang: str) -> list[Match[str]]:
    """Named laws: "General Data Protection Regulation" and "DSGVO" give "GDPR";
    "CCPA/CPRA" gives "CCPA" then "CPRA"; "UK GDPR" is its own law."""
    return _table(",".join(lexicon.languages(lang))).find(text)


__all__ = ["find_laws"]
