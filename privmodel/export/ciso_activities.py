"""The processings of a CISO Assistant workbook: a policy's activities with links resolved.

Each stated activity becomes a processing; each purpose no stated activity covers becomes
a processing of its own, marked derived. Where an activity links no data, subjects,
recipients or transfers, the policy-wide lists for its role stand in and the processing
says so. Legal bases are never spread that way over purposes without saying it: each
purpose gets the bases linked to it, else those of its activity, else the policy-wide
ones, and the level is kept so the description can say which it was.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable
from typing import TypeVar

import attrs

from privmodel.export.ciso_columns import ARTICLE_9, LEGAL_BASIS
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

CONTROLLER_ROLES = frozenset({PartyRole.CONTROLLER, PartyRole.JOINT_CONTROLLER})
PROCESSOR_ROLES = frozenset({PartyRole.PROCESSOR, PartyRole.SUBPROCESSOR})


class Origin(enum.StrEnum):
    STATED = "stated in the policy"
    PARSER = "derived per purpose by the parser"
    PER_PURPOSE = "derived: the policy links no processing activity to this purpose"


class BasisLevel(enum.StrEnum):
    PURPOSE = "linked to this purpose in the policy"
    ACTIVITY = "stated for the processing activity as a whole"
    POLICY = "stated in the policy without a link to any purpose"
    NONE = "not stated"


@attrs.frozen
class PurposeBases:
    """A purpose with the bases that apply to it and where they were found."""

    purpose: Purpose
    bases: tuple[LegalBasis, ...]
    level: BasisLevel
    special: tuple[LegalBasis, ...] = ()

    @property
    def candidates(self) -> bool:
        """True when the policy does not say that these bases serve this very purpose."""
        return self.level is BasisLevel.POLICY or (
            len(self.bases) > 1 and self.level is BasisLevel.ACTIVITY
        )


@attrs.frozen
class Activity:
    """One processing to be: every reference resolved, with the stand-ins it used."""

    source: ProcessingActivity
    origin: Origin
    purposes: tuple[PurposeBases, ...]
    subjects: tuple[DataSubjectCategory, ...]
    data: tuple[DataCategory, ...]
    recipients: tuple[Party, ...]
    retention: tuple[RetentionRule, ...]
    transfers: tuple[Transfer, ...]
    controllers: tuple[Controller, ...]
    policy_wide: tuple[str, ...] = ()

    @property
    def derived(self) -> bool:
        return self.origin is not Origin.STATED


class _Index:
    def __init__(self, policy: Policy) -> None:
        self.policy = policy
        self.facts = {f.id: f for _, f in policy.facts()}

    def pick(self, ids: Iterable[str], kind: type[F]) -> tuple[F, ...]:
        found = (self.facts.get(i) for i in ids)
        return tuple(f for f in found if isinstance(f, kind))


def activities(policy: Policy) -> list[Activity]:
    """The stated activities, then one derived per purpose that none of them covers."""
    ix = _Index(policy)
    covered = {p for a in policy.activities for p in a.purpose_ids}
    found = [
        _resolve(ix, a, Origin.PARSER if a.derived else Origin.STATED) for a in policy.activities
    ]
    for purpose in policy.purposes:
        if purpose.id not in covered:
            synthetic = ProcessingActivity(
                name=purpose.label, role=purpose.role, derived=True, purpose_ids=(purpose.id,)
            )
            found.append(_resolve(ix, synthetic, Origin.PER_PURPOSE))
    return found


def role_group(role: PartyRole) -> frozenset[PartyRole]:
    return PROCESSOR_ROLES if role in PROCESSOR_ROLES else CONTROLLER_ROLES


def _fallback(
    linked: tuple[F, ...], wide: Callable[[], tuple[F, ...]], label: str, notes: list[str]
) -> tuple[F, ...]:
    if linked:
        return linked
    stand_in = wide()
    if stand_in:
        notes.append(label)
    return stand_in


def _resolve(ix: _Index, act: ProcessingActivity, origin: Origin) -> Activity:
    p = ix.policy
    roles = role_group(act.role)
    notes: list[str] = []
    data = _fallback(
        ix.pick(act.data_category_ids, DataCategory),
        lambda: tuple(d for d in p.data_categories if d.role in roles),
        "personal data",
        notes,
    )
    subjects = _fallback(
        ix.pick(act.subject_ids, DataSubjectCategory),
        lambda: tuple(s for s in p.data_subjects if s.role in roles),
        "data subjects",
        notes,
    )
    recipients = _fallback(
        ix.pick(act.recipient_ids, Party), lambda: _policy_recipients(p, roles), "recipients", notes
    )
    transfers = _fallback(
        ix.pick(act.transfer_ids, Transfer), lambda: p.transfers, "transfers", notes
    )
    data_ids = {d.id for d in data}
    retention = ix.pick(act.retention_ids, RetentionRule) or tuple(
        r for r in p.retention_rules if data_ids & set(r.data_category_ids)
    )
    controllers = ix.pick(act.controller_ids, Controller)
    if not controllers and roles == PROCESSOR_ROLES:
        controllers = tuple(c for c in p.controllers if not c.joint)
    activity_bases = ix.pick(act.legal_basis_ids, LegalBasis)
    purposes = tuple(
        _purpose_bases(p, purpose, activity_bases) for purpose in ix.pick(act.purpose_ids, Purpose)
    )
    return Activity(
        source=act,
        origin=origin,
        purposes=purposes,
        subjects=subjects,
        data=data,
        recipients=recipients,
        retention=retention,
        transfers=transfers,
        controllers=controllers,
        policy_wide=tuple(notes),
    )


def _purpose_bases(
    policy: Policy, purpose: Purpose, activity_bases: tuple[LegalBasis, ...]
) -> PurposeBases:
    """The first level that states an Art. 6 basis; Art. 9 conditions never policy-wide."""
    direct = tuple(b for b in policy.legal_bases if purpose.id in b.purpose_ids)
    for_activity = tuple(
        b for b in activity_bases if not b.purpose_ids or purpose.id in b.purpose_ids
    )
    wide = tuple(b for b in policy.legal_bases if not b.purpose_ids)
    special = tuple(b for b in (*direct, *for_activity) if b.code in ARTICLE_9)
    special = tuple(dict.fromkeys(special))
    levels = (
        (BasisLevel.PURPOSE, direct),
        (BasisLevel.ACTIVITY, for_activity),
        (BasisLevel.POLICY, wide),
    )
    for level, bases in levels:
        art6 = tuple(b for b in bases if b.code in LEGAL_BASIS)
        if art6:
            return PurposeBases(purpose, art6, level, special)
    return PurposeBases(purpose, (), BasisLevel.NONE, special)


def _policy_recipients(policy: Policy, roles: frozenset[PartyRole]) -> tuple[Party, ...]:
    if roles == CONTROLLER_ROLES:
        return (*policy.recipients, *policy.processors)
    return (*policy.subprocessors,)
