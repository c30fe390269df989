"""Organisation numbers: SE organisationsnummer, FI Y-tunnus, NO org.nr, DK CVR, DE HRB."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

import attrs

from privmodel.parsers import lexicon
from privmodel.parsers.extract._phrases import FLAGS, Phrases, alternation, regex_gate
from privmodel.parsers.extract.match import Match, select


@attrs.frozen
class OrgNumber:
    """An organisation's registration number as written, and its country (ISO alpha-2)."""

    value: str
    country: str


def _luhn_ok(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        n = int(ch) * (2 if i % 2 else 1)
        total += n - 9 if n > 9 else n
    return total % 10 == 0


def _se_ok(digits: str) -> bool:
    """Swedish organisation numbers pass Luhn and have a third digit of at least 2."""
    return int(digits[2]) >= 2 and _luhn_ok(digits)


def _weighted_check(digits: str, weights: tuple[int, ...]) -> int | None:
    rest = sum(int(d) * w for d, w in zip(digits, weights, strict=True)) % 11
    check = 0 if rest == 0 else 11 - rest
    return None if check == 10 else check


def _fi_ok(digits: str) -> bool:
    return _weighted_check(digits[:7], (7, 9, 10, 5, 8, 4, 2)) == int(digits[7])


def _no_ok(digits: str) -> bool:
    return _weighted_check(digits[:8], (3, 2, 7, 6, 5, 4, 3, 2)) == int(digits[8])


_SE = re.compile(r"(?<![\w-])(\d{6})-(\d{4})(?![\w-]|-\d)")
_FI = re.compile(r"(?<![\w-])(\d{7})-(\d)(?![\w-]|-\d)")
# Every SE or FI number without a keyword holds a digit, a hyphen and a digit. The patterns
# above start with a lookbehind, which sre tries at every character; this one it finds
# by its first character, and most texts have no match.
_DASHED = re.compile(r"\d-\d")
_DE = re.compile(r"(?<!\w)(?-i:(HR[AB])) ?(\d{1,6})(?: ?(?-i:[A-Z]{1,2})\b)?", FLAGS)
_DE_MARK = "HR"  # in every Handelsregister number, in capitals
_GAP = r"[\s:#.]{0,4}"
_SHAPES: dict[str, str] = {
    "SE": r"(\d{6}-?\d{4})",
    "FI": r"(\d{7}-\d)",
    "NO": r"(?:NO ?)?(\d{3}[ \u00a0]?\d{3}[ \u00a0]?\d{3})(?: ?MVA)?",
    "DK": r"(?:DK-?)?(\d{2}[ \u00a0]?\d{2}[ \u00a0]?\d{2}[ \u00a0]?\d{2})",
}
_CHECKS: dict[str, Callable[[str], bool]] = {
    "SE": _se_ok,
    "FI": lambda d: True,
    "NO": _no_ok,
    "DK": lambda d: True,
}


@functools.cache
def _keyword_regexes() -> tuple[tuple[str, Phrases], ...]:
    """Per country, its keywords followed by a number; searched only where a keyword's
    literal occurs."""
    keywords = lexicon.load(lexicon.COMMON)["org_number_keywords"]
    out: list[tuple[str, Phrases]] = []
    for country, shape in _SHAPES.items():
        regex = re.compile(
            rf"(?<!\w){alternation(keywords[country])}{_GAP}{shape}(?![\w-])", FLAGS
        )
        out.append((country, Phrases(regex, regex_gate([regex]))))
    return tuple(out)


def find_org_numbers(text: str) -> list[Match[OrgNumber]]:
    """Organisation numbers; the span covers the number, the value keeps its punctuation.

    Without a keyword, "556881-2670" (Luhn-valid, SE) and "1234567-8" (valid check digit,
    FI) are recognised; after a keyword ("org.nr", "Business ID", "CVR", ...) the number is
    read in that keyword's country format, without check-digit validation for FI and DK.
    """
    found: list[Match[OrgNumber]] = []
    dashed = _DASHED.search(text) is not None
    for m in _SE.finditer(text) if dashed else ():
        if _se_ok(m.group(1) + m.group(2)):
            found.append(Match(OrgNumber(m.group(), "SE"), m.start(), m.end(), m.group()))
    for m in _FI.finditer(text) if dashed else ():
        if _fi_ok(m.group(1) + m.group(2)):
            found.append(Match(OrgNumber(m.group(), "FI"), m.start(), m.end(), m.group()))
    for country, regex in _keyword_regexes():
        for m in regex.finditer(text):
            number = m.group(1)
            digits = re.sub(r"\D", "", number)
            if _CHECKS[country](digits):
                value = number if country in ("SE", "FI") else digits
                found.append(Match(OrgNumber(value, country), m.start(1), m.end(1), number))
    for m in _DE.finditer(text) if _DE_MARK in text else ():
        value = f"{m.group(1).upper()} {m.group(2)}"
        found.append(Match(OrgNumber(value, "DE"), m.start(), m.end(), m.group()))
    return select(found)


__all__ = ["OrgNumber", "find_org_numbers"]
