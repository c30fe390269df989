"""The first-character lookahead in front of word-bounded patterns never changes a match."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import SEEDS
from privmodel.parsers import lexicon
from privmodel.parsers.extract._phrases import (
    FLAGS,
    alternation,
    bounded,
    compile_phrases,
    first_chars,
)

SEED_TEXT = "\n".join(path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt")))
# Characters whose case-insensitive matching differs from lower(): the lookahead's class
# must take them exactly as the pattern's own literals do.
ODD = ["İ", "ı", "ſ", "K", "ß", "ẞ", "Å", "å", "ÿ", "Ÿ", "µ", "Μ", "ﬀ", "\u00a0", "-", "'"]


def _pattern_lists(node: object) -> Iterator[list[str]]:
    """Every list of strings in a lexicon file: the pattern lists the parsers compile."""
    if isinstance(node, list) and node and all(isinstance(x, str) for x in node):
        yield node
    elif isinstance(node, list):
        for item in node:
            yield from _pattern_lists(item)
    elif isinstance(node, dict):
        for value in node.values():
            yield from _pattern_lists(value)


def _compiles(source: str) -> bool:
    try:
        re.compile(source, FLAGS)
    except re.error:
        return False
    return True


LEXICON_DIR = Path(lexicon.__file__).parent
PATTERN_LISTS = [
    patterns
    for path in sorted(LEXICON_DIR.glob("*.json"))
    for patterns in _pattern_lists(json.loads(path.read_text(encoding="utf-8")))
    if _compiles(alternation(patterns))
]
ALTERNATIONS = sorted({alternation(patterns) for patterns in PATTERN_LISTS})


def _plain(source: str) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w){source}(?!\w)", FLAGS)


def _spans(regex: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [m.span() for m in regex.finditer(text)]


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("(?:data|Daten)", "[Dd]"),
        (r"(?:(?:former|new)\s+)?(?:users?|kunder)", "[fknu]"),
        (r"\d+ days", r"[\d]"),
        ("[a-c]x|(?-i:PUL)", "[Pa-c]"),
        (r"(?=x)y", "[y]"),
        ("(?:x)?", None),  # may match the empty string
        (".x", None),  # any character may start it
        ("[^a]b", None),
        (r"(?P<a>x)(?P=a)", "[x]"),
        ("(", None),  # not a pattern
    ],
)
def test_first_chars(source: str, expected: str | None) -> None:
    assert first_chars(source) == expected


def test_the_lexicon_has_pattern_lists_to_check() -> None:
    assert len(ALTERNATIONS) > 200
    assert sum(first_chars(a) is not None for a in ALTERNATIONS) > 0.9 * len(ALTERNATIONS)


def test_phrases_take_first_characters_from_each_pattern_as_from_their_alternation() -> None:
    for patterns in PATTERN_LISTS:
        assert compile_phrases(patterns).pattern == bounded(alternation(patterns)), patterns


def test_every_lexicon_alternation_matches_the_same_in_the_seeds() -> None:
    for source in ALTERNATIONS:
        bounded_regex = re.compile(bounded(source), FLAGS)
        assert _spans(bounded_regex, SEED_TEXT) == _spans(_plain(source), SEED_TEXT), source


_WORDS = sorted({w for a in ALTERNATIONS[::7] for w in re.findall(r"[^\W\d_]{2,}", a)})


@given(
    st.sampled_from(ALTERNATIONS),
    st.lists(st.one_of(st.sampled_from(_WORDS), st.sampled_from(ODD),
                       st.text(max_size=3)), max_size=12),
    st.sampled_from([" ", "", "-", "\n"]),
    st.booleans(),
)
def test_lookahead_changes_no_match(source: str, parts: list[str], sep: str,
                                    upper: bool) -> None:
    text = sep.join(parts)
    text = text.upper() if upper else text
    bounded_regex = re.compile(bounded(source), FLAGS)
    assert _spans(bounded_regex, text) == _spans(_plain(source), text)
