"""The roles the publisher claims: controller, processor, joint controller.

A role phrase counts only where its sentence is about the publisher: the last subject word
before it is first-person or the publisher's name ('we act as processor', 'Acme AB är
personuppgiftsansvarig'), not someone else ('our customers act as controllers'), and the
role is not one held for the publisher ('the processor of Acme', 'Auftragsverarbeiter des RKI').
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, cast

from privmodel.parsers.base import PolicyBuilder, publisher_or_new
from privmodel.parsers.document import Block
from privmodel.parsers.extract._phrases import (
    FLAGS,
    Phrases,
    PhraseTable,
    alternation,
    build_table,
    compile_gated,
    compile_phrases,
)
from privmodel.parsers.generic.prose import sentences
from privmodel.parsers.lexicon import languages, load
from privmodel.schema import PartyRole, RoleClaim

_NEVER = re.compile("(?!)")
_FOLLOW = 40  # characters after a role word read for 'of {name}'
_DEFAULT_CONFIDENCE = 0.4
_IMPLIED_CONFIDENCE = 0.3


def _generic(name: str) -> Mapping[str, Any]:
    return cast(Mapping[str, Any], load("generic")[name])


def _per_lang(table: Mapping[str, Any], lang: str) -> list[str]:
    return [p for code in languages(lang) for p in cast(list[str], table.get(code, []))]


@functools.cache
def _role_phrases(lang: str) -> PhraseTable[PartyRole]:
    """The phrases of each role; a block is looked up once for the roles it may name."""
    shared = cast(Mapping[str, Mapping[str, list[str]]], load("organisations")["roles"])
    extra = _generic("role_claims")
    return build_table(
        {role: [*_per_lang(shared.get(role, {}), lang),
                *_per_lang(cast(Mapping[str, Any], extra.get(role, {})), lang)]
         for role in ("controller", "processor", "joint_controller")},
        PartyRole,
    )


@functools.cache
def _subject_words(name: str, lang: str) -> re.Pattern[str]:
    patterns = _per_lang(_generic(name), lang)
    return compile_phrases(patterns) if patterns else _NEVER


@functools.lru_cache(maxsize=256)
def _for_other(lang: str, names: tuple[str, ...]) -> re.Pattern[str]:
    """'of us', 'des RKI' right after a role word: the role is held for the publisher."""
    patterns = _per_lang(_generic("role_for_other"), lang)
    if not patterns:
        return _NEVER
    name = "(?:" + "|".join(re.escape(n) for n in names) + ")" if names else "(?!)"
    source = alternation(patterns).replace("{name}", name)
    return re.compile(rf"\s*(?:the\s+)?{source}(?!\w)", FLAGS)


def publisher_words(b: PolicyBuilder) -> tuple[str, ...]:
    """The publisher's name as it is referred to: whole, its first word, its abbreviation."""
    name = publisher_or_new(b).name
    if not name:
        return ()
    out = [name.strip(), name.split()[0].strip(",")]
    out.extend(re.findall(r"\(([A-ZÅÄÖÆØÜ]{2,8})\)", name))
    return tuple(w for w in dict.fromkeys(out) if len(w) >= 2)


def about_publisher(text: str, start: int, end: int, lang: str,
                    names: Sequence[str]) -> bool:
    """Whether the role phrase at ``start``..``end`` of ``text`` is the publisher's own."""
    s = next((s for s, e in sentences(text) if s <= start < e), 0)
    if _for_other(lang, tuple(names)).match(text, end, end + _FOLLOW):
        return False
    prefix = text[s:start]
    marks: list[tuple[int, int]] = []  # (end, 1 self / 0 other): the last one wins
    for m in _subject_words("role_others", lang).finditer(prefix):
        marks.append((m.end(), 0))
    for m in _subject_words("role_self", lang).finditer(prefix):
        marks.append((m.end(), 1))
    for name in names:
        for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", prefix):
            marks.append((m.end(), 1))
    return not marks or max(marks)[1] == 1


def collect_publisher_roles(b: PolicyBuilder, blocks: Iterable[Block], lang: str) -> None:
    """Roles the publisher claims ('we are the controller', 'som personuppgiftsbiträde')."""
    org = publisher_or_new(b)
    roles = {r.role: r for r in org.roles}
    names = publisher_words(b)
    table = _role_phrases(lang)
    for block in blocks:
        for role, regex in table.open_entries(block.text):
            if role in roles:
                continue
            for m in regex.finditer(block.text):
                joint = role is PartyRole.JOINT_CONTROLLER
                if joint or about_publisher(block.text, m.start(), m.end(), lang, names):
                    roles[role] = RoleClaim(
                        role=role, evidence=(b.evidence(block, m.start(), m.end()),))
                    break
    if len(roles) > len(org.roles):
        _set_roles(b, tuple(roles.values()))


def _set_roles(b: PolicyBuilder, claims: tuple[RoleClaim, ...]) -> None:
    """The publisher with these roles; a publisher known only by them is evidenced by them."""
    org = publisher_or_new(b)
    evidence = org.evidence or tuple(e for claim in claims for e in claim.evidence)
    b.set("publisher", org.model_copy(update={"roles": claims, "evidence": evidence}))


@functools.lru_cache(maxsize=256)
def _gated(name: str, lang: str, names: tuple[str, ...]) -> Phrases | None:
    """The ``name`` section's phrases; ``{name}`` stands for the publisher's name."""
    who = "|".join(re.escape(n) for n in names)
    patterns = [
        p.replace("{name}", f"(?:{who})") if "{name}" in p else p
        for p in _per_lang(_generic(name), lang)
        if who or "{name}" not in p
    ]
    return compile_gated(patterns) if patterns else None


def collect_implied_role(b: PolicyBuilder, blocks: Sequence[Block], lang: str) -> None:
    """A policy that claims no role is its publisher's as controller: where it names a
    controller, else where it says in the first person that it processes personal data."""
    org = publisher_or_new(b)
    if org.roles:
        return
    names = publisher_words(b)
    for name, confidence in (("controller_terms", _DEFAULT_CONFIDENCE),
                             ("self_processing", _IMPLIED_CONFIDENCE)):
        phrases = _gated(name, lang, names)
        if phrases is None:
            continue
        for block in blocks:
            m = phrases.search(block.text)
            if m is not None:
                claim = RoleClaim(role=PartyRole.CONTROLLER, confidence=confidence,
                                  evidence=(b.evidence(block, m.start(), m.end()),))
                _set_roles(b, (claim,))
                return
