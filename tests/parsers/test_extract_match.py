"""Offsets of every extractor are exact, whatever text surrounds the match."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from privmodel.parsers import extract
from privmodel.parsers.extract.match import Match, select

Finder = Callable[[str], list[Match[Any]]]

FINDERS: dict[str, Finder] = {
    "emails": extract.find_emails,
    "phones": extract.find_phones,
    "urls": extract.find_urls,
    "org_numbers": extract.find_org_numbers,
    "addresses": lambda t: extract.find_postal_addresses(t, "sv"),
    "dates": lambda t: extract.find_dates(t, "xx"),
    "labelled": lambda t: [m for _, m in extract.find_labelled_dates(t, "sv")],
    "durations": lambda t: extract.find_durations(t, "sv"),
    "durations_any": lambda t: extract.find_durations(t, "xx"),
    "legal_bases": lambda t: extract.find_legal_bases(t, "en"),
    "rights": lambda t: extract.find_rights(t, "sv"),
    "mechanisms": lambda t: extract.find_transfer_mechanisms(t, "xx"),
    "countries": lambda t: extract.find_countries(t, "en"),
    "regions": lambda t: extract.find_regions(t, "en"),
    "eea_only": lambda t: extract.find_eea_only(t, "en"),
    "authorities": lambda t: extract.find_authorities(t, "sv"),
    "laws": lambda t: extract.find_laws(t, "xx"),
    "min_age": lambda t: extract.find_min_age(t, "en"),
}

SAMPLE = (
    "Kontakt: info@example.se, +46 8 123 45 67, www.example.se. Exempel AB, 556881-2670, "
    "Storgatan 1, 111 22 Stockholm. Senast uppdaterad 19 oktober 2021. Vi sparar uppgifterna "
    "i högst 30 dagar med stöd av samtycke och Article 6(1)(f) GDPR. Du har rätt till radering "
    "och kan lämna klagomål till IMY. Standard contractual clauses apply outside the EU/EEA, "
    "e.g. in the United States. We do not transfer data outside the EEA. Children under the "
    "age of 16 may not use the service."
)
_filler = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=30)


def _check(matches: list[Match[Any]], text: str) -> None:
    last = -1
    for m in matches:
        assert text[m.start : m.end] == m.text
        assert m.start >= last
        assert m.end > m.start
        last = m.end


@pytest.mark.parametrize("name", sorted(FINDERS))
def test_sample_has_a_match(name: str) -> None:
    matches = FINDERS[name](SAMPLE)
    assert matches, name
    _check(matches, SAMPLE)


@settings(max_examples=40, deadline=None)
@given(before=_filler, after=_filler, cut=st.integers(min_value=0, max_value=len(SAMPLE)))
def test_offsets_exact_with_random_surroundings(before: str, after: str, cut: int) -> None:
    text = before + " " + SAMPLE[:cut] + " " + after + " " + SAMPLE[cut:]
    for finder in FINDERS.values():
        _check(finder(text), text)


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=80))
def test_arbitrary_text_never_fails(text: str) -> None:
    for finder in FINDERS.values():
        _check(finder(text), text)


def test_select_prefers_earliest_then_longest() -> None:
    short = Match("a", 0, 3, "abc")
    long = Match("b", 0, 5, "abcde")
    later = Match("c", 4, 6, "ef")
    assert select([later, short, long]) == [long]
