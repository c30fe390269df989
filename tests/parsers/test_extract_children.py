from __future__ import annotations

import pytest

from privmodel.parsers.extract import find_min_age


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Our services are not directed to individuals under the age of 16.", "en"),
        ("You must be at least 16 years old.", "en"),
        ("users 16 years of age or older", "en"),
        ("We do not collect data from children under 16.", "en"),
        ("Barn under 16 år får inte använda tjänsten.", "sv"),
        ("Palvelu ei ole tarkoitettu alle 16-vuotiaille.", "fi"),
        ("Kinder unter 16 Jahren", "de"),
        ("Børn under 16 år", "da"),
        ("Barn under 16 år", "nb"),
    ],
)
def test_min_age(text: str, lang: str) -> None:
    assert [m.value for m in find_min_age(text, lang)] == [16]


@pytest.mark.parametrize(
    ("text", "lang"),
    [("Uppgifterna sparas under 2 år.", "sv"), ("We keep logs for at least 12 months.", "en")],
)
def test_retention_periods_are_not_ages(text: str, lang: str) -> None:
    assert find_min_age(text, lang) == []
