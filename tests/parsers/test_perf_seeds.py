"""The shortcuts of the seed parsers' parse paths change no result.

Document.sections() against the block-by-block computation; the Bluescreen readers' word
tests against their patterns; the retention test of an activity's items against the
plain one.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from conftest import SEEDS
from privmodel.parsers.document import Block, BlockKind, Document
from privmodel.parsers.readers import read_path, read_text
from privmodel.parsers.seeds import bluescreen, bluescreen_parties
from privmodel.parsers.seeds.bluescreen_retention import Stated, mentions_retention
from privmodel.parsers.seeds.bluescreen_text import item_spans, sentence_spans

SEED_DOCUMENTS = [read_path(p) for p in sorted(SEEDS.glob("*.txt"))]
BLOCKS = [b for d in SEED_DOCUMENTS for b in d.blocks]


def _plain_sections(document: Document) -> list[tuple[Block | None, list[Block]]]:
    lead: list[Block] = []
    result: list[tuple[Block | None, list[Block]]] = []
    open_bodies: list[tuple[int, list[Block]]] = []
    for block in document.blocks:
        if block.kind is BlockKind.HEADING:
            while open_bodies and open_bodies[-1][0] >= block.level:
                open_bodies.pop()
        elif not result:
            lead.append(block)
        for _, body in open_bodies:
            body.append(block)
        if block.kind is BlockKind.HEADING:
            body: list[Block] = []
            result.append((block, body))
            open_bodies.append((block.level, body))
    return [(None, lead), *result] if lead else result


def test_sections_of_the_seeds_are_the_plain_ones() -> None:
    for document in SEED_DOCUMENTS:
        assert document.sections() == _plain_sections(document)


@given(st.lists(st.sampled_from(["# A", "## B", "### C", "#### D", "text", "- item", "E\n==="]),
                max_size=14))
def test_sections_of_generated_documents_are_the_plain_ones(lines: list[str]) -> None:
    document = read_text("\n\n".join([*lines, "end"]), media_type="text/markdown")
    assert document.sections() == _plain_sections(document)


_SWEDISH = [
    "Vi sparar uppgifterna i 3 år", "så länge kundrelationen varar", "tills preskription",
    "inte längre behövs och raderas", "aktiv kundrelation", "sessionscookies", "två månader",
    "Fakturera", "LAGRAS I TVÅ ÅR", "•", "〉", " • ", "\u00a0", "vår", "12", "dagar", "İ", "ı",
    "personuppgiftsbiträden som hjälper oss inom följande kategorier:",
    "delar vi uppgifter med våra partners", "Polisen skulle kräva tillgång om det finns ett "
    "domstolsbeslut", "behandlar vi följande kategorier:", "delar\u00a0vi uppgifter med",
    "personuppgiftsbiträden\u00a0inom följande\u00a0kategorier", ".", "x",
]


def _swedish_blocks(parts: list[str], sep: str) -> list[Block]:
    return list(read_text(sep.join([*parts, "x"]), media_type="text/plain").blocks)


@given(st.lists(st.sampled_from(_SWEDISH), max_size=10), st.sampled_from([" ", " • ", "\n"]))
def test_item_retention_test_is_the_plain_one(parts: list[str], sep: str) -> None:
    for block in _swedish_blocks(parts, sep):
        stated = Stated(block, "sv")
        for i, j in [*item_spans(block.text), *sentence_spans(block.text), (0, len(block.text))]:
            assert stated.mentions(i, j) == mentions_retention(block.text[i:j], "sv")


def test_item_retention_test_on_the_seeds() -> None:
    found = 0
    for block in BLOCKS:
        stated = Stated(block, "sv")
        for i, j in item_spans(block.text):
            plain = mentions_retention(block.text[i:j], "sv")
            assert stated.mentions(i, j) == plain
            found += plain
    assert found > 0


def _word_tests_hold(text: str) -> None:
    plain = text.replace("\u00a0", " ")
    if bluescreen._CATEGORY_LIST.search(plain):
        assert bluescreen._CATEGORIES in text
    if bluescreen_parties._PROCESSOR_LIST.search(plain):
        assert bluescreen_parties._PROCESSOR_WORD in text
    if bluescreen_parties._PARTNERS.search(plain):
        assert bluescreen_parties._PARTNERS_WORD in text
    if bluescreen_parties._DEMAND in plain:
        assert bluescreen_parties._DEMAND_WORD in text


def test_word_tests_of_the_bluescreen_readers_on_the_seeds() -> None:
    for block in BLOCKS:
        _word_tests_hold(block.text)


@given(st.lists(st.sampled_from(_SWEDISH), max_size=10), st.sampled_from([" ", "\u00a0", ""]))
def test_word_tests_of_the_bluescreen_readers(parts: list[str], sep: str) -> None:
    _word_tests_hold(sep.join(parts))
