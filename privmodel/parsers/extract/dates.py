"""Calendar dates in numeric and written forms, and the labels that say what a date is."""

from __future__ import annotations

import datetime
import functools
import re
from collections.abc import Mapping

from privmodel.parsers import lexicon
from privmodel.parsers.extract._phrases import (
    FLAGS,
    PhraseTable,
    alternation,
    bounded,
    build_table,
    text_cache,
)
from privmodel.parsers.extract.match import Match, select

_ISO = re.compile(r"(?<![\w.-])(\d{4})-(\d{1,2})-(\d{1,2})(?![\w-]|\.\d)")
_NUMERIC = re.compile(r"(?<![\w./-])(\d{1,2})([./-])(\d{1,2})\2(\d{4})(?![\w/-]|\.\d)")
LABEL_WINDOW = 40


@functools.cache
def _month_lookup(langs: str) -> tuple[re.Pattern[str], tuple[tuple[int, re.Pattern[str]], ...]]:
    tables: list[Mapping[str, list[str]]] = lexicon.section("months", langs, common=False)
    per_month: dict[int, list[str]] = {}
    for table in tables:
        for month, names in table.items():
            per_month.setdefault(int(month), []).extend(names)
    any_month = alternation(n for ns in per_month.values() for n in ns)
    day_first = (
        rf"(?P<d1>\d{{1,2}})(?:\.|st|nd|rd|th|:e|:a)?(?: of| de| den)? (?P<m1>{any_month})"
        rf",? (?P<y1>\d{{4}})"
    )
    month_first = rf"(?P<m2>{any_month}) (?P<d2>\d{{1,2}})(?:st|nd|rd|th)?,? (?P<y2>\d{{4}})"
    regex = re.compile(bounded(alternation([day_first, month_first])), FLAGS)
    months = tuple(
        (month, re.compile(alternation(ns) + r"\Z", FLAGS)) for month, ns in per_month.items()
    )
    return regex, months


def _make(year: int, month: int, day: int) -> datetime.date | None:
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


_DIGIT = re.compile(r"\d")
# A \d search costs some ninety instructions a character (it tests each one's category),
# ten substring tests for the ASCII digits some 3,600 whatever the length.
_SUBSTRING_TESTS_FROM = 40


@text_cache
def has_digit(text: str) -> bool:
    """Whether ``text`` holds a decimal digit, as ``\\d`` matches one.

    Most blocks of a policy have none, and the date, age and contact extractors each ask
    about the same blocks: the answer is kept per text. A long ASCII text is answered by
    substring tests, any other by searching ``\\d``.
    """
    if len(text) < _SUBSTRING_TESTS_FROM or not text.isascii():
        return _DIGIT.search(text) is not None
    for digit in "0123456789":  # noqa: SIM110 - any() over a generator costs twice as much
        if digit in text:
            return True
    return False


def _written(text: str, lang: str) -> list[Match[datetime.date]]:
    regex, months = _month_lookup(",".join(lexicon.languages(lang)))
    out: list[Match[datetime.date]] = []
    for m in regex.finditer(text):
        name = m.group("m1") or m.group("m2")
        month = next((num for num, rx in months if rx.match(name)), None)
        day = int(m.group("d1") or m.group("d2"))
        value = _make(int(m.group("y1") or m.group("y2")), month or 0, day)
        if value is not None:
            out.append(Match(value, m.start(), m.end(), m.group()))
    return out


def _numeric(text: str) -> list[Match[datetime.date]]:
    out: list[Match[datetime.date]] = []
    for m in _ISO.finditer(text):
        value = _make(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if value is not None:
            out.append(Match(value, m.start(), m.end(), m.group()))
    for m in _NUMERIC.finditer(text):
        first, second, year = int(m.group(1)), int(m.group(3)), int(m.group(4))
        day, month = (second, first) if second > 12 >= first else (first, second)
        value = _make(year, month, day)
        if value is not None:
            out.append(Match(value, m.start(), m.end(), m.group()))
    return out


def find_dates(text: str, lang: str) -> list[Match[datetime.date]]:
    """Dates such as "2021-10-19", "14/04/2026", "1.3.2024", "19 oktober 2021", "April 14, 2026".

    Numeric dates are read day first unless only the month-first reading is valid
    ("04/14/2026"). A date needs a day, month and year; "October 2021" is not a date.
    """
    if not has_digit(text):  # a date always has its year in digits
        return []
    return select([*_numeric(text), *_written(text, lang)])


@functools.cache
def _labels(lang: str) -> PhraseTable[str]:
    """The date labels by kind ("effective", "updated"), looked up once per text."""
    tables: list[Mapping[str, list[str]]] = lexicon.section("date_labels", lang, common=False)
    merged: dict[str, list[str]] = {}
    for table in tables:
        for kind, patterns in table.items():
            merged.setdefault(kind, []).extend(patterns)
    return build_table(merged, str)


def find_labelled_dates(text: str, lang: str) -> list[tuple[str, Match[datetime.date]]]:
    """Dates after a label: ("effective", date) or ("updated", date), in text order.

    A label ("Effective Date:", "Senast uppdaterad", "Stand:") claims the first date that
    starts within 40 characters after it, with no other date in between.
    """
    if not has_digit(text):  # no date (see find_dates), so no label can claim one
        return []
    labels = _labels(lang).find(text)
    if not labels:
        return []
    dates = find_dates(text, lang)
    out: list[tuple[str, Match[datetime.date]]] = []
    for label in labels:
        date = next((d for d in dates if d.start >= label.end), None)
        if (
            date is not None
            and date.start - label.end <= LABEL_WINDOW
            and not any(o[1] is date for o in out)
        ):
            out.append((label.value, date))
    return out


__all__ = ["find_dates", "find_labelled_dates", "has_digit"]
