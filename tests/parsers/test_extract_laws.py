from __future__ import annotations

import pytest

from privmodel.parsers.extract import find_laws


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("the General Data Protection Regulation (GDPR)", "en", ["GDPR", "GDPR"]),
        ("enligt dataskyddsförordningen", "sv", ["GDPR"]),
        ("EU:s dataskyddsförordning", "sv", ["GDPR"]),
        ("gemäß DSGVO und BDSG", "de", ["GDPR", "BDSG"]),
        ("tietosuoja-asetuksen mukaisesti", "fi", ["GDPR"]),
        ("databeskyttelsesforordningen", "da", ["GDPR"]),
        ("personvernforordningen", "nb", ["GDPR"]),
        ("UK GDPR and Data Protection Act 2018", "en", ["UK GDPR", "Data Protection Act 2018"]),
        ("(CCPA/CPRA)", "en", ["CCPA", "CPRA"]),
        ("Virginia Consumer Data Protection Act", "en", ["VCDPA"]),
        ("i 7 år enligt bokföringslagen", "sv", ["Bokföringslagen"]),
        ("personuppgiftslagen (PUL)", "sv", ["PUL", "PUL"]),
        ("lagen om elektronisk kommunikation", "sv", ["LEK"]),
        ("dataskyddslagen", "sv", ["Dataskyddslagen"]),
        ("tietosuojalain mukaan", "fi", ["Tietosuojalaki"]),
        ("databeskyttelsesloven", "da", ["Databeskyttelsesloven"]),
        ("personopplysningsloven", "nb", ["Personopplysningsloven"]),
        ("TTDSG", "de", ["TTDSG"]),
        ("COPPA", "en", ["COPPA"]),
        ("the ePrivacy Directive", "en", ["ePrivacy"]),
    ],
)
def test_laws(text: str, lang: str, expected: list[str]) -> None:
    assert [m.value for m in find_laws(text, lang)] == expected
