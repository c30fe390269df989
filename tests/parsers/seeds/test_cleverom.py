"""The Cleverom parser: detection, key facts, exact evidence, and edits of the policy text."""

from __future__ import annotations

from pathlib import Path

import pytest

from privmodel.parsers.document import Document
from privmodel.parsers.readers import read_path, read_text
from privmodel.parsers.seeds.cleverom import CleveromParser
from privmodel.schema import PartyKind, PartyRole, Policy, Presence, RightCode

SEEDS = Path(__file__).parents[3] / "seeds"
SEED = SEEDS / "001_200bbe8606d8f858.txt"
OTHERS = sorted(p for p in SEEDS.glob("*.txt") if p != SEED)
PARSER = CleveromParser()


@pytest.fixture(scope="module")
def text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def policy() -> Policy:
    return PARSER.parse(read_path(SEED)).policy


def parse_text(text: str) -> tuple[Document, Policy]:
    document = read_text(text, media_type="text/plain")
    assert PARSER.detect(document) >= 0.5
    return document, PARSER.parse(document).policy


def edited(text: str, old: str, new: str) -> Policy:
    assert old in text
    return parse_text(text.replace(old, new))[1]


def labels(items: tuple[object, ...]) -> list[str]:
    return [str(getattr(item, "label", None) or getattr(item, "name", "")) for item in items]


# detection ----------------------------------------------------------------------------------
def test_detects_its_seed() -> None:
    assert PARSER.detect(read_path(SEED)) >= 0.85


@pytest.mark.parametrize("path", OTHERS, ids=lambda p: p.name[:3])
def test_rejects_the_other_seeds(path: Path) -> None:
    assert PARSER.detect(read_path(path)) < 0.3


def test_rejects_an_unrelated_policy() -> None:
    snippet = (
        "Privacy Policy\n\nInformation We Collect\n\nWe collect your name and email.\n\n"
        "Your Rights\n\nYou may ask for access to your data.\n\nData Security\n\n"
        "We use encryption.\n\nChildren's Privacy\n\nWe do not serve children under 13.\n"
    )
    assert PARSER.detect(read_text(snippet, media_type="text/plain")) < 0.3


# key facts ----------------------------------------------------------------------------------
def test_publisher(policy: Policy) -> None:
    org = policy.publisher
    assert org is not None
    assert org.name == "Cleverom Oy"
    assert org.org_number == "3492914-1"
    assert org.emails == ("juuso.rantala@cleverom.com",)
    assert org.address is not None
    assert org.address.startswith("Tekniikantie 4 A")
    assert {r.role for r in org.roles} == {PartyRole.CONTROLLER, PartyRole.PROCESSOR}
    scopes = {r.role: r.scope or "" for r in org.roles}
    assert "customer organizations" in scopes[PartyRole.CONTROLLER]
    assert "input, upload, or generate" in scopes[PartyRole.PROCESSOR]


def test_subjects_data_and_purposes(policy: Policy) -> None:
    controller = [s.label for s in policy.data_subjects if s.role is PartyRole.CONTROLLER]
    assert controller == ["customer organizations", "registered users"]
    data = [d for d in policy.data_categories if d.role is PartyRole.CONTROLLER]
    assert [d.label for d in data][:2] == ["User and contact information", "Account details"]
    assert len(data) == 7
    assert data[0].examples == ("name", "email address", "phone number")
    assert any(d.role is PartyRole.PROCESSOR for d in policy.data_categories)
    assert labels(policy.purposes) == [
        "facilitate the use of the Cleverom application",
        "marketing, sales, and promotional activities",
        "develop and enhance the Cleverom application and customer service",
        "process transactions and fulfill contractual obligations",
        "customer communication and support",
    ]


def test_bases_rights_and_laws(policy: Policy) -> None:
    assert {b.code.article for b in policy.legal_bases} == {"6-1-a", "6-1-b", "6-1-c", "6-1-f"}
    codes = {r.code for r in policy.rights}
    assert {RightCode.ACCESS, RightCode.ERASURE, RightCode.PORTABILITY, RightCode.OBJECT,
            RightCode.KNOW, RightCode.OPT_OUT_SALE, RightCode.OPT_OUT_PROFILING,
            RightCode.OPT_OUT_TARGETED_ADVERTISING} <= codes
    assert all(r.how_to_exercise for r in policy.rights)
    assert {law.name for law in policy.laws} >= {"GDPR", "UK GDPR", "CCPA", "VCDPA"}


def test_parties_transfers_security_children(policy: Policy) -> None:
    assert [(p.name, p.kind) for p in policy.processors] == [("Amazon AWS", PartyKind.NAMED)]
    assert len(policy.recipients) == 3
    assert policy.declarations.transfers_outside_eea.presence is Presence.NONE
    assert policy.transfers == ()
    assert len(policy.security_measures) == 10
    assert "Access Control" in labels(policy.security_measures)
    assert policy.children is not None
    assert policy.children.min_age == 16
    assert policy.dpo is None
    assert policy.retention_rules == ()
    assert policy.declarations.sale_of_personal_data.presence is Presence.NOT_STATED


def test_evidence_quotes_the_source(policy: Policy) -> None:
    source = read_path(SEED).source
    facts = list(policy.facts())
    assert facts
    for _, fact in facts:
        for ev in fact.evidence:
            assert source[ev.start:ev.end] == ev.quote
    assert policy.publisher is not None
    for claim in policy.publisher.roles:
        for ev in claim.evidence:
            assert source[ev.start:ev.end] == ev.quote


# edits --------------------------------------------------------------------------------------
def test_edit_rename_company(text: str) -> None:
    policy = edited(text, "Cleverom", "Brightwave")
    assert policy.publisher is not None
    assert policy.publisher.name == "Brightwave Oy"
    assert {r.role for r in policy.publisher.roles} == {PartyRole.CONTROLLER, PartyRole.PROCESSOR}
    assert "facilitate the use of the Brightwave application" in labels(policy.purposes)


def test_edit_add_data_category(text: str) -> None:
    line = "  • Device information (e.g., hardware model, operating system)\n"
    policy = edited(text, line, line + "  • Location data (e.g., IP address, city)\n")
    added = [d for d in policy.data_categories if d.label == "Location data"]
    assert len(added) == 1
    assert added[0].examples == ("IP address", "city")


def test_edit_remove_purpose(text: str) -> None:
    policy = edited(text, "  • For marketing, sales, and promotional activities\n", "")
    assert "marketing, sales, and promotional activities" not in labels(policy.purposes)
    assert len(policy.purposes) == 4


def test_edit_drop_security_section(text: str) -> None:
    start, end = text.index("Data Security\n"), text.index("International Data Transfers\n")
    policy = parse_text(text[:start] + text[end:])[1]
    assert policy.security_measures == ()
    assert policy.processors == ()
    assert policy.declarations.transfers_outside_eea.presence is Presence.NONE


def test_edit_drop_transfers_section(text: str) -> None:
    start, end = text.index("International Data Transfers\n"), text.index("Children’s Privacy")
    policy = parse_text(text[:start] + text[end:])[1]
    assert policy.declarations.transfers_outside_eea.presence is Presence.NOT_STATED


def test_edit_change_minimum_age(text: str) -> None:
    policy = edited(text, "under the age of 16", "under the age of 13")
    assert policy.children is not None
    assert policy.children.min_age == 13


def test_edit_change_email_and_address(text: str) -> None:
    policy = edited(text, "juuso.rantala@cleverom.com", "privacy@cleverom.com")
    assert policy.publisher is not None
    assert policy.publisher.emails == ("privacy@cleverom.com",)


def test_edit_add_security_measure(text: str) -> None:
    old = "Detailed information on our platforms"
    policy = edited(text, old, "We take encrypted backups of all data every night. " + old)
    assert any("backups" in m.label for m in policy.security_measures)
    assert len(policy.security_measures) == 11


def test_edit_real_heading_for_purposes(text: str) -> None:
    old = "  • How We Use Your Information\n  • We use"
    policy = edited(text, old, "\nHow We Use Your Information\n\nWe use")
    assert len(policy.purposes) == 5
    assert len([d for d in policy.data_categories if d.role is PartyRole.CONTROLLER]) == 7
