from __future__ import annotations

from pathlib import Path

import pytest

from privmodel.parsers.extract import (
    find_countries,
    find_eea_only,
    find_regions,
    find_transfer_mechanisms,
)
from privmodel.schema.vocab import TransferMechanism as T

SEEDS = Path(__file__).parents[2] / "seeds"


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("on the basis of standard contractual clauses", "en", T.SCC),
        ("we use SCCs", "en", T.SCC),
        ("genom standardavtalsklausuler", "sv", T.SCC),
        ("auf Grundlage der Standardvertragsklauseln", "de", T.SCC),
        ("vakiosopimuslausekkeiden avulla", "fi", T.SCC),
        ("binding corporate rules", "en", T.BCR),
        ("an adequacy decision", "en", T.ADEQUACY),
        ("ett adekvansbeslut", "sv", T.ADEQUACY),
        ("Angemessenheitsbeschluss", "de", T.ADEQUACY),
        ("the EU-U.S. Data Privacy Framework", "en", T.DPF),
        ("certified under the Privacy Shield", "en", T.PRIVACY_SHIELD),
        ("Safe Harbor", "en", T.SAFE_HARBOR),
        ("supplementary measures", "en", T.SUPPLEMENTARY_MEASURES),
    ],
)
def test_mechanisms(text: str, lang: str, expected: T) -> None:
    assert [m.value for m in find_transfer_mechanisms(text, lang)] == [expected]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("servers in the United States and the U.S.", "en", ["US", "US"]),
        ("i USA och Storbritannien", "sv", ["US", "GB"]),
        ("Yhdysvaltoihin ja Ruotsiin", "fi", ["US", "SE"]),
        ("in die Vereinigten Staaten", "de", ["US"]),
        ("i Sverige", "sv", ["SE"]),
        ("we help us grow", "en", []),
    ],
)
def test_countries(text: str, lang: str, expected: list[str]) -> None:
    assert [m.value for m in find_countries(text, lang)] == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("transferred outside the EU/EEA", "en", "outside EU/EEA"),
        ("to third countries", "en", "third countries"),
        ("in countries outside your jurisdiction", "en", "outside jurisdiction"),
        ("till tredje land", "sv", "third countries"),
        ("utanför EU/EES", "sv", "outside EU/EEA"),
        ("in Drittländer", "de", "third countries"),
        ("kolmansiin maihin", "fi", "third countries"),
    ],
)
def test_regions(text: str, lang: str, expected: str) -> None:
    assert [m.value for m in find_regions(text, lang)] == [expected]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("We do not transfer personal data outside the EU/EEA.", "en"),
        ("All data is stored within the EU.", "en"),
        ("Vi överför inte dina personuppgifter utanför EU/EES.", "sv"),
        ("Uppgifterna lagras inom EU.", "sv"),
    ],
)
def test_eea_only(text: str, lang: str) -> None:
    assert [m.value for m in find_eea_only(text, lang)] == [True]


def test_transfer_statement_is_not_eea_only() -> None:
    assert find_eea_only("Data may be transferred outside the EEA.", "en") == []


def test_seed_002_dpf_and_measures() -> None:
    text = (SEEDS / "002_c51dd1408b21365f.txt").read_text(encoding="utf-8")
    assert {m.value for m in find_transfer_mechanisms(text, "en")} == {
        T.DPF,
        T.SUPPLEMENTARY_MEASURES,
    }
    assert "US" in {m.value for m in find_countries(text, "en")}
