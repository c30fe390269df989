"""The bluecromos parser: detection, key facts, exact evidence, and edits of the text."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from privmodel.parsers.readers import read_path, read_text
from privmodel.parsers.seeds.bluecromos import BlueCromosParser
from privmodel.schema import (
    DataConcept,
    PartyKind,
    PartyRole,
    Policy,
    Presence,
    RetentionKind,
    RightCode,
    TransferMechanism,
)

SEEDS = Path(__file__).parents[3] / "seeds"
SEED = SEEDS / "000_0174999066668180.txt"
OTHERS = sorted(p for p in SEEDS.glob("*.txt") if p != SEED)


@pytest.fixture(scope="module")
def text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def policy() -> Policy:
    return BlueCromosParser().parse(read_path(SEED)).policy


def parse_text(source: str) -> Policy:
    document = read_text(source, media_type="text/plain")
    parser = BlueCromosParser()
    assert parser.detect(document) >= 0.7
    return parser.parse(document).policy


# detection ---------------------------------------------------------------------------
def test_detects_its_seed() -> None:
    assert BlueCromosParser().detect(read_path(SEED)) >= 0.85


@pytest.mark.parametrize("path", OTHERS, ids=lambda p: p.name[:3])
def test_rejects_other_seeds(path: Path) -> None:
    assert BlueCromosParser().detect(read_path(path)) < 0.3


def test_rejects_unrelated_policy() -> None:
    unrelated = (
        "Privacy notice\n1. Who we are\nExample Shop Ltd sells shoes.\n"
        "2. Data Retention\nWe keep orders for 7 years.\n3. Your rights\n"
        "You have the right to access your personal data.\n"
    )
    assert BlueCromosParser().detect(read_text(unrelated, media_type="text/plain")) < 0.3


# key facts ---------------------------------------------------------------------------
def test_publisher_and_roles(policy: Policy) -> None:
    org = policy.publisher
    assert org is not None
    assert org.name == "Blue Cromos AB"
    assert org.emails == ("support@bluecromos.se",)
    assert org.org_number is None
    assert [r.role for r in org.roles] == [PartyRole.PROCESSOR]
    assert org.roles[0].scope == "processing data on behalf of its customers"
    assert [(c.name, c.kind) for c in policy.controllers] == [("customers", PartyKind.CATEGORY)]


def test_dates(policy: Policy) -> None:
    assert policy.effective_date is not None
    assert policy.effective_date.value == dt.date(2026, 4, 14)
    assert policy.last_updated is None


def test_subjects_data_and_purposes(policy: Policy) -> None:
    assert [(s.label, s.role) for s in policy.data_subjects] == [
        ("end user of one of our customers", PartyRole.PROCESSOR)
    ]
    labels = [d.label for d in policy.data_categories]
    assert labels == [
        "Contact Information", "Device Information", "Usage Data", "Location Data",
        "Image Data", "Metadata",
    ]
    contact = policy.data_categories[0]
    assert contact.examples == ("email address", "phone number")
    assert contact.concept is DataConcept.CONTACT
    assert contact.role is PartyRole.PROCESSOR
    assert policy.data_categories[3].examples == ()
    assert [p.label for p in policy.purposes] == [
        "Provide and operate the platform", "Process images using AI/CV systems",
        "Maintain and improve service performance", "Ensure security and prevent misuse",
        "Comply with legal obligations",
    ]
    [basis] = policy.legal_bases
    assert basis.purpose_ids == (policy.purposes[4].id,)


def test_recipients_and_declarations(policy: Policy) -> None:
    names = [r.name for r in policy.recipients]
    assert names == [
        "Cloud infrastructure providers", "Analytics providers",
        "Technical service providers supporting our platform",
    ]
    assert [s.name for s in policy.subprocessors] == names
    assert all(r.kind is PartyKind.CATEGORY for r in policy.recipients)
    assert policy.declarations.sale_of_personal_data.presence is Presence.NONE
    assert policy.declarations.dpo.presence is Presence.NONE
    assert policy.dpo is None
    assert policy.supervisory_authorities == ()
    assert policy.children is None


def test_rights(policy: Policy) -> None:
    codes = {r.code for r in policy.rights}
    assert {RightCode.ACCESS, RightCode.PORTABILITY, RightCode.RESTRICTION, RightCode.OBJECT,
            RightCode.KNOW, RightCode.OPT_OUT_SALE, RightCode.NON_DISCRIMINATION} <= codes
    assert codes & {RightCode.RECTIFICATION, RightCode.CORRECT}
    assert codes & {RightCode.ERASURE, RightCode.DELETE}
    [opt_out] = [r for r in policy.rights if r.code is RightCode.OPT_OUT_SALE]
    assert opt_out.contact_emails == ("support@bluecromos.se",)
    assert opt_out.how_to_exercise == "Contacting us at: support@bluecromos.se"


def test_retention_transfers_laws(policy: Policy) -> None:
    kinds = [(r.applies_to, r.kind, r.duration) for r in policy.retention_rules]
    assert kinds == [
        ("personal data", RetentionKind.AS_LONG_AS_NECESSARY, None),
        ("personal data", RetentionKind.CUSTOMER_CONFIGURED, None),
    ]
    [transfer] = policy.transfers
    assert transfer.destination == "outside jurisdiction"
    assert transfer.mechanisms == (TransferMechanism.SCC,)
    assert policy.declarations.transfers_outside_eea.presence is Presence.PRESENT
    assert [law.name for law in policy.laws] == ["GDPR", "CCPA", "CPRA", "VCDPA"]
    assert len(policy.security_measures) == 1
    assert policy.activities == ()


# evidence ----------------------------------------------------------------------------
def test_every_evidence_quotes_the_source(policy: Policy, text: str) -> None:
    spans = [e for _, fact in policy.facts() for e in fact.evidence]
    assert policy.publisher is not None
    spans += [e for role in policy.publisher.roles for e in role.evidence]
    declarations = policy.declarations
    spans += [e for name in type(declarations).model_fields
              for e in getattr(declarations, name).evidence]
    assert len(spans) > 40
    for ev in spans:
        assert text[ev.start:ev.end] == ev.quote


# edits -------------------------------------------------------------------------------
def test_edit_rename_company(text: str) -> None:
    edited = text.replace("Blue Cromos", "Green Pixel")
    policy = parse_text(edited)
    assert policy.publisher is not None
    assert policy.publisher.name == "Green Pixel AB"
    assert [r.role for r in policy.publisher.roles] == [PartyRole.PROCESSOR]


def test_edit_effective_date(text: str) -> None:
    policy = parse_text(text.replace("14/04/2026", "01/09/2027"))
    assert policy.effective_date is not None
    assert policy.effective_date.value == dt.date(2027, 9, 1)


def test_edit_retention_period(text: str) -> None:
    edited = text.replace(
        "Retention periods may vary depending on customer configuration and contractual "
        "agreements.",
        "We delete uploaded images after 90 days.",
    )
    policy = parse_text(edited)
    rules = [(r.kind, r.duration) for r in policy.retention_rules]
    assert (RetentionKind.CUSTOMER_CONFIGURED, None) not in rules
    assert any(d is not None and d.isoformat() == "P90D" for _, d in rules)


def test_edit_add_and_remove_list_items(text: str) -> None:
    edited = text.replace(
        "Analytics providers\n", "Analytics providers\nPayment processors\n"
    ).replace("Usage Data (e.g., logs, interactions with the app)\n", "")
    policy = parse_text(edited)
    assert "Payment processors" in [r.name for r in policy.recipients]
    assert "Payment processors" in [s.name for s in policy.subprocessors]
    assert "Usage Data" not in [d.label for d in policy.data_categories]
    assert len(policy.data_categories) == 5


def test_edit_drop_sections(text: str) -> None:
    start = text.index("12. Additional Rights for U.S. Residents")
    end = text.index("14. International Data Transfers")
    head, tail = text[:start], text[end:]
    edited = head + tail[: tail.index("15. ")] + tail[tail.index("15. "):]
    edited = edited.replace("We do not sell personal data in the traditional sense.\n", "")
    edited = edited.replace("We do not knowingly sell personal data for monetary value.", "")
    policy = parse_text(edited)
    codes = {r.code for r in policy.rights}
    assert RightCode.KNOW not in codes
    assert RightCode.NON_DISCRIMINATION not in codes
    assert RightCode.ACCESS in codes
    assert policy.declarations.sale_of_personal_data.presence is Presence.NOT_STATED


def test_edit_drop_transfer_section(text: str) -> None:
    start = text.index("14. International Data Transfers")
    end = text.index("15. Data Protection Contact")
    policy = parse_text(text[:start] + text[end:])
    assert policy.transfers == ()
    assert policy.declarations.transfers_outside_eea.presence is Presence.NOT_STATED


def test_edit_eea_only_and_dpo(text: str) -> None:
    edited = text.replace(
        "Personal data may be processed in countries outside your jurisdiction.\n"
        "Where required, we implement appropriate safeguards such as standard contractual "
        "clauses.",
        "Personal data is stored only within the EU/EEA.",
    ).replace(
        "If required, we will appoint a Data Protection Officer (DPO) and update this policy "
        "accordingly.",
        "Our Data Protection Officer can be reached at dpo@bluecromos.se.",
    )
    policy = parse_text(edited)
    assert policy.transfers == ()
    assert policy.declarations.transfers_outside_eea.presence is Presence.NONE
    assert policy.declarations.dpo.presence is not Presence.NONE
    assert policy.dpo is not None
    assert policy.dpo.emails == ("dpo@bluecromos.se",)


def test_edit_laws_list(text: str) -> None:
    edited = text.replace("Virginia Consumer Data Protection Act (VCDPA)\n", "")
    policy = parse_text(edited)
    assert [law.name for law in policy.laws] == ["GDPR", "CCPA", "CPRA"]
