from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from privmodel.schema import Duration, RetentionKind, RetentionRule
from strategies import durations


@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        ("P30D", "P30D"),
        ("P2M", "P2M"),
        ("P7Y", "P7Y"),
        ("P2W", "P2W"),
        ("P14D", "P2W"),
        ("P12M", "P1Y"),
        ("P18M", "P18M"),
        ("P1Y6M", "P18M"),
        ("P38M", "P38M"),
        ("PT24H", "P1D"),
        ("PT10M", "PT10M"),
        ("p1y", "P1Y"),
        ("P1DT12H", "P1DT12H"),
    ],
)
def test_parse_and_print(text: str, canonical: str) -> None:
    assert Duration.parse(text).isoformat() == canonical


@pytest.mark.parametrize("bad", ["", "P", "30D", "P1.5Y", "PT", "P-1D", "P3Q", "1 year"])
def test_rejects_non_iso(bad: str) -> None:
    with pytest.raises(ValueError, match="ISO 8601"):
        Duration.parse(bad)


def test_equal_across_units() -> None:
    assert Duration.parse("P12M") == Duration.parse("P1Y")
    assert Duration.parse("P1W") == Duration.parse("P7D")
    assert hash(Duration.parse("P12M")) == hash(Duration.parse("P1Y"))
    assert Duration.parse("P1M") != Duration.parse("P30D")


def test_ordering_uses_calendar_lengths() -> None:
    assert Duration.parse("P30D") < Duration.parse("P1M") < Duration.parse("P31D")
    assert Duration.parse("P2W") < Duration.parse("P1M") < Duration.parse("P1Y")
    assert max(Duration.parse(x) for x in ("P38M", "P3Y", "P1200D")) == Duration.parse("P1200D")


@given(durations)
def test_round_trip_text(d: Duration) -> None:
    assert Duration.parse(d.isoformat()) == d
    assert Duration.parse(d.isoformat()).isoformat() == d.isoformat()


@given(st.integers(0, 500), st.integers(0, 500))
def test_order_consistent_with_days(a: int, b: int) -> None:
    da, db = Duration.of(days=a), Duration.of(days=b)
    assert (da < db) == (a < b)
    assert (da == db) == (a == b)


def test_retention_rule_holds_bound_and_start_event() -> None:
    rule = RetentionRule(
        applies_to="Google Analytics data",
        kind=RetentionKind.FIXED,
        duration="P38M",
        duration_is_maximum=True,
        minimum="P2D",
        runs_from="after recording",
    )
    assert rule.duration == Duration.parse("P38M")
    assert rule.model_dump(mode="json")["duration"] == "P38M"
    assert rule.runs_from == "after recording"


def test_retention_rule_rejects_inverted_range() -> None:
    with pytest.raises(ValueError, match="minimum P1Y exceeds duration P2M"):
        RetentionRule(applies_to="x", kind="fixed", duration="P2M", minimum="P1Y")


def test_fixed_rule_needs_a_duration() -> None:
    with pytest.raises(ValueError, match="needs a duration"):
        RetentionRule(applies_to="x", kind="fixed")
