"""A policy's processing activities with their references resolved, for every writer.

A policy links subjects, data, bases and the rest to an activity, or it does not. Where it
does not, a policy-wide list stands in (by default the one of the activity's role group)
and the activity records which links did so (``stand_ins``), so a writer can say it.
Where the policy states no activity for a purpose, one is derived for the purpose.
Writers keep their own wording and layout on top of this: which stand-ins they report
and how, what they call each origin, and any further derivation of their own.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable, Mapping
from typing import ClassVar, TypeVar

import attrs

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


def role_group(role: PartyRole) -> frozenset[PartyRole]:
    """The processor roles for a processor role, else the controller roles."""
    return PROCESSOR_ROLES if role in PROCESSOR_ROLES else CONTROLLER_ROLES


def policy_recipients(policy: Policy, roles: frozenset[PartyRole]) -> tuple[Party, ...]:
    """Who receives the data policy-wide: recipients and processors, or sub-processors."""
    if roles == CONTROLLER_ROLES:
        return (*policy.recipients, *policy.processors)
    return (*policy.subprocessors,)


class Origin(enum.Enum):
    """Where an activity comes from; each writer words it its own way."""

    STATED = "stated"
    PARSER = "derived per purpose by the parser"
    PER_PURPOSE = "derived for a purpose no stated activity covers"
    ROLE_CLAIM = "derived from a role the publisher claims"
    PLACEHOLDER = "placeholder"


class Link(enum.Enum):
    """A link of an activity that a policy-wide list can stand in for."""

    SUBJECTS = "subjects"
    DATA = "data"
    BASES = "bases"
    RECIPIENTS = "recipients"
    RETENTION = "retention"
    TRANSFERS = "transfers"


@attrs.frozen
class FactIndex:
    """One policy and its facts by id."""

    policy: Policy
    facts: dict[str, Fact]

    @classmethod
    def for_policy(cls, policy: Policy) -> FactIndex:
        return cls(policy=policy, facts={f.id: f for _, f in policy.facts()})

    def pick(self, ids: Iterable[str], kind: type[F]) -> tuple[F, ...]:
        """The facts of ``kind`` among ``ids``, in the order of ``ids``."""
        found = (self.facts.get(i) for i in ids)
        return tuple(f for f in found if isinstance(f, kind))


class Wide:
    """The policy-wide lists that stand in for an activity's missing links.

    By default those of the activity's role group; a writer may override any of them.
    """

    def __init__(self, policy: Policy) -> None:
        self.policy = policy

    def subjects(self, act: ProcessingActivity) -> tuple[DataSubjectCategory, ...]:
        roles = role_group(act.role)
        return tuple(s for s in self.policy.data_subjects if s.role in roles)

    def data(self, act: ProcessingActivity) -> tuple[DataCategory, ...]:
        roles = role_group(act.role)
        return tuple(d for d in self.policy.data_categories if d.role in roles)

    def recipients(self, act: ProcessingActivity) -> tuple[Party, ...]:
        return policy_recipients(self.policy, role_group(act.role))

    def retention(self, data: tuple[DataCategory, ...]) -> tuple[RetentionRule, ...]:
        """The rules that name some of the activity's data."""
        ids = {d.id for d in data}
        return tuple(r for r in self.policy.retention_rules if ids & set(r.data_category_ids))

    def bases(self) -> tuple[LegalBasis, ...]:
        """The bases that name no purpose."""
        return tuple(b for b in self.policy.legal_bases if not b.purpose_ids)

    def transfers(self) -> tuple[Transfer, ...]:
        return self.policy.transfers


@attrs.frozen
class Activity:
    """An activity with every reference resolved; ``stand_ins`` names the stood-in links.

    A writer's subclass words them: ``origins`` names each origin, ``policy_wide_labels``
    the stand-ins it reports, in the order it names them (others go unreported).
    """

    origins: ClassVar[Mapping[Origin, str]] = {}
    policy_wide_labels: ClassVar[Mapping[Link, str]] = {}

    source: ProcessingActivity
    origin: Origin
    roles: frozenset[PartyRole]
    purposes: tuple[Purpose, ...]
    subjects: tuple[DataSubjectCategory, ...]
    data: tuple[DataCategory, ...]
    bases: tuple[LegalBasis, ...]
    activity_bases: tuple[LegalBasis, ...]
    recipients: tuple[Party, ...]
    retention: tuple[RetentionRule, ...]
    transfers: tuple[Transfer, ...]
    controllers: tuple[Controller, ...]
    stand_ins: frozenset[Link]

    @property
    def derived(self) -> bool:
        return self.origin is not Origin.STATED

    @property
    def role(self) -> PartyRole:
        return self.source.role

    @property
    def origin_text(self) -> str:
        return self.origins.get(self.origin, self.origin.value)

    @property
    def policy_wide(self) -> tuple[str, ...]:
        """The labels of the stood-in links the writer reports, in its order."""
        labels = self.policy_wide_labels
        return tuple(text for link, text in labels.items() if link in self.stand_ins)


def _linked_or(
    linked: tuple[F, ...], wide: Callable[[], tuple[F, ...]], link: Link, found: set[Link]
) -> tuple[F, ...]:
    if linked:
        return linked
    stand_in = wide()
    if stand_in:
        found.add(link)
    return stand_in


def resolve(
    ix: FactIndex, act: ProcessingActivity, origin: Origin, wide: Wide | None = None
) -> Activity:
    """``act`` with its links resolved, the policy-wide lists standing in for missing ones."""
    p = ix.policy
    w = wide or Wide(p)
    found: set[Link] = set()
    purposes = ix.pick(act.purpose_ids, Purpose)
    subjects = _linked_or(
        ix.pick(act.subject_ids, DataSubjectCategory), lambda: w.subjects(act), Link.SUBJECTS, found
    )
    data = _linked_or(
        ix.pick(act.data_category_ids, DataCategory), lambda: w.data(act), Link.DATA, found
    )
    activity_bases = ix.pick(act.legal_basis_ids, LegalBasis)
    purpose_ids = {x.id for x in purposes}
    by_purpose = tuple(b for b in p.legal_bases if set(b.purpose_ids) & purpose_ids)
    bases = _linked_or(activity_bases or by_purpose, w.bases, Link.BASES, found)
    recipients = _linked_or(
        ix.pick(act.recipient_ids, Party), lambda: w.recipients(act), Link.RECIPIENTS, found
    )
    retention = _linked_or(
        ix.pick(act.retention_ids, RetentionRule), lambda: w.retention(data), Link.RETENTION, found
    )
    transfers = _linked_or(ix.pick(act.transfer_ids, Transfer), w.transfers, Link.TRANSFERS, found)
    return Activity(
        source=act,
        origin=origin,
        roles=role_group(act.role),
        purposes=purposes,
        subjects=subjects,
        data=data,
        bases=bases,
        activity_bases=activity_bases,
        recipients=recipients,
        retention=retention,
        transfers=transfers,
        controllers=ix.pick(act.controller_ids, Controller),
        stand_ins=frozenset(found),
    )


def activities(
    ix: FactIndex, roles: frozenset[PartyRole] | None = None, wide: Wide | None = None
) -> list[Activity]:
    """The stated activities (in ``roles``, if given), then one derived per purpose none covers."""
    policy = ix.policy
    stated = [a for a in policy.activities if roles is None or a.role in roles]
    covered = {p for a in stated for p in a.purpose_ids}
    found = [resolve(ix, a, Origin.PARSER if a.derived else Origin.STATED, wide) for a in stated]
    for purpose in policy.purposes:
        if (roles is None or purpose.role in roles) and purpose.id not in covered:
            synthetic = ProcessingActivity(
                name=purpose.label, role=purpose.role, derived=True, purpose_ids=(purpose.id,)
            )
            found.append(resolve(ix, synthetic, Origin.PER_PURPOSE, wide))
    return found


__all__ = [
    "CONTROLLER_ROLES",
    "PROCESSOR_ROLES",
    "Activity",
    "FactIndex",
    "Link",
    "Origin",
    "Wide",
    "activities",
    "policy_recipients",
    "resolve",
    "role_group",
]
