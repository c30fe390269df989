"""Section readers shared by every parser: run the extractors over blocks, add facts.

A per-document parser decides which blocks hold what; these functions do the reading,
so each fact is recognised the same way in every document.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from privmodel.parsers.base import PolicyBuilder, publisher_or_new
from privmodel.parsers.document import Block
from privmodel.parsers.extract import (
    find_authorities,
    find_countries,
    find_eea_only,
    find_emails,
    find_labelled_dates,
    find_laws,
    find_legal_bases,
    find_min_age,
    find_org_numbers,
    find_phones,
    find_postal_addresses,
    find_regions,
    find_rights,
    find_transfer_mechanisms,
    find_urls,
)
from privmodel.parsers.extract.dates import has_digit
from privmodel.schema import (
    AgeLimit,
    Evidence,
    Law,
    LegalBasis,
    LegalBasisCode,
    Organisation,
    Presence,
    Right,
    RightCode,
    SupervisoryAuthority,
    Transfer,
)

# Every whitespace character: those ``\s`` matches, which str.isspace() agrees on (a test
# checks every code point; listing them saves a pass over all of them at import). With it,
# rstrip() takes off a trailing run like the regex ``[\s...]+$`` does, without the regex's
# attempt at every position.
WHITESPACE = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004"
    "\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)
# What clean_label takes off the end: whitespace and the punctuation that closes a label.
_TRAILING = WHITESPACE + ".;:,"
_EXAMPLES = re.compile(r"^(?P<label>[^(:]+?)\s*[(:]\s*(?P<examples>.+?)\)?\s*$")
_EG = re.compile(
    r"^(?:e\.g\.,?|i\.e\.,?|such as|t\.ex\.|bl\.a\.|z\.\s?B\.|esim\.|f\.eks\.)\s*", re.I
)


def clean_label(text: str) -> str:
    """A label as written, without trailing punctuation or surrounding space."""
    return text.strip().rstrip(_TRAILING)


def label_span(block: Block) -> tuple[int, int]:
    """The span of the block text that :func:`clean_label` keeps."""
    text = block.text
    start = len(text) - len(text.lstrip())
    end = start + len(clean_label(text))
    return start, end


def split_examples(text: str) -> tuple[str, tuple[str, ...]]:
    """'Contact Information (e.g., email address, phone number)' -> label and examples."""
    label = clean_label(text)
    # Examples open with "(" or ":": a label without either has none, and the pattern's
    # lazy groups cost most on the long labels that have none.
    m = _EXAMPLES.match(label) if "(" in label or ":" in label else None
    if m is None:
        return label, ()
    inner = _EG.sub("", m.group("examples").strip())
    parts = re.split(r",\s*|\s+(?:and|och|og|und|ja|or|eller)\s+", inner)
    examples = tuple(p for p in (clean_label(x) for x in parts) if p)
    return clean_label(m.group("label")), examples


def collect_dates(b: PolicyBuilder, blocks: Iterable[Block], lang: str) -> None:
    """'Effective Date: 14/04/2026', 'Senast uppdaterad 19 oktober 2021' and the like."""
    fields = {"effective": "effective_date", "updated": "last_updated"}

    def known() -> bool:  # the first date of each kind is kept: the rest cannot change them
        return all(b.get(field) is not None for field in fields.values())

    if known():
        return
    for block in blocks:
        found = find_labelled_dates(block.text, lang)
        for kind, m in found:
            b.set_date(fields[kind], m.value, b.evidence(block, m.start, m.end))
        if found and known():
            return


def collect_publisher_contacts(b: PolicyBuilder, blocks: Iterable[Block], lang: str) -> None:
    """E-mail addresses, organisation number, address and website of the publisher."""
    org = publisher_or_new(b)
    emails, evidence = list(org.emails), list(org.evidence)
    update: dict[str, object] = {}
    for block in blocks:
        text = block.text
        # Cheap tests first: every e-mail address holds an '@', every number and address a digit.
        for m in find_emails(text) if "@" in text else ():
            if m.value.lower() not in {e.lower() for e in emails}:
                emails.append(m.value)
                evidence.append(b.evidence(block, m.start, m.end))
        if not has_digit(text):
            continue
        if org.org_number is None and "org_number" not in update:
            for n in find_org_numbers(text)[:1]:
                update["org_number"] = n.value.value
                evidence.append(b.evidence(block, n.start, n.end))
        if org.address is None and "address" not in update:
            for a in find_postal_addresses(text, lang)[:1]:
                update["address"] = a.value
                evidence.append(b.evidence(block, a.start, a.end))
    b.set(
        "publisher",
        org.model_copy(update={**update, "emails": tuple(emails), "evidence": tuple(evidence)}),
    )


def set_publisher_name(b: PolicyBuilder, name: str, evidence: Evidence) -> Organisation:
    org = publisher_or_new(b)
    if org.name is None:
        org = Organisation.model_validate(
            {**org.model_dump(exclude={"id"}), "name": name, "evidence": (evidence, *org.evidence)}
        )
        b.set("publisher", org)
    return org


def collect_rights(
    b: PolicyBuilder, blocks: Iterable[Block], lang: str, skip: Sequence[RightCode] = ()
) -> None:
    for block in blocks:
        for m in find_rights(block.text, lang):
            if m.value not in skip:
                b.add_fact("rights", Right, code=m.value,
                           evidence=(b.evidence(block, m.start, m.end),))


def collect_legal_bases(
    b: PolicyBuilder, blocks: Iterable[Block], lang: str, purpose_ids: tuple[str, ...] = ()
) -> list[LegalBasis]:
    found: list[LegalBasis] = []
    for block in blocks:
        for m in find_legal_bases(block.text, lang):
            found.append(b.add_fact(
                "legal_bases",
                LegalBasis,
                code=m.value,
                label=m.text,
                purpose_ids=purpose_ids,
                evidence=(b.evidence(block, m.start, m.end),),
            ))
    return found


def collect_laws(b: PolicyBuilder, blocks: Iterable[Block], lang: str) -> None:
    for block in blocks:
        for m in find_laws(block.text, lang):
            b.add_fact("laws", Law, name=m.value, evidence=(b.evidence(block, m.start, m.end),))


def collect_min_age(b: PolicyBuilder, blocks: Iterable[Block], lang: str) -> None:
    if b.get("children") is not None:
        return  # the first age stated is kept
    for block in blocks:
        for m in find_min_age(block.text, lang)[:1]:
            b.set(
                "children",
                AgeLimit(min_age=m.value, evidence=(b.evidence(block, m.start, m.end),)),
            )
            return


def collect_authority(b: PolicyBuilder, blocks: Iterable[Block], lang: str) -> None:
    """The supervisory authority, with the contact details given in the same block."""
    for block in blocks:
        for m in find_authorities(block.text, lang)[:1]:
            info = m.value
            ev = [b.evidence(block, m.start, m.end)]
            emails = tuple(e.value for e in find_emails(block.text))
            phones = tuple(p.value for p in find_phones(block.text))
            addresses = find_postal_addresses(block.text, lang)
            urls = [u.value for u in find_urls(block.text)]
            authority = SupervisoryAuthority(
                name=info.name,
                country=info.country,
                former_names=info.former_names,
                emails=emails or ((info.email,) if info.email else ()),
                phones=phones,
                address=addresses[0].value if addresses else None,
                website=urls[0] if urls else info.website,
                evidence=tuple(ev),
            )
            b.add("supervisory_authorities", authority)


def collect_transfers(b: PolicyBuilder, blocks: Iterable[Block], lang: str) -> None:
    """Transfers outside the EU/EEA per block: destination and mechanisms; or 'none'."""
    for block in blocks:
        text = block.text
        stays = find_eea_only(text, lang)
        if stays:
            b.declare(
                "transfers_outside_eea",
                Presence.NONE,
                [b.evidence(block, m.start, m.end) for m in stays],
            )
            continue
        mechanisms = find_transfer_mechanisms(text, lang)
        places = find_countries(text, lang)
        regions = find_regions(text, lang)
        if not (regions or (mechanisms and places)):
            continue
        spans = [(m.start, m.end) for m in regions] + [(m.start, m.end) for m in places]
        spans += [(m.start, m.end) for m in mechanisms]
        ev = tuple(b.evidence(block, i, j) for i, j in sorted(spans))
        countries = tuple(dict.fromkeys(p.value for p in places))
        destination = places[0].text if places else regions[0].value
        codes = tuple(dict.fromkeys(m.value for m in mechanisms))
        b.add(
            "transfers",
            Transfer(destination=destination, countries=countries, mechanisms=codes, evidence=ev),
        )
        b.declare("transfers_outside_eea", Presence.PRESENT, ev)


__all__ = [
    "LegalBasisCode",
    "clean_label",
    "collect_authority",
    "collect_dates",
    "collect_laws",
    "collect_legal_bases",
    "collect_min_age",
    "collect_publisher_contacts",
    "collect_rights",
    "collect_transfers",
    "label_span",
    "set_publisher_name",
    "split_examples",
]
