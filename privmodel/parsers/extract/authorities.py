"""Supervisory authorities (GDPR Art. 51) named or linked in a text."""

from __future__ import annotations

import functools
from collections.abc import Mapping
from typing import Any

import attrs

from privmodel.parsers import lexicon
from privmodel.parsers.extract._phrases import Gate, compile_phrases, gate
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
def _entries(langs: str) -> tuple[tuple[AuthorityInfo, Any], ...]:
    """Authorities, those preferred for ``langs`` first (Datatilsynet: DK for da, NO for nb)."""
    wanted = set(langs.split(","))
    entries: list[Mapping[str, Any]] = list(lexicon.load(lexicon.COMMON)["authorities"])
    preferred = sorted(entries, key=lambda e: not wanted.intersection(e.get("langs", ())))
    return tuple((_info(e), compile_phrases(e["patterns"])) for e in preferred)


@functools.cache
def _gate() -> Gate:
    entries = lexicon.load(lexicon.COMMON)["authorities"]
    return gate(p for e in entries for p in e["patterns"])


def find_authorities(text: str, lang: str) -> list[Match[AuthorityInfo]]:
    """Authority names, acronyms and websites: "Integritetsskyddsmyndigheten", "IMY",
    "Datainspektionen" (former name, same entry), "tietosuoja.fi", "ICO", "BfDI". A generic
    "supervisory authority" or "Datenschutzaufsichtsbehörde" names no authority."""
    found: list[Match[AuthorityInfo]] = []
    seen: set[tuple[int, int]] = set()
    langs = ",".join(lexicon.languages(lang))
    if not _gate().may_match(text):
        return found
    for info, regex in _entries(langs):
        for m in regex.finditer(text):
            if m.span() not in seen:
                seen.add(m.span())
                found.append(Match(info, m.start(), m.end(), m.group()))
    return select(found)


__all__ = ["AuthorityInfo", "find_authorities"]
