"""Plain-text reader: one block per line, classified by its shape.

Every block's ``text`` is exactly ``source[start:end]`` (the line with surrounding
whitespace, and for list items the bullet glyph, stripped).  Blank lines (including lines
of spaces or no-break spaces) separate blocks but are never blocks themselves.

Heading levels: a title line at the top of the document is level 1; numbered headings
("1.", "3.2") are ``base + depth`` (``base`` 1 when there is a title, else 0); unnumbered
title-like headings are one level below the last numbered heading (or ``base + 1``);
ALL-CAPS headings are one level below the last heading that is not ALL-CAPS.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from privmodel.parsers.document import (
    HEADING,
    LABEL_VALUE,
    LIST_ITEM,
    PARAGRAPH,
    TABLE_ROW,
    Block,
    BlockKind,
    SectionTracker,
    new_block,
)

_BULLET_GLYPHS = "•-*–·○▪◦‣►〉›●■□✓"
_BULLET = re.compile(rf"([{re.escape(_BULLET_GLYPHS)}])[ \t\u00a0]+(?=\S)")
_NUMBERED = re.compile(r"(\d{1,2}(?:\.\d{1,2})*)(\.?)[ \t\u00a0]+(?=\S)")
_LABEL = re.compile(r"([^\W\d_][^:\n]{0,48}?):[ \t\u00a0]+\S")
_COLUMNS = re.compile(r"\t+| {3,}")
_NO_HEADING_END = ".,;:!"
_MAX_HEADING_CHARS = 120
_MAX_HEADING_WORDS = 14


@dataclass
class _Line:
    start: int
    text: str
    indent: int


@dataclass
class _Item:
    kind: BlockKind
    start: int
    text: str
    level: int = 0
    label: str | None = None
    cells: tuple[tuple[int, int], ...] = ()
    heading: str = ""  # "numbered", "caps" or "plain" for headings


def _lines(source: str) -> list[_Line | None]:
    """The source's lines, stripped, with their offsets; ``None`` for blank lines."""
    lines: list[_Line | None] = []
    pos = 0
    for raw in source.splitlines(keepends=True):
        text = raw.strip()
        if not text:
            lines.append(None)
        else:
            lead = len(raw) - len(raw.lstrip())
            indent = lead + 3 * raw.count("\t", 0, lead)  # a tab counts as four
            lines.append(_Line(pos + lead, text, indent))
        pos += len(raw)
    return lines


def _headingish(text: str) -> bool:
    """Short enough, and not ending like a sentence or an introduction."""
    return (
        len(text) <= _MAX_HEADING_CHARS
        and len(text.split()) <= _MAX_HEADING_WORDS
        and text[-1] not in _NO_HEADING_END
    )


def _is_caps(text: str) -> bool:
    if not text.isupper():  # cheap rejection: any lower-case letter, or none cased
        return False
    letters = list(filter(str.isalpha, text))
    return len(letters) >= 3 and all(map(str.isupper, letters)) and _headingish(text)


def find_label(text: str) -> str | None:
    """The label of a "Label: value" line (label of at most four words), else ``None``."""
    if ":" not in text[:50]:  # a match has its colon within the first 50 characters
        return None
    match = _LABEL.match(text)
    if match is None or not text[0].isupper() or len(match.group(1).split()) > 4:
        return None
    return match.group(1).strip()


def _cells(text: str) -> tuple[tuple[int, int], ...]:
    if "\t" not in text and "   " not in text:  # no column separator
        return ()
    cells: list[tuple[int, int]] = []
    pos = 0
    for sep in _COLUMNS.finditer(text):
        cells.append((pos, sep.start()))
        pos = sep.end()
    cells.append((pos, len(text)))
    if len(cells) < 2:
        return ()
    if "\t" not in text and any(j - i > 40 for i, j in cells):
        return ()
    return tuple(cells)


class _Classifier:
    """Turns lines into items, tracking colon-introduced runs and bullet nesting."""

    def __init__(self) -> None:
        self.items: list[_Item] = []
        self.run: int | None = None  # items so far in a run introduced by a ':' line
        self.bullets: list[int] = []  # indents of the open bullet levels

    def feed(self, line: _Line, after_blank: bool) -> None:
        if after_blank and self.run:
            self.run = None
        head = line.text[0]  # bullets and numbers are only looked for where they can start
        item = (
            (self._bullet(line) if head in _BULLET_GLYPHS else None)
            or self._table(line)
            or (self._numbered(line) if head.isdecimal() else None)
        )
        if item is None:
            item = self._other(line, after_blank)
        if item.kind is not LIST_ITEM or item.level == 0:
            self.bullets.clear()
        if item.kind is LIST_ITEM and item.level == 0:
            item.level = 1
        self._update_run(item)
        self.items.append(item)

    def _update_run(self, item: _Item) -> None:
        if item.kind in (PARAGRAPH, LABEL_VALUE) and item.text[-1] == ":":
            self.run = 0
        elif self.run is not None and item.kind in (LIST_ITEM, LABEL_VALUE):
            self.run += 1
        else:
            self.run = None

    def _bullet(self, line: _Line) -> _Item | None:
        match = _BULLET.match(line.text)
        if match is None:
            return None
        while self.bullets and self.bullets[-1] > line.indent:
            self.bullets.pop()
        if not self.bullets or self.bullets[-1] < line.indent:
            self.bullets.append(line.indent)
        self.run = None
        return _Item(
            LIST_ITEM,
            line.start + match.end(),
            line.text[match.end() :],
            level=len(self.bullets),
        )

    def _table(self, line: _Line) -> _Item | None:
        cells = _cells(line.text)
        if not cells:
            return None
        return _Item(TABLE_ROW, line.start, line.text, cells=cells)

    def _numbered(self, line: _Line) -> _Item | None:
        match = _NUMBERED.match(line.text)
        if match is None or not (match.group(2) or "." in match.group(1)):
            return None
        rest = line.text[match.end() :]
        if self.run != 0 and rest[0].isupper() and _headingish(rest):
            depth = match.group(1).count(".") + 1
            return _Item(HEADING, line.start, line.text, level=depth, heading="numbered")
        return _Item(LIST_ITEM, line.start + match.end(), rest)

    def _other(self, line: _Line, after_blank: bool) -> _Item:
        text = line.text
        if _is_caps(text):
            return _Item(HEADING, line.start, text, heading="caps")
        label = find_label(text)
        if label is not None:
            return _Item(LABEL_VALUE, line.start, text, label=label)
        if self.run is not None and (text[-1] != "." or len(text.split()) <= 6):
            return _Item(LIST_ITEM, line.start, text)
        if after_blank and text[0].isupper() and _headingish(text):
            return _Item(HEADING, line.start, text, heading="plain")
        return _Item(PARAGRAPH, line.start, text)


def _assign_levels(items: list[_Item]) -> bool:
    """Sets heading levels; returns whether the first item is a title."""
    heads = [it for it in items if it.kind is HEADING]
    title = bool(items) and items[0].heading in ("plain", "caps") and len(items) > 1
    base = 1 if title else 0
    last_numbered: int | None = None
    last_plain: int | None = None
    for n, head in enumerate(heads):
        if title and n == 0:
            head.level = 1
        elif head.heading == "numbered":
            head.level = last_numbered = last_plain = base + head.level
        elif head.heading == "plain":
            head.level = last_plain = (last_numbered or base) + 1
        else:
            head.level = (last_plain or base) + 1
    return title


def read_plain(source: str) -> tuple[tuple[Block, ...], str | None]:
    """Blocks of a plain-text document, and its title (the title line), if any."""
    classifier = _Classifier()
    after_blank = True
    for line in _lines(source):
        if line is None:
            after_blank = True
            continue
        classifier.feed(line, after_blank)
        after_blank = False
    items = classifier.items
    title = _assign_levels(items)
    tracker = SectionTracker()
    blocks: list[Block] = []
    for item in items:
        if item.kind is HEADING:
            section = tracker.enter(item.level, item.text)
        else:
            section = tracker.current()
        end = item.start + len(item.text)
        # Positional arguments (the offsets are None): cheaper to bind than keywords.
        block = new_block(
            item.kind, item.text, item.start, end, section, item.level, None, item.label, item.cells
        )
        blocks.append(block)
    return tuple(blocks), items[0].text if title else None
