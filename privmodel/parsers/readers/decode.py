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
from typing import Any

from privmodel.parsers.document import Block, BlockKind

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
_COLLAPSE = frozenset(" \t\n\r\f")
# Whitespace that does not stay as it is: any run with a tab or line break, or 2+ spaces.
_IRREGULAR_SPACE = re.compile(r"[ \t\n\r\f]*[\t\n\r\f][ \t\n\r\f]*| {2,}")


class Chars:
    """Visible text being built from pieces of a source, with a source span per char.

    Runs of ASCII whitespace collapse to one space (at the position of the run's first
    character); whitespace at the start is dropped and :meth:`block` drops it at the end.
    Characters decoded from a character reference all map to the reference's span.
    """

    def __init__(self) -> None:
        self.chars: list[str] = []
        self.offsets: list[int] = []
        self.ends: list[int] = []

    def __bool__(self) -> bool:
        return bool(self.chars)

    def text(self) -> str:
        return "".join(self.chars)

    def add(self, char: str, start: int, end: int) -> None:
        """Append one visible character whose source is ``source[start:end]``."""
        if char in _COLLAPSE or (char.isspace() and not self.chars):
            if not self.chars or self.chars[-1] == " ":
                return
            char = " "
        self.chars.append(char)
        self.offsets.append(start)
        self.ends.append(end)

    def add_raw(self, text: str, pos: int) -> None:
        """Append ``text`` (found at ``source[pos:]``) without decoding references.

        Only runs of whitespace other than a single space change the text, so the pieces
        between them are appended whole: the result is what :meth:`add` gives character
        by character, at a fraction of the cost.
        """
        last = 0
        for match in _IRREGULAR_SPACE.finditer(text):
            self._add_plain(text[last : match.start()], pos + last)
            self.add(" ", pos + match.start(), pos + match.start() + 1)
            last = match.end()
        self._add_plain(text[last:], pos + last)

    def _add_plain(self, piece: str, start: int) -> None:
        """Append a piece whose only collapsible whitespace is single spaces."""
        skip = 0
        while skip < len(piece):
            char = piece[skip]
            if (not self.chars and char.isspace()) or (
                char == " " and self.chars and self.chars[-1] == " "
            ):
                skip += 1
                continue
            break
        if skip == len(piece):
            return
        first, stop = start + skip, start + len(piece)
        self.chars.extend(piece[skip:])
        self.offsets.extend(range(first, stop))
        self.ends.extend(range(first + 1, stop + 1))

    def add_decoded(self, text: str, pos: int) -> None:
        """Append ``text`` (found at ``source[pos:]``), decoding character references."""
        last = 0
        for match in _CHAR_REF.finditer(text):
            decoded = html.unescape(match.group())
            if decoded == match.group():
                continue
            self.add_raw(text[last : match.start()], pos + last)
            for char in decoded:
                self.add(char, pos + match.start(), pos + match.end())
            last = match.end()
        self.add_raw(text[last:], pos + last)

    def add_synthetic(self, text: str) -> None:
        """Append separator text that has no source; it maps to the end of what precedes."""
        at = self.ends[-1] if self.ends else 0
        for char in text:
            self.chars.append(char)
            self.offsets.append(at)
            self.ends.append(at)

    def add_gap(self) -> None:
        """Append a separating space (without source) unless one is already there."""
        if self.chars and not self.chars[-1].isspace():
            self.add_synthetic(" ")

    def truncate(self, size: int) -> None:
        del self.chars[size:], self.offsets[size:], self.ends[size:]

    def extend(self, other: Chars) -> None:
        self.chars += other.chars
        self.offsets += other.offsets
        self.ends += other.ends

    def trim(self) -> None:
        """Drop trailing whitespace."""
        while self.chars and self.chars[-1].isspace():
            del self.chars[-1], self.offsets[-1], self.ends[-1]

    def block(self, source: str, kind: BlockKind, **fields: Any) -> Block | None:
        """A block of the collected text (``None`` if it is empty); clears the buffer."""
        self.trim()
        if not self.chars:
            return None
        text = self.text()
        start, end = self.offsets[0], self.ends[-1]
        offsets: tuple[int, ...] | None = None
        ends: tuple[int, ...] | None = None
        if source[start:end] != text:
            offsets = tuple(self.offsets)
            if self.ends != [s + 1 for s in self.offsets]:  # some char spans != 1
                ends = tuple(self.ends)
        self.chars, self.offsets, self.ends = [], [], []
        return Block(
            kind=kind, text=text, start=start, end=end, offsets=offsets, ends=ends, **fields
        )
