"""Document.sections() groups blocks under headings exactly like the plain definition."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from privmodel.parsers.document import Block, BlockKind, Document


def _naive(blocks: list[Block]) -> list[tuple[Block | None, list[Block]]]:
    """For each heading: the blocks after it up to a heading of the same or higher level."""
    out: list[tuple[Block | None, list[Block]]] = []
    first = next((n for n, b in enumerate(blocks) if b.kind is BlockKind.HEADING), len(blocks))
    if first:
        out.append((None, blocks[:first]))
    for n, head in enumerate(blocks):
        if head.kind is BlockKind.HEADING:
            body = []
            for block in blocks[n + 1:]:
                if block.kind is BlockKind.HEADING and block.level <= head.level:
                    break
                body.append(block)
            out.append((head, body))
    return out


levels = st.lists(st.integers(0, 4), max_size=40)


@given(levels)
def test_sections_match_the_definition(spec: list[int]) -> None:
    blocks = [
        Block(kind=BlockKind.HEADING if level else BlockKind.PARAGRAPH, text=f"b{n}",
              start=n, end=n + 1, section=(), level=level)
        for n, level in enumerate(spec)
    ]
    document = Document(source="x" * len(spec), blocks=tuple(blocks), media_type="text/plain",
                        language="en")
    assert document.sections() == _naive(blocks)
