"""Labels and headings trimmed with rstrip() come out as the regular expressions trimmed them."""

from __future__ import annotations

import re
import sys

from hypothesis import given
from hypothesis import strategies as st

from conftest import SEEDS
from privmodel.parsers.common import WHITESPACE, clean_label, split_examples
from privmodel.parsers.generic.activities import _NUMBERING, _bare
from privmodel.parsers.readers import read_path

BLOCKS = [b.text for seed in sorted(SEEDS.glob("*.txt")) for b in read_path(seed).blocks]
# The characters the trimming treats specially, mixed with ordinary ones.
PIECES = st.text(alphabet=st.sampled_from(
    list(" \t\n\r\f\v\xa0\u2028\u3000\x1c.;:,*?†¹²³⁰()") + list("abcÅé1 ")
), max_size=30)

_OLD_TRAILING = re.compile(r"[\s.;:,]+$")
_OLD_EXAMPLES = re.compile(r"^(?P<label>[^(:]+?)\s*[(:]\s*(?P<examples>.+?)\)?\s*$")
_OLD_TRAIL = re.compile(r"[\s:*¹²³⁴⁵⁶⁷⁸⁹⁰†.?]+$")


def _old_clean_label(text: str) -> str:
    return _OLD_TRAILING.sub("", text.strip())


def _old_bare(text: str) -> str:
    return _OLD_TRAIL.sub("", _NUMBERING.sub("", text)).strip()


def test_whitespace_is_what_backslash_s_matches() -> None:
    matched = {ch for ch in map(chr, range(sys.maxunicode + 1)) if re.fullmatch(r"\s", ch)}
    assert set(WHITESPACE) == matched


def test_clean_label_trims_the_seed_blocks_as_the_regex_did() -> None:
    for text in BLOCKS:
        assert clean_label(text) == _old_clean_label(text)
        assert _bare(text) == _old_bare(text)


@given(PIECES)
def test_clean_label_trims_as_the_regex_did(text: str) -> None:
    assert clean_label(text) == _old_clean_label(text)


@given(PIECES)
def test_headings_are_bared_as_the_regex_did(text: str) -> None:
    assert _bare(text) == _old_bare(text)
    assert _bare(f"2.1 {text}") == _old_bare(f"2.1 {text}")


@given(PIECES, PIECES)
def test_examples_are_split_only_where_the_pattern_finds_them(label: str, rest: str) -> None:
    for text in (f"{label}({rest})", f"{label}: {rest}", label + rest):
        m = _OLD_EXAMPLES.match(_old_clean_label(text))
        if m is None:
            assert split_examples(text) == (_old_clean_label(text), ())
        else:
            assert split_examples(text)[0] == _old_clean_label(m.group("label"))
