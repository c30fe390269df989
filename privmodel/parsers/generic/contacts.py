"""The publisher's e-mail addresses beyond its contact blocks, and obfuscated addresses.

An address is the publisher's where the policy gives it for exercising rights, complaints,
the DPO, identity or contact, or where its sentence invites the reader to write ('contact us
at', 'kontakta oss', 'Slike krav kan rettes til'), unless that sentence names an authority.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import cast

from privmodel.parsers.base import PolicyBuilder, publisher_or_new
from privmodel.parsers.document import Block
from privmodel.parsers.extract import find_emails
from privmodel.parsers.extract._phrases import Phrases, compile_gated
from privmodel.parsers.extract.authorities import find_authorities
from privmodel.parsers.extract.match import Match
from privmodel.parsers.lexicon import languages, load

# 'name [at] example.de', 'name (at) example (dot) com': the '@' written out against spam.
_OBFUSCATED = re.compile(
    r"(?<![\w.+-])(?P<local>[A-Za-z0-9][\w.+-]*)\s?[\[(]\s?(?:at|ät|@)\s?[\])]\s?"
    r"(?P<domain>[A-Za-z0-9][\w-]*(?:(?:\.|\s?[\[(]\s?(?:dot|punkt|piste)\s?[\])]\s?)"
    r"[A-Za-z0-9][\w-]*)+)",
    re.IGNORECASE,
)
_AT = re.compile(r"[\[(]\s?(?:at|ät|@)\s?[\])]", re.IGNORECASE)
_DOT = re.compile(r"\s?[\[(]\s?(?:dot|punkt|piste)\s?[\])]\s?", re.IGNORECASE)
_STOP = re.compile(r"[.!?;](?=\s|$)|\n")
_TLD = re.compile(r"\.[A-Za-z]{2,24}$")
# Topics whose sections give the publisher's own addresses.
_OWN_TOPICS = ("identity", "contact", "dpo", "rights", "complaint")


def find_addresses(text: str) -> list[Match[str]]:
    """E-mail addresses, also written as 'name [at] example.de'; the value is the address."""
    found = list(find_emails(text)) if "@" in text else []
    if ("(" in text or "[" in text) and _AT.search(text):
        for m in _OBFUSCATED.finditer(text):
            domain = _DOT.sub(".", m.group("domain"))
            if _TLD.search(domain):
                found.append(Match(f"{m.group('local')}@{domain}", m.start(), m.end(),
                                   m.group()))
    return found


@functools.cache
def _contact_phrases(lang: str) -> Phrases | None:
    table = cast(Mapping[str, list[str]], load("generic")["contact_us"])
    patterns = [p for code in languages(lang) for p in table.get(code, [])]
    return compile_gated(patterns) if patterns else None


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around ``start``..``end``; a dot inside an address ends none."""
    s = max((m.end() for m in _STOP.finditer(text, 0, start)), default=0)
    after = _STOP.search(text, end)
    return s, after.start() + 1 if after is not None else len(text)


def _is_publishers(block: Block, m: Match[str], lang: str, own_topic: bool) -> bool:
    s, e = _sentence(block.text, m.start, m.end)
    sentence = block.text[s:e]
    if find_authorities(sentence, lang):
        return False
    if own_topic:
        return True
    phrases = _contact_phrases(lang)
    return phrases is not None and phrases.search(sentence) is not None


def collect_publisher_emails(
    b: PolicyBuilder, topics: Mapping[str, Sequence[Block]], blocks: Iterable[Block], lang: str
) -> None:
    """Add the publisher's addresses given in its own sections or in 'contact us' sentences."""
    own = {id(block) for topic in _OWN_TOPICS for block in topics.get(topic, [])}
    org = publisher_or_new(b)
    emails, evidence = list(org.emails), list(org.evidence)
    known = {e.lower() for e in emails}
    for block in blocks:
        for m in find_addresses(block.text):
            if m.value.lower() in known:
                continue
            if _is_publishers(block, m, lang, id(block) in own):
                known.add(m.value.lower())
                emails.append(m.value)
                evidence.append(b.evidence(block, m.start, m.end))
    if len(emails) > len(org.emails):
        b.set("publisher", org.model_copy(
            update={"emails": tuple(emails), "evidence": tuple(evidence)}))
