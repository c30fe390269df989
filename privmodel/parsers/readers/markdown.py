"""Markdown reader: ATX and setext headings, lists, pipe tables, paragraphs.

Inline markup (emphasis, strikethrough, links, images, inline code, inline HTML, backslash
escapes, character references) is removed from ``text``; ``offsets`` map each visible
character to the source.  Front matter and HTML comments are skipped: they are blanked
out (replaced by spaces, keeping line breaks) before reading, so offsets stay true.
Consecutive paragraph lines form one paragraph (the line break reads as a space).
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

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

_FRONT_MATTER = re.compile(r"\A(---|\+\+\+)[ \t]*\r?\n.*?^(?:\1|\.\.\.)[ \t]*$", re.S | re.M)
_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.S)
_ATX = re.compile(r" {0,3}(#{1,6})(?:[ \t]+|$)")
_ATX_CLOSE = re.compile(r"[ \t]+#+[ \t]*$|^#+[ \t]*$")
_SETEXT = re.compile(r" {0,3}(=+|-+)[ \t]*$")
_BREAK = re.compile(r" {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$")
_FENCE = re.compile(r" {0,3}(`{3,}|~{3,})")
_BULLET = re.compile(r"([ \t]*)(?:[-*+]|\d{1,9}[.)])(?:[ \t]+|$)")
_QUOTE = re.compile(r" {0,3}>[ \t]?")
_TABLE_SEP = re.compile(r"\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$")
_CODE = re.compile(r"(`+)(.+?)(?<!`)\1(?!`)")
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
_AUTOLINK = re.compile(r"<((?:https?://|mailto:)[^\s<>]+|[\w.+-]+@[\w.-]+\.\w+)>")
_LINK = re.compile(r"!?\[([^\[\]]*)\](?:\([^()\s]*(?:[ \t]+\"[^\"]*\")?\)|\[[^\[\]]*\])")
# Runs of up to three "*" or "_", or "~~"; each branch starts with its literal so that
# the regex engine skips to the candidate characters instead of trying every position.
_EMPHASIS = re.compile(r"\*\*?\*?|__?_?|~~")
# The first characters of every inline construct _inline_marks looks for.
_MARKUP = "`\\<[*_~"
_PUNCT = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")


def _blank_out(source: str, pattern: re.Pattern[str], text: str) -> str:
    """``text`` with every match of ``pattern`` in ``source`` replaced by spaces."""
    parts: list[str] = []
    last = 0
    for match in pattern.finditer(source):
        parts += [text[last : match.start()], re.sub(r"[^\r\n]", " ", match.group())]
        last = match.end()
    return "".join(parts) + text[last:]


# What each character of a line is to _inline_marks: text (references decoded), text
# as it stands (code, escaped punctuation) or markup, left out.
_TEXT, _LITERAL, _HIDDEN = 0, 1, 2
# A run of characters of one kind, in the marks of a line.
_MARK_RUN = re.compile(rb"\x00+|\x01+|\x02+")


def _set(marks: bytearray, start: int, end: int, mark: int) -> None:
    """Mark the characters ``start:end`` of a line as ``mark``."""
    marks[start:end] = bytes((mark,)) * (end - start)


def _inline_marks(line: str) -> bytearray:
    """What each character of ``line`` is: ``_TEXT``, ``_LITERAL`` or ``_HIDDEN``.

    A character is marked (not ``_TEXT``) once it is markup or literal; markup found
    later overrides literal, and a construct only starts at a character not yet marked.
    """
    marks = bytearray(len(line))
    if "`" in line:
        for m in _CODE.finditer(line):
            _set(marks, m.start(), m.start(2), _HIDDEN)
            _set(marks, m.end(2), m.end(), _HIDDEN)
            _set(marks, m.start(2), m.end(2), _LITERAL)
    n = line.find("\\")
    while 0 <= n < len(line) - 1:
        if line[n + 1] in _PUNCT and not marks[n]:
            marks[n] = _HIDDEN
            if marks[n + 1] != _HIDDEN:
                marks[n + 1] = _LITERAL
        n = line.find("\\", n + 1)
    if "<" in line or "[" in line:
        # Autolinks never overlap, so each one marks characters inside its own span only.
        for m in _AUTOLINK.finditer(line):
            if not marks[m.start()]:
                marks[m.start()] = marks[m.end() - 1] = _HIDDEN
        for m in _TAG.finditer(line):
            if not marks[m.start()]:
                _set(marks, m.start(), m.end(), _HIDDEN)
        for m in _LINK.finditer(line):
            if not marks[m.start()]:
                _set(marks, m.start(), m.start(1), _HIDDEN)
                _set(marks, m.end(1), m.end(), _HIDDEN)
    _mark_emphasis(line, marks)
    return marks


def _mark_emphasis(line: str, marks: bytearray) -> None:
    """Mark paired emphasis delimiter runs (same run text, opener then closer) as markup."""
    openers: list[re.Match[str]] = []
    for m in _EMPHASIS.finditer(line):
        if marks[m.start()]:
            continue
        before = line[m.start() - 1] if m.start() else " "
        after = line[m.end()] if m.end() < len(line) else " "
        intraword = before.isalnum() and after.isalnum()
        if m.group()[0] == "_" and intraword:
            continue
        if not before.isspace() and openers and any(o.group() == m.group() for o in openers):
            while openers[-1].group() != m.group():
                openers.pop()
            opener = openers.pop()
            _set(marks, opener.start(), opener.end(), _HIDDEN)
            _set(marks, m.start(), m.end(), _HIDDEN)
        elif not after.isspace():
            openers.append(m)


def add_inline(chars: Chars, line: str, pos: int) -> None:
    """Append the visible text of a Markdown ``line`` found at ``source[pos:]``."""
    if not any(map(line.__contains__, _MARKUP)):  # no inline markup: one decoded run
        chars.add_decoded(line, pos)
        return
    marks = _inline_marks(line)
    for run in _MARK_RUN.finditer(marks):
        start, end = run.span()
        mark = marks[start]
        if mark == _TEXT:
            chars.add_decoded(line[start:end], pos + start)
        elif mark == _LITERAL:
            chars.add_raw(line[start:end], pos + start)


@dataclass(slots=True)
class _State:
    source: str
    blocks: list[Block] = field(default_factory=list)
    sections: SectionTracker = field(default_factory=SectionTracker)
    para: Chars = field(default_factory=Chars)
    para_kind: BlockKind = PARAGRAPH
    para_level: int = 0
    bullets: list[int] = field(default_factory=list)
    fence: str = ""
    table: bool = False

    def emit(
        self,
        chars: Chars,
        kind: BlockKind,
        level: int = 0,
        cells: tuple[tuple[int, int], ...] = (),
    ) -> None:
        text = chars.trimmed()
        label = None
        if kind is PARAGRAPH and (label := find_label(text)) is not None:
            kind = LABEL_VALUE
        section = self.sections.enter(level, text) if kind is HEADING else self.sections.current()
        block = chars.block(self.source, text, kind, section, level, label, cells)
        if block is not None:
            self.blocks.append(block)

    def end_paragraph(self) -> None:
        if self.para:
            self.emit(self.para, self.para_kind, self.para_level)  # which empties it
        self.para_kind, self.para_level = PARAGRAPH, 0

    def bullet_level(self, indent: int) -> int:
        while self.bullets and self.bullets[-1] > indent:
            self.bullets.pop()
        if not self.bullets or self.bullets[-1] < indent:
            self.bullets.append(indent)
        return len(self.bullets)


def _table_row(state: _State, line: str, pos: int) -> None:
    row = Chars()
    cells: list[tuple[int, int]] = []
    bounds = [m.start() for m in re.finditer(r"(?<!\\)\|", line)]
    edges = [-1, *bounds, len(line)]
    for left, right in itertools.pairwise(edges):
        segment = line[left + 1 : right]
        if not segment.strip():
            continue
        mark = len(row)
        if cells:
            row.add_synthetic(" | ")
        begin = len(row)
        add_inline(row, segment, pos + left + 1)
        row.trim()
        if len(row) > begin:
            cells.append((begin, len(row)))
        else:
            row.truncate(mark)
    state.emit(row, TABLE_ROW, cells=tuple(cells))


def _is_table(state: _State, line: str, following: str) -> bool:
    """Whether ``line``, which has a "|", is a row of a table (its separator row included)."""
    if state.table:
        return True
    stripped = line.strip()
    head = bool(_TABLE_SEP.match(following)) and "-" in following
    return head or (stripped.startswith("|") and stripped.count("|") >= 2)


def _block_line(state: _State, line: str, pos: int, following: str, head: str) -> None:
    """Read one non-blank line outside code fences; ``head`` is its first visible char."""
    # Each pattern is only tried on the lines whose first visible character it can match.
    if head == "#" and (atx := _ATX.match(line)) is not None:
        state.end_paragraph()
        state.bullets.clear()
        body = _ATX_CLOSE.sub("", line[atx.end() :])
        chars = Chars()
        add_inline(chars, body, pos + atx.end())
        state.emit(chars, HEADING, len(atx.group(1)))
    elif head in "=-" and state.para and state.para_kind is PARAGRAPH and _SETEXT.match(line):
        level = 1 if head == "=" else 2
        state.emit(state.para, HEADING, level)
    elif head in "*-_" and _BREAK.match(line):
        state.end_paragraph()
    elif "|" in line and _is_table(state, line, following):
        state.end_paragraph()
        state.table = True
        if not (_TABLE_SEP.match(line) and "-" in line):
            _table_row(state, line, pos)
    elif (head in "-*+" or head.isdecimal()) and (item := _BULLET.match(line)) is not None:
        state.end_paragraph()
        lead = item.group(1)
        indent = len(lead) + 3 * lead.count("\t")  # a tab counts as four
        state.para_kind, state.para_level = LIST_ITEM, state.bullet_level(indent)
        add_inline(state.para, line[item.end() :], pos + item.end())
    else:
        quote = _QUOTE.match(line) if head == ">" else None
        skip = quote.end() if quote else 0
        if state.para:
            state.para.add("\n", pos - 1, pos)
        elif not line[:1].isspace():
            state.bullets.clear()
        add_inline(state.para, line[skip:], pos + skip)


def _line(state: _State, line: str, pos: int, following: str) -> None:
    stripped = line.strip()
    if state.fence:
        if stripped.startswith(state.fence):
            state.fence = ""
        else:
            code = Chars()
            code.add_raw(line, pos)
            state.emit(code, PARAGRAPH)
        return
    if not stripped:
        state.end_paragraph()
        state.table = False
        return
    if stripped[0] in "`~" and (fence := _FENCE.match(line)) is not None:
        state.end_paragraph()
        state.fence = fence.group(1)
        return
    _block_line(state, line, pos, following, stripped[0])


def read_markdown(source: str) -> tuple[tuple[Block, ...], str | None]:
    """Blocks of a Markdown document, and its title (the first level-1 heading)."""
    visible = _blank_out(source, _FRONT_MATTER, source)
    visible = _blank_out(source, _COMMENT, visible)
    state = _State(source)
    raws = visible.splitlines(keepends=True)
    lines = [raw.rstrip("\r\n") for raw in raws]
    starts = itertools.accumulate(map(len, raws), initial=0)  # one more than the lines
    for line, following, pos in zip(lines, [*lines[1:], ""], starts, strict=False):
        _line(state, line, pos, following)
    state.end_paragraph()
    title = next(
        (b.text for b in state.blocks if b.kind is HEADING and b.level == 1), None
    )
    return tuple(state.blocks), title
