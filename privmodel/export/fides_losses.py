"""What a Fides manifest cannot hold of a policy, said once per kind of fact.

Declaration-level losses (bases, Art. 9 conditions) are reported by the declaration
builder; this module reports the policy-level ones.
"""

from __future__ import annotations

from collections.abc import Iterator

from privmodel.export.fides_taxonomy import APPROXIMATE_TRANSFER, TRANSFER_BASIS
from privmodel.schema import Policy
from privmodel.schema.statements import Presence


def _names(items: tuple[str, ...] | list[str]) -> str:
    return ", ".join(items)


def _transfers(policy: Policy) -> Iterator[str]:
    for t in policy.transfers:
        where = t.destination + (f" ({', '.join(t.countries)})" if t.countries else "")
        mechanisms = _names([m.value for m in t.mechanisms]) or "no mechanism stated"
        yield (
            f"transfer to {where} via {mechanisms}: Fides holds no destination or country, "
            "only does_international_transfers and legal_basis_for_transfers"
        )
        for m in t.mechanisms:
            if m in APPROXIMATE_TRANSFER:
                yield (
                    f"transfer mechanism {m.value} ({m.info.label_en}) is written as "
                    f"{TRANSFER_BASIS[m]!r}, fideslang's nearest value"
                )
        if t.recipient_ids:
            yield f"transfer to {t.destination}: the link to {_names(t.recipient_ids)} is lost"


def _silences(policy: Policy) -> Iterator[str]:
    d = policy.declarations
    if not policy.transfers and d.transfers_outside_eea.presence is Presence.NOT_STATED:
        yield (
            "the policy does not say whether data leave the EU/EEA; Fides writes "
            "does_international_transfers: false and cannot mark it as not stated"
        )
    if d.automated_decision_making.presence is Presence.NOT_STATED:
        yield (
            "the policy does not say whether it uses automated decision-making; Fides writes "
            "uses_profiling: false and cannot mark it as not stated"
        )
    if d.sale_of_personal_data.presence is not Presence.NOT_STATED:
        yield (
            f"the statement on sale of personal data ({d.sale_of_personal_data.presence}) "
            "has no field in Fides"
        )


def _parties(policy: Policy) -> Iterator[str]:
    pub = policy.publisher
    if pub is not None:
        if pub.org_number:
            yield f"the publisher's registration number {pub.org_number} has no field in Fides"
        for claim in pub.roles:
            if claim.scope:
                yield f"the scope of the publisher's {claim.role.value} role is lost: {claim.scope}"
    if len(policy.representatives) > 1:
        extra = [r.name for r in policy.representatives[1:]]
        yield f"Fides holds one representative; lost {_names(extra)}"
    acted_for = [c.name for c in policy.controllers if not c.joint]
    if acted_for:
        yield (
            f"the controllers the publisher acts for or shares data with ({_names(acted_for)}) "
            "have no field in Fides"
        )
    for party in (*policy.processors, *policy.subprocessors, *policy.recipients):
        if party.country or party.address or party.description:
            yield f"details of {party.name} (address, country, description) are not held"
    if policy.supervisory_authorities:
        names = [a.name for a in policy.supervisory_authorities]
        yield f"supervisory authorities ({_names(names)}) have no field in Fides"


def _wording(policy: Policy) -> Iterator[str]:
    data = [d.label for d in policy.data_categories]
    if data:
        yield (
            f"{len(data)} data categories are held only as taxonomy keys; their wording and "
            f"examples are lost: {'; '.join(data)}"
        )
    subjects = [s.label for s in policy.data_subjects]
    if subjects:
        yield (
            f"{len(subjects)} data subject categories are held only as taxonomy keys; their "
            f"wording is lost: {'; '.join(subjects)}"
        )
    sourced = [d.label for d in policy.data_categories if d.source_ids] + [
        s.label for s in policy.sources
    ]
    if sourced:
        yield f"data sources (Art. 14) have no field in Fides: {'; '.join(sourced)}"


def _per_category(policy: Policy) -> Iterator[str]:
    for rule in policy.retention_rules:
        if rule.data_category_ids:
            yield (
                f"retention {rule.applies_to!r} applies to {_names(rule.data_category_ids)}; "
                "Fides holds one retention_period text per declaration, not per category"
            )


def _other(policy: Policy) -> Iterator[str]:
    if policy.rights:
        codes = _names([r.code.value for r in policy.rights])
        yield (
            f"rights ({codes}) are not held: Fides keeps rights only on data_subject "
            "taxonomy items, not on a system"
        )
    if policy.cookies:
        yield (
            f"{len(policy.cookies)} cookies (names, providers, lifetimes) are held only as "
            "uses_cookies: true"
        )
    measures = [m for m in policy.security_measures if m.kind is not None]
    if measures:
        yield "the kind of each security measure (technical, organisational) is lost"
    if policy.laws:
        yield f"laws named ({_names([law.name for law in policy.laws])}) have no field in Fides"
    if policy.children is not None:
        yield f"the age limit ({policy.children.min_age}) has no field in Fides"
    dates = [d for d in (policy.effective_date, policy.last_updated) if d is not None]
    if dates:
        yield f"policy dates ({_names([d.value.isoformat() for d in dates])}) are not held"
    quotes = sum(len(fact.evidence) for _, fact in policy.facts())
    if quotes:
        yield f"evidence ({quotes} source quotes with offsets) and confidences are not held"


def policy_losses(policy: Policy) -> list[str]:
    """Every policy-level loss, in a fixed order."""
    return [
        *_transfers(policy),
        *_silences(policy),
        *_parties(policy),
        *_wording(policy),
        *_per_category(policy),
        *_other(policy),
    ]


__all__ = ["policy_losses"]
