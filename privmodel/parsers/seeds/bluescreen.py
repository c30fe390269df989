"""Parser for the Bluescreen privacy policy (Swedish IT consultancy and system supplier).

The policy introduces its publisher in one sentence (name, organisation number, address,
"är personuppgiftsansvarig"), lists the categories of data subjects it processes as
controller and as processor, describes its data categories under ALL-CAPS headings each
followed by a line of examples, and ends with an overview of processing activities made of
labelled parts (see :mod:`bluescreen_activities`). Facts are read from those structures.
"""

from __future__ import annotations

import re

from privmodel.parsers.base import ParseResult, PolicyBuilder, publisher_or_new
from privmodel.parsers.common import (
    collect_authority,
    collect_dates,
    collect_laws,
    collect_legal_bases,
    collect_publisher_contacts,
    collect_rights,
    set_publisher_name,
)
from privmodel.parsers.document import HEADING, Block, BlockKind, Document
from privmodel.parsers.extract import find_urls
from privmodel.parsers.layout import lowered_blocks, lowered_source
from privmodel.parsers.seeds.bluescreen_activities import (
    add_data_category,
    count_activities,
    read_activities,
    subject_key,
)
from privmodel.parsers.seeds.bluescreen_parties import (
    read_named_parties,
    read_recipients,
    read_transfers,
)
from privmodel.parsers.seeds.bluescreen_retention import read_retention
from privmodel.parsers.seeds.bluescreen_security import read_security, read_sources
from privmodel.parsers.seeds.bluescreen_text import heading_key, item_spans, sentence_case, trim
from privmodel.parsers.seeds.bluescreen_vocab import data_concept
from privmodel.schema import (
    DataSubjectCategory,
    PartyRole,
    Presence,
    RoleClaim,
)

_CONTROLLER = "personuppgiftsansvarig"
_PROCESSOR = "personuppgiftsbiträde"
_IS_CONTROLLER = f"är {_CONTROLLER}"
_SURVEY = "kartläggning"
_ROLE_STEM = "personuppgifts"  # how both role words start
_CATEGORIES = "kategorier"
_CATEGORY_LIST = re.compile(r"behandlar vi (?:följande|dessa) kategorier[*¹²³⁴⁵⁶⁷⁸⁹⁰\W]*$")
_DATA_INTRO = "kategorier av personuppgifter"
_SELL = "sälja"  # every match of _SALE holds it: far cheaper to look for
_SALE = re.compile(rf"\b(?:inte|aldrig)\b[^.]*\b{_SELL}\b")
_MAX_EXAMPLE_WORDS = 25
# Document.sections(), worked out once per parse for the readers that walk sections.
Sections = list[tuple[Block | None, list[Block]]]


class BluescreenParser:
    """Reads the Bluescreen policy by its category lists, data headings and activity overview."""

    name = "bluescreen"
    description = "Bluescreen AB (SE): controller and processor, with an activity overview"

    def detect(self, document: Document) -> float:
        activities = count_activities(document)
        score = 0.0
        if activities >= 3:
            score += 0.5
        # A heading whose lower() holds the word has a case-folded text that holds it:
        # the joined texts tell at once whether any block has it.
        if _SURVEY in lowered_blocks(document) and any(
            _SURVEY in b.text.lower() for b in document.blocks if b.kind is HEADING
        ):
            score += 0.1
        text = lowered_source(document)
        if _IS_CONTROLLER in text:
            score += 0.15
        if f"egenskap av {_PROCESSOR}" in text or f"egenskap av\u00a0{_PROCESSOR}" in text:
            score += 0.15
        return min(score, 0.95)

    def parse(self, document: Document) -> ParseResult:
        b = PolicyBuilder(document, self.name)
        lang = document.language
        blocks = list(document.blocks)
        sections = document.sections()
        _read_publisher(b, blocks, lang)
        collect_dates(b, blocks, lang)
        known = _read_subject_lists(b, blocks)
        _read_data_headings(b, sections)
        read_activities(b, lang, known)
        collect_legal_bases(b, _basis_sections(sections, lang), lang)
        collect_rights(b, blocks, lang)
        collect_laws(b, blocks, lang)
        collect_authority(b, blocks, lang)
        read_recipients(b, blocks)
        read_named_parties(b, blocks)
        read_transfers(b, blocks, lang)
        read_retention(b, blocks, lang)
        read_security(b, document)
        read_sources(b, sections)
        _read_sale(b, blocks)
        return b.build()


def _read_publisher(b: PolicyBuilder, blocks: list[Block], lang: str) -> None:
    """The publisher: the sentence that names it and says it is controller; its roles."""
    intro = next((bl for bl in blocks if _IS_CONTROLLER in bl.text), None)
    if intro is not None:
        end = min(p for p in (intro.text.find(","), intro.text.find("("), len(intro.text))
                  if p >= 0)
        i, j = trim(intro.text, 0, end)
        if j > i:
            set_publisher_name(b, intro.text[i:j], b.evidence(intro, i, j))
        collect_publisher_contacts(b, [intro], lang)
    collect_publisher_contacts(b, blocks, lang)
    roles: list[RoleClaim] = []
    for block in blocks:
        claim = _role_claim(b, block)
        if claim is not None and claim.role not in {r.role for r in roles}:
            roles.append(claim)
    org = publisher_or_new(b)
    website = org.website
    if not website:  # the first address of the document
        website = next(
            (urls[0].value for urls in (find_urls(block.text) for block in blocks) if urls),
            website,
        )
    b.set("publisher", org.model_copy(update={"roles": tuple(roles), "website": website}))


def _role_claim(b: PolicyBuilder, block: Block) -> RoleClaim | None:
    text = block.text
    if _ROLE_STEM not in text:
        return None  # neither role word is there
    for word, role in ((_IS_CONTROLLER, PartyRole.CONTROLLER),
                       (f"egenskap av {_PROCESSOR}", PartyRole.PROCESSOR)):
        at = text.replace("\u00a0", " ").find(word)
        if at < 0 or block.kind is not BlockKind.PARAGRAPH or text.rstrip().endswith(":"):
            continue
        start = at + len(word) - len(word.split()[-1])
        sentence_end = text.find(".", at)
        after = text[at + len(word):sentence_end if sentence_end > 0 else None]
        scope: str | None = after.strip().removeprefix("för ").strip() or None
        if role is PartyRole.PROCESSOR:
            clause = re.split(r"[.!?]\s+(?=[A-ZÅÄÖ])", text[:at])[-1]
            scope = re.sub(r",?\s+kan vi\b.*$", "", clause).strip(" ,") or scope
        ev = b.evidence(block, start, at + len(word))
        return RoleClaim(role=role, scope=scope, evidence=(ev,))
    return None


def _read_subject_lists(b: PolicyBuilder, blocks: list[Block]) -> dict[str, DataSubjectCategory]:
    """'I vår egenskap av personuppgiftsansvarig behandlar vi följande kategorier:' + items."""
    known: dict[str, DataSubjectCategory] = {}
    for n, block in enumerate(blocks):
        # Every match holds the word (no space in it, so no-break spaces do not matter).
        if block.kind is not BlockKind.PARAGRAPH or _CATEGORIES not in block.text:
            continue
        text = block.text.replace("\u00a0", " ")
        if not _CATEGORY_LIST.search(text):
            continue
        if _CONTROLLER in text:
            role = PartyRole.CONTROLLER
        elif _PROCESSOR in text:
            role = PartyRole.PROCESSOR
        else:
            continue
        for item in _following_items(blocks, n):
            i, j = _subject_span(item.text)
            fact = DataSubjectCategory(
                label=_strip_marks(item.text[i:j]), role=role, evidence=(b.evidence(item, i, j),)
            )
            stored = b.add("data_subjects", fact)
            if role is PartyRole.CONTROLLER:
                known.setdefault(subject_key(stored.label), stored)
    return known


def _following_items(blocks: list[Block], n: int) -> list[Block]:
    items: list[Block] = []
    for block in blocks[n + 1:]:
        if block.kind is not BlockKind.LIST_ITEM:
            break
        items.append(block)
    return items


def _subject_span(text: str) -> tuple[int, int]:
    return trim(text, 0, len(text))


def _strip_marks(text: str) -> str:
    return " ".join(re.sub(r"[*¹²³⁴⁵⁶⁷⁸⁹⁰]", "", text).split())


def _read_data_headings(b: PolicyBuilder, sections: Sections) -> None:
    """ALL-CAPS headings, each followed by one line of examples, after the data intro."""
    started = False
    for head, body in sections:
        if head is None:
            continue
        if not started:
            started = any(_DATA_INTRO in bl.text for bl in body)
            continue
        first = body[0] if body else None
        if head.text.upper() != head.text or first is None or not _is_example_line(first):
            if started and b.items("data_categories"):
                break
            continue
        label = sentence_case(head.text)
        examples = tuple(first.text[i:j] for i, j in _comma_spans(first.text))
        add_data_category(
            b, label=label, examples=examples, concept=data_concept(label),
            evidence=(b.evidence(head), b.evidence(first)),
        )


def _is_example_line(block: Block) -> bool:
    text = block.text.strip()
    return (block.kind is BlockKind.PARAGRAPH and not text.endswith(".")
            and len(text.split()) <= _MAX_EXAMPLE_WORDS)


def _comma_spans(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    pos = 0
    for m in [*re.finditer(r",", text), None]:
        end = m.start() if m is not None else len(text)
        i, j = trim(text, pos, end)
        if j > i:
            spans.append((i, j))
        pos = m.end() if m is not None else len(text)
    return spans


def _basis_sections(sections: Sections, lang: str) -> list[Block]:
    """Bodies of the sections whose heading names a legal basis ('AVTAL', 'SAMTYCKE'...)."""
    from privmodel.parsers.extract import find_legal_bases

    out: list[Block] = []
    for head, body in sections:
        if head is None or head.text.upper() != head.text:
            continue
        key = heading_key(head.text)
        if key in {"laglig grund", "rättslig grund"}:
            continue
        found = find_legal_bases(head.text, lang)
        if found and len(found[0].text) >= len(key) - 2:
            out.extend(body)
    return out


def _read_sale(b: PolicyBuilder, blocks: list[Block]) -> None:
    """'Vi kommer inte att dela, sälja ... personuppgifter' states that data is not sold."""
    for block in blocks:
        m = _SALE.search(block.text) if _SELL in block.text else None
        if m is not None:
            b.declare("sale_of_personal_data", Presence.NONE, [b.evidence(block, *m.span())])
            return


__all__ = ["BluescreenParser", "item_spans"]
