"""What a parser is, what it returns, and the builder every parser fills a Policy with."""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable
from typing import Any, Protocol, TypeVar, runtime_checkable

import attrs
from pydantic import BaseModel

from privmodel.parsers.document import Block, Document
from privmodel.schema import (
    DateStatement,
    Declaration,
    Declarations,
    Evidence,
    Fact,
    Organisation,
    Policy,
    Presence,
    Source,
)
from privmodel.schema.base import derive_id

F = TypeVar("F", bound=Fact)


class Severity(enum.StrEnum):
    INFO = "info"
    WARNING = "warning"
    ERROR = "error"


@attrs.frozen
class ParseProblem:
    """Something a parser noticed: a section it could not read, an ambiguous value."""

    message: str
    severity: Severity = Severity.WARNING
    start: int | None = None
    end: int | None = None

    def __str__(self) -> str:
        where = f"[{self.start}:{self.end}] " if self.start is not None else ""
        return f"{self.severity}: {where}{self.message}"


@attrs.frozen
class ParseResult:
    """The outcome of parsing one document: the policy and the problems found, as data."""

    policy: Policy
    parser: str
    problems: tuple[ParseProblem, ...] = ()
    path: str | None = None


@runtime_checkable
class Parser(Protocol):
    """A parser recognises documents (``detect``) and reads them (``parse``)."""

    name: str
    description: str

    def detect(self, document: Document) -> float:
        """How sure it is, from 0 to 1, that this document is one it knows."""
        ...

    def parse(self, document: Document) -> ParseResult: ...


class PolicyBuilder:
    """Collects facts with evidence while a parser reads, then builds a valid Policy.

    Facts with the same id are merged: the first is kept and the evidence accumulates,
    so a parser can add a fact every time the text mentions it.
    """

    def __init__(self, document: Document, parser: str) -> None:
        self.document = document
        self.parser = parser
        self._facts: dict[str, dict[str, Fact]] = {}
        # Evidence spans already held by each fact, so merging stays linear; made at a
        # fact's first merge (most facts are never merged) and dropped when it is replaced.
        self._spans: dict[tuple[str, str], set[tuple[int, int]]] = {}
        self._single: dict[str, Any] = {}
        self._declarations: dict[str, Declaration] = {}
        self.problems: list[ParseProblem] = []

    # evidence -----------------------------------------------------------------------
    def evidence(self, block: Block, i: int = 0, j: int | None = None) -> Evidence:
        """Evidence for ``block.text[i:j]`` (the whole block by default)."""
        s, e, quote = self.document.quote(block, i, j)
        return _validate(Evidence, {"start": s, "end": e, "quote": quote, "section": block.section})

    def span_evidence(self, start: int, end: int, section: tuple[str, ...] = ()) -> Evidence:
        """Evidence for a span given in source offsets."""
        return _validate(
            Evidence,
            {"start": start, "end": end, "quote": self.document.source[start:end],
             "section": section},
        )

    # facts --------------------------------------------------------------------------
    def add(self, collection: str, fact: F) -> F:
        """Add ``fact`` to a Policy collection; returns the stored fact (merged if seen)."""
        known = self._facts.setdefault(collection, {}).get(fact.id)
        if known is None:
            return self._store(collection, fact)
        return self._merge(collection, known, fact.evidence)  # type: ignore[return-value]

    def add_fact(self, collection: str, cls: type[F], **fields: Any) -> F:
        """Like ``add(collection, cls(**fields))``, building the fact only when it is new.

        A fact whose id is known already only gives its evidence to the stored one, so
        the rest of ``fields`` is then neither validated nor kept.
        """
        fact_id = fields.get("id") or derive_id(cls, fields)
        known = self._facts.setdefault(collection, {}).get(fact_id)
        if known is None:
            fields["id"] = fact_id
            return self._store(collection, _validate(cls, fields))
        return self._merge(collection, known, fields.get("evidence", ()))  # type: ignore[return-value]

    def _store(self, collection: str, fact: F) -> F:
        self._facts[collection][fact.id] = fact
        return fact

    def _merge(self, collection: str, known: Fact, evidence: Iterable[Evidence]) -> Fact:
        """``known`` with the evidence of ``evidence`` whose spans it does not hold yet."""
        key = (collection, known.id)
        spans = self._spans.get(key)
        if spans is None:
            spans = self._spans[key] = {(e.start, e.end) for e in known.evidence}
        new = tuple(e for e in evidence if (e.start, e.end) not in spans)
        if not new:
            return known
        spans.update((e.start, e.end) for e in new)
        merged = known.model_copy(update={"evidence": known.evidence + new})
        self._facts[collection][known.id] = merged
        return merged

    def replace(self, collection: str, fact: Fact) -> None:
        """Replace a stored fact with an updated copy (same id)."""
        self._facts.setdefault(collection, {})[fact.id] = fact
        self._spans.pop((collection, fact.id), None)

    def items(self, collection: str) -> list[Fact]:
        return list(self._facts.get(collection, {}).values())

    def update_all(self, collection: str, change: Callable[[Fact], Fact]) -> None:
        bucket = self._facts.get(collection, {})
        for key, fact in list(bucket.items()):
            changed = change(fact)
            bucket[key] = changed
            self._spans.pop((collection, key), None)

    def set(self, field: str, value: Any) -> None:
        """Set a single-valued Policy field (publisher, dpo, children, ...)."""
        self._single[field] = value

    def get(self, field: str) -> Any:
        return self._single.get(field)

    def set_date(self, field: str, value: Any, evidence: Evidence) -> None:
        if field not in self._single:
            self._single[field] = DateStatement(value=value, evidence=(evidence,))

    def declare(self, name: str, presence: Presence, evidence: Iterable[Evidence]) -> None:
        """Record what the policy says about a yes/no matter; 'present' wins over 'none'."""
        known = self._declarations.get(name)
        ev = tuple(evidence)
        if known is None or known.presence is Presence.NOT_STATED:
            self._declarations[name] = Declaration(presence=presence, evidence=ev)
        elif known.presence is presence or presence is Presence.PRESENT:
            keep = known.presence if presence is not Presence.PRESENT else presence
            self._declarations[name] = Declaration(
                presence=keep, evidence=_merge_evidence(known.evidence, ev)
            )

    def problem(
        self, message: str, block: Block | None = None, *, severity: Severity = Severity.WARNING
    ) -> None:
        start, end = (block.start, block.end) if block is not None else (None, None)
        self.problems.append(ParseProblem(message, severity, start, end))

    # result -------------------------------------------------------------------------
    def build(self) -> ParseResult:
        doc = self.document
        source = Source(
            path=doc.path,
            sha256=doc.sha256 or None,
            media_type=doc.media_type,
            language=doc.language,
            title=doc.title,
            parser=self.parser,
        )
        fields: dict[str, Any] = {name: tuple(b.values()) for name, b in self._facts.items()}
        policy = Policy(
            source=source,
            declarations=Declarations(**self._declarations),
            **self._single,
            **fields,
        )
        return ParseResult(policy, self.parser, tuple(self.problems), doc.path)


M = TypeVar("M", bound=BaseModel)


def _validate(cls: type[M], fields: dict[str, Any]) -> M:
    """``cls(**fields)`` with the same checks, without the keyword packing and the
    Python-level ``__init__`` of ``BaseModel`` (a parse builds hundreds of facts and
    evidence)."""
    model: M = cls.__pydantic_validator__.validate_python(fields)
    return model


def _merge_evidence(a: tuple[Evidence, ...], b: tuple[Evidence, ...]) -> tuple[Evidence, ...]:
    seen = {(e.start, e.end) for e in a}
    return a + tuple(e for e in b if (e.start, e.end) not in seen)


def publisher_or_new(builder: PolicyBuilder) -> Organisation:
    """The publisher collected so far, or an empty one."""
    org = builder.get("publisher")
    return org if isinstance(org, Organisation) else Organisation()
