"""The block kinds as module constants, for the readers' per-line tests.

Reading a member off its enum class goes through the enum metaclass's attribute hook,
some fifteen times slower than reading a global on Python 3.11; the readers test and
assign kinds on every line of a document.
"""

from __future__ import annotations

from privmodel.parsers.document import BlockKind

HEADING = BlockKind.HEADING
PARAGRAPH = BlockKind.PARAGRAPH
LIST_ITEM = BlockKind.LIST_ITEM
TABLE_ROW = BlockKind.TABLE_ROW
LABEL_VALUE = BlockKind.LABEL_VALUE

__all__ = ["HEADING", "LABEL_VALUE", "LIST_ITEM", "PARAGRAPH", "TABLE_ROW"]
