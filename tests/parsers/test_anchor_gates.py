"""Gating lexicon tables by required literals never loses a match."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import SEEDS
from privmodel.parsers.extract._phrases import build_table, compile_gated, required_literals
from privmodel.parsers.lexicon import LANGUAGES, merged
from privmodel.parsers.readers import read_path

SECTIONS = ("rights", "laws", "countries", "legal_bases", "transfer_mechanisms", "regions")
TABLES = [(name, lang, build_table(merged(name, lang), str))
          for name in SECTIONS for lang in LANGUAGES]
BLOCKS = [b.text for seed in sorted(SEEDS.glob("*.txt")) for b in read_path(seed).blocks]


def _truly_matching(table_entries: tuple[tuple[str, re.Pattern[str]], ...], text: str) -> set[int]:
    return {i for i, (_, regex) in enumerate(table_entries) if regex.search(text)}


@pytest.mark.parametrize(("name", "lang", "table"), TABLES, ids=lambda x: str(x)[:20])
def test_index_keeps_every_matching_entry(name: str, lang: str, table: object) -> None:
    assert table.index is not None  # type: ignore[attr-defined]
    for text in BLOCKS:
        allowed = set(table.index.entries(text))  # type: ignore[attr-defined]
        assert _truly_matching(table.entries, text) <= allowed  # type: ignore[attr-defined]


@given(st.lists(st.sampled_from(["right of access", "GDPR", "Sverige", "the US", "artikel 6",
                                 "SCC", "utanför EU/EES", "Datenschutz", "x", " ", "\n", "ä"]),
                max_size=12))
def test_index_on_random_mixtures(parts: list[str]) -> None:
    text = " ".join(parts)
    for _, _, table in TABLES[::5]:
        allowed = set(table.index.entries(text))  # type: ignore[union-attr]
        assert _truly_matching(table.entries, text) <= allowed


@pytest.mark.parametrize(
    ("pattern", "anchors"),
    [("(?:the )?Datatilsynet", {"datatilsynet"}), ("(?:EU|EEA)", None),
     ("rätt(?:en)? till (?:tillgång|insyn)", {"tillgång", "insyn"}), ("[a-z]+", None)],
)
def test_required_literals(pattern: str, anchors: set[str] | None) -> None:
    from privmodel.parsers.extract._phrases import pattern_source

    assert required_literals(pattern_source(pattern)) == anchors


def test_gated_phrases_search_like_the_pattern() -> None:
    phrases = compile_gated(["data protection officer", "DPO"])
    for text in ("Our data protection officer", "contact the dpo", "nothing here"):
        assert bool(phrases.search(text)) == bool(phrases.regex.search(text))


def _both_ways(text: str, lang: str) -> tuple[object, object]:
    """Durations with the unit gate, and with the gate open."""
    import attrs

    from privmodel.parsers.extract.durations import _grammar, scan

    g = _grammar(lang)
    return scan(g, text), scan(attrs.evolve(g, unit_literals=None), text)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_unit_gate_keeps_every_duration(lang: str) -> None:
    from privmodel.parsers.extract.durations import _grammar

    assert _grammar(lang).unit_literals is not None  # every unit has a literal to look for
    found = 0
    for text in BLOCKS:
        gated, open_ = _both_ways(text, lang)
        assert gated == open_
        found += bool(gated)
    assert found or lang not in ("en", "sv")  # the seeds state durations in en and sv


@given(st.lists(st.sampled_from(["in 30 days", "två år", "38 MÅNADER", "zwei Jahre", "6 kk",
                                 "12 måneder", "up to", "x", " ", "-", "3", "ÅR", "Tage"]),
                max_size=10))
def test_unit_gate_on_random_mixtures(parts: list[str]) -> None:
    text = " ".join(parts)
    for lang in LANGUAGES:
        gated, open_ = _both_ways(text, lang)
        assert gated == open_


def test_shorter_literals_on_request() -> None:
    from privmodel.parsers.extract._phrases import pattern_source

    assert required_literals(pattern_source("år(?:en|s)?")) is None
    assert required_literals(pattern_source("år(?:en|s)?"), shortest=2) == {"år"}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_authority_index_keeps_every_matching_entry(lang: str) -> None:
    from privmodel.parsers.extract.authorities import _table

    table = _table(lang)
    texts = [*BLOCKS, "Kontakta Integritetsskyddsmyndigheten (IMY) eller Datainspektionen",
             "the ICO, www.tietosuoja.fi, BfDI und Datatilsynet"]
    assert any(_truly_matching(table.entries, text) for text in texts)
    for text in texts:
        assert table.index is not None
        assert _truly_matching(table.entries, text) <= set(table.index.entries(text))


@given(st.lists(st.sampled_from(["under", "the age of", "16", "13 år", "barn", "Kinder",
                                 "unter", "Jahren", "alle", "-vuotiaat", "years old", "x"]),
                max_size=10))
def test_age_gate_keeps_every_age(parts: list[str]) -> None:
    from privmodel.parsers.extract.children import _rules

    text = " ".join(parts)
    for lang in LANGUAGES:
        rules = _rules(lang)
        matches = [rx.search(text) for rx in (rules.explicit, rules.contextual) if rx]
        if any(matches):
            assert rules.gate.may_match(text)


@pytest.mark.parametrize("text", ["our ſecurity team", "SECURİTY", "securıty", "ＳＥＣＵＲＩＴＹ",
                                  "the \u212aey security"])
def test_gates_follow_case_insensitive_matching(text: str) -> None:
    phrases = compile_gated(["security", "key security"])
    assert bool(phrases.search(text)) == bool(phrases.regex.search(text))


_SCANNERS = [
    pytest.param(False, id="trigrams"),
    pytest.param(True, id="automaton", marks=pytest.mark.skipif(
        importlib.util.find_spec("ahocorasick") is None, reason="extra 'fast' not installed")),
]


@pytest.mark.parametrize("compiled", _SCANNERS)
def test_scanner_finds_exactly_the_anchors_a_substring_test_finds(compiled: bool) -> None:
    from privmodel.parsers.extract._phrases import SCANNER, AnchorScanner, fold_case

    known = sorted(SCANNER._known)
    assert len(known) > 100  # the tables above registered their anchors
    scanner = AnchorScanner(compiled=compiled)
    scanner.register(known)
    texts = [*BLOCKS, "Personuppgiftsansvarig: the controller; Datenschutzbeauftragter",
             "", "ab", known[0], " ".join(known)]
    hits = 0
    for text in texts:
        low = fold_case(text)
        expected = {anchor for anchor in known if anchor in low}
        assert scanner._scan(low) == expected
        hits += len(expected)
    assert hits > len(known)


@pytest.mark.parametrize("compiled", _SCANNERS)
@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["aab", "abaab", "baa", "dataskydd", "skydd", "data", " ",
                                 "å", "ß", "ss", "x"]), max_size=12))
def test_scanner_finds_overlapping_and_nested_anchors(compiled: bool, parts: list[str]) -> None:
    from privmodel.parsers.extract._phrases import AnchorScanner

    anchors = ["aab", "abaab", "baa", "dataskydd", "skydd", "ssx", "åss"]
    scanner = AnchorScanner(compiled=compiled)
    scanner.register(anchors[:3])
    text = "".join(parts)
    assert scanner._scan(text) == {a for a in anchors[:3] if a in text}
    scanner.register(anchors)  # registering again rebuilds the search
    assert scanner._scan(text) == {a for a in anchors if a in text}


def test_scanner_switches_search_and_keeps_its_answers(monkeypatch: pytest.MonkeyPatch) -> None:
    from privmodel.errors import MissingExtraError
    from privmodel.parsers.extract import _phrases

    scanner = _phrases.AnchorScanner(compiled=False)
    scanner.register(["dataskydd", "skydd", "encrypt"])
    text = "Dataskydd: we ENCRYPT"
    assert scanner.found(text) == {"dataskydd", "skydd", "encrypt"}
    if importlib.util.find_spec("ahocorasick") is not None:
        scanner.compiled = True
        assert scanner.found(text) == {"dataskydd", "skydd", "encrypt"}
        scanner.compiled = False
    monkeypatch.setattr(_phrases, "_ahocorasick", None)
    with pytest.raises(MissingExtraError, match=r"privmodel\[fast\]"):
        scanner.compiled = True
    assert not scanner.compiled
    assert not _phrases.AnchorScanner().compiled  # without the extra: the pure search


def test_scanner_refuses_anchors_it_could_never_find() -> None:
    from privmodel.parsers.extract._phrases import AnchorScanner

    with pytest.raises(ValueError, match="3 characters"):
        AnchorScanner().register(["ab"])


_PATTERNS = sorted({p for name in ("rights", "laws", "legal_bases", "transfer_mechanisms")
                    for lang in ("en", "sv", "de") for ps in merged(name, lang).values()
                    for p in ps})


@given(st.data())
def test_every_match_meets_its_pattern_requirement(data: st.DataObject) -> None:
    from privmodel.parsers.extract._phrases import fold_case, pattern_source, requirement

    source = pattern_source(data.draw(st.sampled_from(_PATTERNS)))
    text = data.draw(st.from_regex(re.compile(source, re.IGNORECASE), fullmatch=True))
    low = fold_case(text)
    for clause in requirement(source):
        assert any(literal in low for literal in clause), (source, text, clause)


def test_requirements_hold_every_clause() -> None:
    from privmodel.parsers.extract._phrases import pattern_source, requirement

    assert requirement(pattern_source("right (?:of|to) access")) == (
        frozenset({"right"}), frozenset({"access"}))
    assert requirement(pattern_source("(?:the )?Datatilsynet")) == (frozenset({"datatilsynet"}),)
    assert requirement(pattern_source("[a-z]+")) == ()


@pytest.mark.skipif(importlib.util.find_spec("ahocorasick") is None,
                    reason="extra 'fast' not installed")
@pytest.mark.parametrize("path", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.name[:3])
def test_both_scanners_give_the_same_policy(path: Path) -> None:
    import privmodel as pm
    from privmodel.parsers.extract._phrases import SCANNER, clear_text_caches

    before = SCANNER.compiled
    try:
        dumps = []
        for compiled in (True, False):
            SCANNER.compiled = compiled
            for parser in (None, "generic"):
                clear_text_caches()  # no answer found with the other scanner is reused
                dumps.append(pm.dump(pm.parse(path, parser=parser).policy))
    finally:
        SCANNER.compiled = before
    assert dumps[:2] == dumps[2:]
