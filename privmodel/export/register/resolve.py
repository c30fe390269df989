"""Processing activities with their references resolved: the rows-to-be of the records.

A policy links subjects, data, bases and the rest to an activity, or it does not. Where it
does not, the policy-wide lists stand in and the activity records which lists those are,
so the register can say so. Where the policy states no activity for a purpose, one is
derived for the purpose and marked as derived.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TypeVar

import attrs

from privmodel.export.register.texts import CONTROLLER_ROLES, PROCESSOR_ROLES
from privmodel.schema import (
    Controller,
    DataCategory,
    DataSubjectCategory,
    Fact,
    LegalBasis,
    Party,
    Policy,
    ProcessingActivity,
    Purpose,
    RetentionRule,
    Transfer,
)
from privmodel.schema.vocab import PartyRole

F = TypeVar("F", bound=Fact)

STATED = "stated in the policy"
DERIVED_BY_PARSER = "derived per purpose by the parser"
DERIVED_PER_PURPOSE = "derived per purpose (the policy links no processing activity to it)"
NO_PURPOSES = "placeholder (the policy states no processing as controller)"
DERIVED_FROM_ROLE = "derived from the policy's statement of the processor role"


@attrs.frozen
class PolicyIndex:
    """One policy, its facts by id, its label as a source, and the prefix of its refs."""

    policy: Policy
    source: str
    prefix: str
    facts: dict[str, Fact]

    @classmethod
    def of(cls, policy: Policy, position: int, count: int) -> PolicyIndex:
        source = policy.source.path or policy.source.uri or ""
        prefix = f"P{position + 1}/" if count > 1 else ""
        return cls(policy, source, prefix, {f.id: f for _, f in policy.facts()})

    def ref(self, fact_id: str) -> str:
        return self.prefix + fact_id

    def pick(self, ids: Iterable[str], kind: type[F]) -> tuple[F, ...]:
        found = (self.facts.get(i) for i in ids)
        return tuple(f for f in found if isinstance(f, kind))


@attrs.frozen
class Resolved:
    """An activity with every reference resolved; ``policy_wide`` names the stand-ins."""

    ref: str
    index: PolicyIndex
    name: str | None
    role: PartyRole
    origin: str
    purposes: tuple[Purpose, ...]
    subjects: tuple[DataSubjectCategory, ...]
    data: tuple[DataCategory, ...]
    bases: tuple[LegalBasis, ...]
    recipients: tuple[Party, ...]
    retention: tuple[RetentionRule, ...]
    transfers: tuple[Transfer, ...]
    controllers: tuple[Controller, ...]
    anchors: tuple[Fact, ...]
    policy_wide: tuple[str, ...] = ()

    @property
    def derived(self) -> bool:
        return self.origin != STATED


def is_processor(policy: Policy) -> bool:
    """True when the publisher takes the processor role for some data (Art. 30(2))."""
    claims = policy.publisher.roles if policy.publisher else ()
    tagged: Sequence[DataSubjectCategory | DataCategory | Purpose | ProcessingActivity] = (
        *policy.data_subjects,
        *policy.data_categories,
        *policy.purposes,
        *policy.activities,
    )
    return any(c.role in PROCESSOR_ROLES for c in claims) or any(
        t.role in PROCESSOR_ROLES for t in tagged
    )


def activities(ix: PolicyIndex, roles: frozenset[PartyRole]) -> list[Resolved]:
    """The stated activities in ``roles``, then one derived per purpose none of them covers."""
    policy = ix.policy
    stated = [a for a in policy.activities if a.role in roles]
    covered = {p for a in stated for p in a.purpose_ids}
    found = [_resolve(ix, a, roles, DERIVED_BY_PARSER if a.derived else STATED) for a in stated]
    for purpose in policy.purposes:
        if purpose.role in roles and purpose.id not in covered:
            synthetic = ProcessingActivity(
                name=purpose.label, role=purpose.role, derived=True, purpose_ids=(purpose.id,)
            )
            found.append(_resolve(ix, synthetic, roles, DERIVED_PER_PURPOSE))
    return found


def role_activities(ix: PolicyIndex) -> list[Resolved]:
    """Processor activities from the role claims, when the policy states no other."""
    claims = ix.policy.publisher.roles if ix.policy.publisher else ()
    found = []
    for claim in claims:
        if claim.role in PROCESSOR_ROLES:
            synthetic = ProcessingActivity(
                name=claim.scope or "processing", role=claim.role, derived=True
            )
            resolved = _resolve(ix, synthetic, PROCESSOR_ROLES, DERIVED_FROM_ROLE)
            found.append(attrs.evolve(resolved, name=claim.scope, anchors=(claim,)))
    return found


def placeholder(ix: PolicyIndex) -> Resolved:
    """A row to complete when the policy states no activity or purpose as controller."""
    synthetic = ProcessingActivity(name="processing", derived=True)
    resolved = _resolve(ix, synthetic, CONTROLLER_ROLES, NO_PURPOSES)
    return attrs.evolve(resolved, name=None, anchors=())


def _fallback(
    linked: tuple[F, ...], wide: Callable[[], tuple[F, ...]], label: str, notes: list[str]
) -> tuple[F, ...]:
    if linked:
        return linked
    stand_in = wide()
    if stand_in:
        notes.append(label)
    return stand_in


def _resolve(
    ix: PolicyIndex, act: ProcessingActivity, roles: frozenset[PartyRole], origin: str
) -> Resolved:
    p = ix.policy
    notes: list[str] = []
    purposes = ix.pick(act.purpose_ids, Purpose)
    data = _fallback(
        ix.pick(act.data_category_ids, DataCategory),
        lambda: tuple(d for d in p.data_categories if d.role in roles),
        "data categories",
        notes,
    )
    subjects = _fallback(
        ix.pick(act.subject_ids, DataSubjectCategory),
        lambda: tuple(s for s in p.data_subjects if s.role in roles),
        "data subjects",
        notes,
    )
    by_purpose = tuple(b for b in p.legal_bases if set(b.purpose_ids) & {x.id for x in purposes})
    bases = _fallback(
        ix.pick(act.legal_basis_ids, LegalBasis) or by_purpose,
        lambda: tuple(b for b in p.legal_bases if not b.purpose_ids),
        "legal bases",
        notes,
    )
    recipients = _fallback(
        ix.pick(act.recipient_ids, Party),
        lambda: _policy_recipients(p, roles),
        "recipients",
        notes,
    )
    transfers = _fallback(
        ix.pick(act.transfer_ids, Transfer), lambda: p.transfers, "transfers", notes
    )
    data_ids = {d.id for d in data}
    retention = ix.pick(act.retention_ids, RetentionRule) or tuple(
        r for r in p.retention_rules if data_ids & set(r.data_category_ids)
    )
    controllers = ix.pick(act.controller_ids, Controller)
    anchors: tuple[Fact, ...] = (*(() if act.derived else (act,)), *purposes)
    return Resolved(
        ref=ix.ref(act.id),
        index=ix,
        name=act.name,
        role=act.role,
        origin=origin,
        purposes=purposes,
        subjects=subjects,
        data=data,
        bases=bases,
        recipients=recipients,
        retention=retention,
        transfers=transfers,
        controllers=controllers,
        anchors=anchors,
        policy_wide=tuple(notes),
    )


def _policy_recipients(policy: Policy, roles: frozenset[PartyRole]) -> tuple[Party, ...]:
    if roles == CONTROLLER_ROLES:
        return (*policy.recipients, *policy.processors)
    return (*policy.subprocessors,)
