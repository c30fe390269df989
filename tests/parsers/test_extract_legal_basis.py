from __future__ import annotations

from pathlib import Path

import pytest

from privmodel.parsers.extract import find_legal_bases, find_legal_basis_citations
from privmodel.schema.vocab import LegalBasisCode as L

SEEDS = Path(__file__).parents[2] / "seeds"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Article 6(1)(b) GDPR", [L.CONTRACT]),
        ("Art. 6 (1) lit. f DSGVO", [L.LEGITIMATE_INTERESTS]),
        ("enligt art. 6.1 f", [L.LEGITIMATE_INTERESTS]),
        ("artikla 6(1)(a)", [L.CONSENT]),
        ("Art 9(2)(a)", [L.EXPLICIT_CONSENT]),
        ("Art. 6 Abs. 1 lit. a, b und f DSGVO", [L.CONSENT, L.CONTRACT, L.LEGITIMATE_INTERESTS]),
        ("Art. 6(1)(c) and (e)", [L.LEGAL_OBLIGATION, L.PUBLIC_TASK]),
        ("Article 6 of the GDPR", []),
    ],
)
def test_citations(text: str, expected: list[L]) -> None:
    assert [m.value for m in find_legal_basis_citations(text)] == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("We rely on your consent.", "en", L.CONSENT),
        ("necessary for the performance of a contract", "en", L.CONTRACT),
        ("our legitimate interest in security", "en", L.LEGITIMATE_INTERESTS),
        ("to comply with a legal obligation", "en", L.LEGAL_OBLIGATION),
        ("to protect vital interests", "en", L.VITAL_INTERESTS),
        ("a task carried out in the public interest", "en", L.PUBLIC_TASK),
        ("med stöd av samtycke", "sv", L.CONSENT),
        ("för att fullgöra avtal", "sv", L.CONTRACT),
        ("Rättslig grund: intresseavvägning", "sv", L.LEGITIMATE_INTERESTS),
        ("vårt berättigade intresse", "sv", L.LEGITIMATE_INTERESTS),
        ("rättslig förpliktelse", "sv", L.LEGAL_OBLIGATION),
        ("behandlingen bygger på samtykke", "da", L.CONSENT),
        ("vores legitime interesser", "da", L.LEGITIMATE_INTERESTS),
        ("rettslig forpliktelse", "nb", L.LEGAL_OBLIGATION),
        ("oikeutetun edun perusteella", "fi", L.LEGITIMATE_INTERESTS),
        ("suostumuksesi perusteella", "fi", L.CONSENT),
        ("auf Grundlage Ihrer Einwilligung", "de", L.CONSENT),
        ("unser berechtigtes Interesse", "de", L.LEGITIMATE_INTERESTS),
    ],
)
def test_words(text: str, lang: str, expected: L) -> None:
    assert [m.value for m in find_legal_bases(text, lang)] == [expected]


def test_explicit_consent_wins_over_consent() -> None:
    [m] = find_legal_bases("with your explicit consent", "en")
    assert m.value is L.EXPLICIT_CONSENT


def test_seed_003_words_map_to_a_b_c_f() -> None:
    text = (SEEDS / "003_43719daa3b4cdde0.txt").read_text(encoding="utf-8")
    letters = {m.value.article.split("-")[-1] for m in find_legal_bases(text, "sv")}
    assert letters == {"a", "b", "c", "f"}


def test_seed_002_citations() -> None:
    text = (SEEDS / "002_c51dd1408b21365f.txt").read_text(encoding="utf-8")
    assert {m.value for m in find_legal_basis_citations(text)} == {L.CONSENT, L.CONTRACT}
