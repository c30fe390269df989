"""The work-management SaaS parser: detection, key facts, evidence, and edits of the seed."""

from __future__ import annotations

from pathlib import Path

import pytest

from privmodel.parsers.base import ParseResult
from privmodel.parsers.document import Document
from privmodel.parsers.readers import read_path, read_text
from privmodel.parsers.seeds.work_management_saas import WorkManagementSaasParser
from privmodel.schema import (
    Duration,
    PartyKind,
    PartyRole,
    Policy,
    Presence,
    RecipientKind,
    RetentionKind,
    RightCode,
    TransferMechanism,
)

SEEDS = Path(__file__).parents[3] / "seeds"
PARSER = WorkManagementSaasParser()


def _seed(prefix: str) -> Path:
    return next(SEEDS.glob(f"{prefix}_*.txt"))


@pytest.fixture(scope="module")
def text() -> str:
    return _seed("002").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def result() -> ParseResult:
    return PARSER.parse(read_path(_seed("002")))


@pytest.fixture(scope="module")
def policy(result: ParseResult) -> Policy:
    return result.policy


def _edited(text: str, old: str, new: str) -> tuple[Document, Policy]:
    assert old in text
    document = read_text(text.replace(old, new), media_type="text/plain")
    assert PARSER.detect(document) >= 0.5
    return document, PARSER.parse(document).policy


def _labels(items: tuple[object, ...], attr: str = "label") -> list[str]:
    return [str(getattr(item, attr)) for item in items]


# detection -------------------------------------------------------------------------
def test_detects_its_seed() -> None:
    assert PARSER.detect(read_path(_seed("002"))) >= 0.85


@pytest.mark.parametrize("prefix", ["000", "001", "003", "004"])
def test_other_seeds_score_low(prefix: str) -> None:
    assert PARSER.detect(read_path(_seed(prefix))) < 0.3


def test_unrelated_policy_scores_low() -> None:
    doc = read_text(
        "Privacy notice\n\nWe collect your e-mail address to send newsletters.\n",
        media_type="text/plain",
    )
    assert PARSER.detect(doc) < 0.3


# key facts -------------------------------------------------------------------------
def test_publisher_is_an_unnamed_controller(policy: Policy) -> None:
    assert policy.publisher is not None
    assert policy.publisher.name is None
    assert policy.publisher.emails == ()
    assert [r.role for r in policy.publisher.roles] == [PartyRole.CONTROLLER]


def test_subjects_and_data(policy: Policy) -> None:
    assert _labels(policy.data_subjects) == ["customer", "supplier", "job application",
                                             "contact us"]
    data = _labels(policy.data_categories)
    for label in ("name", "email address", "alias", "your office address", "companyname",
                  "your CV and personal letter", "emergency contact information for incidents"):
        assert label in data
    assert "user aliases" not in data  # restates 'alias'
    assert not any("otherpersonal" in d for d in data)
    assert len([d for d in data if "phone number" in d]) == 1


def test_purposes(policy: Policy) -> None:
    purposes = _labels(policy.purposes)
    for label in ("provide our Services and fulfill ourcommitments towards you",
                  "manage the customer or supplier relationship",
                  "administer payments and invoice you", "assist you",
                  "optional AI-powered features", "Marketing communications",
                  "anti-money laundering and counter-terrorist financing"):
        assert label in purposes


def test_legal_bases_rights_laws(policy: Policy) -> None:
    assert {b.code.article for b in policy.legal_bases} == {"6-1-a", "6-1-b", "6-1-c"}
    rights = {r.code: r for r in policy.rights}
    assert set(rights) == {
        RightCode.ACCESS, RightCode.RECTIFICATION, RightCode.ERASURE, RightCode.OBJECT,
        RightCode.OPT_OUT_MARKETING, RightCode.WITHDRAW_CONSENT, RightCode.COMPLAINT,
    }
    assert "in writing" in (rights[RightCode.ACCESS].how_to_exercise or "")
    assert _labels(policy.laws, "name") == ["GDPR"]


def test_recipients_processor_transfer(policy: Policy) -> None:
    kinds = {r.name: r.recipient_kind for r in policy.recipients}
    assert kinds == {
        "subcontractors": RecipientKind.PROCESSOR,
        "authorities": RecipientKind.AUTHORITY,
        "prospective seller or buyer of such business or assets":
            RecipientKind.BUSINESS_TRANSFER,
    }
    assert all(r.kind is PartyKind.CATEGORY for r in policy.recipients)
    assert [(p.name, p.kind) for p in policy.processors] == [
        ("Microsoft Azure OpenAI Service", PartyKind.NAMED)
    ]
    (transfer,) = policy.transfers
    assert transfer.countries == ("US",)
    assert set(transfer.mechanisms) == {
        TransferMechanism.DPF, TransferMechanism.SUPPLEMENTARY_MEASURES
    }
    assert transfer.recipient_ids == ("recipient:subcontractors",)


def test_retention_authority_declarations(policy: Policy) -> None:
    assert {(r.applies_to, r.kind) for r in policy.retention_rules} == {
        ("personal data", RetentionKind.AS_LONG_AS_NECESSARY),
        ("bookkeeping purposes", RetentionKind.LEGAL_REQUIREMENT),
    }
    (imy,) = policy.supervisory_authorities
    assert imy.emails == ("imy@imy.se",)
    assert imy.phones == ("+46 8 657 61 00",)
    assert imy.address == "Box 8114, 104 20 Stockholm, Sweden"
    assert policy.dpo is None
    assert policy.children is None
    assert policy.effective_date is None
    assert policy.declarations.automated_decision_making.presence is Presence.NONE
    assert policy.declarations.sale_of_personal_data.presence is Presence.NOT_STATED


def test_security_measures(policy: Policy) -> None:
    measures = {m.label: len(m.evidence) for m in policy.security_measures}
    assert measures["encryption at rest as well as in transit"] == 2
    assert measures["role-based access on a need-to-know basis"] == 3
    assert "Data minimization ensures only necessary context is sent to AI services" in measures
    assert "Your data is not used to train AI models." not in measures
    assert len(measures) == 6


def test_activities(policy: Policy) -> None:
    by_name = {a.name: a for a in policy.activities}
    assert not any(a.derived for a in policy.activities)
    customer = by_name["When you use our Services (customer)"]
    assert _labels(tuple(policy.by_id(i) for i in customer.subject_ids)) == ["customer"]
    assert "provide our Services and fulfill ourcommitments towards you" in _labels(
        tuple(policy.by_id(i) for i in customer.purpose_ids)
    )
    ai = by_name["optional AI-powered features"]
    assert ai.subject_ids == customer.subject_ids
    assert _labels(tuple(policy.by_id(i) for i in ai.recipient_ids), "name") == [
        "Microsoft Azure OpenAI Service"
    ]
    assert {policy.by_id(i).code.article for i in ai.legal_basis_ids  # type: ignore[attr-defined]
            } == {"6-1-a", "6-1-b"}
    assert len(policy.activities) == 4  # 'If you contact us' names no data


# evidence --------------------------------------------------------------------------
def test_every_evidence_quotes_the_source(result: ParseResult, text: str) -> None:
    count = 0
    for _, fact in result.policy.facts():
        for ev in fact.evidence:
            assert text[ev.start:ev.end] == ev.quote
            count += 1
    for name in type(result.policy.declarations).model_fields:
        for ev in getattr(result.policy.declarations, name).evidence:
            assert text[ev.start:ev.end] == ev.quote
    assert count > 50


# edits -----------------------------------------------------------------------------
def test_edit_rename_ai_service(text: str) -> None:
    _, policy = _edited(text, "Microsoft Azure OpenAI Service", "Mistral Le Chat Enterprise")
    assert [p.name for p in policy.processors] == ["Mistral Le Chat Enterprise"]


def test_edit_publisher_contact_added(text: str) -> None:
    _, policy = _edited(
        text, "Let us know in that case.", "Let us know in that case at privacy@example.se."
    )
    assert policy.publisher is not None
    assert policy.publisher.emails == ("privacy@example.se",)


def test_edit_retention_period(text: str) -> None:
    _, policy = _edited(text, "such as for bookkeeping purposes.",
                        "such as for bookkeeping purposes, for seven years.")
    fixed = [r for r in policy.retention_rules if r.kind is RetentionKind.FIXED]
    assert [r.duration for r in fixed] == [Duration.parse("P7Y")]


def test_edit_add_protection(text: str) -> None:
    _, policy = _edited(
        text, "- Access is restricted on a need-to-know basis.\n",
        "- Access is restricted on a need-to-know basis.\n- Backups are taken every night.\n",
    )
    assert "Backups are taken every night" in _labels(policy.security_measures)


def test_edit_remove_job_applicants(text: str) -> None:
    start = text.index("- When you send us a job application")
    end = text.index("\n", start) + 1
    _, policy = _edited(text, text[start:end], "")
    assert "job application" not in _labels(policy.data_subjects)
    assert "your CV and personal letter" not in _labels(policy.data_categories)
    assert len(policy.activities) == 3


def test_edit_add_data_item(text: str) -> None:
    _, policy = _edited(text, "and company name.", "and company name, VAT number.")
    assert "VAT number" in _labels(policy.data_categories)


def test_edit_drop_ai_section(text: str) -> None:
    start = text.index("5. Artificial intelligence (AI) features")
    end = text.index("6. Your rights")
    _, policy = _edited(text, text[start:end], "")
    assert policy.processors == ()
    assert RightCode.WITHDRAW_CONSENT not in {r.code for r in policy.rights}
    assert {b.code.article for b in policy.legal_bases} == {"6-1-b", "6-1-c"}
    assert len(policy.activities) == 3


def test_edit_transfer_destination(text: str) -> None:
    _, policy = _edited(text, "transferred to the United States", "transferred to Japan")
    (transfer,) = policy.transfers
    assert "JP" in transfer.countries
    assert transfer.destination == "Japan"
