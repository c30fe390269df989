from __future__ import annotations

import json
from pathlib import Path

import pytest

from privmodel.parsers.extract import find_rights
from privmodel.schema.vocab import RightCode as R

SEEDS = Path(__file__).parents[2] / "seeds"
GOLD = Path("/work/shared/eval/gold/seeds")


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("You have the right of access.", "en", R.ACCESS),
        ("You may request access to your data.", "en", R.ACCESS),
        ("You can correct inaccurate data.", "en", R.RECTIFICATION),
        ("the right to be forgotten", "en", R.ERASURE),
        ("You may request deletion of your data.", "en", R.ERASURE),
        ("right to data portability", "en", R.PORTABILITY),
        ("you may withdraw your consent", "en", R.WITHDRAW_CONSENT),
        ("You may lodge a complaint with us.", "en", R.COMPLAINT),
        ("the right to object to direct marketing", "en", R.OPT_OUT_MARKETING),
        ("no automated decision-making", "en", R.AUTOMATED_DECISION),
        ("the right to know", "en", R.KNOW),
        ("opt-out of the sale", "en", R.OPT_OUT_SALE),
        ("you will not be discriminated against", "en", R.NON_DISCRIMINATION),
        ("Du har rätt till tillgång.", "sv", R.ACCESS),
        ("Begär ett registerutdrag.", "sv", R.ACCESS),
        ("rätt att få information", "sv", R.INFORMATION),
        ("begär rättelse", "sv", R.RECTIFICATION),
        ("rätten att bli bortglömd", "sv", R.ERASURE),
        ("begränsning av behandling", "sv", R.RESTRICTION),
        ("återkalla ditt samtycke", "sv", R.WITHDRAW_CONSENT),
        ("lämna in ett klagomål", "sv", R.COMPLAINT),
        ("Recht auf Auskunft", "de", R.ACCESS),
        ("Recht auf Datenübertragbarkeit", "de", R.PORTABILITY),
        ("oikeus tarkastaa tietonsa", "fi", R.ACCESS),
        ("oikeus vastustaa", "fi", R.OBJECT),
        ("ret til indsigt", "da", R.ACCESS),
        ("ret til sletning", "da", R.ERASURE),
        ("rett til innsyn", "nb", R.ACCESS),
        ("rett til retting", "nb", R.RECTIFICATION),
    ],
)
def test_rights(text: str, lang: str, expected: R) -> None:
    assert expected in [m.value for m in find_rights(text, lang)]


@pytest.mark.skipif(not GOLD.is_dir(), reason="gold annotations not available")
@pytest.mark.parametrize("seed", sorted(p.stem for p in SEEDS.glob("*.txt")))
def test_seed_gold_rights_mostly_found(seed: str) -> None:
    text = (SEEDS / f"{seed}.txt").read_text(encoding="utf-8")
    gold = set(json.loads((GOLD / f"{seed}.json").read_text(encoding="utf-8"))["rights"])
    found = {m.value.value for m in find_rights(text, "sv" if seed.startswith("003") else "en")}
    # seed 003 lists "information" as a bare bullet word; that is left to the parser
    assert gold - found <= {"information"}
