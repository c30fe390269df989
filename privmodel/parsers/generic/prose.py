"""Facts stated in running text: purposes after 'in order to', data listed after 'we collect',
security measures named in sentences, categories of people and sources of data."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence

from privmodel.parsers.base import PolicyBuilder
from privmodel.parsers.document import Block
from privmodel.parsers.extract._phrases import text_cache
from privmodel.parsers.generic.phrases import open_purpose_markers
from privmodel.schema import Fact

Make = Callable[[str], Fact]
_SENTENCE = re.compile(r"[^.!?;\n]+(?:[.!?;]+|$)")
_CLAUSE_END = re.compile(r"[.;:!?(\[]|,\s|\s[-–—]\s|$")
_SPLIT = re.compile(r",\s*|\s+(?:and|or|och|eller|og|und|oder|ja|tai|sekä|samt|as well as)\s+")
_LIST_LEAD = re.compile(
    r"(?:such as|including|e\.g\.,?|for example|t\.ex\.|bl\.a\.|såsom|som f\.eks\.|f\.eks\.|"
    r"z\.\s?B\.|wie|esim\.|kuten|følgende|följande|following|folgende)\s*:?\s*",
    re.I,
)
_MAX_WORDS = 18
_MIN_CHARS = 3


@text_cache
def sentences(text: str) -> tuple[tuple[int, int], ...]:
    """Spans of the sentences of a block text, trimmed of surrounding space (kept: several
    collectors read a block sentence by sentence)."""
    return tuple(_sentence_spans(text))


def _sentence_spans(text: str) -> Iterator[tuple[int, int]]:
    for m in _SENTENCE.finditer(text):
        s, e = m.start(), m.end()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            yield s, e


def _clause(text: str, start: int, limit: int | None = None) -> tuple[int, int]:
    """The span from ``start`` to the end of its clause, at most ``_MAX_WORDS`` words."""
    while start < len(text) and text[start].isspace():
        start += 1
    end = _CLAUSE_END.search(text, start)
    stop = end.start() if end is not None else len(text)
    if limit is not None:
        stop = min(stop, limit)
    words = list(re.finditer(r"\S+", text[start:stop]))
    if len(words) > _MAX_WORDS:
        stop = start + words[_MAX_WORDS - 1].end()
    while stop > start and text[stop - 1] in " ,.;:":
        stop -= 1
    return start, stop


def _add(b: PolicyBuilder, collection: str, block: Block, span: tuple[int, int],
         make: Make, confidence: float) -> None:
    i, j = span
    label = block.text[i:j]
    if len(label.strip()) < _MIN_CHARS:
        return
    fact = make(label).model_copy(
        update={"evidence": (b.evidence(block, i, j),), "confidence": confidence}
    )
    b.add(collection, fact)


def collect_prose_purposes(
    b: PolicyBuilder, blocks: Iterable[Block], lang: str, make: Make
) -> None:
    """'We use your email address in order to send receipts' -> 'send receipts'."""
    for block in blocks:
        text = block.text
        taken: list[tuple[int, int]] = []
        for regex in open_purpose_markers(text, lang):
            for m in regex.finditer(text):
                if "p" in regex.groupindex and m.group("p"):
                    span = (m.start("p"), m.end("p"))
                else:
                    span = _clause(text, m.end())
                if span[1] - span[0] < _MIN_CHARS or _overlaps(span, taken):
                    continue
                taken.append(span)
                _add(b, "purposes", block, span, make, 0.55)


def _overlaps(span: tuple[int, int], taken: Sequence[tuple[int, int]]) -> bool:
    return any(span[0] < e and s < span[1] for s, e in taken)


def split_items(text: str, start: int, stop: int) -> list[tuple[int, int]]:
    """Spans of the items of an enumeration 'name, email address and phone number'."""
    out: list[tuple[int, int]] = []
    pos = start
    for m in [*_SPLIT.finditer(text, start, stop), None]:
        end = m.start() if m is not None else stop
        s, e = pos, end
        while s < e and text[s] in " \t\"'“”(":
            s += 1
        while e > s and text[e - 1] in " \t.,;:\"'”)":
            e -= 1
        if e - s >= _MIN_CHARS and len(text[s:e].split()) <= 6:
            out.append((s, e))
        pos = m.end() if m is not None else stop
    return out


# Items of a bare enumeration; 'fødsels- og personnummer' is one item.
_ENUM_SPLIT = re.compile(r",\s*|(?<!-)\s+(?:and|or|och|eller|og|und|oder|ja|tai|sekä)\s+", re.I)
_ENUM_LAST = re.compile(r"(?<!-)\s(?:and|or|och|eller|og|und|oder|ja|tai|sekä)\s", re.I)
_FILLER_AT = re.compile(r"\s+(\w+)(?=\s)")
_ENUM_ITEM_WORDS = 4


def enumeration_after(text: str, start: int, stop: int,
                      fillers: re.Pattern[str]) -> list[tuple[int, int]]:
    """The short items of an enumeration 'a, b and c' that starts at ``start`` (after words
    that ``fillers`` matches) and ends with a conjunction; a long item (a clause) ends it."""
    if _ENUM_LAST.search(text, start, stop) is None:
        return []
    while (filler := _FILLER_AT.match(text, start, stop)) is not None and \
            fillers.fullmatch(filler.group(1)):
        start = filler.end()
    out: list[tuple[int, int]] = []
    pos = start
    for m in [*_ENUM_SPLIT.finditer(text, start, stop), None]:
        end = m.start() if m is not None else stop
        s, e = pos, end
        while s < e and text[s] in " \t\"'“”":
            s += 1
        while e > s and text[e - 1] in " \t.,;:\"'”":
            e -= 1
        if len(text[s:e].split()) > _ENUM_ITEM_WORDS:
            break
        if e - s >= _MIN_CHARS:
            out.append((s, e))
        pos = m.end() if m is not None else stop
    return out
