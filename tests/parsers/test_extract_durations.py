from __future__ import annotations

from pathlib import Path

import pytest

from privmodel.parsers.extract import DurationSpec, find_durations
from privmodel.schema.duration import Duration

SEEDS = Path(__file__).parents[2] / "seeds"
P = Duration.parse


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("kept for 30 days", "en", DurationSpec(P("P30D"))),
        ("lasts two days", "en", DurationSpec(P("P2D"))),
        ("for one year", "en", DurationSpec(P("P1Y"))),
        ("cookies last for a year", "en", DurationSpec(P("P1Y"))),
        ("for 2 weeks", "en", DurationSpec(P("P2W"))),
        ("within 24 hours", "en", DurationSpec(P("PT24H"), is_maximum=True)),
        ("up to 38 months", "en", DurationSpec(P("P38M"), is_maximum=True)),
        ("between 2 and 5 years", "en", DurationSpec(P("P5Y"), P("P2Y"), is_maximum=True)),
        ("sparas i 30 dagar", "sv", DurationSpec(P("P30D"))),
        ("arkiveras i 7 år", "sv", DurationSpec(P("P7Y"))),
        ("i två år", "sv", DurationSpec(P("P2Y"))),
        ("raderas max 2 månader efter", "sv", DurationSpec(P("P2M"), is_maximum=True)),
        ("upp till 3 år", "sv", DurationSpec(P("P3Y"), is_maximum=True)),
        ("högst 90 dagar", "sv", DurationSpec(P("P90D"), is_maximum=True)),
        ("från några dagar till 38 månader", "sv", DurationSpec(P("P38M"), None, True)),
        ("säilytetään 12 kuukautta", "fi", DurationSpec(P("P12M"))),
        ("kahden vuoden ajan", "fi", DurationSpec(P("P2Y"))),
        ("für 6 Monate", "de", DurationSpec(P("P6M"))),
        ("bis zu zwei Jahren", "de", DurationSpec(P("P2Y"), is_maximum=True)),
        ("i 3 måneder", "da", DurationSpec(P("P3M"))),
        ("i 14 dage", "da", DurationSpec(P("P14D"))),
        ("i to år", "nb", DurationSpec(P("P2Y"))),
        ("i 3 måneder", "nb", DurationSpec(P("P3M"))),
    ],
)
def test_durations(text: str, lang: str, expected: DurationSpec) -> None:
    [m] = find_durations(text, lang)
    assert m.value == expected


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("for the duration of the session", "en"),
        ("session cookies are deleted", "en"),
        ("deleted when you close your browser", "en"),
        ("Sessionscookies används", "sv"),
        ("Sitzungscookies werden gelöscht", "de"),
        ("istuntoevästeet poistetaan", "fi"),
    ],
)
def test_session(text: str, lang: str) -> None:
    [m] = find_durations(text, lang)
    assert m.value == DurationSpec(None, session=True)


@pytest.mark.parametrize("text", ["once a day", "24 hours a day, 7 days a week is 7 days"])
def test_article_alone_is_not_a_number(text: str) -> None:
    assert all(m.text[0].isdigit() for m in find_durations(text, "en"))


def test_seed_003_retention_durations_found() -> None:
    text = (SEEDS / "003_43719daa3b4cdde0.txt").read_text(encoding="utf-8")
    found = {m.value.duration for m in find_durations(text, "sv")}
    for iso in ("P30D", "P7Y", "P38M", "P90D", "P2M", "P2Y"):
        assert P(iso) in found, iso
    assert any(m.value.session for m in find_durations(text, "sv"))


def test_seed_004_cookie_durations_found() -> None:
    text = (SEEDS / "004_8abcf740f2bc6fb7.txt").read_text(encoding="utf-8")
    found = {m.value.duration for m in find_durations(text, "en")}
    assert {P("P1Y"), P("P2D"), P("P2W"), P("P1D")} <= found
