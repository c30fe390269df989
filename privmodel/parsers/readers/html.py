"""HTML reader with exact source offsets.

A small regex scanner walks the raw HTML (tags, comments, declarations, text), so every
visible character keeps the offset of its source character; character references are
decoded per text chunk (all decoded characters map to the reference's span).  Nothing is
ever fetched or resolved from outside: only HTML's own named and numeric character
references are decoded.  Invisible content (script, style, noscript, template, svg, math,
form controls) is skipped; ``footer`` is kept since policies put contact details there.

Blocks: ``h1``-``h6`` are headings, ``li`` list items (level = list nesting), ``tr`` table
rows (cells joined by " | "), ``dt``/``dd`` pairs label-value blocks, any other text a
paragraph ("Label: value" paragraphs become label-value blocks).  ``<br>`` and every
block-level tag end a block.  Whitespace runs collapse to one space.
"""

from __future__ import annotations

import re

from privmodel.parsers.document import (
    HEADING,
    LABEL_VALUE,
    LIST_ITEM,
    PARAGRAPH,
    TABLE_ROW,
    Block,
    BlockKind,
    SectionTracker,
)
from privmodel.parsers.readers.decode import Chars
from privmodel.parsers.readers.text import find_label


def _split(words: str) -> list[str]:
    return words.split()


_TOKEN = re.compile(
    r"<!--.*?(?:-->|\Z)|<![^>]*>?|<\?[^>]*>?"
    r"|</([A-Za-z][A-Za-z0-9:-]*)[^>]*>?"
    r"|<([A-Za-z][A-Za-z0-9:-]*)((?:\"[^\"]*\"|'[^']*'|[^'\"<>])*)>",
    re.S,
)
_LANG = re.compile(r"""\blang\s*=\s*["']?([A-Za-z]{2,3})\b""")
_SKIP = frozenset(
    _split(
        "script style noscript template svg math textarea select iframe noembed noframes xmp object"
    )
)
_VOID = frozenset(_split("area base br col embed hr img input link meta param source track wbr"))
_BLOCK = frozenset(
    _split(
        "address article aside blockquote body caption center dd details dialog div dl dt "
        "fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 head header hgroup hr html "
        "legend li main menu nav ol p pre section summary table tbody td tfoot th thead tr ul "
        "br"
    )
)
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_LISTS = frozenset({"ul", "ol", "menu"})
_CONTEXT = frozenset(_HEADINGS) | {"li", "dt", "dd"}
_SCOPES = {
    "li": _LISTS,
    "dt": frozenset({"dl"}),
    "dd": frozenset({"dl"}),
    "tr": frozenset({"table", "tbody", "thead", "tfoot"}),
    "td": frozenset({"tr", "table"}),
    "th": frozenset({"tr", "table"}),
}
_LANGUAGES = frozenset({"en", "sv", "da", "nb", "no", "fi", "de"})


class _Reader:
    def __init__(self, source: str) -> None:
        self.source = source
        self.stack: list[str] = []
        self.chars = Chars()
        self.row: Chars | None = None
        self.cells: list[tuple[int, int]] = []
        self.cell_start: int | None = None
        self.sep_start = 0
        self.pending: Chars | None = None  # a <dt> waiting for its <dd>
        self.blocks: list[Block] = []
        self.sections = SectionTracker()
        self.title: str | None = None
        self.lang: str | None = None

    # -- scanning ---------------------------------------------------------------------

    def run(self) -> None:
        pos = 0
        while pos < len(self.source):
            match = _TOKEN.search(self.source, pos)
            stop = match.start() if match else len(self.source)
            if stop > pos:
                self._text(pos, stop)
            if match is None:
                break
            pos = match.end()
            if match.group(1):
                self._end_tag(match.group(1).lower())
            elif match.group(2):
                pos = self._start_tag(match.group(2).lower(), match.group(3), pos)
        self._flush_row()
        self._flush()
        self._emit_pending()

    def _text(self, start: int, stop: int) -> None:
        target = self.row if self.row is not None else self.chars
        target.add_decoded(self.source[start:stop], start)

    def _raw_end(self, name: str, pos: int) -> tuple[int, int]:
        """Where the raw text of element ``name`` (begun at ``pos``) ends, and after it."""
        close = re.compile(rf"</{name}\s*>", re.I).search(self.source, pos)
        if close is None:
            return len(self.source), len(self.source)
        return close.start(), close.end()

    def _start_tag(self, name: str, attrs: str, pos: int) -> int:
        if name in _SKIP:
            return self._raw_end(name, pos)[1]
        if name == "title":
            stop, after = self._raw_end(name, pos)
            if self.title is None:
                title = Chars()
                title.add_decoded(self.source[pos:stop], pos)
                self.title = title.trimmed() or None
            return after
        if name == "html" and self.lang is None and (found := _LANG.search(attrs)):
            self.lang = found.group(1).lower()
        if name in _BLOCK:
            self._open_block(name)
        if name not in _VOID:
            self.stack.append(name)
        return pos

    def _end_tag(self, name: str) -> None:
        if name == "br":  # </br> is read as <br>
            self._open_block(name)
            return
        if name not in self.stack:
            return
        if name in _BLOCK and not self._in_cell(name):
            self._flush()
        if name in ("td", "th"):
            self._close_cell()
        if name == "tr" or name == "table":
            self._flush_row()
        del self.stack[len(self.stack) - 1 - self.stack[::-1].index(name) :]

    def _in_cell(self, name: str) -> bool:
        """Whether a block boundary at tag ``name`` falls inside a table row."""
        return self.row is not None and name not in ("tr", "table", "tbody", "thead", "tfoot")

    def _open_block(self, name: str) -> None:
        if self._in_cell(name):
            if name in ("td", "th"):
                self._open_cell(name)
            elif self.row is not None:
                self.row.add_gap()
            return
        self._flush()
        if name in _SCOPES:
            self._pop_to(_SCOPES[name])
        elif self.stack and self.stack[-1] == "p":
            self.stack.pop()
        if name == "tr":
            self._flush_row()
            self.row = Chars()
            self.cells = []
            self.cell_start = None

    def _pop_to(self, scope: frozenset[str]) -> None:
        """Implicitly close elements back to the innermost element of ``scope``."""
        for n in range(len(self.stack) - 1, -1, -1):
            if self.stack[n] in scope:
                del self.stack[n + 1 :]
                return

    # -- blocks -----------------------------------------------------------------------

    def _context(self) -> tuple[BlockKind, int, str]:
        for name in reversed(self.stack):
            if name in _CONTEXT:
                if name in _HEADINGS:
                    return HEADING, int(name[1]), name
                if name == "li":
                    depth = sum(n in _LISTS for n in self.stack)
                    return LIST_ITEM, max(depth, 1), name
                return LABEL_VALUE, 0, name
        return PARAGRAPH, 0, ""

    def _flush(self) -> None:
        if not self.chars:
            return
        kind, level, name = self._context()
        if name == "dt":
            self._emit_pending()
            self.chars.trim()
            self.pending, self.chars = self.chars, Chars()
            return
        if name == "dd" and self.pending is not None:
            self._emit_label_value()
            return
        self._emit_pending()
        if kind is LABEL_VALUE:
            kind = PARAGRAPH
        self._emit(self.chars, kind, level)

    def _emit_label_value(self) -> None:
        assert self.pending is not None
        label = self.pending.text()
        merged = Chars()
        merged.extend(self.pending)
        merged.add_synthetic(" " if label.endswith(":") else ": ")
        merged.extend(self.chars)
        self.chars, self.pending = Chars(), None
        self._emit(merged, LABEL_VALUE, 0, label=label.rstrip(":").strip())

    def _emit_pending(self) -> None:
        if self.pending is not None:
            pending, self.pending = self.pending, None
            self._emit(pending, PARAGRAPH, 0)

    def _emit(self, chars: Chars, kind: BlockKind, level: int, label: str | None = None) -> None:
        text = chars.trimmed()
        if kind is PARAGRAPH and (found := find_label(text)) is not None:
            kind, label = LABEL_VALUE, found
        section = self.sections.enter(level, text) if kind is HEADING else self.sections.current()
        block = chars.block(self.source, text, kind, section, level, label)
        if block is not None:
            self.blocks.append(block)

    def _open_cell(self, name: str) -> None:
        self._close_cell()
        self._pop_to(_SCOPES[name])
        if self.row is None:
            return
        self.row.trim()
        self.sep_start = len(self.row)
        if self.cells:
            self.row.add_synthetic(" | ")
        self.cell_start = len(self.row)

    def _close_cell(self) -> None:
        if self.row is None or self.cell_start is None:
            return
        self.row.trim()
        if len(self.row) > self.cell_start:
            self.cells.append((self.cell_start, len(self.row)))
        else:
            self.row.truncate(self.sep_start)
        self.cell_start = None

    def _flush_row(self) -> None:
        if self.row is None:
            return
        self._close_cell()
        row, self.row = self.row, None
        text = row.trimmed()
        cells = tuple((i, min(j, len(row))) for i, j in self.cells if i < len(row))
        self._emit_pending()
        block = row.block(
            self.source, text, TABLE_ROW, self.sections.current(), cells=cells
        )
        if block is not None:
            self.blocks.append(block)


def read_html(source: str) -> tuple[tuple[Block, ...], str | None, str | None]:
    """Blocks of an HTML document, its title (``<title>`` or first ``h1``) and ``lang``."""
    reader = _Reader(source)
    reader.run()
    title = reader.title or next(
        (b.text for b in reader.blocks if b.kind is HEADING and b.level == 1), None
    )
    lang = reader.lang if reader.lang in _LANGUAGES else None
    return tuple(reader.blocks), title, "nb" if lang == "no" else lang
