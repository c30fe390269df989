"""The generic parser on short self-written policies: what it reads, and where it abstains."""

from __future__ import annotations

import privmodel as pm
from privmodel.schema import LegalBasisCode, Presence, RightCode, TransferMechanism


def parse(text: str, media_type: str = "text/plain") -> pm.Policy:
    result = pm.parse(text, parser="generic", media_type=media_type)
    assert result.parser == "generic"
    return result.policy


EN = """Privacy Policy
Last updated: 3 March 2025
Nordljus Software AB (556677-8899) is the controller of your personal data.
What personal data we collect
We collect:
- Contact details (e.g. name, email address)
- Payment information
Purposes
We use personal data to:
- Deliver the service
- Send invoices
Legal basis
We process contact details to perform our contract with you, and payment information to comply with our legal obligations under bookkeeping law.
Sharing of personal data
We share personal data with:
- Payment service providers
- Hosting providers
International transfers
Our hosting provider stores data in the United States under standard contractual clauses.
How long we keep your data
Invoices are kept for 7 years.
Your rights
You have the right to access and to erasure of your data, and to lodge a complaint with the Swedish Authority for Privacy Protection (IMY).
Contact
privacy@nordljus.example
"""


def test_reads_a_plain_english_policy() -> None:
    policy = parse(EN)
    assert policy.publisher is not None
    assert policy.publisher.name == "Nordljus Software AB"
    assert policy.publisher.emails == ("privacy@nordljus.example",)
    assert policy.last_updated is not None
    assert str(policy.last_updated.value) == "2025-03-03"
    assert [c.label for c in policy.data_categories] == ["Contact details", "Payment information"]
    assert policy.data_categories[0].examples == ("name", "email address")
    assert [p.label for p in policy.purposes] == ["Deliver the service", "Send invoices"]
    assert {b.code for b in policy.legal_bases} == {
        LegalBasisCode.CONTRACT, LegalBasisCode.LEGAL_OBLIGATION
    }
    assert [r.name for r in policy.recipients] == ["Payment service providers", "Hosting providers"]
    assert [(t.countries, t.mechanisms) for t in policy.transfers] == [
        (("US",), (TransferMechanism.SCC,))
    ]
    assert [str(r.duration) for r in policy.retention_rules] == ["P7Y"]
    assert {r.code for r in policy.rights} >= {
        RightCode.ACCESS, RightCode.ERASURE, RightCode.COMPLAINT
    }
    assert [a.name for a in policy.supervisory_authorities] == [
        "Integritetsskyddsmyndigheten (IMY)"
    ]


def test_every_value_has_evidence_quoting_the_source() -> None:
    policy = parse(EN)
    for _, fact in policy.facts():
        assert fact.evidence
        for ev in fact.evidence:
            assert EN[ev.start:ev.end] == ev.quote


def test_definitions_of_all_bases_add_none() -> None:
    text = """Privacy notice
Legal basis
Processing is lawful only if the data subject has given consent.
It may also be necessary for the performance of a contract.
It may be necessary for compliance with a legal obligation.
It may be necessary to protect the vital interests of a person.
It may be necessary for a task carried out in the public interest.
It may be necessary for the legitimate interests of the controller.
"""
    policy = parse(text)
    assert policy.legal_bases == ()


def test_pre_gdpr_policy_citing_pul_states_no_legal_basis() -> None:
    text = """Integritetspolicy
Vi behandlar personuppgifter enligt personuppgiftslagen (PUL).
Rättslig grund
Uppgifterna behandlas med ditt samtycke.
"""
    policy = parse(text)
    assert [law.name for law in policy.laws] == ["PUL"]
    assert policy.legal_bases == ()


def test_no_personal_data_collected_yields_no_categories() -> None:
    text = """Privacy
What data we collect
We do not collect any personal data when you visit this site.
- Server logs without IP addresses
"""
    policy = parse(text)
    assert policy.data_categories == ()
    assert policy.declarations.personal_data_collected.presence is Presence.NONE


def test_silence_is_not_stated() -> None:
    policy = parse("Privacy\nWe care about your privacy.\n")
    assert policy.declarations.transfers_outside_eea.presence is Presence.NOT_STATED
    assert policy.declarations.sale_of_personal_data.presence is Presence.NOT_STATED
    assert policy.transfers == ()
    assert policy.dpo is None


def test_stays_in_the_eea_and_no_sale() -> None:
    text = """Privacy
International transfers
We do not transfer personal data outside the EU/EEA.
We do not sell personal data.
"""
    policy = parse(text)
    assert policy.declarations.transfers_outside_eea.presence is Presence.NONE
    assert policy.declarations.sale_of_personal_data.presence is Presence.NONE


def test_invalidated_mechanism_and_former_authority_name() -> None:
    text = """Privacy
International transfers
Data is transferred to the United States under the EU-US Privacy Shield.
Your rights
You may complain to Datainspektionen.
"""
    policy = parse(text)
    assert policy.transfers[0].relies_on_invalidated_mechanism
    authority = policy.supervisory_authorities[0]
    assert "Datainspektionen" in authority.former_names
    assert authority.evidence[0].quote == "Datainspektionen"


def test_swedish_markdown_policy() -> None:
    text = """# Integritetspolicy

Exempelbolaget AB är personuppgiftsansvarig.

## Vilka personuppgifter vi behandlar

- Namn och kontaktuppgifter
- Köphistorik

## Ändamål

- Leverera beställda varor
- Marknadsföring

## Hur länge vi sparar uppgifterna

Bokföringsunderlag sparas i 7 år enligt bokföringslagen.
"""
    policy = parse(text, media_type="text/markdown")
    assert policy.source.language == "sv"
    assert [c.label for c in policy.data_categories] == ["Namn och kontaktuppgifter",
                                                         "Köphistorik"]
    assert [p.label for p in policy.purposes] == ["Leverera beställda varor", "Marknadsföring"]
    assert [str(r.duration) for r in policy.retention_rules] == ["P7Y"]
    assert pm.PartyRole.CONTROLLER in {r.role for r in policy.publisher.roles}  # type: ignore[union-attr]
    for _, fact in policy.facts():
        for ev in fact.evidence:
            assert text[ev.start:ev.end] == ev.quote
