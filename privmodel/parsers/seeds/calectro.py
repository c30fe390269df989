"""Parser for the privacy policy of a Swedish product company with a WordPress site and an app.

The layout it knows: a title and two lead paragraphs (the law followed, the publisher's
name), then question headings ("What sort of data do we collect?", "How do we collect
data?", "Why we collect personal data", "How do we store personal data?", "How is the data
deleted?", "Is personal data disclosed to third parties?", "Your rights"), each a lead-in
and one item per line; a list is introduced by a paragraph ending in a colon ("A Personal
Data Processor is used for:", "Data we collect from third parties:").  The WordPress
template follows ("Who we are", "Comments", "Media", "Cookies", "How long we retain your
data", "Where we send your data", ...), many of its headings left empty.

Sections are found by their headings, so renamed, reordered or dropped sections still
parse; facts are read by the shared extractors through :mod:`privmodel.parsers.common`
and the section readers in :mod:`privmodel.parsers.seeds.calectro_read`.
"""

from __future__ import annotations

import re

from privmodel.parsers.base import ParseResult, PolicyBuilder
from privmodel.parsers.document import BlockKind, Document
from privmodel.parsers.layout import (
    classify_heading,
    group_sections,
    headings_found,
    part_table,
    source_matches,
    titles,
)
from privmodel.parsers.seeds.calectro_read import Layout, Part, read_policy

# Heading patterns, tried in order: the first that matches names the section's part.
_PARTS = part_table(
    (Part.DATA, r"\bwhat (?:sort|kind|types?) of (?:personal )?data\b|^type of personal"),
    (Part.COLLECTION, r"\bhow do we collect\b|\bwhen do we collect\b"),
    (Part.PURPOSES, r"^why (?:do )?we (?:collect|process|use)\b"),
    (Part.STORAGE, r"\bhow do we store\b|\bwhere (?:do )?we store\b"),
    (Part.DELETION, r"\bdeleted\b|\bdeletion\b"),
    (Part.DISCLOSURE, r"\bdisclos\w*\b"),
    (Part.WHO, r"^who we are$"),
    (Part.COMMENTS, r"^comments$"),
    (Part.MEDIA, r"^media$"),
    (Part.COOKIES, r"^cookies$"),
    (Part.EMBEDDED, r"^embedded content\b"),
    (Part.RETENTION, r"\bhow long (?:do )?we (?:retain|keep|store)\b"),
    (Part.SENDING, r"\bwhere (?:do )?we send\b|\bwho we share\b"),
    (Part.RIGHTS, r"\brights\b"),
)

# What recognises the document: its question headings, then the WordPress template.
_OWN = titles(
    "type of personal data",
    "what sort of data do we collect?",
    "how do we collect data?",
    "why we collect personal data",
    "how do we store personal data?",
    "how is the data deleted?",
    "is personal data disclosed to third parties?",
)
_TEMPLATE = titles(
    "who we are",
    "what personal data we collect and why we collect it",
    "embedded content from other websites",
    "how long we retain your data",
    "what rights you have over your data",
    "where we send your data",
)
_SELF_WORDS = "(personal data controller)"
_SELF = re.compile(re.escape(_SELF_WORDS), re.I)
_PROCESSOR_LIST = re.compile(r"\bpersonal data processors? (?:is|are) used for\b", re.I)


def classify(heading: str) -> Part | None:
    """The part of the policy a heading opens, by its wording."""
    return classify_heading(heading.strip().rstrip(".:"), _PARTS)


def layout(document: Document) -> Layout:
    """The blocks before the first section heading, then each heading with its blocks."""
    heads = [b for b in document.blocks if b.kind is BlockKind.HEADING]
    title = heads[0] if heads and document.blocks[0] is heads[0] else None
    blocks = [b for b in document.blocks if b is not title]
    return group_sections(blocks, classify, lead_part=Part.INTRO)


class CalectroParser:
    """Reads the question-and-answer policy of a product company with a WordPress site."""

    name = "calectro"
    description = "Swedish product company: question-heading policy plus WordPress template"

    def detect(self, document: Document) -> float:
        own = headings_found(document, _OWN, str.strip)
        template = headings_found(document, _TEMPLATE, str.strip)
        score = 0.6 * min(1.0, own / 5) + 0.15 * min(1.0, template / 4)
        # Every match starts with the literal.
        if source_matches(document, _SELF, _SELF_WORDS, 0):
            score += 0.1
        if source_matches(document, _PROCESSOR_LIST, "personal data processor", 0):
            score += 0.1
        return round(min(score, 0.95), 3)

    def parse(self, document: Document) -> ParseResult:
        builder = PolicyBuilder(document, self.name)
        read_policy(builder, layout(document))
        return builder.build()


__all__ = ["CalectroParser", "classify", "layout"]
