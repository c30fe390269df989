"""The readers' faster forms give exactly what the forms they replaced gave (session 4)."""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from privmodel.parsers.document import Block, BlockKind, SourceMap, new_block
from privmodel.parsers.readers import read_text

SEEDS = sorted((Path(__file__).resolve().parent.parent / "seeds").glob("*.txt"))

# -- Blocks built by new_block are the blocks Block(...) builds -------------------------------

_offsets = st.one_of(
    st.none(),
    st.lists(st.integers(0, 10_000), max_size=8).map(tuple),
    st.builds(lambda runs: SourceMap(lambda: runs), st.just([("ab", 3, 0, True)])),
)
_fields = st.tuples(
    st.sampled_from(list(BlockKind)),
    st.text(max_size=20),
    st.integers(0, 10_000),
    st.integers(0, 10_000),
    st.lists(st.text(max_size=5), max_size=3).map(tuple),
    st.integers(0, 6),
    _offsets,
    st.one_of(st.none(), st.text(max_size=8)),
    st.lists(st.tuples(st.integers(0, 50), st.integers(0, 50)), max_size=3).map(tuple),
    _offsets,
)


def _same(built: Block, plain: Block) -> None:
    assert type(built) is Block
    for field in attrs.fields(Block):
        assert getattr(built, field.name) is getattr(plain, field.name)
    assert built == plain
    assert hash(built) == hash(plain)
    assert repr(built) == repr(plain)


@given(_fields)
def test_new_block_is_the_block_init_builds(fields: tuple[object, ...]) -> None:
    _same(new_block(*fields), Block(*fields))  # type: ignore[arg-type]


def test_new_block_defaults_are_those_of_block() -> None:
    args = (BlockKind.PARAGRAPH, "text", 3, 7, ("A",))
    _same(new_block(*args), Block(*args))


def test_new_block_builds_a_frozen_block() -> None:
    block = new_block(BlockKind.HEADING, "Title", 0, 5, (), 1)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        block.text = "other"  # type: ignore[misc]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        del block.text  # type: ignore[misc]
    assert attrs.evolve(block, text="Other").text == "Other"


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name)
def test_seed_blocks_are_the_blocks_block_init_builds(seed: Path) -> None:
    for block in read_text(seed.read_text(encoding="utf-8")).blocks:
        fields = [getattr(block, field.name) for field in attrs.fields(Block)]
        _same(block, Block(*fields))
