"""The readers' faster forms give exactly what the forms they replaced gave."""

from __future__ import annotations

import itertools
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from privmodel.parsers.readers import markdown
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
