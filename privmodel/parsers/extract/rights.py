"""Data subject rights named in a text (GDPR Art. 12-22, 77 and US state privacy laws)."""

from __future__ import annotations

import functools

from privmodel.parsers import lexicon
from privmodel.parsers.extract._phrases import PhraseTable, build_table, per_text
from privmodel.parsers.extract.match import Match
from privmodel.schema.vocab import RightCode


@functools.cache
def _table(langs: str) -> PhraseTable[RightCode]:
    return build_table(lexicon.merged("rights", langs), RightCode)


def right_wordings(lang: str) -> list[str]:
    """The lexicon patterns :func:`find_rights` looks for."""
    return [p for ps in lexicon.merged("rights", ",".join(lexicon.languages(lang))).values()
            for p in ps]


@per_text
def find_rights(text: str, lang: str) -> list[Match[RightCode]]:
    """Mentions of rights: "right of access", "rätt till radering", "Widerspruch", ...

    Plain deletion wording gives ERASURE, also in US sections ("request deletion"); the
    parser may map it to DELETE where the context is a US law. Objection to direct
    marketing gives OPT_OUT_MARKETING; "withdraw your consent" gives WITHDRAW_CONSENT.
    """
    return _table(",".join(lexicon.languages(lang))).find(text)


__all__ = ["find_rights", "right_wordings"]
