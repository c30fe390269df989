"""The minimum age a policy states for its users (children's data, GDPR Art. 8, COPPA)."""

from __future__ import annotations

import functools
import re

import attrs

from privmodel.parsers import lexicon
from privmodel.parsers.extract._phrases import (
    FLAGS,
    Gate,
    alternation,
    bounded,
    compile_phrases,
    regex_gate,
)
from privmodel.parsers.extract.dates import has_digit
from privmodel.parsers.extract.match import Match, select

AGE_RANGE = range(6, 22)
CONTEXT_WINDOW = 150


@attrs.frozen
class _AgeRules:
    explicit: re.Pattern[str]
    contextual: re.Pattern[str] | None
    context: re.Pattern[str]
    gate: Gate  # the literals of which every explicit or contextual match holds one


def _compile(patterns: list[str]) -> re.Pattern[str] | None:
    if not patterns:
        return None
    parts = alternation(patterns).split("{N}")
    source = parts[0] + "".join(
        rf"(?P<n{i}>\d{{1,2}})" + part for i, part in enumerate(parts[1:])
    )
    return re.compile(bounded(source), FLAGS)


@functools.cache
def _rules(langs: str) -> _AgeRules:
    explicit = _compile(lexicon.flat("age_explicit", langs, common=False))
    if explicit is None:
        raise RuntimeError(f"lexicon for {langs} has no age_explicit section")
    contextual = _compile(lexicon.flat("age_contextual", langs, common=False))
    return _AgeRules(
        explicit=explicit,
        contextual=contextual,
        context=compile_phrases(lexicon.flat("child_context", langs, common=False)),
        gate=regex_gate([explicit] if contextual is None else [explicit, contextual]),
    )


def _ages(regex: re.Pattern[str], text: str) -> list[Match[int]]:
    out: list[Match[int]] = []
    for m in regex.finditer(text):
        age = next((int(g) for g in _n_groups(m)), None)
        if age is not None and age in AGE_RANGE:
            out.append(Match(age, m.start(), m.end(), m.group()))
    return out


def _n_groups(m: re.Match[str]) -> list[str]:
    return [v for k, v in m.groupdict().items() if k.startswith("n") and v]


def find_min_age(text: str, lang: str) -> list[Match[int]]:
    """Ages in a child/age context: "under the age of 16", "16 years of age", "alle
    16-vuotiaat", "unter 16 Jahren"; "under 16" or "under 13 år" only near a word such as
    "children", "barn", "Kinder". The value is the number as written; whether it is the
    minimum age or a limit below which consent is needed is for the parser to say."""
    if not has_digit(text):  # every age pattern has the age in digits
        return []
    rules = _rules(",".join(lexicon.languages(lang)))
    if not rules.gate.may_match(text):
        return []
    found = _ages(rules.explicit, text)
    if rules.contextual is not None:
        for cand in _ages(rules.contextual, text):
            lo, hi = max(0, cand.start - CONTEXT_WINDOW), cand.end + CONTEXT_WINDOW
            if rules.context.search(text[lo:cand.start]) or rules.context.search(text[cand.end:hi]):
                found.append(cand)
    return select(found)


__all__ = ["find_min_age"]
