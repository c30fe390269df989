"""The Bluescreen parser: detection, key facts, exact evidence, and edits of the text."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from privmodel.parsers.readers import read_path, read_text
from privmodel.parsers.seeds.bluescreen import BluescreenParser
from privmodel.schema import Duration, PartyRole, Policy, Presence, RetentionKind

SEEDS = Path(__file__).parents[3] / "seeds"
SEED = next(SEEDS.glob("003_*.txt"))
OTHERS = sorted(p for p in SEEDS.glob("*.txt") if p != SEED)
PARSER = BluescreenParser()


def parse_text(text: str) -> Policy:
    doc = read_text(text, media_type="text/plain")
    assert PARSER.detect(doc) >= 0.8
    return PARSER.parse(doc).policy


@pytest.fixture(scope="module")
def text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def policy() -> Policy:
    return PARSER.parse(read_path(SEED)).policy


def test_detect_high_for_its_seed() -> None:
    assert PARSER.detect(read_path(SEED)) >= 0.85


@pytest.mark.parametrize("path", OTHERS, ids=lambda p: p.name[:3])
def test_detect_low_for_other_seeds(path: Path) -> None:
    assert PARSER.detect(read_path(path)) < 0.3


def test_publisher_and_roles(policy: Policy) -> None:
    org = policy.publisher
    assert org is not None
    assert org.name == "Bluescreen AB"
    assert org.org_number == "556881-2670"
    assert org.emails == ("info@bluescreen.se",)
    assert {r.role for r in org.roles} == {PartyRole.CONTROLLER, PartyRole.PROCESSOR}
    assert policy.last_updated is not None
    assert policy.last_updated.value == dt.date(2021, 10, 19)


def test_categories_and_activities(policy: Policy) -> None:
    processor = {s.label for s in policy.data_subjects if s.role is PartyRole.PROCESSOR}
    assert "Kunders samarbetspartners" in processor
    labels = {d.label for d in policy.data_categories}
    assert {"Person- och kontaktinformation", "Inloggningsuppgifter", "Övrigt"} <= labels
    login = next(d for d in policy.data_categories if d.label == "Inloggningsuppgifter")
    assert "lösenord" in login.examples
    assert len(policy.activities) == 22
    assert all(not a.derived and a.subject_ids and a.purpose_ids for a in policy.activities)
    assert "Ta emot order" in {p.label for p in policy.purposes}


def test_parties_transfers_retention(policy: Policy) -> None:
    named = {p.name for p in (*policy.processors, *policy.controllers)}
    assert {"Dropbox", "Google Analytics", "Hotjar", "TeamViewer", "Mobilt BankID"} <= named
    assert "Hostingleverantör" in {r.name for r in policy.recipients}
    assert [m.value for t in policy.transfers for m in t.mechanisms] == ["scc"]
    durations = {r.duration for r in policy.retention_rules if r.duration is not None}
    assert {Duration.parse(x) for x in ("P30D", "P7Y", "P38M", "P90D", "P2M", "P2Y")} <= durations
    bookkeeping = next(r for r in policy.retention_rules if r.law is not None)
    assert bookkeeping.kind is RetentionKind.LEGAL_REQUIREMENT
    assert policy.supervisory_authorities[0].former_names == ("Datainspektionen",)
    assert policy.declarations.sale_of_personal_data.presence is Presence.NONE


def test_evidence_quotes_source(policy: Policy, text: str) -> None:
    count = 0
    for _, fact in policy.facts():
        for ev in fact.evidence:
            assert text[ev.start:ev.end] == ev.quote
            count += 1
    assert count > 100


def test_edit_rename_company(text: str) -> None:
    policy = parse_text(text.replace("Bluescreen AB", "Greenscreen AB"))
    assert policy.publisher is not None
    assert policy.publisher.name == "Greenscreen AB"


def test_edit_change_retention(text: str) -> None:
    edited = text.replace("maximalt i 90 dagar", "maximalt i 60 dagar")
    durations = {r.duration for r in parse_text(edited).retention_rules}
    assert Duration.parse("P60D") in durations
    assert Duration.parse("P90D") not in durations


def test_edit_change_date(text: str) -> None:
    policy = parse_text(text.replace("19 oktober 2021", "3 mars 2024"))
    assert policy.last_updated is not None
    assert policy.last_updated.value == dt.date(2024, 3, 3)


def test_edit_add_and_remove_list_items(text: str) -> None:
    edited = text.replace("  • Lönehantering\n", "  • Lönehantering\n  • Revisorer\n")
    edited = edited.replace("  • Hostingleverantör\n", "")
    names = {r.name for r in parse_text(edited).recipients}
    assert "Revisorer" in names
    assert "Hostingleverantör" not in names


def test_edit_add_activity_purpose(text: str) -> None:
    edited = text.replace("Bistå med support • ", "Bistå med support • Skicka nyhetsbrev • ")
    assert "Skicka nyhetsbrev" in {p.label for p in parse_text(edited).purposes}


def test_edit_drop_section(text: str) -> None:
    start = text.index("KATEGORIER AV REGISTRERADE\nArbetssökande")
    end = text.index("KATEGORIER AV REGISTRERADE", start + 10)
    policy = parse_text(text[:start] + text[end:])
    assert len(policy.activities) == 21
    assert "Arbetssökande" not in {s.label for s in policy.data_subjects}
    assert Duration.parse("P2Y") not in {r.duration for r in policy.retention_rules}
