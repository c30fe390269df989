"""Text helpers for the work-management SaaS policy: sentences, list pieces, label spans.

The policy's text has words run together by a bad copy ("ofthe", "andphone"), so the
helpers work on spans of the block text and never rewrite it: every label they return is
a span of the source, so its evidence quotes the source exactly.
"""

from __future__ import annotations

import re

from privmodel.parsers.extract._phrases import text_cache

Span = tuple[int, int]

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\u201c\"])")
_COMMA = re.compile(r",\s*")
_JOINER = re.compile(r"\s+(?:and|as well as)\s+")
_LEAD = re.compile(r"(?:and|as well as)\s+", re.I)
_GLUED_AND = re.compile(r"\s+and(?P<word>[a-z]{3,})\b")
_TRIM = " \t\n.;:,"
_WORD = re.compile(r"[A-Za-z]+")
_NOT_KEY = re.compile(r"[^0-9a-z]")


def trim(text: str, i: int, j: int) -> Span:
    """``(i, j)`` narrowed to exclude surrounding space and punctuation."""
    while i < j and text[i] in _TRIM:
        i += 1
    while j > i and text[j - 1] in _TRIM:
        j -= 1
    return i, j


def sentences(text: str, i: int = 0, j: int | None = None) -> list[Span]:
    """Sentence spans of ``text[i:j]`` (a sentence ends before a capital letter)."""
    end = len(text) if j is None else j
    spans: list[Span] = []
    start = i
    for m in _SENTENCE_END.finditer(text, i, end):
        spans.append(trim_space(text, start, m.start()))
        start = m.end()
    spans.append(trim_space(text, start, end))
    return [s for s in spans if s[1] > s[0]]


def trim_space(text: str, i: int, j: int) -> Span:
    while i < j and text[i].isspace():
        i += 1
    while j > i and text[j - 1].isspace():
        j -= 1
    return i, j


def _split(text: str, i: int, j: int, pattern: re.Pattern[str]) -> list[Span]:
    spans: list[Span] = []
    start = i
    for m in pattern.finditer(text, i, j):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, j))
    return spans


def _split_glued(text: str, span: Span, source: str) -> list[Span]:
    """Split 'email address andphone number' where 'phone' is a word of its own elsewhere."""
    i, j = span
    for m in _GLUED_AND.finditer(text, i, j):
        if re.search(rf"(?<!\w){re.escape(m.group('word'))}(?!\w)", source):
            at = m.start("word")
            return [(i, m.start()), *_split_glued(text, (at, j), source)]
    return [span]


def list_pieces(text: str, i: int, j: int, source: str = "") -> list[Span]:
    """The items of an enumeration 'a, b, c and d as well as e' in ``text[i:j]``.

    Commas separate items; 'and' and 'as well as' separate items only in the last
    comma piece, so 'your CV and personal letter, as well as ...' keeps its pair.
    """
    pieces = _split(text, i, j, _COMMA)
    spans: list[Span] = []
    for n, (a, b) in enumerate(pieces):
        a, b = trim(text, a, b)
        lead = _LEAD.match(text, a, b)
        a = lead.end() if lead else a
        parts = _split(text, a, b, _JOINER) if n == len(pieces) - 1 else [(a, b)]
        for part in parts:
            spans.extend(_split_glued(text, trim(text, *part), source or text))
    return [s for s in (trim(text, *p) for p in spans) if s[1] > s[0]]


def stem(word: str) -> str:
    """A crude English singular: 'aliases' -> 'alias', 'names' -> 'name'."""
    w = word.lower()
    if w.endswith(("ses", "xes")):
        return w[:-2]
    if w.endswith("s") and not w.endswith(("ss", "us", "is", "as")):
        return w[:-1]
    return w


@text_cache
def stems(text: str) -> frozenset[str]:
    """The stems of the words of ``text``, kept: labels are compared with the same texts
    many times."""
    return frozenset(stem(w) for w in _WORD.findall(text))


def key(text: str) -> str:
    """Letters and digits only: 'phone number ofthe' and 'phone number of the' agree."""
    return _NOT_KEY.sub("", text.lower())
