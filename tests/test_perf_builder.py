"""The faster paths of the model and the builder give what the plain ones give: slugs as
the regular expression made them, ids as validation derives them, merged facts as add
merges them."""

from __future__ import annotations

import re
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from privmodel.parsers.base import PolicyBuilder
from privmodel.parsers.readers import read_bytes
from privmodel.schema import DataCategory, Evidence, LegalBasis, Purpose, slugify
from privmodel.schema.base import derive_id
from privmodel.schema.vocab import LegalBasisCode, PartyRole

_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def _regex_slugify(text: str) -> str:
    """slugify as it was first written."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return _NOT_SLUG.sub("-", folded.lower()).strip("-") or "x"


@pytest.mark.parametrize("start", range(0, 0x30000, 0x1000))
def test_slugify_every_character(start: int) -> None:
    for cp in range(start, start + 0x1000):
        if 0xD800 <= cp < 0xE000:
            continue
        for text in (chr(cp), f"A{chr(cp)}b", chr(cp) * 2):
            assert slugify(text) == _regex_slugify(text), hex(cp)


@given(st.text())
def test_slugify_like_the_regex(text: str) -> None:
    assert slugify(text) == _regex_slugify(text)


@given(st.text(alphabet="aZ9 -_.,éÅöß\u00a0\u0301ﬁ²", max_size=30))
def test_slugify_separators(text: str) -> None:
    assert slugify(text) == _regex_slugify(text)


DOC = read_bytes("Vi behandlar e-post för marknadsföring. Vi behandlar e-post igen.".encode(),
                 path="x.txt")
CASES = [
    (DataCategory, {"label": "E-post"}),
    (DataCategory, {"label": "E-post", "role": PartyRole.PROCESSOR, "examples": ("a",)}),
    (DataCategory, {"label": "E-post", "role": PartyRole.CONTROLLER}),
    (Purpose, {"label": "Marknadsföring", "concept": None}),
    (LegalBasis, {"code": LegalBasisCode.CONSENT, "purpose_ids": ("purpose:x", "purpose:y")}),
    (LegalBasis, {"code": "consent", "label": "samtycke"}),
]


@pytest.mark.parametrize(("cls", "fields"), CASES)
def test_derive_id_as_validation(cls: type[DataCategory], fields: dict[str, object]) -> None:
    assert derive_id(cls, fields) == cls(**fields).id  # type: ignore[arg-type]


@pytest.mark.parametrize(("cls", "fields"), CASES)
def test_add_fact_as_add(cls: type[DataCategory], fields: dict[str, object]) -> None:
    spans = [(0, 2), (3, 12), (0, 2), (13, 18)]
    by_add, by_fields = PolicyBuilder(DOC, "x"), PolicyBuilder(DOC, "x")
    for s, e in spans:
        ev = by_add.span_evidence(s, e)
        added = by_add.add("c", cls(**fields, evidence=(ev,)))  # type: ignore[arg-type]
        stored = by_fields.add_fact("c", cls, **fields, evidence=(ev,))
        assert stored == added
    assert by_add.items("c") == by_fields.items("c")
    assert [e.start for e in by_fields.items("c")[0].evidence] == [0, 3, 13]


def test_builder_evidence_is_checked() -> None:
    b = PolicyBuilder(DOC, "x")
    block = DOC.blocks[0]
    assert b.evidence(block, 3, 12) == Evidence(start=3, end=12, quote="behandlar")
    with pytest.raises(ValueError, match="quote"):
        b.span_evidence(5, 5)
