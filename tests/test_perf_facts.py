"""The cheap tests in front of the retention, rights, transfers and legal-basis readers never
turn away a text that the full patterns would read."""

from __future__ import annotations

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import SEEDS
from privmodel.parsers.base import PolicyBuilder
from privmodel.parsers.extract import (
    find_durations,
    find_eea_only,
    find_laws,
    find_rights,
    find_transfer_mechanisms,
)
from privmodel.parsers.extract.durations import _grammar, may_state_duration, scan
from privmodel.parsers.extract.laws import _table as law_table
from privmodel.parsers.extract.legal_basis import _CITATION, may_cite
from privmodel.parsers.generic import bases, basis_mentions, rights, transfers
from privmodel.parsers.generic.phrases import phrase_regex
from privmodel.parsers.generic.prose import sentences
from privmodel.parsers.generic.retention import collect_retention
from privmodel.parsers.lexicon import LANGUAGES
from privmodel.parsers.readers import read_bytes, read_path

BLOCKS = [b.text for seed in sorted(SEEDS.glob("*.txt")) for b in read_path(seed).blocks]

_DURATION_PARTS = [
    "30 days", "två år", "vår", "får", "tvååren", "38 MÅNADER", "30 - dagar", "12-mnd.",
    "zwei Jahre", "DREIẞIG Tage", "6 kk", "kolme vuotta", "12 måneder", "et år", "up to",
    "a hundred days", "forty-five\nminutes", "30 calendar days", "3 mos.", "session cookies",
    "\u0663\u0660 days", "İ", "ı", "today", "more", "x", " ", "-", "\n", "3", "ÅR", "Tage",
    "fem", "till", "an hour", "for a year", "until you close your browser",
]


def _open_grammar(lang: str) -> object:
    return attrs.evolve(_grammar(lang), unit_literals=None)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_number_and_unit_test_keeps_every_duration_of_two_parts(lang: str) -> None:
    for a in _DURATION_PARTS:
        for b in _DURATION_PARTS:
            text = f"{a} {b}"
            assert scan(_grammar(lang), text) == scan(_open_grammar(lang), text)  # type: ignore[arg-type]


@given(st.lists(st.sampled_from(_DURATION_PARTS), max_size=10), st.sampled_from(["", " ", "."]))
def test_number_and_unit_test_keeps_every_duration(parts: list[str], sep: str) -> None:
    text = sep.join(parts)
    for lang in LANGUAGES:
        assert scan(_grammar(lang), text) == scan(_open_grammar(lang), text)  # type: ignore[arg-type]


@given(st.lists(st.sampled_from(_DURATION_PARTS), max_size=10), st.data())
def test_may_state_duration_of_a_part(parts: list[str], data: st.DataObject) -> None:
    text = " ".join(parts)
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    for lang in LANGUAGES:
        if find_durations(text[start:end], lang):
            assert may_state_duration(text, lang, start, end)
        if find_durations(text, lang):
            assert may_state_duration(text, lang)


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_may_state_duration_of_each_sentence(lang: str) -> None:
    stated = 0
    for text in BLOCKS:
        for s, e in sentences(text):
            if find_durations(text[s:e], lang):
                stated += 1
                assert may_state_duration(text, lang, s, e)
    assert stated


_CITATION_PARTS = ["Art. 6", "Artikel 9", "ART.6", "artt. 6", "article\n6", "art 6(1)(a)",
                   "Art. 6 Abs. 1 S. 1 lit. a DSGVO", "Part 6", "art", "6", "9", "(1)", " "]


@given(st.lists(st.sampled_from(_CITATION_PARTS), max_size=8))
def test_may_cite_keeps_every_citation(parts: list[str]) -> None:
    text = "".join(parts)
    if _CITATION.search(text) or basis_mentions._SATZ.search(text):
        assert may_cite(text)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_laws_gate_keeps_every_law(lang: str) -> None:
    table = law_table(lang)
    for text in [*BLOCKS, "GDPR", "the Bokföringslagen (1999:1078)", "DSGVO", "CCPA/CPRA"]:
        assert find_laws(text, lang) == table.find(text)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_rights_gates_keep_every_wording(lang: str) -> None:
    texts = [*BLOCKS, "You have the right of access", "die Rechte aus den Artikeln 15, 16 DSGVO",
             "rätt till radering", "Rights under Art. 15-22 GDPR"]
    for text in texts:
        if not rights._block_gate(lang).may_match(text):
            assert not find_rights(text, lang)
            for name in rights._TABLES:
                assert not rights._table(name, lang).candidates(text)
            assert not rights._article_list(lang).search(text)
        if not rights._may_cite(text, lang):
            assert not rights._article_list(lang).search(text)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_transfers_gate_keeps_every_block_that_counts(lang: str) -> None:
    consent = transfers._lexicon("transfer_consent", lang)
    texts = [*BLOCKS, "Standard Contractual Clauses with your explicit consent",
             "We do not transfer your data outside the EEA", "lagras inom EU"]
    for text in texts:
        if not transfers._may_count(lang).may_match(text):
            assert not find_eea_only(text, lang)
            assert not [m for m in find_transfer_mechanisms(text, lang)
                        if m.value in transfers._STRONG]
            assert not consent.regex.search(text)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_bases_gate_keeps_every_word_and_obligation(lang: str) -> None:
    obligation = basis_mentions._obligation_gate(lang)
    basis = phrase_regex("basis_words", lang)
    texts = [*BLOCKS, "based on your consent", "to comply with a legal obligation",
             "enligt bokföringslagen"]
    for text in texts:
        if not bases._words_gate(lang).may_match(text):
            assert not basis.search(text)
            assert not obligation.may_match(text)


def test_retention_reads_periods_outside_its_sections() -> None:
    doc = read_bytes(b"# Security\n\nBackups are kept for 90 days.\n\nWe use a firewall.\n",
                     path="p.md")
    b = PolicyBuilder(doc, "generic")
    collect_retention(b, [], "en", doc.blocks)
    found = b.items("retention_rules")
    assert len(found) == 1
    assert "90 days" in found[0].evidence[0].quote
