"""Parser for the Cleverom privacy policy (a Finnish SaaS company, English text).

Layout: a title, then question-style sections ("How to Contact Us", "Information We
Collect", "Roles and Responsibilities under GDPR", "Legal Basis for Processing", "Your
Rights", "Data Security", "International Data Transfers", "Children's Privacy"...). The
contact section is a "Company: / Address: / Email:" block; the publisher states that it is
controller for its customers' contact data and processor for what customers put in the app.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TypeVar

from privmodel.parsers.base import ParseResult, PolicyBuilder, publisher_or_new
from privmodel.parsers.common import (
    clean_label,
    collect_dates,
    collect_laws,
    collect_legal_bases,
    collect_min_age,
    collect_publisher_contacts,
    collect_rights,
    collect_transfers,
    set_publisher_name,
    split_examples,
)
from privmodel.parsers.document import HEADING, Block, BlockKind, Document
from privmodel.parsers.extract import find_org_numbers
from privmodel.parsers.layout import blocks_holding
from privmodel.parsers.seeds.cleverom_roles import (
    collect_roles,
    is_role_statement,
    self_description,
)
from privmodel.parsers.seeds.cleverom_sections import (
    by_section,
    collect_hosting,
    collect_recipients,
    collect_security,
    is_pseudo_heading,
    lead_label,
    sentence_spans,
)
from privmodel.schema import (
    DataCategory,
    DataConcept,
    Evidence,
    Fact,
    Presence,
    Purpose,
    PurposeConcept,
    Right,
)

# The section titles of this layout (detect() counts how many are present, as worded).
_TITLES = frozenset({
    "how to contact us", "who we are", "information we collect", "how we use your information",
    "how we share your information", "roles and responsibilities under gdpr",
    "legal basis for processing", "your rights", "data security",
    "international data transfers", "children s privacy", "links to other websites",
    "changes to this privacy policy",
})
_CONTACT_WORDS = "contact details for privacy matters"
_CONTACT_INTRO = re.compile(rf"^{_CONTACT_WORDS}\b", re.I)
_COMPANY_LABEL = re.compile(r"^(?:company|controller|business name|name)$", re.I)
_LEAD_IN = re.compile(r"^(?:to|for)\s+", re.I)
_EXERCISE = re.compile(r"\bcontact us\b|\bplease contact\b|\breach out\b", re.I)
_COLLECTING = re.compile(r"\bwe collect\b", re.I)
# Every byte but a-z, mapped to a space (see _title).
_NON_LETTER_BYTES = bytes(c if 0x61 <= c <= 0x7A else 0x20 for c in range(256))

_DATA_CONCEPTS = (
    (re.compile(r"\bcontact\b", re.I), DataConcept.CONTACT),
    (re.compile(r"\baccount|\busername|\bpassword", re.I), DataConcept.ACCOUNT),
    (re.compile(r"\bbilling|\bpayment", re.I), DataConcept.FINANCIAL),
    (re.compile(r"\bpurchase|\btransaction|\bcontract", re.I), DataConcept.TRANSACTION),
    (re.compile(r"\bdevice", re.I), DataConcept.DEVICE),
    (re.compile(r"\bfeedback|\bcommunication", re.I), DataConcept.COMMUNICATION),
    (re.compile(r"\blocation", re.I), DataConcept.LOCATION),
    (re.compile(r"\busage\b", re.I), DataConcept.USAGE),
)
_PURPOSE_CONCEPTS = (
    (re.compile(r"\bmarketing|\bpromotion", re.I), PurposeConcept.MARKETING),
    (re.compile(r"\bdevelop|\benhance|\bimprov", re.I), PurposeConcept.SERVICE_IMPROVEMENT),
    (re.compile(r"\btransactions?\b|\bcontractual", re.I), PurposeConcept.CONTRACT),
    (re.compile(r"\bsupport\b", re.I), PurposeConcept.CUSTOMER_SUPPORT),
    (re.compile(r"\bcommunication", re.I), PurposeConcept.COMMUNICATION),
    (re.compile(r"\bsecurity\b", re.I), PurposeConcept.SECURITY),
    (re.compile(r"\blegal obligations?\b|\bcomply", re.I), PurposeConcept.LEGAL_COMPLIANCE),
    (re.compile(r"\buse of\b|\bprovide\b", re.I), PurposeConcept.SERVICE_PROVISION),
)


C = TypeVar("C")


def _concept(text: str, table: tuple[tuple[re.Pattern[str], C], ...]) -> C | None:
    return next((concept for pattern, concept in table if pattern.search(text)), None)


class CleveromParser:
    """Reads the Cleverom policy layout with the shared extractors."""

    name = "cleverom"
    description = "Cleverom Oy privacy policy (question-style sections, controller/processor)"

    def detect(self, document: Document) -> float:
        heads = {_title(b.text) for b in document.blocks
                 if b.kind is HEADING or is_pseudo_heading(b)}
        layout = len(heads & _TITLES) / len(_TITLES)
        # Every match of the intro holds its words: only the blocks that hold them are tried.
        contact = any(
            _CONTACT_INTRO.match(b.text) for b in blocks_holding(document, _CONTACT_WORDS)
        )
        contact_block = contact and {"company", "address", "email"} <= {
            (b.label or "").lower() for b in document.blocks
        }
        claims = self_description(document)
        score = 0.4 * layout + 0.25 * contact_block + 0.25 * claims[0] + 0.1 * claims[1]
        return round(0.9 * score, 3)

    def parse(self, document: Document) -> ParseResult:
        b = PolicyBuilder(document, self.name)
        lang = document.language
        sections = by_section(document)
        everything = [x for x in document.blocks if x.kind is not BlockKind.HEADING]
        contact = sections.get("contact", [])
        _publisher(b, contact, lang)
        collect_dates(b, everything, lang)
        collect_roles(b, sections.get("roles", []) + sections.get("legal", []))
        _data_categories(b, sections.get("collect", []))
        _purposes(b, sections.get("use", []))
        basis_blocks = [x for x in sections.get("legal", []) if not is_role_statement(x)]
        collect_legal_bases(b, basis_blocks, lang)
        _rights(b, sections.get("rights", []), lang)
        collect_recipients(b, sections.get("share", []))
        collect_security(b, sections.get("security", []))
        collect_hosting(b, sections.get("security", []))
        collect_transfers(b, sections.get("transfers", []), lang)
        collect_min_age(b, sections.get("children", []), lang)
        collect_laws(b, everything, lang)
        return b.build()


def _title(text: str) -> str:
    """A heading without numbering, case or punctuation: "3. Data Security" -> "data security".

    The runs of a-z in the lower-cased text, one space between. They are found in its
    UTF-8 bytes (lone surrogates passed through), every other byte made a space: a-z are
    the same bytes there, and every byte of another character is another byte. One
    translation costs a fraction of a regex substitution on a short text.
    """
    letters = text.lower().encode("utf-8", "surrogatepass").translate(_NON_LETTER_BYTES)
    return " ".join(letters.decode("ascii").split())


def _publisher(b: PolicyBuilder, blocks: list[Block], lang: str) -> None:
    """Name from the "Company:" line (before its organisation number), then the contacts."""
    for block in blocks:
        head = lead_label(block)
        if head is None or not _COMPANY_LABEL.match(block.text[head[0]:head[1]]):
            continue
        s = head[1] + 1
        s += len(block.text[s:]) - len(block.text[s:].lstrip())
        numbers = find_org_numbers(block.text)
        end = min([n.start for n in numbers if n.start > s] or [len(block.text)])
        name = clean_label(block.text[s:end])
        if name:
            set_publisher_name(b, name, b.evidence(block, s, s + len(name)))
            break
    collect_publisher_contacts(b, blocks, lang)


def _list_items(blocks: list[Block]) -> list[Block]:
    return [x for x in blocks
            if x.kind is BlockKind.LIST_ITEM and not x.text.rstrip().endswith(":")]


def _data_categories(b: PolicyBuilder, blocks: list[Block]) -> None:
    for block in blocks:
        for s, e in sentence_spans(block.text) if block.kind is BlockKind.PARAGRAPH else ():
            if _COLLECTING.search(block.text[s:e]):
                b.declare("personal_data_collected", Presence.PRESENT, [b.evidence(block, s, e)])
    for block in _list_items(blocks):
        label, examples = split_examples(block.text)
        start = block.text.find(label)
        b.add("data_categories", DataCategory(
            label=label, examples=examples, concept=_concept(label, _DATA_CONCEPTS),
            evidence=(b.evidence(block, start, len(block.text.rstrip())),),
        ))


def _purposes(b: PolicyBuilder, blocks: list[Block]) -> None:
    for block in _list_items(blocks):
        text = clean_label(block.text)
        start = block.text.find(text)
        lead = _LEAD_IN.match(text)
        if lead is not None:
            start, text = start + lead.end(), text[lead.end():]
        b.add("purposes", Purpose(
            label=text, concept=_concept(text, _PURPOSE_CONCEPTS),
            evidence=(b.evidence(block, start, start + len(text)),),
        ))


def _rights(b: PolicyBuilder, blocks: list[Block], lang: str) -> None:
    """The rights named, and how to exercise them when a sentence says whom to contact."""
    collect_rights(b, blocks, lang)
    for block in blocks:
        for s, e in sentence_spans(block.text):
            if _EXERCISE.search(block.text[s:e]):
                emails = publisher_or_new(b).emails
                b.update_all("rights", _exercise(block.text[s:e], b.evidence(block, s, e), emails))
                return


def _exercise(how: str, ev: Evidence, emails: tuple[str, ...]) -> Callable[[Fact], Fact]:
    def change(fact: Fact) -> Fact:
        if not isinstance(fact, Right):
            return fact
        return fact.model_copy(update={
            "how_to_exercise": fact.how_to_exercise or how,
            "contact_emails": fact.contact_emails or emails,
            "evidence": (*fact.evidence, ev),
        })

    return change
