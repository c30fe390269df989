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


def unnumbered(heading: str) -> str:
    """A heading's wording without its number and end punctuation: "2. Roles:" -> "Roles"."""
    return _NUMBER.sub("", heading).strip().rstrip(".:")


def headings_found(
    document: Document, wanted: frozenset[str], key: Callable[[str], str]
) -> int:
    """How many of the titles are the ``key`` of at least one heading's text.

    A title matches as the pattern ``^title$`` would, case-insensitively: a key that is the
    title with one newline after it counts. The per-document parsers score their
    distinctive headings with it in ``detect()``.
    """
    texts = tuple(block.text for block in document.blocks if block.kind is HEADING)
    return len(wanted & _heading_keys(texts, key))


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


def lowered_blocks(document: Document) -> str:
    """The texts of the document's blocks, one a line, each case-folded as :func:`lowered`
    has it: the parse that follows asks for the same texts, so they are folded only once."""
    return "\n".join([lowered(b.text) for b in document.blocks])


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
    "classify_heading",
    "group_sections",
    "headings_found",
    "lowered_blocks",
    "lowered_source",
    "part_table",
    "titles",
    "unnumbered",
]
