"""The readers' fast paths give exactly what their plain definitions give."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from privmodel.parsers.readers.language import _WORD, _words

_TEXT_CHARS = "aZé ß\t\n.,;:-_1²¹’“”„–—•§…«»\u00a0\u2003\ud800İΣ"
_PIECES = st.text(alphabet=_TEXT_CHARS, max_size=8) | st.sampled_from(["word", "Wort", "ord"])


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_TEXT_CHARS, max_size=40) | st.text(max_size=40))
def test_words_are_the_regex_matches(text: str) -> None:
    assert _words(text) == _WORD.findall(text)


@settings(max_examples=100, deadline=None)
@given(st.lists(_PIECES, max_size=400).map(" ".join))
def test_words_of_long_texts_are_the_regex_matches(text: str) -> None:
    assert _words(text) == _WORD.findall(text)
