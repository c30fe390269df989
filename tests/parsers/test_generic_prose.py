"""The generic parser on prose: purposes, retention criteria, parties, measures, evidence."""

from __future__ import annotations

from pathlib import Path

import pytest

import privmodel as pm
from privmodel.parsers.registry import read
from privmodel.schema import LegalBasisCode, PartyRole, RetentionKind, RightCode

ROOT = Path(__file__).resolve().parents[2]
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
CORPUS = Path("/work/shared/corpus")


def parse(text: str, media_type: str = "text/markdown") -> pm.Policy:
    return pm.parse(text, parser="generic", media_type=media_type).policy


def check_evidence(policy: pm.Policy, source: str) -> None:
    for _, fact in policy.facts():
        assert fact.evidence, fact
        for ev in fact.evidence:
            assert source[ev.start:ev.end] == ev.quote


EN = """# Privacy notice

Tallbo Games Ltd is the controller of your personal data.

## How we use your data

We use your email address in order to send you order confirmations.

### To run tournaments

We process scores for the purpose of ranking players.

## How long we keep your data

We keep account data as long as necessary for the service.
Invoices are kept as required by bookkeeping law.
Newsletter data is kept until you withdraw your consent.

## Security

All backups are encrypted, and access is limited on a need-to-know basis.

## Service providers

Our payment provider Kassaflow AB processes card data; analytics run on Matomo.
"""


def test_purposes_from_prose_and_subheadings() -> None:
    labels = [p.label for p in parse(EN).purposes]
    assert "send you order confirmations" in labels
    assert "To run tournaments" in labels
    # A subheading that reads as a purpose groups its section: the sentences under it
    # describe that purpose rather than state new ones.
    assert "ranking players" not in labels


def test_retention_criteria_without_durations() -> None:
    kinds = {r.kind for r in parse(EN).retention_rules}
    assert {RetentionKind.AS_LONG_AS_NECESSARY, RetentionKind.LEGAL_REQUIREMENT,
            RetentionKind.UNTIL_WITHDRAWAL} <= kinds


def test_period_and_law_in_one_sentence_is_one_rule() -> None:
    text = "# Policy\n\n## Retention\n\nInvoices are kept for 7 years under bookkeeping law.\n"
    rules = parse(text).retention_rules
    assert [(r.kind, str(r.duration)) for r in rules] == [
        (RetentionKind.LEGAL_REQUIREMENT, "P7Y")
    ]


def test_named_parties_and_measures() -> None:
    policy = parse(EN)
    names = {p.name for p in policy.processors}
    assert {"Kassaflow AB", "Matomo"} <= names
    assert "Tallbo Games Ltd" not in names
    measures = " | ".join(m.label for m in policy.security_measures)
    assert "encrypted" in measures
    assert "need-to-know" in measures


def test_every_extracted_value_has_a_confidence_and_exact_evidence() -> None:
    policy = parse(EN)
    check_evidence(policy, EN)
    assert all(0 <= fact.confidence <= 1 for _, fact in policy.facts())


def test_lead_in_gives_the_topic_of_the_list() -> None:
    text = """# Notice

## Our platform

We share personal data with:

- Hosting providers
- Accountants

We protect your data with the following measures:

- Two-factor authentication
- Encrypted disks
"""
    policy = parse(text)
    assert [r.name for r in policy.recipients][:2] == ["Hosting providers", "Accountants"]
    labels = {m.label for m in policy.security_measures}
    assert {"Two-factor authentication", "Encrypted disks"} <= labels


def test_basis_stated_outside_a_basis_section() -> None:
    text = """# Notice

## Newsletter

We send the newsletter based on your consent (Art. 6(1)(a) GDPR).

## Definitions

Consent means any freely given indication of wishes.
"""
    codes = {b.code for b in parse(text).legal_bases}
    assert codes == {LegalBasisCode.CONSENT}


def test_definitions_in_a_subsection_add_no_basis() -> None:
    text = """# Notice

## Definitions of the legal bases

- consent of the data subject
- performance of a contract
- compliance with a legal obligation
- protection of vital interests
- a task in the public interest
- legitimate interests of the controller
"""
    assert parse(text).legal_bases == ()


def test_law_is_labelled_as_written() -> None:
    text = "# Datenschutz\n\nWir verarbeiten Daten nach der DSGVO und dem BDSG.\n"
    assert [law.name for law in parse(text).laws] == ["DSGVO", "BDSG"]


def test_controller_named_by_heading_is_the_publishers_role() -> None:
    text = """# Tietosuojaseloste

## Rekisterinpitäjä

Esimerkkiyhdistys ry, Esimerkkikatu 1, Helsinki.

## Henkilötietojen käsittelyn tarkoitus

Käsittelemme jäsenten henkilötietoja jäsenyyden hoitamiseksi ja tiedottamiseen.
"""
    policy = parse(text)
    assert policy.publisher is not None
    assert [r.role for r in policy.publisher.roles] == [PartyRole.CONTROLLER]


def test_rights_in_other_wordings() -> None:
    text = """# Notice

## Rights of users

The right to check your data. The right to have data deleted.
The right to limit processing. The right to transfer data from one system to another.
"""
    codes = {r.code for r in parse(text).rights}
    assert {RightCode.ACCESS, RightCode.ERASURE, RightCode.RESTRICTION,
            RightCode.PORTABILITY} <= codes


def test_swedish_purposes_and_subjects() -> None:
    text = """# Integritetspolicy

## Ändamål

Vi behandlar dina uppgifter för att kunna leverera dina beställningar.
Uppgifter om våra kunder och besökare på webbplatsen sparas så länge det är nödvändigt.
"""
    policy = parse(text)
    assert any("leverera dina beställningar" in p.label for p in policy.purposes)
    subjects = {s.label.lower() for s in policy.data_subjects}
    assert "kunder" in subjects


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name)
def test_generic_evidence_on_every_seed(path: Path) -> None:
    result = pm.parse(path, parser="generic")
    check_evidence(result.policy, read(path).source)


@pytest.mark.skipif(not CORPUS.is_dir(), reason="shared corpus not available")
def test_generic_evidence_on_the_corpus() -> None:
    paths = [p for p in sorted(CORPUS.iterdir())
             if p.suffix in {".md", ".html", ".txt"} and p.name != "README.md"]
    assert paths
    for path in paths:
        result = pm.parse(path, parser="generic")
        check_evidence(result.policy, read(path).source)


DATA_MD = """# Privacy notice

## What data do we process?

The data falls into these categories:

### a. Access data

- IP address
- Date and time of the request

### b. Contact data

We store your email address.

## Who we process data about

Our customers and customer contacts, registered users and users of our app.
"""


def test_data_subheadings_are_categories_and_lists_their_examples() -> None:
    policy = parse(DATA_MD)
    labels = [d.label for d in policy.data_categories]
    assert labels == ["Access data", "Contact data"]
    check_evidence(policy, DATA_MD)


LIST_MD = """# Privacy notice

## Personal data we collect

When do we collect personal data:

- When you buy a product

We may collect:

- Contact information (e.g., email address, phone number)
- Website use such as pages visited and IP address
- We use the collected information for the following purposes:
- For marketing
"""


def test_data_list_items_are_labelled_by_their_head_phrase() -> None:
    labels = [d.label for d in parse(LIST_MD).data_categories]
    assert labels == ["Contact information", "Website use"]


def test_subject_mentions_give_one_label_per_role() -> None:
    labels = {s.label for s in parse(DATA_MD).data_subjects}
    assert "registered users" in labels
    assert "users" not in labels


PURPOSE_LISTS = """# Privacy policy

## Why we process your data

### a. Order handling

We check your orders in order to prevent fraud.

### b. Marketing

## How we use your data

We register the following information about you:

- Name
- Email address

We use the information for the following purposes:

- To deliver your orders
- We also keep logs to detect errors.

## Information we collect

- We use the collected information for these purposes:
- To answer your questions
"""


def test_purpose_headings_lists_and_lead_ins() -> None:
    policy = parse(PURPOSE_LISTS)
    labels = [p.label for p in policy.purposes]
    assert "Order handling" in labels
    assert "Marketing" in labels
    assert not any(label.startswith(("a. ", "b. ")) for label in labels)
    assert "prevent fraud" not in labels  # describes the subheading's purpose
    assert "Name" not in labels  # a data lead-in
    assert "Email address" not in labels
    assert "To deliver your orders" in labels
    assert not any(label.startswith("We ") for label in labels)
    assert "To answer your questions" in labels  # the lead-in is itself a list item
    check_evidence(policy, PURPOSE_LISTS)


SUBJECTS = """# Privacy policy

## Categories of data subjects

- Customers and prospective customers
- Website visitors

As a processor, on behalf of our customers, we handle these categories:

- Employees of our customers

## Support

Our customer service answers a visitor when the visitor asks. Visitors can write to us.
"""


def test_subjects_roles_plurals_and_modifiers() -> None:
    policy = parse(SUBJECTS)
    by_label = {s.label: s.role for s in policy.data_subjects}
    assert by_label["Employees of our customers"] is PartyRole.PROCESSOR
    assert by_label["Customers and prospective customers"] is PartyRole.CONTROLLER
    assert "customer" not in by_label  # 'customer service' names no one
    assert len([label for label in by_label if "isitor" in label]) <= 1


def test_enumeration_right_after_a_verb_of_collection_outside_a_data_section() -> None:
    text = (
        "# Privacy policy\n\n## Logging in\n\n"
        "When you log in, we store your IP address, browser type and time of login.\n\n"
        "## Events\n\nAt events we collect information to plan the evening.\n"
    )
    policy = parse(text)
    labels = {d.label for d in policy.data_categories}
    assert {"browser type", "time of login"} <= labels
    assert not any("evening" in label for label in labels)
    for fact in policy.data_categories:
        assert all(text[ev.start:ev.end] == ev.quote for ev in fact.evidence)


def test_norwegian_passive_enumeration_keeps_elided_compounds() -> None:
    text = (
        "# Personvernerklæring\n\n## Innlogging\n\n"
        "Ved innlogging lagres også fødsels- og personnummer, mobilnummer og IP-adresse. "
        "Vi bruker opplysningene til å sikre tjenesten og for å beskytte brukerne våre.\n"
    )
    labels = {d.label for d in parse(text).data_categories}
    assert {"fødsels- og personnummer", "mobilnummer", "IP-adresse"} <= labels
