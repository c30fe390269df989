"""The reader output model: a :class:`Document` made of located :class:`Block` objects.

Every offset indexes into :attr:`Document.source`, the *decoded* text of the file (a UTF-8
byte-order mark is stripped before offsets are counted; ``\\r\\n`` is kept as is).  For
plain text a block's ``text`` is exactly ``source[start:end]``; for Markdown and HTML the
markup and character references are removed from ``text`` and ``offsets``/``ends`` map
every visible character back to the source.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterator, Sequence
from itertools import chain, repeat

import attrs


class BlockKind(enum.StrEnum):
    """What a block is, structurally."""

    HEADING = "heading"
    PARAGRAPH = "paragraph"
    LIST_ITEM = "list_item"
    TABLE_ROW = "table_row"
    LABEL_VALUE = "label_value"


# The members as module constants, for code that tests the kind of every line or block:
# reading a member off its enum class goes through the enum metaclass, some fifteen times
# slower than reading a global on Python 3.11.
HEADING = BlockKind.HEADING
PARAGRAPH = BlockKind.PARAGRAPH
LIST_ITEM = BlockKind.LIST_ITEM
TABLE_ROW = BlockKind.TABLE_ROW
LABEL_VALUE = BlockKind.LABEL_VALUE


Run = tuple[str, int, int, bool]
"""A piece of a block's text and its source: ``(text, start, end, plain)``.

A plain run maps its ``i``-th character to ``source[start + i]``; any other run maps
every character to the span ``source[start:end]``.
"""


def run_offsets(runs: Sequence[Run]) -> Iterator[int]:
    """The source index of each character of ``runs``."""
    return chain.from_iterable(
        [
            range(start, start + len(text)) if plain else repeat(start, len(text))
            for text, start, _, plain in runs
        ]
    )


def run_ends(runs: Sequence[Run]) -> Iterator[int]:
    """The source index just after each character's source."""
    return chain.from_iterable(
        [
            range(start + 1, start + len(text) + 1) if plain else repeat(end, len(text))
            for text, start, end, plain in runs
        ]
    )


class SourceMap:
    """The source of each character of a block's text, as runs expanded when first asked.

    Readers build one for every block whose text is not a slice of the source, from a
    function giving the block's runs; only the blocks something is quoted from ever pay
    for the runs and the per-character tuples.
    """

    __slots__ = ("_expanded", "_runs")

    def __init__(self, runs: Callable[[], Sequence[Run]]) -> None:
        self._runs = runs
        self._expanded: tuple[tuple[int, ...], tuple[int, ...] | None] | None = None

    def _expand(self) -> tuple[tuple[int, ...], tuple[int, ...] | None]:
        if self._expanded is None:
            runs = self._runs()
            offsets = tuple(run_offsets(runs))
            ends = None
            if any(not plain and end != start + 1 for _, start, end, plain in runs):
                ends = tuple(run_ends(runs))  # some char spans != 1
            self._expanded = offsets, ends
            del self._runs
        return self._expanded

    def offsets(self) -> tuple[int, ...]:
        """The source index of each character."""
        return self._expand()[0]

    def ends(self) -> tuple[int, ...] | None:
        """The source index just after each character's source; ``None`` if always ``+ 1``."""
        return self._expand()[1]


def _offsets_key(value: tuple[int, ...] | SourceMap | None) -> tuple[int, ...] | None:
    return value.offsets() if isinstance(value, SourceMap) else value


def _ends_key(value: tuple[int, ...] | SourceMap | None) -> tuple[int, ...] | None:
    return value.ends() if isinstance(value, SourceMap) else value


@attrs.frozen(repr=False)
class Block:
    """One structural unit of a document, with its position in the source.

    ``offsets[i]`` is the source index of ``text[i]`` (``None`` when ``text`` is
    ``source[start:end]``).  ``ends[i]``, when given, is the source index just after the
    source of ``text[i]``: it differs from ``offsets[i] + 1`` for characters decoded from
    a character reference such as ``&amp;``, so that a quoted span never cuts one.  Both
    may be given as one :class:`SourceMap`, expanded when first read.
    """

    kind: BlockKind
    text: str
    start: int
    end: int
    section: tuple[str, ...]
    level: int = 0
    _offsets: tuple[int, ...] | SourceMap | None = attrs.field(default=None, eq=_offsets_key)
    label: str | None = None
    cells: tuple[tuple[int, int], ...] = ()
    _ends: tuple[int, ...] | SourceMap | None = attrs.field(default=None, eq=_ends_key)

    @property
    def offsets(self) -> tuple[int, ...] | None:
        """The source index of each character of ``text`` (``None`` if it is a slice)."""
        return _offsets_key(self._offsets)

    @property
    def ends(self) -> tuple[int, ...] | None:
        """The source index just after each character's source (``None``: ``offsets + 1``)."""
        return _ends_key(self._ends)

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in _BLOCK_FIELDS)
        return f"Block({fields})"

    def source_span(self, i: int, j: int) -> tuple[int, int]:
        """The source span ``(s, e)`` of ``text[i:j]``."""
        if not 0 <= i <= j <= len(self.text):
            raise ValueError(f"span {i}:{j} outside block text of length {len(self.text)}")
        offsets = self._offsets
        if offsets is None:
            return self.start + i, self.start + j
        if isinstance(offsets, SourceMap):
            offsets = offsets.offsets()
        if i == j:
            pos = offsets[i] if i < len(offsets) else self.end
            return pos, pos
        ends = self.ends
        last = ends[j - 1] if ends is not None else offsets[j - 1] + 1
        return offsets[i], last


_BLOCK_FIELDS = tuple(str(field.alias) for field in attrs.fields(Block))


class _BlockBuilder(Block):
    """A :class:`Block` whose slots can be assigned, only to build one in :func:`new_block`.

    Same slots, no new ones, so an instance can become a plain ``Block`` by assigning its
    ``__class__``.  The object's own ``__setattr__``/``__delattr__`` let CPython store
    into the slots directly (a Python-level one on either would route every store
    through it).
    """

    __slots__ = ()
    __setattr__ = object.__setattr__
    __delattr__ = object.__delattr__


_new_object = object.__new__


def new_block(
    kind: BlockKind,
    text: str,
    start: int,
    end: int,
    section: tuple[str, ...],
    level: int = 0,
    offsets: tuple[int, ...] | SourceMap | None = None,
    label: str | None = None,
    cells: tuple[tuple[int, int], ...] = (),
    ends: tuple[int, ...] | SourceMap | None = None,
) -> Block:
    """``Block(kind, text, ...)``, the same block, built at a third of the cost.

    The frozen ``Block.__init__`` stores each of its ten fields through a bound
    ``object.__setattr__`` call; the readers build a block for every line or paragraph
    of every document.  Here the fields are stored as plain slot assignments on a
    :class:`_BlockBuilder`, which then becomes a ``Block``: the fields, class, equality,
    hash and frozenness are those of ``Block(...)`` with the same arguments.
    """
    block: Block = _new_object(_BlockBuilder)
    block.kind = kind  # type: ignore[misc]
    block.text = text  # type: ignore[misc]
    block.start = start  # type: ignore[misc]
    block.end = end  # type: ignore[misc]
    block.section = section  # type: ignore[misc]
    block.level = level  # type: ignore[misc]
    block._offsets = offsets  # type: ignore[misc]
    block.label = label  # type: ignore[misc]
    block.cells = cells  # type: ignore[misc]
    block._ends = ends  # type: ignore[misc]
    block.__class__ = Block
    return block


@attrs.frozen
class Document:
    """A decoded source text and the blocks read from it."""

    source: str
    blocks: tuple[Block, ...]
    media_type: str
    language: str
    path: str | None = None
    sha256: str = ""
    title: str | None = None
    warnings: tuple[str, ...] = ()

    def headings(self) -> tuple[Block, ...]:
        """All heading blocks, in document order."""
        return tuple(b for b in self.blocks if b.kind is BlockKind.HEADING)

    def sections(self) -> list[tuple[Block | None, list[Block]]]:
        """Each heading with the blocks under it (until a heading of same or higher level).

        Blocks before the first heading come first, paired with ``None``. One pass finds
        where each body ends (the headings still open are closed by a heading of the same
        or a higher level); each body is then one slice, so long documents stay linear.
        """
        blocks = self.blocks
        starts: list[int] = []  # the index of each heading
        ends: list[int] = []  # the index where its body ends
        open_heads: list[tuple[int, int]] = []  # (level, number) of the headings still open
        for i, block in enumerate(blocks):
            if block.kind is BlockKind.HEADING:
                while open_heads and open_heads[-1][0] >= block.level:
                    ends[open_heads.pop()[1]] = i
                open_heads.append((block.level, len(starts)))
                starts.append(i)
                ends.append(len(blocks))
        result: list[tuple[Block | None, list[Block]]] = [
            (blocks[i], list(blocks[i + 1:end])) for i, end in zip(starts, ends, strict=True)
        ]
        lead = list(blocks[: starts[0] if starts else len(blocks)])
        return [(None, lead), *result] if lead else result

    def quote(self, block: Block, i: int = 0, j: int | None = None) -> tuple[int, int, str]:
        """``(s, e, source[s:e])`` for ``block.text[i:j]``."""
        s, e = block.source_span(i, len(block.text) if j is None else j)
        return s, e, self.source[s:e]


class SectionTracker:
    """Computes section paths while headings are read in document order."""

    def __init__(self) -> None:
        self._stack: list[tuple[int, str]] = []
        self._path: tuple[str, ...] = ()  # texts of the open headings

    def current(self) -> tuple[str, ...]:
        """Texts of the open headings, outermost first."""
        return self._path

    def enter(self, level: int, text: str) -> tuple[str, ...]:
        """Open a heading; returns its parents' path (the heading's own ``section``)."""
        stack = self._stack
        if stack and stack[-1][0] >= level:
            while stack and stack[-1][0] >= level:
                stack.pop()
            self._path = tuple(text for _, text in stack)
        parents = self._path
        stack.append((level, text))
        self._path = (*parents, text)
        return parents
