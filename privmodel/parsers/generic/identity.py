"""Who publishes the policy: its name (a company name with a legal form) and its roles."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import cast

from privmodel.parsers.base import PolicyBuilder, publisher_or_new
from privmodel.parsers.common import set_publisher_name
from privmodel.parsers.document import Block
from privmodel.parsers.extract._phrases import first_chars, text_cache
from privmodel.parsers.generic.publisher import mentioned_often, name_line, stated_publisher
from privmodel.parsers.generic.roles import collect_publisher_roles
from privmodel.parsers.lexicon import load

_HEAD_BLOCKS = 12
_NAME_WORD = r"[A-ZÅÄÖÆØÜ0-9][\w&'’.\-]*"


@functools.cache
def _form_list() -> tuple[str, ...]:
    return (*cast(list[str], load("organisations")["legal_forms"]),
            *cast(list[str], load("generic_parties")["extra_legal_forms"]))


def _forms() -> str:
    return "|".join(_form_list())


@functools.cache
def _company_regex() -> re.Pattern[str]:
    return re.compile(
        rf"(?<![\w-])(?:{_NAME_WORD}[ \t]+){{1,4}}(?-i:(?:{_forms()}))(?![\w/])"
    )


@functools.cache
def _form_regex() -> re.Pattern[str]:
    """The end of every company name: a legal form after a space. Most texts have none, and
    this is found much faster than the whole name.

    sre tries the pattern at every space: a lookahead for the characters the forms start
    with turns most spaces away before the forms are tried one by one.
    """
    forms = f"(?:{_forms()})"
    firsts = first_chars(forms)
    ahead = "" if firsts is None else f"(?={firsts})"
    return re.compile(rf"[ \t]{ahead}{forms}(?![\w/])")


@text_cache
def find_company_names(text: str) -> tuple[tuple[int, int, str], ...]:
    """Spans of names such as 'Blue Cromos AB', 'Exempel Oy', 'Muster GmbH'.

    Kept per text: the publisher's name and the named parties are read from the same blocks.
    """
    out: list[tuple[int, int, str]] = []
    if _form_regex().search(text) is None:
        return ()
    for m in _company_regex().finditer(text):
        name = m.group().strip()
        first = name.split()[0]
        if first.lower() in {"the", "our", "we", "and", "och", "og", "und", "ja"}:
            start = m.start() + len(first) + 1
            name = text[start:m.end()].strip()
            if len(name.split()) < 2:
                continue
            out.append((start, m.end(), name))
        else:
            out.append((m.start(), m.end(), name))
    return tuple(out)


def collect_identity(
    b: PolicyBuilder, topics: Mapping[str, Sequence[Block]], blocks: Sequence[Block], lang: str
) -> None:
    """Name the publisher: the controller a sentence names, else the identity section's name
    line, else a company name of the opening, identity or contact blocks that the policy
    keeps referring to. Abstains otherwise: a processor's name is not the publisher's."""
    if publisher_or_new(b).name is not None:
        return
    identity = [*topics.get("identity", [])]
    found = stated_publisher(blocks, lang) or name_line(identity)
    if found is None:
        found = _company_name(topics, blocks)
    if found is not None:
        block, start, end, name = found
        set_publisher_name(b, name, b.evidence(block, start, end))


def _company_name(
    topics: Mapping[str, Sequence[Block]], blocks: Sequence[Block]
) -> tuple[Block, int, int, str] | None:
    head = blocks[:_HEAD_BLOCKS]
    near = [*topics.get("identity", []), *topics.get("contact", []), *head]
    whole = "\n".join(block.text for block in blocks)
    title = "\n".join(block.text for block in head)
    for block in topics.get("identity", []):
        for start, end, name in find_company_names(block.text):
            return block, start, end, name
    for block in [*near, *blocks]:
        for start, end, name in find_company_names(block.text):
            if mentioned_often(name, whole) and name.split()[0] in title:
                return block, start, end, name
    return None


def collect_roles(b: PolicyBuilder, blocks: Iterable[Block], lang: str) -> None:
    """Roles the publisher claims ('we are the controller', 'som personuppgiftsbiträde')."""
    collect_publisher_roles(b, blocks, lang)
