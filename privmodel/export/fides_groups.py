"""Processing activities with their references resolved, for the Fides declarations.

A policy's stated activities come first. Every purpose no activity covers gets an
activity of its own (derived per purpose), so no purpose is dropped. Where an activity
links no subjects, data, bases, recipients or retention, the policy-wide facts of the
same role stand in, and ``stand_ins`` names which ones did.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TypeVar

import attrs

from privmodel.schema import (
    DataCategory,
    DataSubjectCategory,
    Fact,
    LegalBasis,
    Party,
    Policy,
    ProcessingActivity,
    Purpose,
    RetentionRule,
)
from privmodel.schema.vocab import PartyRole

F = TypeVar("F", bound=Fact)


@attrs.frozen
class Group:
    """One activity of the policy (stated or derived) with its facts resolved."""

    name: str
    role: PartyRole
    derived: bool
    purposes: tuple[Purpose, ...]
    subjects: tuple[DataSubjectCategory, ...]
    data: tuple[DataCategory, ...]
    bases: tuple[LegalBasis, ...]
    bases_linked: bool
    recipients: tuple[Party, ...]
    retention: tuple[RetentionRule, ...]
    stand_ins: tuple[str, ...]


class _Index:
    def __init__(self, policy: Policy) -> None:
        self.policy = policy
        self.facts = {fact.id: fact for _, fact in policy.facts()}

    def pick(self, ids: Iterable[str], kind: type[F]) -> tuple[F, ...]:
        found = (self.facts.get(i) for i in ids)
        return tuple(f for f in found if isinstance(f, kind))

    def parties(self) -> tuple[Party, ...]:
        """Processors, sub-processors and recipients, once per name, in policy order."""
        p = self.policy
        seen: dict[str, Party] = {}
        for party in (*p.processors, *p.subprocessors, *p.recipients):
            seen.setdefault(party.name.casefold(), party)
        return tuple(seen.values())


def _of_role(items: Sequence[F], role: PartyRole) -> tuple[F, ...]:
    """The items taking ``role``; all of them when none does (a role the policy left open)."""
    matching = tuple(i for i in items if getattr(i, "role", role) == role)
    return matching or tuple(items)


def _bases(
    index: _Index, stated: Iterable[str], purposes: Sequence[Purpose]
) -> tuple[tuple[LegalBasis, ...], bool]:
    """The bases of an activity and whether the policy links them to it."""
    linked = index.pick(stated, LegalBasis)
    if linked:
        return linked, True
    ids = {p.id for p in purposes}
    by_purpose = tuple(b for b in index.policy.legal_bases if ids & set(b.purpose_ids))
    if by_purpose:
        return by_purpose, True
    return tuple(b for b in index.policy.legal_bases if not b.purpose_ids), False


def _retention(index: _Index, data: Sequence[DataCategory]) -> tuple[RetentionRule, ...]:
    ids = {d.id for d in data}
    return tuple(
        r
        for r in index.policy.retention_rules
        if not r.data_category_ids or ids & set(r.data_category_ids)
    )


def _group(
    index: _Index, activity: ProcessingActivity, purposes: tuple[Purpose, ...], derived: bool
) -> Group:
    p = index.policy
    stand_ins: list[str] = []

    def linked_or(
        ids: Sequence[str], kind: type[F], fallback: tuple[F, ...], what: str
    ) -> tuple[F, ...]:
        found = index.pick(ids, kind)
        if found:
            return found
        if fallback:
            stand_ins.append(what)
        return fallback

    subjects = linked_or(
        activity.subject_ids,
        DataSubjectCategory,
        _of_role(p.data_subjects, activity.role),
        "data subjects",
    )
    data = linked_or(
        activity.data_category_ids,
        DataCategory,
        _of_role(p.data_categories, activity.role),
        "data categories",
    )
    recipients = linked_or(activity.recipient_ids, Party, index.parties(), "recipients")
    retention = linked_or(
        activity.retention_ids, RetentionRule, _retention(index, data), "retention"
    )
    bases, linked = _bases(index, activity.legal_basis_ids, purposes)
    if bases and not linked:
        stand_ins.append("legal bases")
    return Group(
        name=activity.name,
        role=activity.role,
        derived=derived or activity.derived,
        purposes=purposes,
        subjects=subjects,
        data=data,
        bases=bases,
        bases_linked=linked,
        recipients=recipients,
        retention=retention,
        stand_ins=tuple(stand_ins),
    )


def groups(policy: Policy) -> list[Group]:
    """The policy's activities, then one derived activity per purpose none covers."""
    index = _Index(policy)
    out: list[Group] = []
    covered: set[str] = set()
    for activity in policy.activities:
        purposes = index.pick(activity.purpose_ids, Purpose)
        covered.update(p.id for p in purposes)
        out.append(_group(index, activity, purposes, derived=False))
    for purpose in policy.purposes:
        if purpose.id in covered:
            continue
        activity = ProcessingActivity(
            name=purpose.label, role=purpose.role, derived=True, purpose_ids=(purpose.id,)
        )
        out.append(_group(index, activity, (purpose,), derived=True))
    return out


__all__ = ["Group", "groups"]
