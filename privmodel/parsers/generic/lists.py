"""Facts a policy gives as lists: data categories, purposes, recipients, measures, sources."""

from __future__ import annotations

import re
from collections.abc import Iterable

from privmodel.parsers.common import clean_label, split_examples
from privmodel.parsers.document import Block, BlockKind

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
