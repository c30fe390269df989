"""Transfers outside the EU/EEA, read per section: the destinations a transfers section names
and the mechanisms it states anywhere, one transfer per destination."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import cast

from privmodel.parsers.base import PolicyBuilder
from privmodel.parsers.document import Block
from privmodel.parsers.extract import (
    find_countries,
    find_eea_only,
    find_regions,
    find_transfer_mechanisms,
)
from privmodel.parsers.extract._phrases import Gate, Phrases, compile_gated, gate
from privmodel.parsers.extract.transfers import eea_only_wordings, mechanism_wordings
from privmodel.parsers.generic.prose import sentences
from privmodel.parsers.lexicon import languages, load
from privmodel.schema import Evidence, Presence, Transfer, TransferMechanism

# Mechanisms that make a sentence about transfers even outside a transfers section.
_STRONG = frozenset({"scc", "bcr", "dpf", "privacy_shield", "safe_harbor", "adequacy"})
Span = tuple[Block, int, int]
_Said = tuple[int, int, int, int]  # a sentence's span and the span of its consent phrase
# Framing destinations that a named country makes specific ('third countries, such as the US').
_GENERIC_REGIONS = ("outside EU/EEA", "third countries")


class _Found:
    """Destinations (label, country code or '') and mechanisms, with their spans."""

    def __init__(self) -> None:
        self.places: dict[str, tuple[str, str, Span]] = {}
        self.mechanisms: dict[TransferMechanism, Span] = {}


@functools.cache
def _lexicon(name: str, lang: str) -> Phrases:
    patterns = _patterns(name, lang)
    return compile_gated(patterns) if patterns else Phrases(re.compile("(?!)"), Gate(()))


def _patterns(name: str, lang: str) -> list[str]:
    table = cast(Mapping[str, list[str]], load("generic_parties")[name])
    return [p for code in languages(lang) for p in table.get(code, [])]


@functools.cache
def _may_count(lang: str) -> Gate:
    """Whether a block outside the transfers sections may count: it may say that data
    stays in the EU/EEA, name a strong mechanism or hold a consent phrase. Most blocks do
    none of these, and one test of literals then replaces three look-ups."""
    return gate([*eea_only_wordings(lang), *mechanism_wordings(lang, _STRONG),
                 *_patterns("transfer_consent", lang)])


@functools.cache
def _eea() -> frozenset[str]:
    return frozenset(cast(list[str], load("generic_parties")["eea_countries"]))


def collect_transfers(
    b: PolicyBuilder, topic: Sequence[Block], blocks: Iterable[Block], lang: str
) -> None:
    """Transfers of the transfers sections, and of sentences elsewhere that name a
    destination with a safeguard (SCCs, Safe Harbor) or with the person's consent."""
    found = _Found()
    in_topic = {id(block) for block in topic}
    orphans: dict[TransferMechanism, Span] = {}
    may_count = _may_count(lang).may_match
    for block in blocks:
        if id(block) not in in_topic and not may_count(block.text):
            continue
        stays = find_eea_only(block.text, lang)
        if stays:
            ev = [b.evidence(block, m.start, m.end) for m in stays]
            b.declare("transfers_outside_eea", Presence.NONE, ev)
            continue
        _read_block(found, orphans, block, lang, id(block) in in_topic)
    if any(code for _, code, _ in found.places.values()):
        for key in _GENERIC_REGIONS:
            found.places.pop(key, None)
    if len(found.places) == 1:
        for code, span in orphans.items():
            found.mechanisms.setdefault(code, span)
    _emit(b, found)


def _read_block(
    found: _Found, orphans: dict[TransferMechanism, Span], block: Block, lang: str,
    in_topic: bool,
) -> None:
    text = block.text
    mechs = find_transfer_mechanisms(text, lang)
    strong = [m for m in mechs if m.value in _STRONG]
    said: list[_Said] | None = None
    if not (in_topic or strong):
        said = _consent_sentences(text, lang)
        if not said:
            return  # no consent phrase either: what the block names cannot count
    taken = [(m.start, m.end) for m in mechs]
    places = [(m.text, m.value, m.start, m.end, m.value) for m in find_countries(text, lang)
              if m.value not in _eea() and not _inside(m.start, m.end, taken)]
    places += [(m.text, "", m.start, m.end, m.value) for m in find_regions(text, lang)]
    places += [(m.group(), "", m.start(), m.end(), m.group().lower())
               for m in _lexicon("extra_regions", lang).finditer(text)]
    if said is None and places:
        said = _consent_sentences(text, lang)
    consent = _consent(said or [], [i for _, _, i, _, _ in places])
    if not (in_topic or strong or consent):
        return
    if not places:
        for m in strong:
            orphans.setdefault(TransferMechanism(m.value), (block, m.start, m.end))
        return
    for label, code, i, j, key in places:
        known = found.places.get(key)
        if known is None or len(label) > len(known[0]):
            found.places[key] = (label, code, (block, i, j))
    for m in mechs:
        found.mechanisms.setdefault(TransferMechanism(m.value), (block, m.start, m.end))
    if consent is not None:
        found.mechanisms.setdefault(TransferMechanism("consent"), (block, *consent))


def _consent_sentences(text: str, lang: str) -> list[_Said]:
    """The sentences that hold a consent phrase, with the phrase's span."""
    phrases = _lexicon("transfer_consent", lang)
    if not phrases.gate.may_match(text):
        return []
    found = ((s, e, phrases.regex.search(text, s, e)) for s, e in sentences(text))
    return [(s, e, m.start(), m.end()) for s, e, m in found if m is not None]


def _consent(said: list[_Said], places: list[int]) -> tuple[int, int] | None:
    """The consent phrase of the first sentence that names a destination (starts at
    ``places``)."""
    for s, e, i, j in said:
        if any(s <= p < e for p in places):
            return i, j
    return None


def _inside(i: int, j: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= i and j <= z for a, z in spans)


def _emit(b: PolicyBuilder, found: _Found) -> None:
    codes = tuple(found.mechanisms)
    mech_ev = [_ev(b, span) for span in found.mechanisms.values()]
    for label, country, span in found.places.values():
        ev = (_ev(b, span), *mech_ev)
        b.add("transfers", Transfer(
            destination=label, countries=(country,) if country else (), mechanisms=codes,
            evidence=ev, confidence=0.6,
        ))
        b.declare("transfers_outside_eea", Presence.PRESENT, list(ev))


def _ev(b: PolicyBuilder, span: Span) -> Evidence:
    block, i, j = span
    return b.evidence(block, i, j)
