"""The faster paths of the model and the builder give what the plain ones give: slugs as
the regular expression made them, ids as validation derives them, merged facts as add
merges them."""

from __future__ import annotations

import re
import unicodedata

import pytest
from hypothesis import example, given
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


_OPS = st.lists(st.tuples(st.sampled_from(["add", "replace", "update"]),
                          st.sampled_from(["a", "b"]),
                          st.sampled_from([(0, 2), (3, 12), (13, 18), (19, 22)])),
                max_size=12)


@given(_OPS)
@example([("add", "a", (0, 2)), ("add", "a", (3, 12)), ("replace", "a", (13, 18)),
          ("add", "a", (0, 2))])
@example([("add", "a", (0, 2)), ("add", "a", (3, 12)), ("update", "a", (0, 2)),
          ("add", "a", (3, 12))])
def test_merges_keep_spans_of_the_fact_as_now_stored(ops: list[tuple[str, str, tuple[int, int]]]
                                                     ) -> None:
    """Adding, replacing and changing facts in any order merges evidence as a plain model
    does: a span is added to a fact once, judged by the evidence the fact holds now."""
    b = PolicyBuilder(DOC, "x")
    plain: dict[str, tuple[tuple[int, int], ...]] = {}
    for op, label, (s, e) in ops:
        fact = Purpose(label=label, evidence=(b.span_evidence(s, e),))
        if op == "add":
            b.add("purposes", fact)
            held = plain.get(fact.id, ())
            plain[fact.id] = held if (s, e) in held else (*held, (s, e))
        elif op == "replace":
            b.replace("purposes", fact)
            plain[fact.id] = ((s, e),)
        else:
            b.update_all("purposes", lambda f: f.model_copy(
                update={"evidence": f.evidence[:1]}))
            plain = {k: v[:1] for k, v in plain.items()}
    got = {f.id: tuple((ev.start, ev.end) for ev in f.evidence) for f in b.items("purposes")}
    assert got == plain
