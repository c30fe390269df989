"""Facts a policy gives as lists: data categories, purposes, recipients, measures, sources."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence

from privmodel.parsers.base import PolicyBuilder
from privmodel.parsers.common import clean_label, split_examples
from privmodel.parsers.document import Block, BlockKind
from privmodel.schema import Fact

LIST_KINDS = (BlockKind.LIST_ITEM, BlockKind.TABLE_ROW, BlockKind.LABEL_VALUE)
_MAX_LABEL = 160
# Items such as "Email: privacy@example.com" or a bare address are contact lines, not labels.
_CONTACT_LIKE = re.compile(r"@|https?://|www\.|\+?\d[\d\s-]{6,}")


def list_items(blocks: Iterable[Block]) -> list[Block]:
    """The list-like blocks, skipping contact lines and over-long prose."""
    return [
        b for b in blocks
        if b.kind in LIST_KINDS and 2 <= len(b.text.strip()) <= _MAX_LABEL
        and not _CONTACT_LIKE.search(b.text)
    ]


def label_of(block: Block) -> tuple[int, int, str, tuple[str, ...]]:
    """Span, label and examples of a list item ('Label (e.g., a, b)' or 'Label: a, b')."""
    text = block.text
    if block.kind is BlockKind.TABLE_ROW and block.cells:
        i, j = block.cells[0]
        return i, j, clean_label(text[i:j]), ()
    label, examples = split_examples(text)
    lead = len(text) - len(text.lstrip())
    start = text.find(label, lead) if label else lead
    start = lead if start < 0 else start
    return start, start + len(label), label, examples


def add_list_facts(
    b: PolicyBuilder,
    collection: str,
    blocks: Sequence[Block],
    make: Callable[[str, tuple[str, ...]], Fact],
    *,
    confidence: float = 0.8,
) -> list[Fact]:
    """One fact per list item, labelled as written, with its evidence."""
    added: list[Fact] = []
    for block in list_items(blocks):
        start, end, label, examples = label_of(block)
        if not label:
            continue
        fact = make(label, examples).model_copy(
            update={"evidence": (b.evidence(block, start, end),), "confidence": confidence}
        )
        added.append(b.add(collection, fact))
    return added
