"""The root of the model: one privacy policy and everything it states."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any, Final, Literal

from pydantic import ConfigDict, Field, model_validator
from pydantic_core import PydanticCustomError

from privmodel.schema.activity import ProcessingActivity
from privmodel.schema.base import Fact, LanguageCode, Model, Sha256
from privmodel.schema.cookie import Cookie
from privmodel.schema.data import DataCategory, DataSource, DataSubjectCategory, LegalBasis, Purpose
from privmodel.schema.parties import (
    Controller,
    DataProtectionOfficer,
    Organisation,
    Processor,
    Recipient,
    Representative,
    Subprocessor,
    SupervisoryAuthority,
)
from privmodel.schema.retention import RetentionRule
from privmodel.schema.rights import Right
from privmodel.schema.security import SecurityMeasure
from privmodel.schema.statements import AgeLimit, DateStatement, Declarations, Law
from privmodel.schema.transfer import Transfer

FORMAT_VERSION: Final = "1.0"
SCHEMA_ID: Final = "https://privmodel.org/schema/policy/1.0/policy.schema.json"

# Reference fields and the collections whose ids they may name.
_PARTY_COLLECTIONS = ("controllers", "processors", "subprocessors", "recipients")
_REFS: dict[tuple[str, str], tuple[str, ...]] = {
    ("activities", "subject_ids"): ("data_subjects",),
    ("activities", "data_category_ids"): ("data_categories",),
    ("activities", "purpose_ids"): ("purposes",),
    ("activities", "legal_basis_ids"): ("legal_bases",),
    ("activities", "recipient_ids"): _PARTY_COLLECTIONS,
    ("activities", "retention_ids"): ("retention_rules",),
    ("activities", "transfer_ids"): ("transfers",),
    ("activities", "controller_ids"): ("controllers",),
    ("legal_bases", "purpose_ids"): ("purposes",),
    ("retention_rules", "data_category_ids"): ("data_categories",),
    ("transfers", "recipient_ids"): _PARTY_COLLECTIONS,
    ("data_categories", "source_ids"): ("sources",),
    ("cookies", "provider_id"): _PARTY_COLLECTIONS,
}


class Source(Model):
    """Where the policy text came from."""

    path: str | None = Field(default=None, description="File path as given to the parser")
    uri: str | None = Field(default=None, description="URL the policy was published at")
    sha256: Sha256 | None = Field(default=None, description="SHA-256 of the source bytes")
    media_type: str | None = Field(default=None, examples=["text/plain", "text/html"])
    language: LanguageCode | None = None
    title: str | None = None
    parser: str | None = Field(default=None, description="The parser that produced this policy")


class Policy(Model):
    """One privacy policy as structured data. Collections keep the document's order."""

    schema_uri: Literal["https://privmodel.org/schema/policy/1.0/policy.schema.json"] = Field(
        default=SCHEMA_ID, alias="$schema"
    )
    format_version: Literal["1.0"] = FORMAT_VERSION
    source: Source = Source()
    effective_date: DateStatement | None = None
    last_updated: DateStatement | None = None
    publisher: Organisation | None = None
    controllers: tuple[Controller, ...] = ()
    processors: tuple[Processor, ...] = ()
    subprocessors: tuple[Subprocessor, ...] = ()
    recipients: tuple[Recipient, ...] = ()
    representatives: tuple[Representative, ...] = ()
    dpo: DataProtectionOfficer | None = None
    supervisory_authorities: tuple[SupervisoryAuthority, ...] = ()
    data_subjects: tuple[DataSubjectCategory, ...] = ()
    data_categories: tuple[DataCategory, ...] = ()
    purposes: tuple[Purpose, ...] = ()
    legal_bases: tuple[LegalBasis, ...] = ()
    retention_rules: tuple[RetentionRule, ...] = ()
    transfers: tuple[Transfer, ...] = ()
    rights: tuple[Right, ...] = ()
    security_measures: tuple[SecurityMeasure, ...] = ()
    sources: tuple[DataSource, ...] = ()
    cookies: tuple[Cookie, ...] = ()
    laws: tuple[Law, ...] = ()
    activities: tuple[ProcessingActivity, ...] = ()
    children: AgeLimit | None = None
    declarations: Declarations = Declarations()

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)

    def facts(self) -> Iterator[tuple[str, Fact]]:
        """Every fact with its JSON path, in document order of the collections."""
        for name in type(self).model_fields:
            value = getattr(self, name)
            if isinstance(value, Fact):
                yield f"$.{name}", value
            elif isinstance(value, tuple):
                for i, item in enumerate(value):
                    if isinstance(item, Fact):
                        yield f"$.{name}[{i}]", item

    def by_id(self, fact_id: str) -> Fact:
        """The fact with this id; KeyError when there is none."""
        for _, fact in self.facts():
            if fact.id == fact_id:
                return fact
        raise KeyError(fact_id)

    @model_validator(mode="after")
    def _references_resolve(self) -> Policy:
        problems = reference_problems(self)
        if problems:
            raise PydanticCustomError(
                "policy_references",
                "{count} reference problem(s): {summary}",
                {
                    "count": len(problems),
                    "summary": "; ".join(f"{p}: {m}" for p, m in problems),
                    "problems": problems,
                },
            )
        return self


def _get(item: Any, name: str) -> Any:
    if isinstance(item, Model):  # the usual case, and never a Mapping: skip that check
        return getattr(item, name, None)
    return item.get(name) if isinstance(item, Mapping) else getattr(item, name, None)


def reference_problems(data: Policy | Mapping[str, Any]) -> list[tuple[str, str]]:
    """Duplicate ids and references to ids that do not exist, with their JSON paths.

    Works on a Policy and on raw JSON data alike, so a file with other faults still
    gets its reference problems reported.
    """
    problems: list[tuple[str, str]] = []
    seen: dict[str, tuple[str, int | None]] = {}  # id -> where it is first used
    collections: dict[str, tuple[list[Any], list[Any]]] = {}  # name -> (items, their ids)
    for name in Policy.model_fields:
        value = _get(data, name)
        if isinstance(value, (list, tuple)):
            items = list(value)
            ids = [item.id if isinstance(item, Fact) else _get(item, "id") for item in items]
            collections[name] = items, ids
            entries: Iterable[tuple[int | None, Any, Any]] = zip(
                range(len(items)), items, ids, strict=True
            )
        else:
            entries = ((None, value, _get(value, "id")),)
        for i, item, fact_id in entries:
            if not isinstance(fact_id, str) or not isinstance(item, (Fact, Mapping)):
                continue
            first = seen.get(fact_id)
            if first is None:
                seen[fact_id] = name, i
            else:
                problems.append(
                    (f"{_path(name, i)}.id", f"id {fact_id!r} is already used by {_path(*first)}")
                )
    # The ids each group of target collections holds, gathered once per group.
    known_ids: dict[tuple[str, ...], set[Any]] = {}
    for (collection, field), targets in _REFS.items():
        known = known_ids.get(targets)
        if known is None:
            empty: tuple[list[Any], list[Any]] = ([], [])
            known = known_ids[targets] = {
                fact_id for t in targets for fact_id in collections.get(t, empty)[1]
            }
        for i, item in enumerate(collections.get(collection, ([], []))[0]):
            value = _get(item, field)
            many = isinstance(value, (list, tuple))
            refs = list(value) if many else [value] if value else []
            for j, ref in enumerate(refs):
                if ref not in known:
                    where = f"$.{collection}[{i}].{field}" + (f"[{j}]" if many else "")
                    problems.append(
                        (where, f"refers to {ref!r}, which is not in {' or '.join(targets)}")
                    )
    return problems


def _path(name: str, i: int | None) -> str:
    return f"$.{name}" + (f"[{i}]" if i is not None else "")
