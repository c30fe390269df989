"""The shortcuts of the identity, date and contact extractors answer as the full search does."""

from __future__ import annotations

import re
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import SEEDS
from privmodel.parsers.extract.authorities import _found, find_authorities
from privmodel.parsers.extract.dates import has_digit
from privmodel.parsers.extract.orgnum import _DASHED, _DE, _DE_MARK, _FI, _SE, _keyword_regexes
from privmodel.parsers.generic.identity import _form_regex, _forms
from privmodel.parsers.generic.publisher import mentioned_often
from privmodel.parsers.readers import read_path

BLOCKS = [b.text for seed in sorted(SEEDS.glob("*.txt")) for b in read_path(seed).blocks]
_DIGIT = re.compile(r"\d")


# Every ASCII and Latin character, every decimal digit and a sample of the rest.
_CHARS = sorted({*map(chr, range(0x800)), *map(chr, range(0x800, sys.maxunicode + 1, 97)),
                 *(c for c in map(chr, range(sys.maxunicode + 1)) if c.isdecimal())})


@pytest.mark.parametrize("context", ["", "ab ", "x" * 50, "ä" * 50, "’ " * 30],
                         ids=["alone", "short", "long-ascii", "long-latin", "curly-quotes"])
def test_has_digit_is_a_digit_search(context: str) -> None:
    for char in _CHARS:
        text = context + char
        assert has_digit(text) == (_DIGIT.search(text) is not None), hex(ord(char))


def test_has_digit_on_blocks() -> None:
    for text in BLOCKS:
        assert has_digit(text) == (_DIGIT.search(text) is not None)


def _mentions(word: str, text: str) -> int:
    return len(re.findall(rf"(?<!\w){re.escape(word)}(?!\w)", text))


@given(st.text(alphabet="ab.&'-Ä1_", min_size=1, max_size=4),
       st.text(alphabet="ab.&' -Ä1_\n", max_size=40))
def test_mentioned_often_counts_whole_words(word: str, text: str) -> None:
    assert mentioned_often(f"{word} AB", text) == (_mentions(word, text) >= 3)


def test_form_lookahead_finds_what_the_forms_find() -> None:
    plain = re.compile(rf"[ \t](?:{_forms()})(?![\w/])")
    assert _form_regex().pattern != plain.pattern  # the lexicon's forms start with literals
    samples = [*BLOCKS, *(f"Acme {form}" for form in re.split(r"\|", _forms())),
               "Acme r.y.", "Acme Co. KG", "Acme\tGmbH", "Acme A/S.", "Acme ABC"]
    for text in samples:
        assert (_form_regex().search(text) is None) == (plain.search(text) is None), text


def test_org_number_gates_miss_no_number() -> None:
    samples = [*BLOCKS, "Exempel AB, 556881-2670", "Testi Oy, 3492914-1", "org.nr 923 609 016",
               "CVR-nr. 12 34 56 78", "Amtsgericht Berlin, HRB 12345 B", "Y-tunnus 1234567-0"]
    for text in samples:
        if _SE.search(text) or _FI.search(text):
            assert _DASHED.search(text), text
        if _DE.search(text):
            assert _DE_MARK in text, text
        for _, phrases in _keyword_regexes():
            if phrases.regex.search(text):
                assert phrases.gate.may_match(text), text


def test_authorities_without_literals_are_none() -> None:
    for text in [*BLOCKS, "Klagomål lämnas till IMY.", "Contact the ICO or the BfDI."]:
        for lang in ("sv", "en", "de"):
            assert find_authorities(text, lang) == _found(text, lang)
