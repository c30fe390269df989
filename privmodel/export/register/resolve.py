"""Processing activities with their references resolved: the rows-to-be of the records.

The resolution is shared (privmodel.export.activities); the register adds a ref per row
(prefixed by the policy's position when there are several), the origin in words, the
facts a row quotes as provenance, the processor activities derived from the publisher's
role claims and a placeholder row when the policy states no processing as controller.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import ClassVar

import attrs

from privmodel.export.activities import (
    PROCESSOR_ROLES,
    Activity,
    FactIndex,
    Link,
    Origin,
    resolve,
)
from privmodel.export.activities import activities as resolved_activities
from privmodel.schema import (
    DataCategory,
    DataSubjectCategory,
    Fact,
    Policy,
    ProcessingActivity,
    Purpose,
)
from privmodel.schema.vocab import PartyRole

ORIGINS = {
    Origin.STATED: "stated in the policy",
    Origin.PARSER: "derived per purpose by the parser",
    Origin.PER_PURPOSE: "derived per purpose (the policy links no processing activity to it)",
    Origin.PLACEHOLDER: "placeholder (the policy states no processing as controller)",
    Origin.ROLE_CLAIM: "derived from the policy's statement of the processor role",
}
# The links the register reports as stood in, in the order it names them.
POLICY_WIDE = {
    Link.DATA: "data categories",
    Link.SUBJECTS: "data subjects",
    Link.BASES: "legal bases",
    Link.RECIPIENTS: "recipients",
    Link.TRANSFERS: "transfers",
}


@attrs.frozen
class PolicyIndex(FactIndex):
    """One policy, its facts by id, its label as a source, and the prefix of its refs."""

    source: str
    prefix: str

    @classmethod
    def of(cls, policy: Policy, position: int, count: int) -> PolicyIndex:
        return cls(
            policy=policy,
            facts=FactIndex.for_policy(policy).facts,
            source=policy.source.path or policy.source.uri or "",
            prefix=f"P{position + 1}/" if count > 1 else "",
        )

    def ref(self, fact_id: str) -> str:
        return self.prefix + fact_id


@attrs.frozen
class Resolved(Activity):
    """A shared resolved activity with its register ref, name and provenance anchors."""

    ref: str
    index: PolicyIndex
    name: str | None
    anchors: tuple[Fact, ...]
    origins: ClassVar[Mapping[Origin, str]] = ORIGINS
    policy_wide_labels: ClassVar[Mapping[Link, str]] = POLICY_WIDE


def _register(ix: PolicyIndex, act: Activity) -> Resolved:
    source = act.source
    anchors: tuple[Fact, ...] = (*(() if source.derived else (source,)), *act.purposes)
    fields = attrs.asdict(act, recurse=False)
    return Resolved(**fields, ref=ix.ref(source.id), index=ix, name=source.name, anchors=anchors)


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
    return [_register(ix, a) for a in resolved_activities(ix, roles)]


def role_activities(ix: PolicyIndex) -> list[Resolved]:
    """Processor activities from the role claims, when the policy states no other."""
    claims = ix.policy.publisher.roles if ix.policy.publisher else ()
    found = []
    for claim in claims:
        if claim.role in PROCESSOR_ROLES:
            synthetic = ProcessingActivity(
                name=claim.scope or "processing", role=claim.role, derived=True
            )
            resolved = _register(ix, resolve(ix, synthetic, Origin.ROLE_CLAIM))
            found.append(attrs.evolve(resolved, name=claim.scope, anchors=(claim,)))
    return found


def placeholder(ix: PolicyIndex) -> Resolved:
    """A row to complete when the policy states no activity or purpose as controller."""
    synthetic = ProcessingActivity(name="processing", derived=True)
    resolved = _register(ix, resolve(ix, synthetic, Origin.PLACEHOLDER))
    return attrs.evolve(resolved, name=None, anchors=())


__all__ = [
    "PolicyIndex",
    "Resolved",
    "activities",
    "is_processor",
    "placeholder",
    "role_activities",
]
