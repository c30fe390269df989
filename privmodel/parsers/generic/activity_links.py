"""Turning the parts of an explicitly linked processing activity into facts and their ids,
reusing the facts other extractors found where the label is the same."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import cast

from privmodel.parsers.base import PolicyBuilder
from privmodel.parsers.document import Block, BlockKind
from privmodel.parsers.extract import find_legal_bases
from privmodel.parsers.extract._phrases import Phrases, compile_gated, compile_phrases
from privmodel.parsers.generic.phrases import phrase_regex
from privmodel.parsers.generic.subjects import role_words
from privmodel.parsers.lexicon import languages, load
from privmodel.schema import (
    DataCategory,
    DataSubjectCategory,
    Evidence,
    Fact,
    LegalBasis,
    LegalBasisCode,
    PartyRole,
    ProcessingActivity,
    Purpose,
)

Span = tuple[Block, int, int]
Make = Callable[[str, Evidence], Fact]
_ITEM = re.compile(r"[^•·;\n]+")
_EDGE = " \t\xa0*¹²³⁴⁵⁶⁷⁸⁹⁰†.,:"
_NOTE = re.compile(r"[*¹²³⁴⁵⁶⁷⁸⁹⁰†]|(?:OBS|NB|Note)\b", re.I)
_MAX_WORDS = 20
_DATA_MAX_WORDS = 8
_MAX_SUBJECTS = 3
# A subsection names its subjects at its start; later mentions are asides.
_LEAD_BLOCKS = 2
_NON_WORD = re.compile(r"[\W_]+")
_CONFIDENCE = 0.6
_LISTED = 0.8  # the confidence of a subject the policy lists


def _term_patterns(section: str, lang: str) -> list[str]:
    per_lang = cast(Mapping[str, list[str]], load("generic_activities")[section])
    return [p for code in languages(lang) for p in per_lang.get(code, [])]


@functools.cache
def _terms(section: str, lang: str) -> re.Pattern[str]:
    return compile_phrases(_term_patterns(section, lang))


@functools.cache
def _gated_terms(section: str, lang: str) -> Phrases:
    """As :func:`_terms`, searched only in texts that hold one of its literals."""
    return compile_gated(_term_patterns(section, lang))


def _norm(label: str) -> str:
    return _NON_WORD.sub(" ", label.lower()).strip()


def items(text: str, i: int, j: int, max_words: int = _MAX_WORDS) -> Iterator[tuple[int, int]]:
    """Spans of the bullet-separated items of ``text[i:j]``, trimmed; notes and long
    sentences are left out."""
    for m in _ITEM.finditer(text, i, j):
        s, e = m.start(), m.end()
        while s < e and text[s] in _EDGE:
            s += 1
        while e > s and text[e - 1] in _EDGE:
            e -= 1
        raw = m.start()
        while raw < e and text[raw].isspace():
            raw += 1
        if e - s < 2 or _NOTE.match(text, raw):
            continue
        if len(text[s:e].split()) <= max_words:
            yield s, e


def _covers(known: str, key: frozenset[str], listed: bool) -> bool:
    """A known category names the role of ``key``: the same words, the same head noun with a
    complement ('Users' is covered by 'Users of the app', not by 'Former users'), or, for a
    category the policy lists, more words ('Customers' by 'Customers and prospects')."""
    words = role_words(known)
    if key == words:
        return True
    if not key < words:
        return False
    return listed or role_words(" ".join(known.split()[:len(key)])) == key


def _subject(label: str, ev: Evidence) -> Fact:
    return DataSubjectCategory(label=label, evidence=(ev,), confidence=_CONFIDENCE)


def _purpose(label: str, ev: Evidence) -> Fact:
    return Purpose(label=label, evidence=(ev,), confidence=_CONFIDENCE)


def _data(label: str, ev: Evidence) -> Fact:
    return DataCategory(label=label, evidence=(ev,), confidence=_CONFIDENCE)


class Linker:
    """Adds (or finds) the facts an activity refers to, then the activity itself."""

    def __init__(self, b: PolicyBuilder, lang: str, *, read_bases: bool) -> None:
        self.b = b
        self.lang = lang
        self.read_bases = read_bases
        self._names: set[str] = set()
        self._indexes: dict[str, dict[str, str]] = {}
        self._default: tuple[str, ...] | None = None

    def _index(self, collection: str) -> dict[str, str]:
        index = self._indexes.get(collection)
        if index is None:
            index = {_norm(str(getattr(f, "label", ""))): f.id for f in self.b.items(collection)}
            self._indexes[collection] = index
        return index

    def _fact(self, collection: str, block: Block, s: int, e: int, make: Make) -> str:
        index = self._index(collection)
        key = _norm(block.text[s:e])
        known = index.get(key)
        if known is not None:
            return known
        fact = self.b.add(collection, make(block.text[s:e], self.b.evidence(block, s, e)))
        index[key] = fact.id
        return fact.id

    def _subject(self, block: Block, s: int, e: int) -> str | None:
        """A subject fact for ``block.text[s:e]``: the known category naming the same role
        ('Customers' for 'customer', 'Customers & prospects' for 'Customers'), else a new one;
        None for a placeholder ('Other')."""
        label = block.text[s:e]
        if _terms("placeholders", self.lang).fullmatch(label.strip()):
            return None
        key = role_words(label)
        known = [(fact.role is not PartyRole.CONTROLLER, len(label), fact.id)
                 for fact in self.b.items("data_subjects")
                 if isinstance(fact, DataSubjectCategory) and key and _covers(
                     fact.label, key, fact.confidence >= _LISTED)]
        if known:
            return min(known)[2]
        return self._fact("data_subjects", block, s, e, _subject)

    def _link(self, collection: str, spans: Iterable[Span], make: Make,
              max_words: int = _MAX_WORDS) -> list[str]:
        ids: list[str] = []
        for block, i, j in spans:
            for s, e in items(block.text, i, j, max_words):
                fid = (self._subject(block, s, e) if collection == "data_subjects"
                       else self._fact(collection, block, s, e, make))
                if fid is None:
                    continue
                if fid not in ids:
                    ids.append(fid)
        return ids

    def _data_ids(self, spans: Sequence[Span]) -> list[str]:
        """Data categories of a record: each item a known category, the known categories it
        runs together ('Contact data Unique identifiers'), or a new category."""
        ids: list[str] = []
        for block, i, j in spans:
            for s, e in items(block.text, i, j):
                for fid in self._data_item(block, s, e):
                    if fid not in ids:
                        ids.append(fid)
        if ids:
            return ids
        return self._known_in(" ".join(_norm(block.text[i:j]) for block, i, j in spans))

    def _data_item(self, block: Block, s: int, e: int) -> list[str]:
        label = block.text[s:e]
        if _terms("all_data", self.lang).fullmatch(label.strip()):
            return []
        known = self._index("data_categories").get(_norm(label))
        if known is not None:
            return [known]
        within = self._known_in(_norm(label))
        if len(within) >= 2:
            return within
        if len(label.split()) > _DATA_MAX_WORDS:
            return []
        return [self._fact("data_categories", block, s, e, _data)]

    def _known_in(self, text: str) -> list[str]:
        padded = f" {text} "
        return [fid for key, fid in self._index("data_categories").items()
                if key and f" {key} " in padded]

    def _basis_ids(self, spans: Sequence[Span]) -> list[str]:
        ids: list[str] = []
        if not self.read_bases:
            return ids
        for block, i, j in spans:
            for m in find_legal_bases(block.text[i:j], self.lang):
                ev = self.b.evidence(block, i + m.start, i + m.end)
                fact = self.b.add_fact(
                    "legal_bases", LegalBasis,
                    code=LegalBasisCode(m.value), label=m.text, evidence=(ev,),
                    confidence=_CONFIDENCE)
                if fact.id not in ids:
                    ids.append(fact.id)
        return ids

    def record(self, record: dict[str, list[Span]]) -> None:
        """An activity from the fields of a record or a table row."""
        purposes = self._link("purposes", record.get("purposes", []), _purpose)
        if not purposes:
            return
        data_spans = record.get("data") or record.get("data_items") or []
        subjects = self._link("data_subjects", record.get("subjects", []), _subject)
        self._add(
            purposes, subjects or self.default_subject(), self._data_ids(data_spans),
            self._basis_ids(record.get("legal_basis", [])),
            self._retention_ids([blk for spans in record.values() for blk, _, _ in spans]),
            record["purposes"][0][0],
        )

    def section_activity(self, head: Block, numbering: re.Match[str] | None,
                         body: Sequence[Block]) -> None:
        """An activity from a subsection whose heading is its purpose."""
        start = numbering.end() if numbering else 0
        spans = list(items(head.text, start, len(head.text)))
        if not spans:
            return
        s, e = spans[0]
        purposes = [self._fact("purposes", head, s, e, _purpose)]
        lead = [blk for blk in body if blk.kind is not BlockKind.HEADING][:_LEAD_BLOCKS]
        subjects = self._subjects_in(lead) or self.default_subject()
        self._add(purposes, subjects, self._ids_within("data_categories", body),
                  self._known_bases(body), self._retention_ids(body), head)

    def _subjects_in(self, body: Sequence[Block]) -> list[str]:
        regex = phrase_regex("subjects", self.lang)
        ids: list[str] = []
        for block in body:
            for m in regex.finditer(block.text):
                fid = self._subject(block, m.start(), m.end())
                if fid is not None and fid not in ids:
                    ids.append(fid)
                if len(ids) >= _MAX_SUBJECTS:
                    return ids
        return ids

    def _known_bases(self, body: Sequence[Block]) -> list[str]:
        """The known bases the section mentions; its blocks are read only until every known
        basis is mentioned (none when no basis is known)."""
        known = [f for f in self.b.items("legal_bases") if isinstance(f, LegalBasis)]
        wanted = {f.code for f in known}
        codes: set[LegalBasisCode] = set()
        for block in body:
            if wanted <= codes:
                break
            codes.update(m.value for m in find_legal_bases(block.text, self.lang))
        return [f.id for f in known if f.code in codes]

    def _ids_within(self, collection: str, body: Sequence[Block]) -> list[str]:
        spans = [(blk.start, blk.end) for blk in body]
        if not spans:
            return []
        # Most facts lie outside the section: one range test rejects them.
        lo, hi = min(s for s, _ in spans), max(e for _, e in spans)
        ids: list[str] = []
        for f in self.b.items(collection):
            for ev in f.evidence:
                if lo <= ev.start < hi and any(s <= ev.start < e for s, e in spans):
                    ids.append(f.id)
                    break
        return ids

    def _retention_ids(self, body: Sequence[Block]) -> list[str]:
        return self._ids_within("retention_rules", body)

    def default_subject(self) -> list[str]:
        """The users of the service, where the policy names them: the subject of an activity
        that names none."""
        if self._default is None:
            self._default = self._find_default()
        return list(self._default)

    def _find_default(self) -> tuple[str, ...]:
        named = _gated_terms("named_users", self.lang)  # searched in every block
        for block in self.b.document.blocks:
            m = named.search(block.text)
            if m is not None:
                fid = self._subject(block, m.start(), m.end())
                return (fid,) if fid is not None else ()
        regex = _terms("user_terms", self.lang)
        for fact in self.b.items("data_subjects"):
            if regex.search(str(getattr(fact, "label", ""))) is not None:
                return (fact.id,)
        return ()

    def _add(self, purposes: list[str], subjects: list[str], data: list[str],
             bases: list[str], retention: list[str], where: Block) -> None:
        first = next((f for f in self.b.items("purposes") if f.id == purposes[0]), None)
        name = base = str(getattr(first, "label", "")) if first is not None else purposes[0]
        n = 1
        while name in self._names:
            n += 1
            name = f"{base} ({n})"
        self._names.add(name)
        self.b.add("activities", ProcessingActivity(
            name=name, subject_ids=tuple(subjects), purpose_ids=tuple(purposes),
            data_category_ids=tuple(data), legal_basis_ids=tuple(bases),
            retention_ids=tuple(retention), evidence=(self.b.evidence(where),),
            confidence=_CONFIDENCE,
        ))
