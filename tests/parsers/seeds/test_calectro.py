"""The calectro parser: detection, key facts, exact evidence, and edits of the text."""

from __future__ import annotations

from pathlib import Path

import pytest

from privmodel.parsers.readers import read_path, read_text
from privmodel.parsers.seeds.calectro import CalectroParser
from privmodel.schema import (
    DataConcept,
    Duration,
    PartyKind,
    PartyRole,
    Policy,
    RecipientKind,
    RetentionKind,
    RightCode,
)

SEEDS = Path(__file__).parents[3] / "seeds"
SEED = SEEDS / "004_8abcf740f2bc6fb7.txt"
OTHERS = sorted(p for p in SEEDS.glob("*.txt") if p != SEED)


@pytest.fixture(scope="module")
def text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def policy() -> Policy:
    return CalectroParser().parse(read_path(SEED)).policy


def parse_text(source: str) -> Policy:
    document = read_text(source, media_type="text/plain")
    parser = CalectroParser()
    assert parser.detect(document) >= 0.8
    return parser.parse(document).policy


def edited(text: str, old: str, new: str) -> Policy:
    assert old in text
    return parse_text(text.replace(old, new))


def labels(items: tuple[object, ...], field: str = "label") -> list[str]:
    return [getattr(item, field) for item in items]


def retention(policy: Policy) -> dict[str, tuple[RetentionKind, Duration | None]]:
    return {r.applies_to: (r.kind, r.duration) for r in policy.retention_rules}


# detection -----------------------------------------------------------------------------
def test_detects_its_seed() -> None:
    assert CalectroParser().detect(read_path(SEED)) >= 0.85


@pytest.mark.parametrize("path", OTHERS, ids=lambda p: p.name)
def test_rejects_other_seeds(path: Path) -> None:
    assert CalectroParser().detect(read_path(path)) < 0.3


def test_rejects_a_bare_wordpress_template() -> None:
    source = (
        "Privacy Policy\n\nWho we are\n\nOur website address is: https://example.org.\n\n"
        "Comments\n\nWhen visitors leave comments on the site we collect the data shown in "
        "the comments form.\n\nHow long we retain your data\n\nIf you leave a comment, the "
        "comment and its metadata are retained indefinitely.\n\nWhere we send your data\n\n"
        "Visitor comments may be checked through an automated spam detection service.\n"
    )
    assert CalectroParser().detect(read_text(source, media_type="text/plain")) < 0.3


# key facts -----------------------------------------------------------------------------
def test_publisher(policy: Policy) -> None:
    org = policy.publisher
    assert org is not None
    assert org.name == "Calectro AB"
    assert org.emails == ("support@calectro.se",)
    assert org.website == "https://www.calectro.se"
    assert org.org_number is None
    assert org.address is None
    assert [r.role for r in org.roles] == [PartyRole.CONTROLLER]


def test_data_categories(policy: Policy) -> None:
    found = labels(policy.data_categories)
    assert found[:5] == [
        "Company name and Corp. ID", "Contact person", "Visiting / invoicing address",
        "Telephone number and email address", "Website use",
    ]
    assert {"Address details", "Credit ratings", "profile picture", "images"} <= set(found)
    website = next(d for d in policy.data_categories if d.label == "Website use")
    assert website.examples == ("subpages visited", "browser settings", "IP address")
    assert website.concept is DataConcept.USAGE
    images = next(d for d in policy.data_categories if d.label == "images")
    assert images.examples == ("embedded location data (EXIF GPS)",)


def test_subjects_purposes_and_bases(policy: Policy) -> None:
    assert set(labels(policy.data_subjects)) == {
        "customers", "website visitors", "commenters", "app users", "newsletter subscribers"
    }
    assert labels(policy.purposes) == [
        "provide access to our products, app and customer support",
        "tailor our product offers",
        "take contact and offer our products and customer support",
        "ensure that we have your correct address",
        "spam detection",
        "recognize and approve any follow-up comments",
    ]
    assert [b.code.value for b in policy.legal_bases] == ["consent"]


def test_recipients_and_sources(policy: Policy) -> None:
    assert labels(policy.recipients, "name") == [
        "Transportation", "Marketing", "IT services", "App usage", "Gravatar",
        "automated spam detection service",
    ]
    transport = policy.recipients[0]
    assert transport.kind is PartyKind.CATEGORY
    assert transport.recipient_kind is RecipientKind.PROCESSOR
    assert transport.description == "logistics companies and carriers"
    gravatar = policy.recipients[4]
    assert gravatar.kind is PartyKind.NAMED
    assert gravatar.website == "https://automattic.com/privacy/"
    assert labels(policy.sources) == [
        "public registers", "credit rating institutes, banks or credit bureaus", "app"
    ]
    credit = next(d for d in policy.data_categories if d.label == "Credit ratings")
    assert credit.source_ids == (policy.sources[1].id,)
    assert policy.transfers == ()


def test_retention_and_cookies(policy: Policy) -> None:
    rules = retention(policy)
    assert rules["Login cookies"] == (RetentionKind.FIXED, Duration.parse("P2D"))
    assert rules["screen options cookies"] == (RetentionKind.FIXED, Duration.parse("P1Y"))
    assert rules["If you leave a comment on our site"][1] == Duration.parse("P1Y")
    assert rules["If you select “Remember Me”, your login"][1] == Duration.parse("P2W")
    assert rules["If you edit or publish an article"][1] == Duration.parse("P1D")
    assert rules["If you visit our login page"] == (RetentionKind.SESSION, None)
    assert rules["comment and its metadata"] == (RetentionKind.INDEFINITE, None)
    assert rules["account and the associated data"][0] is RetentionKind.UNTIL_DELETION_REQUEST
    kinds = {kind for kind, _ in rules.values()}
    assert RetentionKind.LEGAL_REQUIREMENT in kinds
    assert len(policy.cookies) == 6
    assert sum(c.session for c in policy.cookies) == 1


def test_rights_authority_laws(policy: Policy) -> None:
    assert {r.code for r in policy.rights} == {
        RightCode.ACCESS, RightCode.RECTIFICATION, RightCode.RESTRICTION, RightCode.ERASURE,
        RightCode.WITHDRAW_CONSENT, RightCode.COMPLAINT, RightCode.PORTABILITY,
    }
    erasure = next(r for r in policy.rights if r.code is RightCode.ERASURE)
    assert erasure.contact_emails == ("support@calectro.se",)
    assert erasure.how_to_exercise is not None
    assert "customer service" in erasure.how_to_exercise
    authority = policy.supervisory_authorities[0]
    assert "Datainspektionen" in (authority.name, *authority.former_names)
    assert authority.website == "www.datainspektionen.se"
    assert labels(policy.laws, "name") == ["GDPR"]
    assert policy.dpo is None
    assert policy.children is None
    assert policy.effective_date is None
    assert policy.last_updated is None


def test_activities_link_commenters(policy: Policy) -> None:
    assert len(policy.activities) == 2
    for act in policy.activities:
        assert not act.derived
        assert [policy.by_id(i).label for i in act.subject_ids] == ["commenters"]  # type: ignore[attr-defined]
    purposes = [policy.by_id(a.purpose_ids[0]).label for a in policy.activities]  # type: ignore[attr-defined]
    assert purposes == ["spam detection", "recognize and approve any follow-up comments"]
    assert policy.activities[1].retention_ids


def test_security_measures(policy: Policy) -> None:
    assert len(policy.security_measures) == 2
    assert policy.security_measures[0].label.startswith("We use IT systems to protect privacy")


def test_every_evidence_quotes_the_source(policy: Policy, text: str) -> None:
    count = 0
    for _, fact in policy.facts():
        for ev in fact.evidence:
            assert text[ev.start:ev.end] == ev.quote
            count += 1
    for claim in policy.publisher.roles if policy.publisher else ():
        for ev in claim.evidence:
            assert text[ev.start:ev.end] == ev.quote
    assert count > 50


# edits ---------------------------------------------------------------------------------
def test_edit_rename_company(text: str) -> None:
    policy = edited(text.replace("Calectro AB", "Nordlys AB"), "Calectro", "Nordlys")
    assert policy.publisher is not None
    assert policy.publisher.name == "Nordlys AB"
    assert policy.publisher.roles[0].role is PartyRole.CONTROLLER


def test_edit_change_cookie_lifetime(text: str) -> None:
    policy = edited(text, "Login cookies last for two days", "Login cookies last for five days")
    assert retention(policy)["Login cookies"] == (RetentionKind.FIXED, Duration.parse("P5D"))


def test_edit_add_data_item(text: str) -> None:
    policy = edited(text, "  • Contact person\n", "  • Contact person\n  • Job title\n")
    assert labels(policy.data_categories)[:3] == [
        "Company name and Corp. ID", "Contact person", "Job title"
    ]


def test_edit_remove_recipient_item(text: str) -> None:
    item = "  • Transportation (logistics companies and carriers).\n"
    policy = edited(text, item, "")
    assert "Transportation" not in labels(policy.recipients, "name")
    assert "Marketing" in labels(policy.recipients, "name")


def test_edit_add_source_item(text: str) -> None:
    old = "  • Credit ratings from credit rating institutes, banks or credit bureaus.\n"
    policy = edited(text, old, old + "  • Company details from trade registers.\n")
    assert "trade registers" in labels(policy.sources)
    assert "Company details" in labels(policy.data_categories)


def test_edit_drop_cookies_section(text: str) -> None:
    start = text.index("Cookies\n\nIf you leave")
    end = text.index("Embedded content from other websites")
    policy = parse_text(text[:start] + text[end:])
    assert policy.cookies == ()
    assert "Login cookies" not in retention(policy)
    assert "comment and its metadata" in retention(policy)


def test_edit_drop_comments_section(text: str) -> None:
    start = text.index("Comments\n\nWhen visitors")
    end = text.index("Media\n\nIf you upload")
    policy = parse_text(text[:start] + text[end:])
    assert "Gravatar" not in labels(policy.recipients, "name")
    assert "spam detection" not in labels(policy.purposes)
    assert len(policy.activities) == 1


def test_edit_add_purpose_item(text: str) -> None:
    old = "  • To be able to tailor our product offers.\n"
    policy = edited(text, old, old + "  • To be able to send invoices.\n")
    assert "send invoices" in labels(policy.purposes)


def test_edit_retention_becomes_fixed(text: str) -> None:
    policy = edited(text, "are retained indefinitely", "are retained for three years")
    rules = retention(policy)
    assert "comment and its metadata" not in rules
    assert Duration.parse("P3Y") in {d for _, d in rules.values()}


def test_edit_replaced_law_is_followed_when_stated(text: str) -> None:
    policy = edited(text, "and replaces the Swedish Personal Data Act (PUL)",
                    "and complements the Swedish Personal Data Act (PUL)")
    assert labels(policy.laws, "name") == ["GDPR", "PUL"]
