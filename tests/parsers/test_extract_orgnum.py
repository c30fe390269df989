from __future__ import annotations

import pytest

from privmodel.parsers.extract import OrgNumber, find_org_numbers


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Exempel AB, 556881-2670, Storgatan 1", OrgNumber("556881-2670", "SE")),
        ("Org.nr: 5568812670", OrgNumber("5568812670", "SE")),
        ("Testi Oy, 3492914-1", OrgNumber("3492914-1", "FI")),
        ("Business ID 1234567-0", OrgNumber("1234567-0", "FI")),
        ("org.nr 923 609 016", OrgNumber("923609016", "NO")),
        ("CVR-nr. 12 34 56 78", OrgNumber("12345678", "DK")),
        ("Amtsgericht Berlin, HRB 12345 B", OrgNumber("HRB 12345", "DE")),
    ],
)
def test_org_numbers(text: str, expected: OrgNumber) -> None:
    [m] = find_org_numbers(text)
    assert m.value == expected
    assert text[m.start : m.end] == m.text


@pytest.mark.parametrize(
    "text",
    ["556881-2671", "personnummer 900101-1234", "1234567-0 without keyword", "tel 08-123 45 67"],
)
def test_invalid_or_unrelated_numbers_ignored(text: str) -> None:
    assert find_org_numbers(text) == []
