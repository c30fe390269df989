"""Transfers outside the EU/EEA: mechanisms, destination countries and regions."""

from __future__ import annotations

import functools
from collections.abc import Iterable

from privmodel.parsers import lexicon
from privmodel.parsers.extract._phrases import (
    PhraseTable,
    build_table,
    compile_phrases,
    index_of,
    per_text,
)
from privmodel.parsers.extract.match import Match
from privmodel.schema.vocab import TransferMechanism


@functools.cache
def _mechanisms(langs: str) -> PhraseTable[TransferMechanism]:
    return build_table(lexicon.merged("transfer_mechanisms", langs), TransferMechanism)


@functools.cache
def _countries(langs: str) -> PhraseTable[str]:
    return build_table(lexicon.merged("countries", langs), str)


@functools.cache
def _regions(langs: str) -> PhraseTable[str]:
    return build_table(lexicon.merged("regions", langs), str)


@functools.cache
def _eea_only(langs: str) -> PhraseTable[bool]:
    patterns = _eea_only_patterns(langs)
    if not patterns:
        return PhraseTable(())
    return PhraseTable(((True, compile_phrases(patterns)),), index_of([patterns]))


def _eea_only_patterns(langs: str) -> list[str]:
    return lexicon.flat("eea_only", langs, common=False)


def _langs(lang: str) -> str:
    return ",".join(lexicon.languages(lang))


def eea_only_wordings(lang: str) -> list[str]:
    """The lexicon patterns :func:`find_eea_only` looks for."""
    return _eea_only_patterns(_langs(lang))


def mechanism_wordings(lang: str, codes: Iterable[str]) -> list[str]:
    """The lexicon patterns by which :func:`find_transfer_mechanisms` finds ``codes``."""
    wanted = set(codes)
    return [p for code, ps in lexicon.merged("transfer_mechanisms", _langs(lang)).items()
            if code in wanted for p in ps]


@per_text
def find_transfer_mechanisms(text: str, lang: str) -> list[Match[TransferMechanism]]:
    """Safeguards for transfers: SCCs, BCRs, adequacy decisions, the EU-U.S. Data Privacy
    Framework (also "Data Protection Framework", "EU-U.S. DPF"), Privacy Shield, Safe Harbor,
    supplementary measures. Whether consent is a transfer mechanism is the parser's call."""
    return _mechanisms(_langs(lang)).find(text)


@per_text
def find_countries(text: str, lang: str) -> list[Match[str]]:
    """Country names as ISO 3166 alpha-2 codes ("the U.S." -> "US", "Storbritannien" -> "GB")."""
    return _countries(_langs(lang)).find(text)


@per_text
def find_regions(text: str, lang: str) -> list[Match[str]]:
    """Destination phrases that are not countries, as canonical values:
    "outside EU/EEA", "third countries", "outside jurisdiction"."""
    return _regions(_langs(lang)).find(text)


@per_text
def find_eea_only(text: str, lang: str) -> list[Match[bool]]:
    """Statements that data stays in the EU/EEA ("we do not transfer personal data outside
    the EEA", "lagras inom EU"); the value is always True."""
    return _eea_only(_langs(lang)).find(text)


__all__ = [
    "eea_only_wordings",
    "find_countries",
    "find_eea_only",
    "find_regions",
    "find_transfer_mechanisms",
    "mechanism_wordings",
]
