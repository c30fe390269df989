"""Layout helpers for the Cleverom parser: sections by heading, sentences, security, sharing.

The policy is a flat list of question-style headings ("How We Share Your Information",
"Data Security"); some headings slipped into a bullet list ("How We Use Your Information"),
so a short interrogative title line inside a section opens a section too.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from privmodel.parsers.base import PolicyBuilder
from privmodel.parsers.common import clean_label
from privmodel.parsers.document import Block, BlockKind, Document
from privmodel.parsers.extract._phrases import Gate, regex_gate, text_cache
from privmodel.parsers.layout import classify_heading, part_table
from privmodel.schema import (
    Evidence,
    MeasureKind,
    PartyKind,
    Processor,
    Recipient,
    RecipientKind,
    SecurityMeasure,
)

# Section kinds by heading wording, most specific first.
SECTION_PATTERNS = part_table(
    ("share", r"\bshar(?:e|ing)\b|\bdisclos"),
    ("use", r"\bhow we use\b|\buse of (?:your )?(?:personal )?(?:information|data)\b"
            r"|\bpurposes?\b"),
    ("collect", r"\bcollect"),
    ("roles", r"\broles?\b|\bresponsibilit"),
    ("legal", r"\blegal bas[ie]s\b|\blawful bas"),
    ("rights", r"\brights?\b"),
    ("security", r"\bsecurity\b"),
    ("transfers", r"\btransfers?\b"),
    ("children", r"\bchild"),
    ("contact", r"\bcontact\b"),
    ("about", r"\bwho we are\b|\babout us\b"),
)
_TITLE_KINDS = (BlockKind.LIST_ITEM, BlockKind.PARAGRAPH)  # what a title line may be read as
_QUESTION_TITLE = re.compile(r"^(?:How|What|Why|When|Where|Who|Which)\b[^.:;,!?()]{3,60}$")
_TITLE_MAX = len("Which") + 60  # the longest match of _QUESTION_TITLE (after strip())
_TITLE_FIRST = ("H", "W")
_BOUNDARY = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"“(])")
_LEAD_LABEL = re.compile(r"^(?P<label>[A-Z][^:.]{1,80}):\s+\S")


def classify(text: str) -> str | None:
    """The section kind a heading's wording names, or None."""
    return classify_heading(text, SECTION_PATTERNS)


def is_pseudo_heading(block: Block) -> bool:
    """A short interrogative title line that the reader kept as a list item or paragraph."""
    if block.kind not in _TITLE_KINDS:
        return False
    text = block.text.strip()
    # Cheap tests first, the result is the same: a match starts with "H" or "W" and is at
    # most _TITLE_MAX characters long (most blocks are paragraphs, longer than that).
    if len(text) > _TITLE_MAX or text[:1] not in _TITLE_FIRST or not _QUESTION_TITLE.match(text):
        return False
    words = [w for w in text.split() if len(w) > 3]
    return all(w[0].isupper() for w in words)


def sectioned(document: Document) -> Iterator[tuple[str | None, Block]]:
    """Every non-heading block with the kind of the section it sits in."""
    kind: str | None = None
    for block in document.blocks:
        if block.kind is BlockKind.HEADING or is_pseudo_heading(block):
            kind = classify(block.text)
        elif block.kind is BlockKind.LIST_ITEM and block.text.rstrip().endswith(":"):
            kind = classify(block.text) or kind  # a lead-in such as "... for these purposes:"
            yield kind, block
        else:
            yield kind, block


def by_section(document: Document) -> dict[str, list[Block]]:
    sections: dict[str, list[Block]] = {}
    for kind, block in sectioned(document):
        if kind is not None:
            sections.setdefault(kind, []).append(block)
    return sections


@text_cache
def sentence_spans(text: str, start: int = 0) -> tuple[tuple[int, int], ...]:
    """Spans of the sentences of ``text[start:]``, without trailing punctuation (kept per
    text: several sections' readers split the same blocks)."""
    spans: list[tuple[int, int]] = []
    pos = start
    for m in _BOUNDARY.finditer(text, start):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(text)))
    out = []
    for s, e in spans:
        body = text[s:e]
        s += len(body) - len(body.lstrip())
        cleaned = clean_label(text[s:e])
        if cleaned:
            out.append((s, s + len(cleaned)))
    return tuple(out)


def lead_label(block: Block) -> tuple[int, int] | None:
    """The span of a leading "Label:" of a block (a label-value pair), if it has one."""
    if block.label and block.text.startswith(block.label):
        return 0, len(block.label)
    m = _LEAD_LABEL.match(block.text)
    return (0, m.end("label")) if m else None


# Security measures ------------------------------------------------------------------------
_MEASURE_PATTERNS: tuple[tuple[str, MeasureKind, str], ...] = (
    ("storage", MeasureKind.PHYSICAL,
     r"\b(?:data )?storage location\b|\bhosted (?:on|in|at|by|with)\b"),
    ("access", MeasureKind.ORGANISATIONAL,
     r"\baccess controls?\b|\baccess (?:to [^.]{0,40})?is (?:strictly )?(?:limited|restricted)"
     r"|\b(?:limit|restrict)\w* access\b|\bleast privilege"),
    ("confidentiality", MeasureKind.ORGANISATIONAL,
     r"\bnon-disclosure agreements?|\bconfidentiality (?:agreements?|undertakings?)"),
    ("encryption", MeasureKind.TECHNICAL, r"\bencrypt\w*|\bTLS\b|\bSSL\b"),
    ("https", MeasureKind.TECHNICAL, r"\bHTTPS\b"),
    ("segmentation", MeasureKind.TECHNICAL, r"\bsegmentations?\b|\bfirewalls?\b"),
    ("updates", MeasureKind.TECHNICAL,
     r"\bupdates?\b[^.]{0,60}\bsecurity\b|\bsecurity (?:updates|patch\w*)|\bpatching\b"),
    ("mfa", MeasureKind.TECHNICAL,
     r"\b(?:two|multi)-factor authentication|\b2FA\b|\bMFA\b"),
    ("sso", MeasureKind.TECHNICAL, r"\bsingle sign-on\b|\bSSO\b"),
    ("monitoring", MeasureKind.TECHNICAL, r"\bmonitoring\b|\blogging\b"),
    ("backup", MeasureKind.TECHNICAL, r"\bback-?ups?\b"),
    ("pseudonymisation", MeasureKind.TECHNICAL, r"\bpseudonymi[sz]"),
    ("training", MeasureKind.ORGANISATIONAL, r"\b(?:staff|employee|security) training\b"),
)
# Each measure with its pattern and a gate on the literals every match contains.
_MEASURES: tuple[tuple[str, MeasureKind, re.Pattern[str], Gate], ...] = tuple(
    (code, kind, regex, regex_gate([regex]))
    for code, kind, regex in ((c, k, re.compile(p, re.I)) for c, k, p in _MEASURE_PATTERNS)
)
_EXAMPLES_INTRO = re.compile(r",?\s+(?:such as|e\.g\.,?|including)\s+", re.I)
_LIST_SPLIT = re.compile(r",\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+")


# The measures, each with its pattern, that may be named somewhere in a block.
_Candidates = list[tuple[str, MeasureKind, re.Pattern[str]]]


def _candidates(block: Block) -> _Candidates:
    """The measures whose gate the block's text passes: a part of the block holds only
    literals the whole holds, so no other measure is named in any of its sentences."""
    return [(code, kind, pattern) for code, kind, pattern, gate in _MEASURES
            if gate.may_match(block.text)]


def _kinds(text: str, candidates: _Candidates) -> list[tuple[str, MeasureKind]]:
    """The measures named in ``text``, a part of the block the candidates were found for."""
    return [(code, kind) for code, kind, pattern in candidates if pattern.search(text)]


def _example_spans(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """The items of a "such as A and B" list closing the sentence ``text[s:e]``."""
    m = _EXAMPLES_INTRO.search(text, s, e)
    if m is None:
        return []
    spans, pos = [], m.end()
    for sep in _LIST_SPLIT.finditer(text, pos, e):
        spans.append((pos, sep.start()))
        pos = sep.end()
    spans.append((pos, e))
    return [(a, b) for a, b in spans if b > a]


def collect_security(b: PolicyBuilder, blocks: list[Block]) -> None:
    """One measure per measure described: a "Label:" naming one, or a sentence (or list item
    of a sentence) naming a kind of measure not yet covered."""
    covered: set[str] = set()

    def add(block: Block, s: int, e: int, found: list[tuple[str, MeasureKind]]) -> None:
        new = [(code, kind) for code, kind in found if code not in covered]
        if not new:
            return
        covered.update(code for code, _ in found)
        label = clean_label(block.text[s:e])
        b.add("security_measures", SecurityMeasure(
            label=label, kind=new[0][1], evidence=(b.evidence(block, s, s + len(label)),)
        ))

    for block in blocks:
        text = block.text
        candidates = _candidates(block)
        head = lead_label(block)
        if head is not None:
            add(block, *head, _kinds(text[head[0]:head[1]], candidates))
        start = head[1] + 1 if head else 0
        for s, e in sentence_spans(text, start):
            found = _kinds(text[s:e], candidates)
            items = _example_spans(text, s, e) if found else []
            item_kinds = [(a, z, _kinds(text[a:z], candidates)) for a, z in items]
            if item_kinds and all(k for _, _, k in item_kinds):
                for a, z, k in item_kinds:
                    add(block, a, z, k)
            else:
                add(block, s, e, found)


_HOSTED = re.compile(
    r"\b(?:hosted|stored) (?:on|by|with|at) (?P<name>[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*)*)"
)


def collect_hosting(b: PolicyBuilder, blocks: list[Block]) -> None:
    """Named hosting providers ("hosted on Amazon AWS servers"): processors of the publisher."""
    for block in blocks:
        head = lead_label(block)
        for s, e in sentence_spans(block.text, head[1] + 1 if head else 0):
            for m in _HOSTED.finditer(block.text, s, e):
                b.add("processors", Processor(
                    name=m.group("name"), kind=PartyKind.NAMED,
                    description=clean_label(block.text[s:e]),
                    evidence=(b.evidence(block, m.start("name"), m.end("name")),),
                ))


# Recipients ---------------------------------------------------------------------------------
_NOT_SHARED = re.compile(
    r"\b(?:do not|don't|never) (?:share|disclose|sell|transfer) (?:your )?(?:personal )?"
    r"(?:data|information) (?:with|to) (?P<who>[^,]+?),? except (?P<conds>.+)$", re.I
)
_CASES = re.compile(
    r"\b(?:in (?:cases|the case|the event) of) (?P<cases>[^,]+), "
    r"we may (?:disclose|share|transfer)", re.I,
)
_ALTERNATIVES = re.compile(r",?\s+or\s+(?=as\b)|,\s+(?=as\b)|,\s*|\s+or\s+")
_RECIPIENT_KINDS = (
    (RecipientKind.AUTHORITY, re.compile(r"\blaw\b|\blegal\b|\bauthorit|\bcourt", re.I)),
    (RecipientKind.BUSINESS_TRANSFER,
     re.compile(r"\bcorporate transaction|\bmerger|\bacquisition|\bsale of (?:the )?business",
                re.I)),
    (RecipientKind.PROCESSOR, re.compile(r"\bprovide our services?\b|\bservice providers?", re.I)),
)


def _recipient_kind(text: str) -> RecipientKind:
    return next((k for k, p in _RECIPIENT_KINDS if p.search(text)), RecipientKind.OTHER)


def _split(text: str, s: int, e: int) -> list[tuple[int, int]]:
    spans, pos = [], s
    for sep in _ALTERNATIVES.finditer(text, s, e):
        spans.append((pos, sep.start()))
        pos = sep.end()
    spans.append((pos, e))
    return [(a, z) for a, z in spans if text[a:z].strip()]


def collect_recipients(b: PolicyBuilder, blocks: list[Block]) -> None:
    """Recipients from "we do not share ... with X, except A or B" and "in cases of C or D,
    we may disclose": X for each exception, and each case not already covered."""
    found: dict[RecipientKind, Recipient] = {}

    def add(name: str, kind: RecipientKind, ev: tuple[Evidence, ...]) -> None:
        known = found.get(kind)
        if known is not None:
            found[kind] = b.add("recipients", known.model_copy(update={"evidence": ev}))
            return
        found[kind] = b.add("recipients", Recipient.model_validate({
            "name": name, "kind": PartyKind.CATEGORY, "recipient_kind": kind, "evidence": ev,
        }))

    for block in blocks:
        text = block.text
        for s, e in sentence_spans(text):
            m = _NOT_SHARED.search(text[s:e])
            if m is not None:
                ws, we = s + m.start("who"), s + m.end("who")
                for a, z in _split(text, s + m.start("conds"), e):
                    add(f"{text[ws:we]} {text[a:z]}", _recipient_kind(text[a:z]),
                        (b.evidence(block, ws, we), b.evidence(block, a, z)))
            c = _CASES.search(text[s:e])
            if c is not None:
                for a, z in _split(text, s + c.start("cases"), s + c.end("cases")):
                    add(text[a:z], _recipient_kind(text[a:z]), (b.evidence(block, a, z),))
