"""Readers for the retention, security and transfer sections of the bluecromos layout.

A section of this policy states one rule across several lines ("Personal data may be
processed in countries outside your jurisdiction." / "... such as standard contractual
clauses."), so these readers gather the extractor matches of the whole section.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from privmodel.parsers.base import PolicyBuilder
from privmodel.parsers.common import clean_label, collect_rights, label_span
from privmodel.parsers.document import Block, BlockKind
from privmodel.parsers.extract import (
    find_countries,
    find_durations,
    find_eea_only,
    find_emails,
    find_regions,
    find_transfer_mechanisms,
)
from privmodel.schema import (
    DataProtectionOfficer,
    Evidence,
    Presence,
    RetentionKind,
    RetentionRule,
    Right,
    SecurityMeasure,
    Transfer,
)

if TYPE_CHECKING:
    from privmodel.parsers.seeds.bluecromos_read import Context

_MEASURES = re.compile(
    r"\b(?:appropriate\s+)?(?:(?:technical|organi[sz]ational|physical|security)"
    r"(?:,?\s+(?:and|&)\s+(?:technical|organi[sz]ational|physical))?)\s+measures\b",
    re.I,
)
_RETAINED = re.compile(
    r"\b(?:retain|keep|store)s?\s+(?P<what>(?:your\s+)?(?:personal\s+)?(?:data|information))\b",
    re.I,
)
_NO_SALE = re.compile(r"\b(?:do|does|will) not (?:\w+ly )?sell\b[^.]*", re.I)
_DPO = re.compile(r"\bdata protection officer\b|\bDPO\b", re.I)
_DPO_NOT_YET = re.compile(r"\bwill appoint\b|\bnot (?:yet )?appointed\b|\bhave not appointed\b",
                          re.I)
_LEAD_IN = re.compile(r"(?:\bby|:)\s*$")
_KINDS: tuple[tuple[RetentionKind, re.Pattern[str]], ...] = (
    (RetentionKind.AS_LONG_AS_NECESSARY,
     re.compile(r"\bas long as (?:is )?(?:necessary|needed|required)\b", re.I)),
    (RetentionKind.CUSTOMER_CONFIGURED,
     re.compile(r"\bcustomer(?:'s|s'|s)? (?:configuration|settings?|choices?)\b", re.I)),
)


def read_retention(b: PolicyBuilder, blocks: Sequence[Block], ctx: Context) -> None:
    """Stated periods, 'as long as necessary', and periods set by the customer."""
    lang = b.document.language
    applies_to = "personal data"
    for block in blocks:
        what = _RETAINED.search(block.text)
        if what is not None:
            applies_to = what.group("what")
        for m in find_durations(block.text, lang):
            spec = m.value
            kind = RetentionKind.SESSION if spec.session else RetentionKind.FIXED
            b.add("retention_rules", RetentionRule(
                applies_to=applies_to, kind=kind, duration=spec.duration,
                duration_is_maximum=spec.is_maximum, minimum=spec.minimum,
                evidence=(b.evidence(block, m.start, m.end),),
            ))
        for kind, pattern in _KINDS:
            for k in pattern.finditer(block.text):
                b.add("retention_rules", RetentionRule(
                    applies_to=applies_to, kind=kind, criterion=_reasons(blocks, block),
                    evidence=(b.evidence(block, k.start(), k.end()),),
                ))


def _reasons(blocks: Sequence[Block], lead: Block) -> str | None:
    """The items after a lead-in ending with ':' ('as long as necessary to:' ...)."""
    if not lead.text.rstrip().endswith(":"):
        return None
    items = _following_items(blocks, blocks.index(lead))
    return "; ".join(clean_label(x.text) for x in items) or None


def read_security(b: PolicyBuilder, blocks: Sequence[Block], ctx: Context) -> None:
    """One measure per measure the section describes."""
    for block in blocks:
        for m in _MEASURES.finditer(block.text):
            b.add("security_measures", SecurityMeasure(
                label=m.group(0), evidence=(b.evidence(block, m.start(), m.end()),)
            ))


def read_transfers(b: PolicyBuilder, blocks: Sequence[Block], ctx: Context) -> None:
    """One transfer per section: where to (country or region) and on what safeguards."""
    lang = b.document.language
    stays = [b.evidence(x, m.start, m.end) for x in blocks for m in find_eea_only(x.text, lang)]
    if stays:
        b.declare("transfers_outside_eea", Presence.NONE, stays)
    places = [(x, m) for x in blocks for m in find_countries(x.text, lang)]
    regions = [(x, m) for x in blocks for m in find_regions(x.text, lang)]
    mechanisms = [(x, m) for x in blocks for m in find_transfer_mechanisms(x.text, lang)]
    if not (places or regions):
        if mechanisms:
            b.problem("transfer safeguards stated without a destination", mechanisms[0][0])
        return
    spans = [(x, m.start, m.end) for x, m in regions]
    spans += [(x, m.start, m.end) for x, m in places]
    spans += [(x, m.start, m.end) for x, m in mechanisms]
    evidence: list[Evidence] = [b.evidence(x, i, j) for x, i, j in spans]
    destination = places[0][1].text if places else regions[0][1].value
    transfer = Transfer(
        destination=destination,
        countries=tuple(dict.fromkeys(m.value for _, m in places)),
        mechanisms=tuple(dict.fromkeys(m.value for _, m in mechanisms)),
        evidence=tuple(evidence),
    )
    b.add("transfers", transfer)
    b.declare("transfers_outside_eea", Presence.PRESENT, evidence)


def read_sale(b: PolicyBuilder, blocks: Sequence[Block], ctx: Context) -> None:
    """'We do not sell personal data': sale stated as none."""
    for block in blocks:
        for m in _NO_SALE.finditer(block.text):
            b.declare("sale_of_personal_data", Presence.NONE,
                      [b.evidence(block, m.start(), m.end())])


def read_opt_out(b: PolicyBuilder, blocks: Sequence[Block], ctx: Context) -> None:
    """'You may opt-out ... by:' followed by the ways to do it: how the right is exercised."""
    collect_rights(b, blocks, b.document.language)
    for n, block in enumerate(blocks):
        ways = _following_items(blocks, n) if _LEAD_IN.search(block.text) else []
        if not ways:
            continue
        how = "; ".join(clean_label(w.text) for w in ways)
        emails = tuple(dict.fromkeys(m.value for w in ways for m in find_emails(w.text)))
        for right in b.items("rights"):
            if isinstance(right, Right) and _mentions(block, right):
                b.replace("rights", right.model_copy(update={
                    "how_to_exercise": how, "contact_emails": emails,
                    "evidence": (*right.evidence, *(b.evidence(w) for w in ways)),
                }))


def _following_items(blocks: Sequence[Block], n: int) -> list[Block]:
    """The run of list items and 'Label: value' lines right after ``blocks[n]``."""
    items: list[Block] = []
    for block in blocks[n + 1:]:
        if block.kind not in (BlockKind.LIST_ITEM, BlockKind.LABEL_VALUE):
            break
        items.append(block)
    return items


def _mentions(block: Block, right: Right) -> bool:
    return any(block.start <= e.start < block.end for e in right.evidence)


def read_contact(b: PolicyBuilder, blocks: Sequence[Block], ctx: Context) -> None:
    """A DPO with a mailbox; 'If required, we will appoint a DPO': none appointed now."""
    for block in blocks:
        if _DPO.search(block.text) is None:
            continue
        ev = b.evidence(block, *label_span(block))
        if _DPO_NOT_YET.search(block.text):
            b.declare("dpo", Presence.NONE, [ev])
            continue
        emails = find_emails(block.text)
        if emails and b.get("dpo") is None:
            evidence = (ev, *(b.evidence(block, m.start, m.end) for m in emails))
            b.set("dpo", DataProtectionOfficer(emails=tuple(m.value for m in emails),
                                               evidence=evidence))
            b.declare("dpo", Presence.PRESENT, [ev])
