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
from collections.abc import Mapping
from typing import ClassVar

import attrs

from privmodel.export.activities import PROCESSOR_ROLES, Activity, FactIndex, Link, Origin
from privmodel.export.activities import activities as resolved_activities
from privmodel.export.ciso_columns import ARTICLE_9, LEGAL_BASIS
from privmodel.schema import Controller, LegalBasis, Policy, Purpose

ORIGINS = {
    Origin.STATED: "stated in the policy",
    Origin.PARSER: "derived per purpose by the parser",
    Origin.PER_PURPOSE: "derived: the policy links no processing activity to this purpose",
}
# The links a processing reports as stood in, in the order it names them.
POLICY_WIDE = {
    Link.DATA: "personal data",
    Link.SUBJECTS: "data subjects",
    Link.RECIPIENTS: "recipients",
    Link.TRANSFERS: "transfers",
}


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
class Processing(Activity):
    """One processing to be: a resolved activity with its bases per purpose.

    ``acting_for`` are the controllers a processor activity serves: those it links, else
    the policy's independent controllers.
    """

    purpose_bases: tuple[PurposeBases, ...]
    acting_for: tuple[Controller, ...]
    origins: ClassVar[Mapping[Origin, str]] = ORIGINS
    policy_wide_labels: ClassVar[Mapping[Link, str]] = POLICY_WIDE


def activities(policy: Policy) -> list[Processing]:
    """The stated activities, then one derived per purpose that none of them covers."""
    return [_processing(policy, a) for a in resolved_activities(FactIndex.for_policy(policy))]


def _processing(policy: Policy, act: Activity) -> Processing:
    acting_for = act.controllers
    if not acting_for and act.roles == PROCESSOR_ROLES:
        acting_for = tuple(c for c in policy.controllers if not c.joint)
    bases = tuple(_purpose_bases(policy, p, act.activity_bases) for p in act.purposes)
    fields = attrs.asdict(act, recurse=False)
    return Processing(**fields, purpose_bases=bases, acting_for=acting_for)


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


__all__ = [
    "BasisLevel",
    "Processing",
    "PurposeBases",
    "activities",
]
