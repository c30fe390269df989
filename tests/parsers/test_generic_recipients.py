"""Recipients and security measures of the generic parser, on short self-written snippets."""

from privmodel.parsers.generic.parser import GenericParser
from privmodel.parsers.readers import read_text
from privmodel.schema import PartyKind, Policy


def _parse(text: str) -> Policy:
    return GenericParser().parse(read_text(text, media_type="text/markdown")).policy


def test_recipient_list_items_are_categories_and_companies_named_parties() -> None:
    policy = _parse(
        "# Sharing of your data\n\nWe share your data with:\n\n"
        "- Hosting providers\n- Payment service providers\n- Example Cloud AB\n"
    )
    categories = [r.name for r in policy.recipients]
    assert categories == ["Hosting providers", "Payment service providers"]
    named = [p.name for p in policy.processors if p.kind is PartyKind.NAMED]
    assert "Example Cloud AB" in named


def test_recipient_categories_need_a_sharing_sentence() -> None:
    policy = _parse(
        "# Recipients\n\nThese parties act as processors on our behalf.\n\n"
        "We may disclose your data to the police when required by law.\n"
    )
    assert [r.name for r in policy.recipients] == ["police"]


def test_security_measures_are_short_labels() -> None:
    policy = _parse(
        "# Security\n\nAll data is encrypted in transit and at rest. "
        "Staff have signed non-disclosure agreements.\n\n"
        "- Two-factor authentication\n"
    )
    labels = [m.label for m in policy.security_measures]
    assert "encrypted in transit" in labels
    assert "non-disclosure agreements" in labels
    assert "Two-factor authentication" in labels
    for m in policy.security_measures:
        ev = m.evidence[0]
        assert len(m.label.split()) <= 6
        assert ev.quote == m.label


def test_heading_naming_a_measure_is_read_as_security() -> None:
    policy = _parse("# About us\n\n## Encryption\n\nWe use TLS encryption for all traffic.\n")
    assert [m.label for m in policy.security_measures] == ["TLS encryption for all traffic"]


def test_list_after_a_processor_lead_in_names_recipients() -> None:
    policy = _parse(
        "# Disclosure\n\nA data processor is used for:\n\n"
        "- Hosting (cloud providers)\n- Payments (payment service providers)\n"
    )
    assert [r.name for r in policy.recipients][:2] == ["Hosting", "Payments"]
    assert not [p.label for p in policy.purposes if p.label in ("Hosting", "Payments")]


def test_example_of_a_recipient_category_is_not_another_recipient() -> None:
    policy = _parse(
        "# Disclosure\n\nWe may disclose your data to authorities such as the police "
        "when required by law.\n"
    )
    assert [r.name for r in policy.recipients] == ["authorities"]
