from __future__ import annotations

import json
from pathlib import Path

import pytest

from privmodel.parsers.extract import find_emails, find_phones, find_postal_addresses, find_urls

SEEDS = Path(__file__).parents[2] / "seeds"
GOLD = Path("/work/shared/eval/gold/seeds")


def test_emails() -> None:
    text = "Write to anna.berg@example.com or (support@exempel.se)."
    assert [m.value for m in find_emails(text)] == ["anna.berg@example.com", "support@exempel.se"]


@pytest.mark.parametrize(
    "number",
    ["+46 8 657 61 00", "08-123 45 67", "010-123 45 67", "(555) 123-4567", "+358 9 1234 5678"],
)
def test_phones(number: str) -> None:
    [m] = find_phones(f"Ring oss på {number}, tack.")
    assert m.text == number


@pytest.mark.parametrize(
    "text",
    ["den 2021-10-19", "Org.nr 556881-2670", "14/04/2026", "721 37 Västerås", "01-02-2020"],
)
def test_phones_not_dates_or_numbers(text: str) -> None:
    assert find_phones(text) == []


def test_phone_value_normalises_spacing() -> None:
    [m] = find_phones("phone number + 46 8 657 61 00, email")
    assert m.value == "+46 8 657 61 00"


def test_urls_strip_trailing_punctuation() -> None:
    text = "See https://www.example.se/policy). Or www.exempel.se, or http://x.example.com/a?b=1."
    assert [m.value for m in find_urls(text)] == [
        "https://www.example.se/policy",
        "www.exempel.se",
        "http://x.example.com/a?b=1",
    ]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Exempel AB, Storgatan 12, 721 37 Västerås.", "sv", "Storgatan 12, 721 37 Västerås"),
        ("Box 8114, 104 20 Stockholm, Sweden", "en", "Box 8114, 104 20 Stockholm, Sweden"),
        ("Address: Testikatu 4 A, 02150 Espoo", "fi", "Testikatu 4 A, 02150 Espoo"),
        ("Beispiel GmbH, Musterstraße 5, 10115 Berlin", "de", "Musterstraße 5, 10115 Berlin"),
        ("Eksempelvej 3\n8000 Aarhus C", "da", "Eksempelvej 3, 8000 Aarhus C"),
    ],
)
def test_postal_addresses(text: str, lang: str, expected: str) -> None:
    [m] = find_postal_addresses(text, lang)
    assert m.value == expected


def test_postcode_and_city_alone_is_not_an_address() -> None:
    assert find_postal_addresses("Vi finns i 721 37 Västerås.", "sv") == []


@pytest.mark.skipif(not GOLD.is_dir(), reason="gold annotations not available")
@pytest.mark.parametrize("seed", sorted(p.stem for p in SEEDS.glob("*.txt")))
def test_seed_gold_emails_and_address_found(seed: str) -> None:
    text = (SEEDS / f"{seed}.txt").read_text(encoding="utf-8")
    org = json.loads((GOLD / f"{seed}.json").read_text(encoding="utf-8"))["organisation"]
    found = {m.value for m in find_emails(text)}
    assert set(org["emails"]) <= found
    if org.get("address"):
        assert org["address"] in {m.value for m in find_postal_addresses(text, "xx")}
