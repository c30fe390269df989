"""Security measures and indirect sources of data in the Bluescreen policy.

Security: the paragraphs about incident routines and the ALL-CAPS sections that follow the
sentence on "tekniska och organisatoriska säkerhetsåtgärder", up to the part on rights; one
measure per sentence that names a safeguard. Sources: sentences in the section on "other
ways" of collecting data that name an outside source or data given by someone else.
"""

from __future__ import annotations

from privmodel.parsers.base import PolicyBuilder
from privmodel.parsers.document import Block, BlockKind, Document
from privmodel.parsers.seeds.bluescreen_text import sentence_spans
from privmodel.schema import DataSource, MeasureKind, SecurityMeasure

_INTRO = "säkerhetsåtgärder"
_INCIDENTS = "personuppgiftsincidenter"
_END = "rättigheter"
_MEASURES: tuple[tuple[str, MeasureKind], ...] = (
    ("kameraöverva", MeasureKind.PHYSICAL),
    ("krypter", MeasureKind.TECHNICAL),
    ("hashade", MeasureKind.TECHNICAL),
    ("autentisering", MeasureKind.TECHNICAL),
    ("inloggning", MeasureKind.TECHNICAL),
    ("behörighetskontroll", MeasureKind.TECHNICAL),
    ("sekretess", MeasureKind.ORGANISATIONAL),
    ("belastningsregister", MeasureKind.ORGANISATIONAL),
    ("videoövervakas", MeasureKind.PHYSICAL),
    ("separerade platser", MeasureKind.TECHNICAL),
    ("rutiner på plats för att kunna upptäcka", MeasureKind.ORGANISATIONAL),
)
_SOURCE_SECTION = "sätt"
_SOURCE_CUES = ("källor", "uppges")


def _security_blocks(document: Document) -> list[Block]:
    blocks = list(document.blocks)
    start = next((n for n, bl in enumerate(blocks) if _INCIDENTS in bl.text), None)
    intro = next((n for n, bl in enumerate(blocks) if _INTRO in bl.text), None)
    if start is None and intro is None:
        return []
    out: list[Block] = []
    for block in blocks[start if start is not None else intro:]:
        if _END in block.text:
            break
        if block.kind is not BlockKind.HEADING and block.kind is not BlockKind.LIST_ITEM:
            out.append(block)
    return out


def read_security(b: PolicyBuilder, document: Document) -> None:
    for block in _security_blocks(document):
        # lower() works character by character: a sentence holds a stem only if its block does.
        lower = block.text.lower()
        if not any(stem in lower for stem, _ in _MEASURES):
            continue
        for i, j in sentence_spans(block.text):
            sentence = block.text[i:j]
            low = sentence.lower()
            kind = next((k for stem, k in _MEASURES if stem in low), None)
            if kind is None:
                continue
            b.add("security_measures", SecurityMeasure(
                label=sentence, kind=kind, evidence=(b.evidence(block, i, j),)
            ))


def read_sources(b: PolicyBuilder, sections: list[tuple[Block | None, list[Block]]]) -> None:
    for head, body in sections:
        if head is None or _SOURCE_SECTION not in head.text.lower():
            continue
        for block in body:
            if block.kind is BlockKind.HEADING:
                break
            for i, j in sentence_spans(block.text):
                if any(cue in block.text[i:j] for cue in _SOURCE_CUES):
                    b.add("sources", DataSource(
                        label=block.text[i:j], evidence=(b.evidence(block, i, j),)
                    ))
