"""Compile lexicon patterns into matchers that return :class:`Match` objects."""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from re import _constants as _c  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]
from typing import Any, Generic, TypeVar

import attrs

from privmodel._memo import clear_text_caches as clear_text_caches  # re-exported
from privmodel._memo import text_cache as text_cache  # re-exported: the extractors use it
from privmodel.errors import MissingExtraError
from privmodel.parsers.extract.match import Match, select

try:  # the optional extra "fast": a compiled scanner for the anchors
    import ahocorasick as _ahocorasick
except ImportError:  # pragma: no cover - depends on the environment
    _ahocorasick = None

V = TypeVar("V")
FLAGS = re.IGNORECASE
_MIN_ANCHOR = 3  # the shortest literal worth looking for (a trigram)
_SPACE = re.compile(r"(?<![\\\[]) (\?)?")


def per_text(
    find: Callable[[str, str], list[Match[V]]],
) -> Callable[[str, str], list[Match[V]]]:
    """``find(text, lang)`` answered once per text and language (see :func:`text_cache`);
    each call still gets a list of its own."""
    cached = text_cache(lambda text, lang: tuple(find(text, lang)))

    @functools.wraps(find)
    def answer(text: str, lang: str) -> list[Match[V]]:
        return list(cached(text, lang))

    return answer


_FOLD = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s"})
# What lower() leaves of the letters that a case-insensitive pattern takes for an ASCII
# letter but lower() does not turn into it: dotted İ ("i" and a combining dot), dotless ı
# and long ſ.
_ODD_CASES = ("\u0307", "\u0131", "\u017f")


def fold_case(text: str) -> str:
    """``text`` lower-cased as a case-insensitive regex compares it with lower-case ASCII.

    Beyond lower(): dotted İ and dotless ı fold to "i", long ſ to "s", as ``re.I`` has them
    (translating is slow, so only a text that has one of them is translated). A literal
    that a case-insensitive pattern finds in ``text`` is then always in ``fold_case(text)``.
    """
    low = text.lower()
    if low.isascii() or not any(odd in low for odd in _ODD_CASES):
        return low
    return text.translate(_FOLD).lower()


@text_cache
def lowered(text: str) -> str:
    """:func:`fold_case`, kept: every table and gate of a block asks for the same value."""
    return fold_case(text)


def pattern_source(pattern: str) -> str:
    """A lexicon pattern as regex source: a space matches any whitespace run, " ?" any or none."""
    return _SPACE.sub(lambda m: r"\s*" if m.group(1) else r"\s+", pattern)


def alternation(patterns: Iterable[str]) -> str:
    """One non-capturing group of ``patterns``, longest first so alternation prefers them."""
    ordered = sorted(set(patterns), key=lambda p: (-len(p), p))
    return "(?:" + "|".join(pattern_source(p) for p in ordered) + ")"


def bounded(source: str) -> str:
    """``source`` wrapped so it neither starts nor ends inside a word.

    Where the characters a match can start with are known, a lookahead for them comes
    first. It changes no match, but a case-insensitive alternation gets no prefix scan
    from the regex engine, which otherwise enters every branch at every word start; the
    lookahead turns most positions away with one test of a character set.
    """
    return _wrapped(source, first_chars(source))


def _wrapped(source: str, first: str | None) -> str:
    lead = r"(?<!\w)" if first is None else rf"(?={first})(?<!\w)"
    return rf"{lead}{source}(?!\w)"


@functools.lru_cache(maxsize=1 << 12)
def _parsed(source: str) -> tuple[tuple[Any, Any], ...] | None:
    """The items of ``source`` parsed as the lexicon's patterns are compiled, or None when
    it is no pattern. Kept: the anchors, the requirements and the first characters of a
    lexicon pattern are all read from one parse, which costs more than reading it."""
    try:
        return tuple(_parser.parse(source, FLAGS))
    except re.error:
        return None


_CATEGORIES = {
    _c.CATEGORY_DIGIT: r"\d", _c.CATEGORY_NOT_DIGIT: r"\D",
    _c.CATEGORY_WORD: r"\w", _c.CATEGORY_NOT_WORD: r"\W",
    _c.CATEGORY_SPACE: r"\s", _c.CATEGORY_NOT_SPACE: r"\S",
}


# What can start a match of a parsed piece: class items, and whether it can match empty.
_Firsts = tuple[list[tuple[Any, Any]], bool]


def first_chars(source: str) -> str | None:
    """A character class holding every character a match of ``source`` can start with,
    or None when that is not known (a match may be empty or start with any character)."""
    items = _parsed(source)
    return None if items is None else _class_of(_first(list(items)))


def _alternation_first_chars(sources: Iterable[str]) -> str | None:
    """:func:`first_chars` of the alternation of ``sources``, from the parse of each."""
    parsed = [_parsed(source) for source in sources]
    if any(items is None for items in parsed):
        return None
    return _class_of(_union(_first(list(items or ())) for items in parsed))


def _class_of(found: _Firsts | None) -> str | None:
    """The class source of the first characters found, or None (unknown, or may be empty)."""
    if found is None or found[1]:
        return None
    parts: set[str] = set()
    for op, av in found[0]:
        if op is _c.LITERAL:
            parts.add(re.escape(chr(av)))
        elif op is _c.RANGE:
            parts.add(f"{re.escape(chr(av[0]))}-{re.escape(chr(av[1]))}")
        elif op is _c.CATEGORY and av in _CATEGORIES:
            parts.add(_CATEGORIES[av])
        else:
            return None
    return "[" + "".join(sorted(parts)) + "]"


def _first(items: list[tuple[Any, Any]]) -> _Firsts | None:
    """The class items that can start a match of the sequence ``items``, and whether the
    sequence can match the empty string; None where any character could start it."""
    chars: list[tuple[Any, Any]] = []
    for op, av in items:
        one = _first_of(op, av)
        if one is None:
            return None
        chars += one[0]
        if not one[1]:
            return chars, False
    return chars, True


def _first_of(op: Any, av: Any) -> _Firsts | None:
    if op is _c.LITERAL:
        return [(op, av)], False
    if op is _c.IN:
        return None if any(o is _c.NEGATE for o, _ in av) else (list(av), False)
    if op is _c.SUBPATTERN:
        return _first(list(av[-1]))
    if op is _c.ATOMIC_GROUP:
        return _first(list(av))
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
        inner = _first(list(av[2]))
        return None if inner is None else (inner[0], inner[1] or av[0] == 0)
    if op is _c.BRANCH:
        return _union(_first(list(branch)) for branch in av[1])
    if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
        return [], True  # consumes nothing: the next piece starts the match
    return None  # any character, a back reference, a conditional group


def _union(alternatives: Iterable[_Firsts | None]) -> _Firsts | None:
    """What can start a match of one of the alternatives; None when one is unknown."""
    chars: list[tuple[Any, Any]] = []
    empty = False
    for one in alternatives:
        if one is None:
            return None
        chars += one[0]
        empty = empty or one[1]
    return chars, empty


def compile_phrases(patterns: Iterable[str]) -> re.Pattern[str]:
    """:func:`bounded` :func:`alternation` of ``patterns``, its first characters read from
    the parse of each pattern that its anchors and requirements are read from too."""
    listed = set(patterns)
    first = _alternation_first_chars(pattern_source(p) for p in listed)
    return re.compile(_wrapped(alternation(listed), first), FLAGS)


@attrs.frozen
class Phrases:
    """Lexicon phrases compiled once, searched only where their anchors occur.

    The same ``search``/``finditer`` as a compiled pattern, but a block that contains none
    of the phrases' required literals costs a scan for plain literals, not a run of a
    large case-insensitive alternation.
    """

    regex: re.Pattern[str]
    gate: Gate

    @property
    def pattern(self) -> str:
        return self.regex.pattern

    def search(self, text: str, pos: int = 0) -> re.Match[str] | None:
        return self.regex.search(text, pos) if self.gate.may_match(text) else None

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        return self.regex.finditer(text) if self.gate.may_match(text) else iter(())


def compile_gated(patterns: Iterable[str]) -> Phrases:
    """As :func:`compile_phrases`, with a gate in front."""
    listed = list(patterns)
    return Phrases(compile_phrases(listed), gate(listed))


@attrs.frozen
class PhraseTable(Generic[V]):
    """Values, each with the compiled alternation of the patterns that name it.

    An :class:`AnchorIndex` says which entries may match a text with one scan of it:
    most blocks of a policy mention none of the values, and an entry's regex runs only
    where one of its required literals occurs.
    """

    entries: tuple[tuple[V, re.Pattern[str]], ...]
    index: AnchorIndex | None = None

    def open_entries(self, text: str) -> list[tuple[V, re.Pattern[str]]]:
        """The entries that may match ``text``, in table order: those whose required
        literals it holds (every entry when the table has no index)."""
        if self.index is None:
            return list(self.entries)
        return [self.entries[i] for i in self.index.entries(text)]

    def candidates(self, text: str) -> list[Match[V]]:
        return [
            Match(value, m.start(), m.end(), m.group())
            for value, regex in self.open_entries(text)
            for m in regex.finditer(text)
            if m.end() > m.start()
        ]

    def find(self, text: str) -> list[Match[V]]:
        """Non-overlapping matches in text order, the longest where two start together."""
        return select(self.candidates(text))


def build_table(
    table: Mapping[str, list[str]], convert: Callable[[str], V]
) -> PhraseTable[V]:
    """A :class:`PhraseTable` from ``{key: [pattern, ...]}``, keys converted to values."""
    items = [(key, pats) for key, pats in table.items() if pats]
    return PhraseTable(
        tuple((convert(key), compile_phrases(pats)) for key, pats in items),
        index_of([pats for _, pats in items]),
    )


def index_of(per_entry: Sequence[Sequence[str]]) -> AnchorIndex:
    """The :class:`AnchorIndex` of table entries given by their lexicon patterns."""
    return AnchorIndex.of([anchors_of(pats) for pats in per_entry],
                          [requirements_of(pats) for pats in per_entry])


class AnchorScanner:
    """Every anchor of every table and gate, found in a text at once.

    Tables and gates register their anchors when they are built; the search structure is
    built on the first scan after a registration, so building the tables stays linear.
    With the optional extra ``fast`` installed (pyahocorasick), the anchors form one
    Aho-Corasick automaton that finds them all in a single pass in C. Without it, a text
    is cut into its three-letter sequences; each anchor is filed under one of its own
    sequences, the one fewest other anchors share (a rarer key means fewer substring
    tests of anchors that are not there), and only the anchors filed under a sequence of
    the text are tested. Both give exactly the anchors a substring test finds.

    The result is kept for the next extractor asking about the same text, so a block is
    scanned once, not once per table; it is kept by the text as given, so asking again
    costs one look-up, not a second one for the case-folded text.
    """

    def __init__(self, *, compiled: bool | None = None) -> None:
        """``compiled``: use the automaton (True), the trigram index (False), or the
        automaton when pyahocorasick is installed (None, the default)."""
        self._known: set[str] = set()
        self._search: Callable[[str], frozenset[str]] | None = None
        self._found = text_cache(self._find)
        self.compiled = _ahocorasick is not None if compiled is None else compiled

    @property
    def compiled(self) -> bool:
        """Whether the anchors are searched by the compiled automaton."""
        return self._compiled

    @compiled.setter
    def compiled(self, compiled: bool) -> None:
        if compiled and _ahocorasick is None:
            raise MissingExtraError("ahocorasick", "fast")
        self._compiled = compiled
        self._reset()

    def register(self, anchors: Iterable[str]) -> None:
        new = set(anchors) - self._known
        if not new:
            return
        short = sorted(a for a in new if len(a) < _MIN_ANCHOR)
        if short:
            raise ValueError(f"anchors must have {_MIN_ANCHOR} characters or more: {short}")
        self._known |= new
        self._reset()

    def _reset(self) -> None:
        """Forget the search and the anchors found with it: rebuilt on the next scan."""
        self._search = None
        self._found.cache_clear()

    def found(self, text: str) -> frozenset[str]:
        """The registered anchors that occur in ``text``, compared as :func:`lowered`."""
        return self._found(text)

    def _find(self, text: str) -> frozenset[str]:
        return self._scan(lowered(text))

    def _scan(self, lowered: str) -> frozenset[str]:
        search = self._search
        if search is None:
            search = self._search = (
                _automaton_search(self._known) if self.compiled
                else _trigram_search(self._known)
            )
        return search(lowered)


def _automaton_search(anchors: Iterable[str]) -> Callable[[str], frozenset[str]]:
    """The anchors in a text, found by one Aho-Corasick automaton (pyahocorasick)."""
    assert _ahocorasick is not None
    automaton = _ahocorasick.Automaton()
    for anchor in anchors:
        automaton.add_word(anchor, anchor)
    automaton.make_automaton()
    if len(automaton) == 0:
        return lambda text: frozenset()
    matches = automaton.iter

    def search(text: str) -> frozenset[str]:
        return frozenset({anchor for _, anchor in matches(text)})  # an anchor recurs often

    return search


def _trigram_search(anchors: Iterable[str]) -> Callable[[str], frozenset[str]]:
    """The anchors in a text, tested only where one of their trigrams occurs."""
    known = sorted(anchors)
    shared = Counter(gram for anchor in known for gram in set(_grams(anchor)))
    by_gram: dict[tuple[str, ...], list[str]] = {}
    for anchor in known:
        key = min(_grams(anchor), key=lambda gram: (shared[gram], gram))
        by_gram.setdefault(key, []).append(anchor)
    grams = frozenset(by_gram)

    def search(text: str) -> frozenset[str]:
        return frozenset(
            anchor
            for gram in grams.intersection(_grams(text))
            for anchor in by_gram[gram]
            if anchor in text
        )

    return search


def _grams(text: str) -> Iterator[tuple[str, ...]]:
    """The three-letter sequences of ``text``, as tuples: zip builds them in C, twice as
    fast as slicing."""
    return zip(*(text[k:] for k in range(_MIN_ANCHOR)), strict=False)


SCANNER = AnchorScanner()


@attrs.frozen
class AnchorIndex:
    """Which entries of a table may match a text: those with an anchor in it.

    Each entry has anchors: literals one of which every match of the entry contains
    (None: no such literal, the entry always runs).
    """

    by_anchor: Mapping[str, tuple[int, ...]]
    always: tuple[int, ...]
    anchors: frozenset[str] = frozenset()
    # Per entry, when known: the requirements of its patterns, one of which a text must
    # meet in full (an anchor alone is one clause of it).
    requirements: Mapping[int, tuple[Requirement, ...]] = attrs.field(factory=dict)
    # entries() by the anchors present: blocks share few distinct anchor sets.
    _memo: dict[frozenset[str], tuple[int, ...]] = attrs.field(
        factory=dict, init=False, eq=False, repr=False
    )

    @classmethod
    def of(
        cls,
        per_entry: Sequence[set[str] | None],
        requirements: Sequence[tuple[Requirement, ...] | None] = (),
    ) -> AnchorIndex:
        by_anchor: dict[str, list[int]] = {}
        always: list[int] = []
        for i, anchors in enumerate(per_entry):
            if anchors is None:
                always.append(i)
            for anchor in anchors or ():
                by_anchor.setdefault(anchor, []).append(i)
        needs = {i: r for i, r in enumerate(requirements) if r is not None and i not in always}
        literals = set(by_anchor).union(
            *(clause for r in needs.values() for clauses in r for clause in clauses)
        )
        SCANNER.register(literals)
        return cls(
            {a: tuple(ix) for a, ix in by_anchor.items()}, tuple(always), frozenset(literals),
            needs,
        )

    def entries(self, text: str) -> tuple[int, ...]:
        """Indexes of the entries that may match ``text``, in table order."""
        present = SCANNER.found(text) & self.anchors
        if not present:
            return self.always
        known = self._memo.get(present)
        if known is None:
            hits = set(self.always)
            for anchor in present & self.by_anchor.keys():
                hits.update(self.by_anchor[anchor])
            needs = self.requirements
            known = self._memo[present] = tuple(sorted(
                i for i in hits if i not in needs or satisfied(needs[i], present)
            ))
        return known


@attrs.frozen
class Gate:
    """A cheap test that text *may* match some lexicon patterns: one of their anchors occurs.

    An anchor is a literal that every match of a pattern must contain ("datatilsynet"
    for "(?:the )?Datatilsynet"). Looking for plain literals in lower-cased text is two
    orders of magnitude faster than running a large case-insensitive alternation, and
    most blocks of a policy mention none of a table's values. A pattern with no literal
    of three letters or more leaves the gate always open.
    """

    anchors: tuple[str, ...] | None
    # When given: the requirements of the patterns, one of which a text must meet in full.
    requirements: tuple[Requirement, ...] | None = None
    _set: frozenset[str] = attrs.field(init=False)
    _literals: frozenset[str] = attrs.field(init=False)
    # may_match() by the gate's literals present: texts share few distinct sets of them.
    _memo: dict[frozenset[str], bool] = attrs.field(
        factory=dict, init=False, eq=False, repr=False
    )

    @_set.default
    def _anchor_set(self) -> frozenset[str]:
        return frozenset(self.anchors or ())

    @_literals.default
    def _register(self) -> frozenset[str]:
        literals = self._set.union(
            *(clause for clauses in self.requirements or () for clause in clauses)
        )
        SCANNER.register(literals)
        return literals

    def may_match(self, text: str) -> bool:
        if self.anchors is None:
            return True
        present = SCANNER.found(text)
        if self._set.isdisjoint(present):
            return False
        if self.requirements is None:
            return True
        key = present & self._literals
        known = self._memo.get(key)
        if known is None:
            known = self._memo[key] = satisfied(self.requirements, key)
        return known


def regex_gate(regexes: Iterable[re.Pattern[str]]) -> Gate:
    """A gate open where any of the compiled ``regexes`` may match."""
    found: set[str] = set()
    for regex in regexes:
        anchors = required_literals(regex.pattern)
        if anchors is None:
            return Gate(None)
        found |= anchors
    return Gate(tuple(sorted(found)))


def anchors_of(patterns: Iterable[str], shortest: int = _MIN_ANCHOR) -> set[str] | None:
    """The union of the patterns' anchors, or None when one pattern has none."""
    found: set[str] = set()
    for pattern in patterns:
        anchors = required_literals(pattern_source(pattern), shortest)
        if anchors is None:
            return None
        found |= anchors
    return found


def gate(patterns: Iterable[str]) -> Gate:
    listed = list(patterns)
    anchors = anchors_of(listed)
    if anchors is None:
        return Gate(None)
    return Gate(tuple(sorted(anchors)), requirements_of(listed))


def required_literals(source: str, shortest: int = _MIN_ANCHOR) -> set[str] | None:
    """Literals of which every match of ``source`` contains at least one, or None.

    Only literals of at least ``shortest`` characters count (lower-cased).
    """
    items = _parsed(source)
    if items is None:
        return None
    best = _best(_clauses(list(items), shortest))
    return None if best is None else set(best)


# A requirement of a pattern: clauses that every match satisfies, each clause a set of
# literals one of which occurs ("right of access": {"right"} and {"access"}).
Requirement = tuple[frozenset[str], ...]


def requirement(source: str) -> Requirement:
    """Every clause a match of ``source`` satisfies (empty when nothing is required)."""
    items = _parsed(source)
    return () if items is None else tuple(_clauses(list(items), _MIN_ANCHOR))


def requirements_of(patterns: Iterable[str]) -> tuple[Requirement, ...] | None:
    """One requirement per lexicon pattern, or None when some pattern requires nothing."""
    found = tuple(requirement(pattern_source(p)) for p in patterns)
    return None if any(not r for r in found) else found


def satisfied(requirements: tuple[Requirement, ...], present: frozenset[str]) -> bool:
    """Whether some requirement has every clause met by the literals ``present``."""
    return any(
        all(not clause.isdisjoint(present) for clause in clauses) for clauses in requirements
    )


def _clauses(items: list[tuple[Any, Any]], shortest: int) -> list[frozenset[str]]:
    """The clauses of a parsed pattern: literal runs of ``shortest`` characters or more,
    those of required groups and repeats, and for an alternation the union of each
    branch's best clause (none when a branch has none)."""
    clauses: list[frozenset[str]] = []
    run = ""
    for op, av in items:
        if op is _c.LITERAL:
            run += chr(av).lower()
            continue
        if len(run) >= shortest:
            clauses.append(frozenset({run}))
        run = ""
        if op is _c.SUBPATTERN:
            clauses += _clauses(list(av[-1]), shortest)
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT) and av[0] >= 1:
            clauses += _clauses(list(av[2]), shortest)
        elif op is _c.BRANCH:
            union: set[str] = set()
            for branch in av[1]:
                best = _best(_clauses(list(branch), shortest))
                if best is None:
                    break
                union |= best
            else:
                clauses.append(frozenset(union))
    if len(run) >= shortest:
        clauses.append(frozenset({run}))
    return clauses


def _best(clauses: list[frozenset[str]]) -> frozenset[str] | None:
    """The clause whose shortest literal is longest: the most telling to look for."""
    return max(clauses, key=lambda c: min(map(len, c)), default=None)
