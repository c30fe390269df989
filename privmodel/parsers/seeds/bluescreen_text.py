"""Text helpers for the Bluescreen parser: bullet-separated items, sentences, heading keys.

The policy writes many lists inline ("Avtal • Intresseavvägning") and marks footnotes with
"*" and superscript digits; these helpers cut such text into spans of the block text, so
every value keeps exact evidence.
"""

from __future__ import annotations

import re

from privmodel.parsers.common import split_examples
from privmodel.parsers.document import Block, BlockKind
from privmodel.parsers.extract._phrases import text_cache

_ITEM = re.compile(r"[^•〉]+")  # the text between '•'/'〉' separators
_FOOTNOTE = "*¹²³⁴⁵⁶⁷⁸⁹⁰"
_TRIM_END = _FOOTNOTE + ".;:, \t\u00a0"
_TRIM_START = _FOOTNOTE + " \t\u00a0"
# A sentence is a whole run without stops, ended by a stop before a space or by the end.
# A run cut by a stop inside a word ("t.ex.") gives no sentence, and no match starts inside
# it: starting only after a stop, and never giving back, keeps that linear (tried at each
# character of the run, it was quadratic).
_SENTENCE = re.compile(r"(?<![^.!?])[^.!?]++(?:[.!?](?=\s|$)|$)")
_KEY = re.compile(r"[^a-zåäöéü ]+")
# Exemplifying tails of a label: "Besvara frågor, t.ex. avhjälpa fel" -> "Besvara frågor".
_EXAMPLE_TAIL = re.compile(r",?\s+(?:t\.ex\.|såsom|bl\.a\.|exempelvis)\s")
_IN_ORDER_TO = re.compile(r"^för att\s+", re.I)


@text_cache
def heading_key(text: str) -> str:
    """'KATEGORI AV UPPGIFTER*' -> 'kategori av uppgifter' (footnote marks dropped)."""
    return " ".join(_KEY.sub(" ", text.lower()).split())


def trim(text: str, i: int, j: int) -> tuple[int, int]:
    """Shrink ``text[i:j]`` past surrounding space, footnote marks and trailing punctuation."""
    while i < j and text[i] in _TRIM_START:
        i += 1
    while j > i and text[j - 1] in _TRIM_END:
        j -= 1
    return i, j


def item_spans(text: str) -> list[tuple[int, int]]:
    """Spans of the items of a '•'/'〉'-separated line, trimmed; empty items are skipped."""
    spans: list[tuple[int, int]] = []
    for m in _ITEM.finditer(text):
        i, j = trim(text, m.start(), m.end())
        if j > i:
            spans.append((i, j))
    return spans


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Spans of the sentences of a paragraph (without the final stop)."""
    spans: list[tuple[int, int]] = []
    for m in _SENTENCE.finditer(text):
        i, j = trim(text, m.start(), m.end())
        if j - i > 1:
            spans.append((i, j))
    return spans


@text_cache
def plain_label(text: str) -> str:
    """A label without a trailing parenthetical qualifier: 'Yrkestitel (kan förekomma)'."""
    label, _ = split_examples(text)
    return label or text


@text_cache
def purpose_label(text: str) -> str:
    """A purpose as a verb phrase: exemplifying tails and a leading 'För att' dropped."""
    label = plain_label(text)
    tail = _EXAMPLE_TAIL.search(label)
    if tail is not None:
        label = label[: tail.start()]
    label = _IN_ORDER_TO.sub("", label).strip()
    return label[:1].upper() + label[1:] if label else text


def sentence_case(text: str) -> str:
    """'PERSON- OCH KONTAKTINFORMATION' -> 'Person- och kontaktinformation'."""
    lower = text.strip().lower()
    return lower[:1].upper() + lower[1:]


_TEXT_KINDS = (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM, BlockKind.LABEL_VALUE)


def is_text(block: Block) -> bool:
    return block.kind in _TEXT_KINDS
