"""What a policy states that TILT has no place for: the fixed part of the TILT losses list."""

from __future__ import annotations

from privmodel.export.tilt_codes import ACCESS_CODES, RIGHT_FIELDS
from privmodel.schema import Policy, Presence, RetentionKind

_TILT_RIGHTS = {c for held in RIGHT_FIELDS.values() for c in held} | set(ACCESS_CODES)


def _count(n: int, noun: str) -> str:
    if n == 1:
        return f"{n} {noun}"
    return f"{n} {noun[:-1]}ies" if noun.endswith("y") else f"{n} {noun}s"


def _parties(policy: Policy) -> list[str]:
    out = []
    if policy.processors:
        out.append(f"{_count(len(policy.processors), 'processor')}: written as recipients "
                   "with category 'Processor'")
    if policy.subprocessors:
        out.append(f"{_count(len(policy.subprocessors), 'subprocessor')}: written as "
                   "recipients with category 'Sub-processor'; TILT has no processor chain")
    if policy.controllers:
        out.append(f"{_count(len(policy.controllers), 'other controller')}: written as "
                   "recipients; TILT has one controller")
    if len(policy.representatives) > 1:
        out.append("representatives: TILT holds one, the first is written")
    if len(policy.supervisory_authorities) > 1:
        out.append("supervisory authorities: TILT holds one, the first is written")
    if policy.publisher and policy.publisher.roles:
        out.append("publisher roles (controller/processor claims): TILT has no field")
    return out


def _data(policy: Policy) -> list[str]:
    out = []
    if policy.data_subjects:
        out.append(f"{_count(len(policy.data_subjects), 'data subject category')}: "
                   "TILT has no field for data subjects")
    if any(c.examples for c in policy.data_categories):
        out.append("data category examples: TILT holds only the category label")
    if any(c.concept or c.special_category for c in policy.data_categories):
        out.append("data category concepts and special-category flags (Art. 9): "
                   "TILT has no field")
    if any(p.concept for p in policy.purposes):
        out.append("purpose concepts: written as the purpose description (English label)")
    if policy.activities:
        out.append(f"{_count(len(policy.activities), 'processing activity')}: flattened into "
                   "the dataDisclosed entries of their data categories; names and data "
                   "subjects are lost")
    if any(r.minimum or r.duration_is_maximum for r in policy.retention_rules):
        out.append("retention ranges ('up to', 'from ... to'): only the longest period is "
                   "written as ttl")
    if any(r.kind not in (RetentionKind.FIXED,) for r in policy.retention_rules):
        out.append("retention kinds other than a fixed period: written as the kind's label "
                   "in storage.purposeConditional")
    return out


def _other(policy: Policy) -> list[str]:
    out = []
    skipped = sorted({r.code.value for r in policy.rights if r.code not in _TILT_RIGHTS})
    if skipped:
        out.append(f"rights TILT has no field for: {', '.join(skipped)}")
    if policy.security_measures:
        out.append(f"{_count(len(policy.security_measures), 'security measure')}: TILT has "
                   "no field for security measures (Art. 32)")
    if policy.cookies:
        out.append(f"{_count(len(policy.cookies), 'cookie')}: TILT has no field for cookies")
    if policy.laws:
        out.append(f"{_count(len(policy.laws), 'law')}: TILT has no field for applicable laws")
    if policy.children is not None:
        out.append("minimum age: TILT has no field for it")
    decl = policy.declarations
    if decl.transfers_outside_eea.presence is Presence.NOT_STATED and not policy.transfers:
        out.append("transfers outside the EEA are not stated: an empty thirdCountryTransfers "
                   "list cannot tell 'not stated' from 'none'")
    if decl.sale_of_personal_data.presence is not Presence.NOT_STATED:
        out.append("sale of personal data: TILT has no field for it")
    if any(f.evidence for _, f in policy.facts()):
        out.append("evidence (source quotes and offsets) and confidence: TILT has no field")
    return out


def unrepresentable(policy: Policy) -> list[str]:
    """Losses for what the policy states and TILT cannot hold at all."""
    return [*_parties(policy), *_data(policy), *_other(policy)]
