"""Parser for the privacy policy of an image-capture platform that acts as a processor.

The layout it knows: a title, a header of ``Label: value`` lines (effective date, company,
contact), then numbered sections ("2. Roles and Responsibilities", "7. Sharing of Personal
Data", "12. Additional Rights for U.S. Residents", "16. Regional Compliance", ...), each a
lead-in sentence followed by one item per line.  Sections are found by their headings, so
renumbered, renamed or dropped sections still parse; the facts are read by the shared
extractors in :mod:`privmodel.parsers.common` and :mod:`privmodel.parsers.seeds.bluecromos_read`.
"""

from __future__ import annotations

import re

from privmodel.parsers.base import ParseResult, PolicyBuilder
from privmodel.parsers.document import HEADING, LABEL_VALUE, Block, Document
from privmodel.parsers.extract._phrases import text_cache
from privmodel.parsers.layout import (
    classify_heading,
    group_sections,
    headings_found,
    may_be_numbered,
    part_table,
    source_matches,
    titles,
    unnumbered,
)
from privmodel.parsers.seeds.bluecromos_read import (
    Layout,
    Part,
    read_policy,
)

_NUMBERED = re.compile(r"^\s*\d{1,2}\.\s+\S")

# Heading patterns, tried in order: the first that matches names the section's part.
_PARTS = part_table(
    (Part.INTRO, r"^introduction\b"),
    (Part.ROLES, r"\broles?\b.*\bresponsibilit"),
    (Part.DATA, r"\bcategories of personal data\b|\bpersonal data we collect\b"),
    (Part.PURPOSES, r"^how we use\b|\bpurposes?\b"),
    (Part.RESPONSIBILITY, r"\bcustomer responsibilit"),
    (Part.SENSITIVE, r"\bsensitive\b"),
    (Part.SALE, r"\bsale\b|\bselling\b"),
    (Part.SHARING, r"\bsharing\b|\bdisclos"),
    (Part.RETENTION, r"\bretention\b|\bretain"),
    (Part.SECURITY, r"\bsecurity\b"),
    (Part.US_RIGHTS, r"\brights\b.*\b(?:u\.?s\.?|california|virginia)\b"),
    (Part.OPT_OUT, r"\bopt[- ]?out\b"),
    (Part.RIGHTS, r"\brights\b"),
    (Part.TRANSFERS, r"\btransfers?\b"),
    (Part.COMPLIANCE, r"\bcompliance\b|\blaws\b"),
    (Part.UPDATES, r"\bupdates?\b|\bchanges\b"),
    (Part.CONTACT, r"\bcontact\b"),
)

# What recognises the document: its distinctive headings and its self-description.
_DISTINCTIVE = titles(
    "roles and responsibilities",
    "customer responsibility for uploaded content",
    "sensitive personal data",
    "sale and sharing of personal data",
    "additional rights for u.s. residents",
    "right to opt-out",
    "regional compliance",
    "data protection contact",
    "categories of personal data we collect",
)
_HEADER_LABELS = re.compile(r"^(?:effective date|company|contact)$", re.I)
_PROCESSOR_SELF = re.compile(r"\bacts? (?:primarily |mainly )?as a data processor\b", re.I)
_PROCESSOR_LEAD = len("acts primarily ")  # the longest text before "as a data processor"
_IMAGE_PLATFORM = re.compile(
    r"\bplatform\b[^.]*\bcapture\b[^.]*\bimages?\b|\bimage capture\b", re.I
)


@text_cache
def classify(heading: str) -> Part | None:
    """The part of the policy a heading opens, by its wording (numbering ignored; kept per
    heading: the layout asks whether it opens a section, then which)."""
    return classify_heading(unnumbered(heading), _PARTS)


def _opens(block: Block) -> bool:
    return classify(block.text) is not None or _numbered(block.text)


def _numbered(text: str) -> bool:
    return may_be_numbered(text) and _NUMBERED.match(text) is not None


def layout(document: Document) -> Layout:
    """Group the blocks: the header before the first section heading, then each section.

    A section heading is a numbered heading, or one whose wording names a known part.
    """
    return group_sections(document.blocks, classify, _opens)


class BlueCromosParser:
    """Reads the policy of an image-capture platform provider acting as a processor."""

    name = "bluecromos"
    description = "Image capture platform provider acting as processor (numbered English policy)"

    def detect(self, document: Document) -> float:
        blocks = document.blocks
        numbered = [n for n, b in enumerate(blocks) if b.kind is HEADING and _numbered(b.text)]
        found = headings_found(document, _DISTINCTIVE, unnumbered)
        score = 0.45 * min(1.0, found / 6)
        if len(numbered) >= 8:
            score += 0.1
        first = numbered[0] if numbered else len(blocks)
        labels = {
            (b.label or "").strip().lower()
            for b in document.blocks[:first]
            if b.kind is LABEL_VALUE and _HEADER_LABELS.match((b.label or "").strip())
        }
        score += 0.05 * len(labels)
        # Each pattern's matches hold the literal, at most so far after their start.
        if source_matches(document, _PROCESSOR_SELF, "as a data processor", _PROCESSOR_LEAD):
            score += 0.1
        if source_matches(document, _IMAGE_PLATFORM, "capture", None):  # no "." before it
            score += 0.1
        return round(min(score, 0.95), 3)

    def parse(self, document: Document) -> ParseResult:
        builder = PolicyBuilder(document, self.name)
        read_policy(builder, layout(document))
        return builder.build()


__all__ = ["BlueCromosParser", "classify", "layout"]
