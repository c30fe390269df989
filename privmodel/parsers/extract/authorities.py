"""Supervisory authorities (GDPR Art. 51) named or linked in a text."""

from __future__ import annotations

import functools
from collections.abc import Mapping
from typing import Any

import attrs

from privmodel.parsers import lexicon
from privmodel.parsers.extract._phrases import (
    PhraseTable,
    compile_phrases,
    index_of,
    per_text,
)
from privmodel.parsers.extract.match import Match, select


@attrs.frozen
class AuthorityInfo:
    """A data protection authority: its current name, country and contact points.

    A text may use a former name ("Datainspektionen"); the match's ``text`` says which.
    """

    name: str
    country: str
    website: str | None
    email: str | None
    former_names: tuple[str, ...] = ()


def _info(entry: Mapping[str, Any]) -> AuthorityInfo:
    return AuthorityInfo(
        name=entry["name"],
        country=entry["country"],
        website=entry.get("website"),
        email=entry.get("email"),
        former_names=tuple(entry.get("former_names", ())),
    )


@functools.cache
def _table(langs: str) -> PhraseTable[AuthorityInfo]:
    """Authorities, those preferred for ``langs`` first (Datatilsynet: DK for da, NO for nb)."""
    wanted = set(langs.split(","))
    entries: list[Mapping[str, Any]] = list(lexicon.load(lexicon.COMMON)["authorities"])
    preferred = sorted(entries, key=lambda e: not wanted.intersection(e.get("langs", ())))
    return PhraseTable(
        tuple((_info(e), compile_phrases(e["patterns"])) for e in preferred),
        index_of([e["patterns"] for e in preferred]),
    )


def find_authorities(text: str, lang: str) -> list[Match[AuthorityInfo]]:
    """Authority names, acronyms and websites: "Integritetsskyddsmyndigheten", "IMY",
    "Datainspektionen" (former name, same entry), "tietosuoja.fi", "ICO", "BfDI". A generic
    "supervisory authority" or "Datenschutzaufsichtsbehörde" names no authority."""
    if not _table(",".join(lexicon.languages(lang))).open_entries(text):
        return []  # most blocks hold no authority's literals: answered without the matching
    return _found(text, lang)


@per_text
def _found(text: str, lang: str) -> list[Match[AuthorityInfo]]:
    found: list[Match[AuthorityInfo]] = []
    seen: set[tuple[int, int]] = set()
    # Where two entries match the same span, the preferred one (earlier) is kept.
    for m in _table(",".join(lexicon.languages(lang))).candidates(text):
        if (m.start, m.end) not in seen:
            seen.add((m.start, m.end))
            found.append(m)
    return select(found)


__all__ = ["AuthorityInfo", "find_authorities"]
