"""Facts read from prose: retention periods, cookies, the DPO, the legal bases in use."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import cast

from privmodel.parsers.base import PolicyBuilder
from privmodel.parsers.common import clean_label
from privmodel.parsers.document import Block
from privmodel.parsers.extract import (
    find_durations,
    find_phones,
)
from privmodel.parsers.extract._phrases import PhraseTable, build_table, compile_gated
from privmodel.parsers.extract.match import Match
from privmodel.parsers.generic.contacts import find_addresses
from privmodel.parsers.lexicon import languages, load
from privmodel.schema import (
    Cookie,
    DataProtectionOfficer,
    Presence,
)

_DPO = compile_gated([
    "data protection officers?", "DPO", "dataskyddsombud\\w*", "databeskyttelsesrådgiver\\w*",
    "personvernombud\\w*", "tietosuojavastaava\\w*", "\\w*datenschutzbeauftragte\\w*",
    "person in charge of data protection",
])
_NO_DPO = re.compile(
    r"(?:not|no|inte|ingen|ikke|ei|kein\w*)\b[^.]{0,60}(?:data protection officer|DPO|"
    r"dataskyddsombud|databeskyttelsesrådgiver|personvernombud|tietosuojavastaava|"
    r"Datenschutzbeauftragte)|(?:data protection officer|DPO)[^.]{0,40}\bif required\b", re.I
)


def collect_cookies(b: PolicyBuilder, blocks: Iterable[Block], lang: str) -> None:
    """Cookies named in list items or table rows together with their lifetime."""
    for block in blocks:
        durations = find_durations(block.text, lang)
        if not durations or block.kind.value not in ("list_item", "table_row", "label_value"):
            continue
        m = durations[0]
        name = clean_label(block.text[: m.start].split(":")[0])[:60]
        if not name:
            continue
        b.add("cookies", Cookie(
            name=name, duration=m.value.duration, session=m.value.session,
            evidence=(b.evidence(block, 0, m.end),), confidence=0.6,
        ))


def collect_dpo(b: PolicyBuilder, blocks: Iterable[Block],
                dpo_blocks: Sequence[Block] = ()) -> None:
    """A DPO with contact details, or the statement that none is appointed; else the contact
    lines of a DPO section ('Datenschutzbeauftragter' followed by an address and e-mail)."""
    for block in blocks:
        if not _DPO.search(block.text):
            continue
        negative = _NO_DPO.search(block.text)
        if negative:
            b.declare("dpo", Presence.NONE, [b.evidence(block, negative.start(), negative.end())])
            continue
        emails = find_addresses(block.text)
        if emails and b.get("dpo") is None:
            _set_dpo(b, block, emails)
    if b.get("dpo") is None and not any(_NO_DPO.search(block.text) for block in dpo_blocks):
        for block in dpo_blocks:
            emails = find_addresses(block.text)
            if emails or find_phones(block.text):
                _set_dpo(b, block, emails)
                return


def _set_dpo(b: PolicyBuilder, block: Block, emails: Sequence[Match[str]]) -> None:
    phones = find_phones(block.text)
    first = emails[0] if emails else phones[0]
    ev = b.evidence(block, first.start, first.end)
    b.set("dpo", DataProtectionOfficer(
        emails=tuple(e.value for e in emails), phones=tuple(p.value for p in phones),
        evidence=(ev,),
    ))
    b.declare("dpo", Presence.PRESENT, [ev])


@functools.cache
def _absences(lang: str) -> PhraseTable[str]:
    """The statements of absence by declaration name; a block is looked up once for the
    names it may state, not once per name."""
    table = cast(Mapping[str, Mapping[str, list[str]]], load("statements"))
    return build_table(
        {name: [p for code in languages(lang) for p in per_lang.get(code, [])]
         for name, per_lang in table.items() if not name.startswith("_")},
        str,
    )


def collect_absences(b: PolicyBuilder, blocks: Iterable[Block], lang: str) -> set[str]:
    """Declarations the policy states as none; returns their names."""
    found: set[str] = set()
    table = _absences(lang)
    for block in blocks:
        for name, regex in table.open_entries(block.text):
            m = regex.search(block.text)
            if m is not None:
                b.declare(name, Presence.NONE, [b.evidence(block, m.start(), m.end())])
                found.add(name)
    return found
