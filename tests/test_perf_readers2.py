"""The readers' faster forms give exactly what the forms they replaced gave."""

from __future__ import annotations

import itertools
import re
from collections import Counter
from unittest import mock

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from privmodel.parsers.readers import language, markdown
from privmodel.parsers.readers.decode import Chars

# -- Markdown inline marks: the per-character flag lists they replaced ----------------------


def _reference_marks(line: str) -> tuple[list[bool], list[bool]]:
    skip = [False] * len(line)
    literal = [False] * len(line)
    for m in markdown._CODE.finditer(line):
        skip[m.start() : m.start(2)] = [True] * (m.start(2) - m.start())
        skip[m.end(2) : m.end()] = [True] * (m.end() - m.end(2))
        literal[m.start(2) : m.end(2)] = [True] * (m.end(2) - m.start(2))
    n = line.find("\\")
    while 0 <= n < len(line) - 1:
        if line[n + 1] in markdown._PUNCT and not literal[n] and not skip[n]:
            skip[n], literal[n + 1] = True, True
        n = line.find("\\", n + 1)
    for m in markdown._AUTOLINK.finditer(line):
        if not (skip[m.start()] or literal[m.start()]):
            skip[m.start()] = skip[m.end() - 1] = True
    for m in markdown._TAG.finditer(line):
        if not (skip[m.start()] or literal[m.start()]):
            skip[m.start() : m.end()] = [True] * (m.end() - m.start())
    for m in markdown._LINK.finditer(line):
        if not (skip[m.start()] or literal[m.start()]):
            skip[m.start() : m.start(1)] = [True] * (m.start(1) - m.start())
            skip[m.end(1) : m.end()] = [True] * (m.end() - m.end(1))
    openers: list[re.Match[str]] = []
    for m in markdown._EMPHASIS.finditer(line):
        if skip[m.start()] or literal[m.start()]:
            continue
        before = line[m.start() - 1] if m.start() else " "
        after = line[m.end()] if m.end() < len(line) else " "
        if m.group()[0] == "_" and before.isalnum() and after.isalnum():
            continue
        if not before.isspace() and openers and any(o.group() == m.group() for o in openers):
            while openers[-1].group() != m.group():
                openers.pop()
            opener = openers.pop()
            for n in (*range(opener.start(), opener.end()), *range(m.start(), m.end())):
                skip[n] = True
        elif not after.isspace():
            openers.append(m)
    return skip, literal


def _reference_inline(chars: Chars, line: str, pos: int) -> None:
    skip, literal = _reference_marks(line)
    n = 0
    for (skipped, raw), run in itertools.groupby(zip(skip, literal, strict=True)):
        size = len(list(run))
        if not skipped:
            if raw:
                chars.add_raw(line[n : n + size], pos + n)
            else:
                chars.add_decoded(line[n : n + size], pos + n)
        n += size


_INLINE = st.text(alphabet="ab \t`\\<>[]()*_~!&;#x:/@.\"'é", max_size=40) | st.lists(
    st.sampled_from(
        ["`", "``", "\\", "\\*", "\\`", "<a href='x'>", "</b>", "<http://x.y>", "<a@b.cd>",
         "[", "]", "(", ")", "[t](u)", "![i](s \"t\")", "[r][1]", "*", "**", "***", "_",
         "__", "~~", "&amp;", "&#65;", "&copy", "a", "b", " ", "\t", "é", "word"]
    ),
    max_size=20,
).map("".join)


@settings(max_examples=1500, deadline=None)
@given(_INLINE, st.integers(0, 3))
def test_inline_text_and_offsets_are_those_of_the_flag_lists(line: str, pos: int) -> None:
    fast, slow = Chars(), Chars()
    markdown.add_inline(fast, line, pos)
    _reference_inline(slow, line, pos)
    assert fast.text() == slow.text()
    assert (fast.offsets, fast.ends) == (slow.offsets, slow.ends)


# -- language: the float vote, word by word, that the exact counts replaced ---------------


def _reference_language(text: str) -> str:
    words = language._words(text)[: language._MAX_WORDS]
    if not words:
        return "und"
    scores = dict.fromkeys(language._STOPWORDS, 0.0)
    for weights in filter(None, map(language._WEIGHTS.get, map(str.lower, words))):
        for lang, weight in weights:
            scores[lang] += weight
    best = max(scores, key=lambda lang: scores[lang])
    return "en" if scores[best] == 0 else best


_STOPS = sorted({w for ws in language._STOPWORDS.values() for w in ws})
_LANGUAGE_TEXT = st.lists(
    st.sampled_from(_STOPS).map(lambda w: w.upper() if len(w) % 3 == 0 else w)
    | st.sampled_from(["x", "Ord", "1", "²", "a²b", "€", "och€det", "’", ".", "İn", "\n"]),
    max_size=60,
).map(" ".join)


@settings(max_examples=1500, deadline=None)
@given(_LANGUAGE_TEXT)
def test_language_is_that_of_the_float_vote(text: str) -> None:
    assert language.detect_language(text) == _reference_language(text)


def test_language_of_more_words_than_counted() -> None:
    text = "och " * language._MAX_WORDS + "und " * 10 + "the " * 10
    assert language.detect_language(text) == _reference_language(text) == "sv"
    mixed = "a² " * 10 + "und der " * (language._MAX_WORDS // 2) + "the " * 10
    assert language.detect_language(mixed) == _reference_language(mixed) == "de"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # Exact ties that the float sums break: 1/3 + 1/3 + 1/3 + 1 sums to just under 2.
        ("en käsittely fra may med också ei det", "fi"),
        ("in som enligt på det personopplysninger how", "nb"),
    ],
)
def test_language_ties_are_broken_as_the_float_vote_broke_them(text: str, lang: str) -> None:
    assert language.detect_language(text) == _reference_language(text) == lang


@settings(max_examples=1000, deadline=None)
@given(_LANGUAGE_TEXT, st.integers(1, 12))
def test_counted_words_are_the_first_words(text: str, most: int) -> None:
    with mock.patch.object(language, "_MAX_WORDS", most):
        assert language._counts(text) == Counter(language._words(text)[:most])
