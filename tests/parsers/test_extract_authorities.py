from __future__ import annotations

import pytest

from privmodel.parsers.extract import find_authorities


@pytest.mark.parametrize(
    ("text", "lang", "country", "written"),
    [
        ("klagomål till Integritetsskyddsmyndigheten", "sv", "SE", "Integritetsskyddsmyndigheten"),
        ("klagomål till IMY", "sv", "SE", "IMY"),
        ("klagomål till Datainspektionen", "sv", "SE", "Datainspektionen"),
        ("see www.imy.se", "en", "SE", "www.imy.se"),
        ("klage til Datatilsynet", "da", "DK", "Datatilsynet"),
        ("klage til Datatilsynet", "nb", "NO", "Datatilsynet"),
        ("see datatilsynet.no", "en", "NO", "datatilsynet.no"),
        ("tietosuojavaltuutetun toimistoon", "fi", "FI", "tietosuojavaltuutetun toimistoon"),
        ("Data Protection Ombudsman", "en", "FI", "Data Protection Ombudsman"),
        ("beim BfDI", "de", "DE", "BfDI"),
        ("the ICO", "en", "GB", "ICO"),
        ("la CNIL", "en", "FR", "CNIL"),
    ],
)
def test_authorities(text: str, lang: str, country: str, written: str) -> None:
    [m] = find_authorities(text, lang)
    assert (m.value.country, m.text) == (country, written)


def test_former_name_gives_current_entry() -> None:
    [m] = find_authorities("Datainspektionen", "sv")
    assert m.value.name.startswith("Integritetsskyddsmyndigheten")
    assert "Datainspektionen" in m.value.former_names


@pytest.mark.parametrize(
    "text", ["die zuständige Datenschutzaufsichtsbehörde", "the supervisory authority"]
)
def test_generic_authority_is_no_name(text: str) -> None:
    assert find_authorities(text, "xx") == []
