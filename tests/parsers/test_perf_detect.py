"""The shortcuts of the seed parsers' detect() give the scores of the plain computations.

Each reference below is the detection as first written: every regex run over every block,
heading or source, without literal pre-tests, windows or kept values.
"""

from __future__ import annotations

import gc
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import SEEDS, SHARED
from privmodel.parsers.document import HEADING, LABEL_VALUE, Block, BlockKind, Document
from privmodel.parsers.extract import clear_text_caches
from privmodel.parsers.extract._phrases import fold_case
from privmodel.parsers.layout import (
    blocks_holding,
    headings_found,
    lowered_blocks,
    may_be_numbered,
    source_matches,
    unnumbered,
)
from privmodel.parsers.readers import read_path, read_text
from privmodel.parsers.registry import parsers
from privmodel.parsers.seeds import bluecromos, calectro, cleverom, cleverom_roles
from privmodel.parsers.seeds import work_management_saas as wms
from privmodel.parsers.seeds.bluescreen_activities import PARTS, SUBJECTS
from privmodel.parsers.seeds.bluescreen_text import heading_key
from privmodel.parsers.seeds.cleverom_sections import _QUESTION_TITLE, is_pseudo_heading

CORPUS = SHARED / "corpus"
DOCUMENTS = sorted(SEEDS.glob("*.txt")) + (
    sorted(p for p in CORPUS.iterdir() if p.name != "README.md") if CORPUS.is_dir() else []
)
SEED_NAMES = ("bluecromos", "bluescreen", "calectro", "cleverom", "work_management_saas")


# The plain computations ---------------------------------------------------------------
def _plain_unnumbered(heading: str) -> str:
    return re.sub(r"^\s*\d{1,2}\.\s*", "", heading).strip().rstrip(".:")


def _plain_found(document: Document, wanted: frozenset[str], key: object) -> int:
    keys = {fold_case(key(b.text).removesuffix("\n"))  # type: ignore[operator]
            for b in document.blocks if b.kind is HEADING}
    return len(wanted & keys)


def _plain_bluecromos(document: Document) -> float:
    heads = [b for b in document.blocks if b.kind is HEADING]
    numbered = [h for h in heads if re.match(r"^\s*\d{1,2}\.\s+\S", h.text)]
    found = _plain_found(document, bluecromos._DISTINCTIVE, _plain_unnumbered)
    score = 0.45 * min(1.0, found / 6)
    if len(numbered) >= 8:
        score += 0.1
    first = document.blocks.index(numbered[0]) if numbered else len(document.blocks)
    labels = {
        (b.label or "").strip().lower()
        for b in document.blocks[:first]
        if b.kind is LABEL_VALUE and bluecromos._HEADER_LABELS.match((b.label or "").strip())
    }
    score += 0.05 * len(labels)
    if bluecromos._PROCESSOR_SELF.search(document.source):
        score += 0.1
    if bluecromos._IMAGE_PLATFORM.search(document.source):
        score += 0.1
    return round(min(score, 0.95), 3)


def _plain_bluescreen(document: Document) -> float:
    activities = sum(
        1 for b in document.blocks
        if b.kind is HEADING and PARTS.get(heading_key(b.text)) == SUBJECTS
    )
    score = 0.5 if activities >= 3 else 0.0
    if any("kartläggning" in b.text.lower() for b in document.blocks if b.kind is HEADING):
        score += 0.1
    text = fold_case(document.source)
    if "är personuppgiftsansvarig" in text:
        score += 0.15
    if any(f"egenskap av{space}personuppgiftsbiträde" in text for space in " \u00a0"):
        score += 0.15
    return min(score, 0.95)


def _plain_calectro(document: Document) -> float:
    own = _plain_found(document, calectro._OWN, str.strip)
    template = _plain_found(document, calectro._TEMPLATE, str.strip)
    score = 0.6 * min(1.0, own / 5) + 0.15 * min(1.0, template / 4)
    if calectro._SELF.search(document.source):
        score += 0.1
    if calectro._PROCESSOR_LIST.search(document.source):
        score += 0.1
    return round(min(score, 0.95), 3)


def _plain_title(text: str) -> str:
    return " ".join(re.sub(r"[^a-z]+", " ", text.lower()).split())


def _plain_pseudo_heading(block: object) -> bool:
    kind, text = block.kind, block.text.strip()  # type: ignore[attr-defined]
    if kind not in (BlockKind.LIST_ITEM, BlockKind.PARAGRAPH) or not _QUESTION_TITLE.match(text):
        return False
    return all(w[0].isupper() for w in text.split() if len(w) > 3)


def _plain_cleverom(document: Document) -> float:
    heads = {_plain_title(b.text) for b in document.blocks
             if b.kind is HEADING or _plain_pseudo_heading(b)}
    layout = len(heads & cleverom._TITLES) / len(cleverom._TITLES)
    contact = any(cleverom._CONTACT_INTRO.match(b.text) for b in document.blocks)
    contact_block = contact and {"company", "address", "email"} <= {
        (b.label or "").lower() for b in document.blocks
    }
    claims = (
        any(cleverom_roles._CONTROLLER_CLAIM.search(b.text) for b in document.blocks),
        any(cleverom_roles._PROCESSOR_CLAIM.search(b.text) for b in document.blocks),
    )
    score = 0.4 * layout + 0.25 * contact_block + 0.25 * claims[0] + 0.1 * claims[1]
    return round(0.9 * score, 3)


def _plain_wms(document: Document) -> float:
    hits = _plain_found(document, wms._DISTINCTIVE, _plain_unnumbered)
    selfs = sum(any(p.search(b.text) for b in document.blocks) for _, p in wms._SELF)
    return min(0.95, 0.1 * hits + 0.05 * selfs)


PLAIN = {
    "bluecromos": _plain_bluecromos,
    "bluescreen": _plain_bluescreen,
    "calectro": _plain_calectro,
    "cleverom": _plain_cleverom,
    "work_management_saas": _plain_wms,
}


def _scores(document: Document) -> dict[str, float]:
    return {name: parsers()[name].detect(document) for name in SEED_NAMES}


def _plain_scores(document: Document) -> dict[str, float]:
    return {name: PLAIN[name](document) for name in SEED_NAMES}


# Whole documents ------------------------------------------------------------------------
@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name)
def test_scores_of_seeds_and_corpus_are_the_plain_ones(path: Path) -> None:
    document = read_path(path)
    assert _scores(document) == _plain_scores(document)
    clear_text_caches()
    assert _scores(document) == _plain_scores(document)  # cold and warm alike


def test_plain_scores_recognise_each_seed() -> None:  # the references are meaningful
    best = {max(_plain_scores(read_path(p)).items(), key=lambda kv: kv[1])
            for p in sorted(SEEDS.glob("*.txt"))}
    assert {name for name, _ in best} == set(SEED_NAMES)
    assert all(score >= 0.5 for _, score in best)


_PIECES = [
    "Cleverom acts as the data controller only with respect to the contact information of "
    "its own customer organizations.", "Cleverom acts as the data processor on behalf of "
    "the customer.", "We act primarily as a data processor.", "It ACTS MAINLY AS A DATA "
    "PROCESSOR", "as a data processor", "a platform that can capture images", "image capture",
    "platform. capture images", "CAPTURE", "(Personal Data Controller)", "personal data "
    "processors are used for", "personal data processor is used for", "Work items",
    "When you use it (Customer):", "when you ", "Contact details for privacy matters",
    "Company: Acme Oy", "Address: Street 1", "Email: a@b.fi", "# How to Contact Us",
    "## 3. Data Security", "What we collect", "How We Use Your Information", "1. Roles and "
    "Responsibilities", "12.  Sensitive Personal Data:", "# KARTLÄGGNING", "## KATEGORIER AV "
    "REGISTRERADE", "## Kategori av registrerade*", "är personuppgiftsansvarig", "Vi är i "
    "egenskap av\u00a0personuppgiftsbiträde", "İ", "ı", "ſ", "K", ".", "x", "\n", "\n\n",
    "Effective Date: 1 May 2024", "Contact: x", "# Title", "- item",
]


@given(st.lists(st.sampled_from(_PIECES), max_size=14), st.sampled_from(["", " ", "\n", "\n\n"]),
       st.sampled_from(["text/plain", "text/markdown"]))
def test_scores_of_generated_documents_are_the_plain_ones(
    parts: list[str], sep: str, media_type: str
) -> None:
    document = read_text(sep.join([*parts, "x"]), media_type=media_type)
    assert _scores(document) == _plain_scores(document)


# The pieces -----------------------------------------------------------------------------
_TEXT = st.text(st.sampled_from("aZ 1.2:?é\u00e4\u00c4\u0130\u0131\u017f\u212a\t\n-_Ω\ud800"),
                max_size=30)


@given(_TEXT)
def test_title_is_the_plain_one(text: str) -> None:
    assert cleverom._title(text) == _plain_title(text)


@given(_TEXT)
def test_unnumbered_is_the_plain_one(text: str) -> None:
    assert unnumbered(text) == _plain_unnumbered(text)
    if not may_be_numbered(text):
        assert not re.match(r"^\s*\d", text)


@given(st.lists(st.sampled_from(["How", "What", "Which", "we", "Use", "data", "x" * 70, " ",
                                 "?", ".", "\n"]), max_size=8), st.sampled_from(list(BlockKind)))
def test_pseudo_heading_is_the_plain_one(words: list[str], kind: BlockKind) -> None:
    for block in read_text(" ".join([*words, "x"]), media_type="text/plain").blocks:
        moved = block.__class__(kind=kind, text=block.text, start=block.start, end=block.end,
                                section=block.section)
        assert is_pseudo_heading(moved) == _plain_pseudo_heading(moved)


_SOURCE_PATTERNS = [
    (bluecromos._PROCESSOR_SELF, "as a data processor", bluecromos._PROCESSOR_LEAD),
    (bluecromos._IMAGE_PLATFORM, "capture", None),
    (calectro._SELF, calectro._SELF_WORDS, 0),
    (calectro._PROCESSOR_LIST, "personal data processor", 0),
]


@given(st.lists(st.sampled_from(_PIECES), max_size=12), st.sampled_from(["", " ", ".", "\n"]))
def test_source_matches_is_a_search_of_the_source(parts: list[str], sep: str) -> None:
    document = read_text(sep.join([*parts, "x"]), media_type="text/plain")
    for pattern, literal, lead in _SOURCE_PATTERNS:
        expected = pattern.search(document.source) is not None
        assert source_matches(document, pattern, literal, lead) == expected


@given(st.lists(st.sampled_from(_PIECES), max_size=12))
def test_blocks_holding_are_the_blocks_that_hold_the_literal(parts: list[str]) -> None:
    document = read_text("\n\n".join([*parts, "x"]), media_type="text/markdown")
    for literal in ("data processor", "when you ", "kartläggning", "k"):
        expected = [b for b in document.blocks if literal in fold_case(b.text)]
        assert blocks_holding(document, literal) == expected


def test_kept_values_belong_to_their_document() -> None:
    one = read_text("# Who we are\n\nWork items.\n", media_type="text/markdown")
    assert lowered_blocks(one) == "who we are\nwork items."
    assert headings_found(one, frozenset({"who we are"}), str.strip) == 1
    del one
    gc.collect()
    two = read_text("# Other\n\nText.\n", media_type="text/markdown")  # maybe the same address
    assert lowered_blocks(two) == "other\ntext."
    assert headings_found(two, frozenset({"who we are"}), str.strip) == 0
    clear_text_caches()
    assert lowered_blocks.cache_info().currsize == 0
    assert lowered_blocks(two) == "other\ntext."


@pytest.mark.parametrize("first", ["How", "Where", "Which", " Which", "Who", "Whom", "Hi"])
def test_pseudo_heading_up_to_the_longest_title(first: str) -> None:
    for n in range(50, 64):
        text = f"{first} {'B' * n}\n"
        block = Block(kind=BlockKind.PARAGRAPH, text=text, start=0, end=len(text), section=())
        assert is_pseudo_heading(block) == _plain_pseudo_heading(block)
