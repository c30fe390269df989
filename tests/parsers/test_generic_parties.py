"""The generic parser's publisher name and transfers, on short self-written snippets."""

from __future__ import annotations

from privmodel.parsers.generic.parser import GenericParser
from privmodel.parsers.readers import read_text
from privmodel.schema import Policy


def _parse(text: str) -> Policy:
    result = GenericParser().parse(read_text(text, media_type="text/markdown"))
    return result.policy


def test_publisher_is_the_stated_controller_not_a_processor() -> None:
    policy = _parse(
        "# Privacy notice\n\nExample Widgets Ltd hosts our servers.\n\n"
        "## Who we are\n\nNorthwind Union is the data controller for your personal data.\n"
    )
    assert policy.publisher is not None
    assert policy.publisher.name == "Northwind Union"


def test_publisher_name_line_of_identity_section() -> None:
    policy = _parse("# Privacy notice\n\n## 1. Controller\n\nThe University of Examples\n")
    assert policy.publisher is not None
    assert policy.publisher.name == "University of Examples"


def test_abstains_on_a_processor_company_name() -> None:
    policy = _parse(
        "# Privacy notice\n\n## Suppliers\n\nOur member system is run by Hosting Services AS.\n"
    )
    assert policy.publisher is None or policy.publisher.name is None


def test_transfer_reads_mechanism_across_section() -> None:
    policy = _parse(
        "# Privacy\n\n## International transfers\n\n"
        "Your data may be transferred to the United States.\n\n"
        "We rely on standard contractual clauses approved by the European Commission.\n"
    )
    assert [(t.countries, t.mechanisms) for t in policy.transfers] == [(("US",), ("scc",))]


def test_country_inside_mechanism_name_is_no_destination() -> None:
    policy = _parse(
        "# Privacy\n\n## International transfers\n\n"
        "Data goes to third countries under the EU-U.S. Data Privacy Framework.\n"
    )
    assert [(t.countries, t.mechanisms) for t in policy.transfers] == [((), ("dpf",))]


def test_invalidated_mechanism_is_recorded() -> None:
    policy = _parse(
        "# Privacy\n\nData is stored by us in the United States. "
        "We comply with the Safe Harbor framework.\n"
    )
    [transfer] = policy.transfers
    assert transfer.relies_on_invalidated_mechanism
