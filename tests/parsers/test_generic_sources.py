"""Sources of data (Art. 14) read by the generic parser, on short self-written snippets."""

from privmodel.parsers.generic.parser import GenericParser
from privmodel.parsers.readers import read_text
from privmodel.schema import Policy


def _parse(text: str) -> Policy:
    return GenericParser().parse(read_text(text, media_type="text/markdown")).policy


def _labels(policy: Policy) -> list[str]:
    return [s.label for s in policy.sources]


def test_list_item_source_is_the_part_after_from() -> None:
    policy = _parse(
        "# Sources of personal data\n\n"
        "- Postal addresses from public registers to keep them current\n"
        "- Payment history from credit reference agencies, banks or lenders\n"
    )
    assert _labels(policy) == [
        "public registers", "credit reference agencies, banks or lenders"]
    for source in policy.sources:
        assert source.evidence[0].quote == source.label


def test_sentence_enumeration_skips_the_person_and_placeholders() -> None:
    policy = _parse(
        "# Sources\n\nWe obtain data from you yourself, your employer and the tax register.\n\n"
        "We may also receive data from third parties.\n"
    )
    assert _labels(policy) == ["your employer", "the tax register"]


def test_source_sentence_outside_a_sources_section_needs_a_source_noun() -> None:
    policy = _parse(
        "# About this notice\n\nWe receive information from your browser when you visit. "
        "We collect addresses from public registers.\n"
    )
    assert _labels(policy) == ["public registers"]


def test_swedish_source_sentence() -> None:
    policy = _parse(
        "# Varifrån får vi uppgifterna?\n\n"
        "Uppgifterna hämtas från dig och från externa källor såsom offentliga register.\n"
    )
    assert "externa källor" in _labels(policy)
    assert "dig" not in _labels(policy)
