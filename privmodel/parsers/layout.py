"""Section layouts by heading, shared by the per-document parsers.

A parser keeps its own data (the parts of its document and the heading patterns that name
them, the distinctive headings that recognise it); these helpers do the common work:
name a heading's part by the first pattern it matches, group the blocks of a document
under the headings that open sections, and count the distinctive headings present.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Generic, TypeVar

import attrs

from privmodel._memo import LastObjectCache
from privmodel.parsers.document import HEADING, Block, Document
from privmodel.parsers.extract._phrases import (
    fold_case,
    lowered,
    text_cache,
)

P = TypeVar("P")

_NUMBER = re.compile(r"^\s*\d{1,2}\.\s*")


def titles(*wordings: str) -> frozenset[str]:
    """Heading wordings for :func:`headings_found`: lower-case ASCII, found case-insensitively."""
    for wording in wordings:
        if not (wording.isascii() and wording == wording.lower()):
            raise ValueError(f"a title must be lower-case ASCII: {wording!r}")
    return frozenset(wordings)


def part_table(*rows: tuple[P, str]) -> tuple[tuple[P, re.Pattern[str]], ...]:
    """A heading table: each part with its pattern, compiled case-insensitively."""
    return tuple((part, re.compile(source, re.I)) for part, source in rows)


def classify_heading(text: str, table: Iterable[tuple[P, re.Pattern[str]]]) -> P | None:
    """The part of the first pattern (tried in order) found in ``text``, or None."""
    return next((part for part, pattern in table if pattern.search(text)), None)


def may_be_numbered(text: str) -> bool:
    """False when no pattern that starts ``^\\s*\\d`` can match ``text``: its first character
    after white space is no decimal digit (``\\s`` and ``\\d`` are what isspace() and
    isdecimal() say). A string test, far cheaper than a regex call, which most headings fail.
    """
    return text.lstrip()[:1].isdecimal()


def unnumbered(heading: str) -> str:
    """A heading's wording without its number and end punctuation: "2. Roles:" -> "Roles"."""
    if may_be_numbered(heading):
        heading = _NUMBER.sub("", heading)
    return heading.strip().rstrip(".:")


def headings_found(
    document: Document, wanted: frozenset[str], key: Callable[[str], str]
) -> int:
    """How many of the titles are the ``key`` of at least one heading's text.

    A title matches as the pattern ``^title$`` would, case-insensitively: a key that is the
    title with one newline after it counts. The per-document parsers score their
    distinctive headings with it in ``detect()``.
    """
    return len(wanted & _heading_keys(_heading_texts(document), key))


@LastObjectCache
def _heading_texts(document: Document) -> tuple[str, ...]:
    """The texts of the document's headings, kept while the detectors ask in turn."""
    return tuple(block.text for block in document.blocks if block.kind is HEADING)


@text_cache
def _heading_keys(texts: tuple[str, ...], key: Callable[[str], str]) -> frozenset[str]:
    """The case-folded keys of the heading texts, kept: every parser's detect() asks for
    them, several with the same ``key``."""
    return frozenset(fold_case(key(text).removesuffix("\n")) for text in texts)


# Whole-document texts are kept for the detect() calls that share them only up to this
# length: the entry of a policy of megabytes would outlive its parse in the cache.
_KEEP_AT_MOST = 1 << 18


def lowered_source(document: Document) -> str:
    """The document's source case-folded (:func:`fold_case`), once for all the
    ``detect()`` calls that ask."""
    return _kept(document.source)


def source_matches(
    document: Document, pattern: re.Pattern[str], literal: str, lead: int | None
) -> bool:
    """Whether ``pattern`` matches the document's source, for a pattern every match of
    which holds ``literal`` (lower-case) case-insensitively:

    - ``lead`` a number: at most that many characters after the match starts;
    - ``lead`` None: inside a run of the source without ".", the pattern ending in no
      assertion that could tell a "." from the end of the text (such as ``\\b``).

    A match holds the literal where :func:`lowered_source` does (case-folding keeps every
    character in its place). So the pattern is tried only around the literal's places:
    matched at the starts that can reach it, or searched in its run without ".", not
    searched through the whole source (a regex tries every place it passes, far slower
    than a literal search).
    """
    source, low = document.source, lowered_source(document)
    at = low.find(literal)
    if at >= 0 and len(low) != len(source):  # not expected (see fold_case): search it all
        return pattern.search(source) is not None
    while at >= 0:
        if lead is not None:
            if any(pattern.match(source, start) for start in range(max(0, at - lead), at + 1)):
                return True
            at = low.find(literal, at + 1)
        else:
            end = source.find(".", at)
            end = len(source) if end < 0 else end
            if pattern.search(source, source.rfind(".", 0, at) + 1, end):
                return True
            at = low.find(literal, end)
    return False


@LastObjectCache
def lowered_blocks(document: Document) -> str:
    """The texts of the document's blocks, one a line, each case-folded as :func:`lowered`
    has it: the parse that follows asks for the same texts, so they are folded only once.
    Kept while the detectors ask in turn."""
    return "\n".join([lowered(b.text) for b in document.blocks])


def blocks_holding(document: Document, literal: str) -> list[Block]:
    """The blocks whose case-folded text holds ``literal`` (lower-case, without a newline).

    A pattern each of whose matches contains the literal (case-insensitively) matches
    only in these blocks: a detector searches them, not every block. The joined texts of
    :func:`lowered_blocks` tell first, in one search, whether any block holds it.
    """
    if literal not in lowered_blocks(document):
        return []
    return [b for b in document.blocks if literal in lowered(b.text)]


def _kept(text: str) -> str:
    return lowered(text) if len(text) <= _KEEP_AT_MOST else fold_case(text)


@attrs.define
class SectionLayout(Generic[P]):
    """The lead blocks before the first section, then each section: (part, heading, blocks).

    ``lead_part``, when set, is the part the lead blocks belong to in :meth:`blocks`.
    """

    lead: list[Block]
    sections: list[tuple[P | None, Block, list[Block]]]
    lead_part: P | None = None

    def blocks(self, *parts: P) -> list[Block]:
        """The blocks of the sections of these parts (the lead first, if it is one of them)."""
        found = list(self.lead) if self.lead_part is not None and self.lead_part in parts else []
        found.extend(b for part, _, body in self.sections if part in parts for b in body)
        return found

    def everything(self) -> list[Block]:
        """The lead blocks, then the blocks of every section (headings not included)."""
        return [*self.lead, *(b for _, _, body in self.sections for b in body)]


def group_sections(
    blocks: Iterable[Block],
    classify: Callable[[str], P | None],
    opens: Callable[[Block], bool] = lambda block: True,
    lead_part: P | None = None,
) -> SectionLayout[P]:
    """Group blocks under the headings that ``opens`` accepts, each named by ``classify``.

    A heading that opens no section stays in the section it sits in (before the first
    section it is dropped); other blocks before the first section are the lead.
    """
    layout: SectionLayout[P] = SectionLayout(lead=[], sections=[], lead_part=lead_part)
    for block in blocks:
        heading = block.kind is HEADING
        if heading and opens(block):
            layout.sections.append((classify(block.text), block, []))
        elif layout.sections:
            layout.sections[-1][2].append(block)
        elif not heading:
            layout.lead.append(block)
    return layout


__all__ = [
    "SectionLayout",
    "blocks_holding",
    "classify_heading",
    "group_sections",
    "headings_found",
    "lowered_blocks",
    "lowered_source",
    "may_be_numbered",
    "part_table",
    "source_matches",
    "titles",
    "unnumbered",
]
