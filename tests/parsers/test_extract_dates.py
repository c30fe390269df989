from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from privmodel.parsers.extract import find_dates, find_labelled_dates

SEEDS = Path(__file__).parents[2] / "seeds"


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("on 14/04/2026.", "en", dt.date(2026, 4, 14)),
        ("den 2021-10-19", "sv", dt.date(2021, 10, 19)),
        ("den 19 oktober 2021", "sv", dt.date(2021, 10, 19)),
        ("19. lokakuuta 2021", "fi", dt.date(2021, 10, 19)),
        ("am 14. April 2026", "de", dt.date(2026, 4, 14)),
        ("on April 14, 2026", "en", dt.date(2026, 4, 14)),
        ("on 14 April 2026", "en", dt.date(2026, 4, 14)),
        ("den 1.3.2024", "da", dt.date(2024, 3, 1)),
        ("dated 04/14/2026", "en", dt.date(2026, 4, 14)),
        ("1. marts 2024", "da", dt.date(2024, 3, 1)),
        ("3. mai 2023", "nb", dt.date(2023, 5, 3)),
    ],
)
def test_find_dates(text: str, lang: str, expected: dt.date) -> None:
    [m] = find_dates(text, lang)
    assert m.value == expected


def test_ambiguous_numeric_date_is_day_first() -> None:
    [m] = find_dates("Effective 03/04/2025", "en")
    assert m.value == dt.date(2025, 4, 3)


@pytest.mark.parametrize("text", ["October 2021", "31/02/2020", "version 1.2.3", "556881-2670"])
def test_not_dates(text: str) -> None:
    assert find_dates(text, "en") == []


@pytest.mark.parametrize(
    ("text", "lang", "kind"),
    [
        ("Effective Date: 14/04/2026", "en", "effective"),
        ("This policy is effective as of 14 April 2026.", "en", "effective"),
        ("Last updated: 2026-04-14", "en", "updated"),
        ("Senast uppdaterad 2026-04-14", "sv", "updated"),
        ("Policyn gäller från den 14 april 2026", "sv", "effective"),
        ("Päivitetty 14.4.2026", "fi", "updated"),
        ("Stand: 14. April 2026", "de", "updated"),
        ("Zuletzt aktualisiert am 14.04.2026", "de", "updated"),
        ("Sidst opdateret 14. april 2026", "da", "updated"),
        ("Sist oppdatert 14. april 2026", "nb", "updated"),
    ],
)
def test_labelled_dates(text: str, lang: str, kind: str) -> None:
    [(found, m)] = find_labelled_dates(text, lang)
    assert (found, m.value) == (kind, dt.date(2026, 4, 14))


def test_label_far_from_date_is_ignored() -> None:
    text = "Last updated by our legal team after a long review of all the texts, on 2026-04-14"
    assert find_labelled_dates(text, "en") == []


def test_seed_dates() -> None:
    seed0 = (SEEDS / "000_0174999066668180.txt").read_text(encoding="utf-8")
    seed3 = (SEEDS / "003_43719daa3b4cdde0.txt").read_text(encoding="utf-8")
    assert [(k, m.value) for k, m in find_labelled_dates(seed0, "en")] == [
        ("effective", dt.date(2026, 4, 14))
    ]
    assert [(k, m.value) for k, m in find_labelled_dates(seed3, "sv")] == [
        ("updated", dt.date(2021, 10, 19))
    ]
