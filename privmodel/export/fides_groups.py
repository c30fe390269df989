"""Processing activities with their references resolved, for the Fides declarations.

The resolution is shared (privmodel.export.activities): the policy's stated activities
first, then one derived per purpose no activity covers, so no purpose is dropped. Fides
lets its own policy-wide facts stand in where an activity links none: the subjects and
data of the activity's very role (all of them when none takes it), every processor,
sub-processor and recipient once by name, and the retention rules for the activity's
data or for no data in particular.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import ClassVar, TypeVar

import attrs

from privmodel.export.activities import Activity, FactIndex, Link, Wide, activities
from privmodel.schema import (
    DataCategory,
    DataSubjectCategory,
    Fact,
    Party,
    Policy,
    ProcessingActivity,
    RetentionRule,
)
from privmodel.schema.vocab import PartyRole

F = TypeVar("F", bound=Fact)

# The links Fides lets policy-wide facts stand in for, in the order it names them.
STAND_INS = {
    Link.SUBJECTS: "data subjects",
    Link.DATA: "data categories",
    Link.RECIPIENTS: "recipients",
    Link.RETENTION: "retention",
    Link.BASES: "legal bases",
}


@attrs.frozen
class Group(Activity):
    """One activity of the policy (stated or derived) with its facts resolved."""

    policy_wide_labels: ClassVar[Mapping[Link, str]] = STAND_INS

    @property
    def name(self) -> str:
        return self.source.name

    @property
    def bases_linked(self) -> bool:
        """True when the policy links the bases to the activity or to its purposes."""
        return bool(self.bases) and Link.BASES not in self.stand_ins


def _of_role(items: Sequence[F], role: PartyRole) -> tuple[F, ...]:
    """The items taking ``role``; all of them when none does (a role the policy left open)."""
    matching = tuple(i for i in items if getattr(i, "role", role) == role)
    return matching or tuple(items)


class _FidesWide(Wide):
    def subjects(self, act: ProcessingActivity) -> tuple[DataSubjectCategory, ...]:
        return _of_role(self.policy.data_subjects, act.role)

    def data(self, act: ProcessingActivity) -> tuple[DataCategory, ...]:
        return _of_role(self.policy.data_categories, act.role)

    def recipients(self, act: ProcessingActivity) -> tuple[Party, ...]:
        """Processors, sub-processors and recipients, once per name, in policy order."""
        p = self.policy
        seen: dict[str, Party] = {}
        for party in (*p.processors, *p.subprocessors, *p.recipients):
            seen.setdefault(party.name.casefold(), party)
        return tuple(seen.values())

    def retention(self, data: tuple[DataCategory, ...]) -> tuple[RetentionRule, ...]:
        ids = {d.id for d in data}
        return tuple(
            r
            for r in self.policy.retention_rules
            if not r.data_category_ids or ids & set(r.data_category_ids)
        )


def groups(policy: Policy) -> list[Group]:
    """The policy's activities, then one derived activity per purpose none covers."""
    found = activities(FactIndex.for_policy(policy), wide=_FidesWide(policy))
    return [Group(**attrs.asdict(a, recurse=False)) for a in found]


__all__ = ["Group", "groups"]
