"""Processing activities the policy links explicitly: repeated records of labelled fields
(subjects / data / purposes / legal basis as headings or labels), tables whose header names
those columns, and sections whose subsections are one purpose each."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, cast

from privmodel.parsers.base import PolicyBuilder
from privmodel.parsers.common import WHITESPACE
from privmodel.parsers.document import Block, BlockKind, Document
from privmodel.parsers.extract import find_legal_bases
from privmodel.parsers.extract._phrases import FLAGS, alternation, text_cache
from privmodel.parsers.generic.activity_links import Linker, Span
from privmodel.parsers.generic.phrases import phrase_regex
from privmodel.parsers.generic.topics import heading_topics
from privmodel.parsers.lexicon import languages, load

Record = dict[str, list[Span]]
_NUMBERING = re.compile(r"^\s*(?:\d+(?:\.\d+)*\.?|[a-zA-Z][.)]|[IVX]+\.)\s+")
_TRAIL = WHITESPACE + ":*¹²³⁴⁵⁶⁷⁸⁹⁰†.?"  # taken off a heading's end
_FIELD_MAX = 70
# A record set read from headings needs this many records: one alone is a document outline.
_MIN_RECORDS = 2
_MIN_SUBSECTIONS = 2
# Subsections of a purposes section that state no basis and list nothing are not activities.
_MIN_LIST_ITEMS = 2
_OTHER_TOPICS = frozenset({"rights", "retention", "recipients", "transfers", "cookies",
                           "contact", "identity", "security", "children", "complaint", "dpo",
                           "data", "sources", "subjects", "legal_basis"})


def _lexicon() -> Mapping[str, Any]:
    return load("generic_activities")


def _patterns(per_lang: Mapping[str, list[str]], lang: str) -> list[str]:
    return [p for code in languages(lang) for p in per_lang.get(code, [])]


@functools.cache
def _field_regexes(lang: str) -> tuple[tuple[str, re.Pattern[str]], ...]:
    fields = cast(Mapping[str, Mapping[str, list[str]]], _lexicon()["fields"])
    return tuple(
        (name, re.compile(alternation(_patterns(per_lang, lang)), FLAGS))
        for name, per_lang in fields.items()
    )


@functools.cache
def _whole(section: str, lang: str) -> re.Pattern[str]:
    per_lang = cast(Mapping[str, list[str]], _lexicon()[section])
    return re.compile(alternation(_patterns(per_lang, lang)), FLAGS)


def _bare(text: str) -> str:
    return _NUMBERING.sub("", text).rstrip(_TRAIL).strip()


@text_cache
def field_of(text: str, lang: str) -> str | None:
    """The activity field a heading, label or header cell names ('Legal basis' -> legal_basis);
    kept per text, as data categories ask about the same headings."""
    bare = _bare(text)
    if not bare or len(bare) > _FIELD_MAX:
        return None
    for name, regex in _field_regexes(lang):
        if regex.fullmatch(bare):
            return name
    return None


def collect_activities(
    b: PolicyBuilder, document: Document, purpose_blocks: Sequence[Block], lang: str,
    *, read_bases: bool = True,
) -> None:
    """Activities from field records, tables and per-purpose subsections, in that order."""
    linker = Linker(b, lang, read_bases=read_bases)
    blocks = list(document.blocks)
    records = _field_records(blocks, lang)
    headed = [r for r, by_heading in records if by_heading]
    if len(headed) < _MIN_RECORDS:
        records = [(r, h) for r, h in records if not h]
    for record, _ in records:
        linker.record(record)
    for record in _table_records(blocks, lang):
        linker.record(record)
    if not b.items("activities"):
        _purpose_sections(linker, document, purpose_blocks, lang)


# -- records of labelled fields --------------------------------------------------------------

def _field_records(blocks: Sequence[Block], lang: str) -> list[tuple[Record, bool]]:
    """Records of consecutive field headings or labels; a repeated field starts a new one."""
    out: list[tuple[Record, bool]] = []
    current: Record = {}
    by_heading = False
    field: str | None = None

    def flush() -> None:
        nonlocal current
        if "purposes" in current and len(current) >= 2:
            out.append((current, by_heading))
        current = {}

    for block in blocks:
        name = _block_field(block, lang)
        if name is None:
            if block.kind is BlockKind.HEADING:
                flush()
                field = None
            elif field is not None:
                current[field].append((block, 0, len(block.text)))
            continue
        if name in current:
            flush()
        if block.kind is BlockKind.HEADING:
            by_heading, field = True, name
            current.setdefault(name, [])
        else:
            by_heading, field = False, None
            current.setdefault(name, []).append((block, _value_start(block), len(block.text)))
    flush()
    return out


def _block_field(block: Block, lang: str) -> str | None:
    if block.kind is BlockKind.HEADING:
        return field_of(block.text, lang)
    if block.kind is BlockKind.LABEL_VALUE and block.label:
        return field_of(block.label, lang)
    return None


def _value_start(block: Block) -> int:
    colon = block.text.find(":", len(block.label or "") - 1)
    return colon + 1 if colon >= 0 else 0


# -- tables ------------------------------------------------------------------------------------

def _tables(blocks: Sequence[Block]) -> Iterable[list[Block]]:
    table: list[Block] = []
    for block in blocks:
        if block.kind is BlockKind.TABLE_ROW and block.cells:
            table.append(block)
            continue
        if table:
            yield table
        table = []
    if table:
        yield table


def _table_records(blocks: Sequence[Block], lang: str) -> Iterable[Record]:
    """A record per row of a table whose header names the purpose and another field."""
    for table in _tables(blocks):
        head = table[0]
        columns = [field_of(head.text[i:j], lang) for i, j in head.cells]
        named = {c for c in columns if c is not None}
        if "purposes" not in named or len(named) < 2:
            continue
        for row in table[1:]:
            record: Record = {}
            for column, (i, j) in zip(columns, row.cells, strict=False):
                if column is not None:
                    record.setdefault(column, []).append((row, i, j))
            if record.get("purposes"):
                yield record


# -- per-purpose subsections ---------------------------------------------------------------

def _is_container(head: Block, lang: str) -> bool:
    text = _bare(head.text)
    if _whole("containers", lang).fullmatch(text):
        return True
    return "purposes" in heading_topics(head.text, lang)


def _purpose_sections(
    linker: Linker, document: Document, purpose_blocks: Sequence[Block], lang: str
) -> None:
    """Subsections of a purposes (or 'processing activities') section, each one activity."""
    for head, body in document.sections():
        if head is None or not _is_container(head, lang):
            continue
        children = _children(body)
        if len(children) < _MIN_SUBSECTIONS:
            continue
        for child, child_body in children:
            _subsection(linker, child, child_body, lang, depth=0)


def _children(body: Sequence[Block]) -> list[tuple[Block, list[Block]]]:
    """The direct subsections of a section body: each heading with the blocks under it."""
    levels = [b.level for b in body if b.kind is BlockKind.HEADING]
    if not levels:
        return []
    top = min(levels)
    out: list[tuple[Block, list[Block]]] = []
    for block in body:
        if block.kind is BlockKind.HEADING and block.level == top:
            out.append((block, []))
        elif out:
            out[-1][1].append(block)
    return out


def _subsection(linker: Linker, head: Block, body: list[Block], lang: str, depth: int) -> None:
    bare = _bare(head.text)
    topics = set(heading_topics(head.text, lang))
    if (not bare or topics & _OTHER_TOPICS or field_of(head.text, lang) is not None
            or phrase_regex("subjects", lang).fullmatch(bare)):
        return
    own = [b for b in body if b.section == (*head.section, head.text)]
    nested = _children(body)
    for child, child_body in nested:
        if _whole("generic_headings", lang).fullmatch(_bare(child.text)):
            own.extend(child_body)
    # A subsection of a purposes section is one; one level further down it must show it.
    if depth == 0 or _states_activity(own, lang):
        linker.section_activity(head, _NUMBERING.match(head.text), own)
    if depth == 0:
        for child, child_body in nested:
            if not _whole("generic_headings", lang).fullmatch(_bare(child.text)):
                _subsection(linker, child, child_body, lang, depth + 1)


def _states_activity(body: Sequence[Block], lang: str) -> bool:
    items = sum(1 for b in body if b.kind is BlockKind.LIST_ITEM)
    if items >= _MIN_LIST_ITEMS:
        return True
    return any(find_legal_bases(b.text, lang) for b in body if b.kind is not BlockKind.HEADING)

