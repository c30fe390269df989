"""Byte decoding for source documents.

Order of attempts: UTF-32 / UTF-16 / UTF-8 byte-order marks, UTF-16 without a BOM
(recognised by the pattern of NUL bytes), UTF-8, then cp1252 with a warning.  A BOM is
removed, so offsets in a :class:`~privmodel.parsers.document.Document` index into the
text *after* the BOM.  Nothing else is normalised (``\\r\\n`` stays as it is).
"""

from __future__ import annotations

import codecs
import html
import re
from functools import partial

from privmodel.parsers.document import (
    Block,
    BlockKind,
    Run,
    SourceMap,
    new_block,
    run_ends,
    run_offsets,
)

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

CP1252_WARNING = "not valid UTF-8; decoded as cp1252"


def _utf16_without_bom(data: bytes) -> str | None:
    """The UTF-16 codec a BOM-less text seems to use, from where its NUL bytes are."""
    if len(data) < 4 or len(data) % 2:
        return None
    even, odd = data[0::2], data[1::2]
    half = len(data) // 2
    even_nul, odd_nul = even.count(0), odd.count(0)
    if odd_nul >= 0.6 * half and even_nul <= 0.05 * half:
        return "utf-16-le"
    if even_nul >= 0.6 * half and odd_nul <= 0.05 * half:
        return "utf-16-be"
    return None


def decode(data: bytes) -> tuple[str, tuple[str, ...]]:
    """Decode ``data``; returns the text and warnings about the decoding.

    Raises :class:`UnicodeDecodeError` when a declared or detected encoding does not fit
    the bytes, or when the cp1252 fallback meets one of its five undefined bytes.
    """
    # UTF-32-LE's BOM starts with UTF-16-LE's, so UTF-32 is tried first.
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(codec), ()
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        return data.decode(utf16), ()
    try:
        return data.decode("utf-8"), ()
    except UnicodeDecodeError:
        return data.decode("cp1252"), (CP1252_WARNING,)


_CHAR_REF = re.compile(r"&(?:#[0-9]{1,7};?|#[xX][0-9a-fA-F]{1,6};?|[A-Za-z][A-Za-z0-9]{1,31};?)")
_COLLAPSE_CHARS = " \t\n\r\f"
_COLLAPSE = frozenset(_COLLAPSE_CHARS)
# A run of collapsible whitespace, or a run of anything else.
_PIECE = re.compile(r"[ \t\n\r\f]+|[^ \t\n\r\f]+")

# How a run's characters map to the source: plain (one to one), span (every character
# to the run's whole span) or collapsed (the raw source text, see Chars).
_Layout = bool | str
_Run = tuple[str, int, int, _Layout]


def _collapsed_pieces(run: _Run) -> list[Run]:
    """The plain runs of a collapsed run: its pieces and the first char of each space run."""
    _, start, _, raw = run
    assert isinstance(raw, str)
    pieces: list[Run] = []
    for match in _PIECE.finditer(raw):
        at, piece = start + match.start(), match.group()
        pieces.append((" ", at, at + 1, True) if piece[0] in _COLLAPSE else (piece, at, 0, True))
    return pieces


def _plain_runs(runs: list[_Run]) -> list[Run]:
    """``runs`` with each collapsed run replaced by its plain runs."""
    found: list[Run] = []
    for run in runs:
        text, start, end, layout = run
        if isinstance(layout, str):
            found += _collapsed_pieces(run)
        else:
            found.append((text, start, end, layout))
    return found


def _run_end(run: _Run) -> int:
    """The source index just after the source of a run's last character."""
    text, start, end, layout = run
    return start + len(text) if layout is True else end


class Chars:
    """Visible text being built from pieces of a source, with a source span per char.

    Runs of ASCII whitespace collapse to one space (at the position of the run's first
    character); whitespace at the start is dropped and :meth:`block` drops it at the end.
    Characters decoded from a character reference all map to the reference's span.

    The text is kept as runs ``(text, start, end, layout)``.  A plain run (layout
    ``True``) maps its ``i``-th character to ``source[start + i]``; a span run (``False``)
    maps every character to the span ``source[start:end]``; a collapsed run (layout the
    raw text at ``source[start:]``) is that text with each run of collapsible whitespace
    as one space, and ``end`` is just after the source of its last character.  A block
    keeps its runs as a :class:`~privmodel.parsers.document.SourceMap`, expanded (and
    collapsed runs cut into plain ones) only if its offsets are read.
    """

    __slots__ = ("_last", "_runs", "_size")

    def __init__(self) -> None:
        self._runs: list[_Run] = []
        self._size = 0
        self._last = ""  # the last character, "" when empty

    def __bool__(self) -> bool:
        return self._size > 0

    def __len__(self) -> int:
        return self._size

    @property
    def chars(self) -> list[str]:
        """The characters, one per list item."""
        return list(self.text())

    @property
    def offsets(self) -> list[int]:
        """The source index of each character."""
        return list(run_offsets(_plain_runs(self._runs)))

    @property
    def ends(self) -> list[int]:
        """The source index just after each character's source."""
        return list(run_ends(_plain_runs(self._runs)))

    def _append(self, text: str, start: int, end: int, layout: _Layout) -> None:
        self._runs.append((text, start, end, layout))
        self._size += len(text)
        self._last = text[-1]

    def text(self) -> str:
        return "".join([run[0] for run in self._runs])

    def add(self, char: str, start: int, end: int) -> None:
        """Append one visible character whose source is ``source[start:end]``."""
        if char in _COLLAPSE or (char.isspace() and not self._size):
            if not self._size or self._last == " ":
                return
            char = " "
        self._append(char, start, end, end == start + 1)

    def add_raw(self, text: str, pos: int) -> None:
        """Append ``text`` (found at ``source[pos:]``) without decoding references.

        The whitespace :meth:`add` would drop at the start is cut; the rest is one run
        whose runs of collapsible whitespace are made single spaces by string methods
        (a tab, line break or form feed becomes a space, then double spaces are halved
        until none is left).  The result is what :meth:`add` gives character by
        character, at a fraction of the cost.
        """
        if not self._size:
            kept = text.lstrip()  # no text yet: any leading whitespace is dropped
        elif self._last == " ":
            kept = text.lstrip(_COLLAPSE_CHARS)
        else:
            kept = text
        if not kept:
            return
        pos += len(text) - len(kept)
        flat = kept
        if "\n" in kept or "\t" in kept or "\r" in kept or "\f" in kept:
            flat = kept.replace("\n", " ").replace("\t", " ").replace("\r", " ").replace("\f", " ")
        if "  " not in flat:  # every character maps to its own
            self._append(flat, pos, 0, True)
            return
        visible = flat.replace("  ", " ")
        while "  " in visible:
            visible = visible.replace("  ", " ")
        end = pos + len(kept)
        if flat[-1] == " ":  # a final run of whitespace is one space at its first char
            end = pos + len(kept.rstrip(_COLLAPSE_CHARS)) + 1
        self._append(visible, pos, end, kept)

    def add_decoded(self, text: str, pos: int) -> None:
        """Append ``text`` (found at ``source[pos:]``), decoding character references."""
        last = 0
        if "&" in text:
            for match in _CHAR_REF.finditer(text):
                decoded = html.unescape(match.group())
                if decoded == match.group():
                    continue
                self.add_raw(text[last : match.start()], pos + last)
                for char in decoded:
                    self.add(char, pos + match.start(), pos + match.end())
                last = match.end()
        self.add_raw(text[last:] if last else text, pos + last)

    def add_synthetic(self, text: str) -> None:
        """Append separator text that has no source; it maps to the end of what precedes."""
        if not text:
            return
        at = self._end()
        self._append(text, at, at, False)

    def _end(self) -> int:
        """The source index just after the last character (0 when empty)."""
        return _run_end(self._runs[-1]) if self._runs else 0

    def add_gap(self) -> None:
        """Append a separating space (without source) unless one is already there."""
        if self._size and not self._last.isspace():
            self.add_synthetic(" ")

    def truncate(self, size: int) -> None:
        """Keep only the first ``size`` characters."""
        runs = self._runs
        while self._size > size:
            run = runs.pop()
            text, start, end, layout = run
            self._size -= len(text)
            if self._size < size:
                if isinstance(layout, str):  # cut a collapsed run into its plain runs
                    runs += _collapsed_pieces(run)
                    self._size += len(text)
                    continue
                runs.append((text[: size - self._size], start, end, layout))
                self._size = size
        self._last = runs[-1][0][-1] if runs else ""

    def extend(self, other: Chars) -> None:
        if other._size:
            self._runs += other._runs
            self._size += other._size
            self._last = other._last

    def trim(self) -> None:
        """Drop trailing whitespace."""
        runs = self._runs
        while runs and self._last.isspace():
            text, start, end, layout = runs.pop()
            kept = text.rstrip()
            self._size -= len(text) - len(kept)
            if kept:
                if isinstance(layout, str):  # the whitespace at the end of the raw text
                    layout = layout.rstrip()
                    end = start + len(layout)
                runs.append((kept, start, end, layout))
                self._last = kept[-1]
            else:
                self._last = runs[-1][0][-1] if runs else ""

    def trimmed(self) -> str:
        """Drop trailing whitespace, and return the text."""
        self.trim()
        return self.text()

    def block(
        self,
        source: str,
        text: str,
        kind: BlockKind,
        section: tuple[str, ...],
        level: int = 0,
        label: str | None = None,
        cells: tuple[tuple[int, int], ...] = (),
    ) -> Block | None:
        """A block of ``text`` (``None`` if it is empty); clears the buffer.

        ``text`` is what :meth:`trimmed` returned, with nothing added since.
        """
        runs = self._runs
        self._runs, self._size, self._last = [], 0, ""
        if not text:
            return None
        start, end = runs[0][1], _run_end(runs[-1])
        source_map = None
        if source[start:end] != text:
            source_map = SourceMap(partial(_plain_runs, runs))
        # Positional arguments: a Block is made per block of every document.
        return new_block(
            kind, text, start, end, section, level, source_map, label, cells, source_map
        )
