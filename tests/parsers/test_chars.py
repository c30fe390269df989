"""The fast run-wise text builder gives exactly what character-wise building gives."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from privmodel.parsers.readers.decode import Chars

pieces = st.lists(st.text(alphabet="ab \t\n\r\f\xa0\u2003é", max_size=12), max_size=6)


def _slow(parts: list[str]) -> Chars:
    chars, pos = Chars(), 0
    for part in parts:
        for n, char in enumerate(part):
            chars.add(char, pos + n, pos + n + 1)
        pos += len(part)
    return chars


@given(pieces)
def test_add_raw_equals_adding_each_character(parts: list[str]) -> None:
    fast, pos = Chars(), 0
    for part in parts:
        fast.add_raw(part, pos)
        pos += len(part)
    slow = _slow(parts)
    assert (fast.chars, fast.offsets, fast.ends) == (slow.chars, slow.offsets, slow.ends)
