"""Description texts: the facts CISO Assistant has no field for, written out as prose.

The Privacy module has no field for the controller's identity, the DPO, the
representative, security measures, rights or the evidence a fact was read from
(ROPA-TOOLS.md section 3.3), so they go into the processing's ``description``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from privmodel.export.activities import PROCESSOR_ROLES
from privmodel.export.ciso_activities import Processing, PurposeBases
from privmodel.export.register.texts import contact_text, party_text, period_text
from privmodel.schema import (
    DataProtectionOfficer,
    Fact,
    LegalBasis,
    Organisation,
    Party,
    Policy,
    RetentionRule,
    Transfer,
)

QUOTE_MAX = 300
EVIDENCE_MAX = 5
SEP = "; "


def joined(items: Iterable[str], sep: str = SEP) -> str:
    return sep.join(dict.fromkeys(i for i in items if i))


def cut(text: str, limit: int) -> str:
    """At most ``limit`` characters, an ellipsis marking a cut."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def organisation_text(org: Organisation) -> str:
    parts = [org.name or "name not stated", org.org_number or "", contact_text(org)]
    return ", ".join(p for p in parts if p)


def dpo_text(dpo: DataProtectionOfficer) -> str:
    return ", ".join(p for p in (dpo.name or "", contact_text(dpo)) if p) or "appointed"


def retention_line(rule: RetentionRule) -> str:
    return f"{period_text(rule)}: {rule.applies_to}"


def basis_label(basis: LegalBasis) -> str:
    return f"{basis.code.label('en')} ({basis.code.info.legal_ref})"


def transfer_line(transfer: Transfer) -> str:
    mechanisms = joined(f"{m.label('en')} ({m.info.legal_ref})" for m in transfer.mechanisms)
    return f"{transfer.destination} ({mechanisms or 'no safeguard stated'})"


def _role_line(policy: Policy, act: Processing) -> str:
    who = policy.publisher.name if policy.publisher and policy.publisher.name else "the publisher"
    article = "Art. 30(2)" if act.roles == PROCESSOR_ROLES else "Art. 30(1)"
    line = f"Role of {who}: {act.role.label('en').lower()} ({article} record)."
    if act.acting_for:
        names = joined((party_text(c, with_contact=True) for c in act.acting_for), ", ")
        line += f" Acting for the controller(s): {names}."
    return line


def _party_lines(policy: Policy) -> list[str]:
    lines = []
    if policy.publisher is not None:
        lines.append(f"Controller (Art. 30(1)(a)): {organisation_text(policy.publisher)}.")
    joint = [party_text(c, with_contact=True) for c in policy.controllers if c.joint]
    if joint:
        lines.append(f"Joint controllers (Art. 26): {joined(joint)}.")
    if policy.dpo is not None:
        lines.append(f"Data protection officer: {dpo_text(policy.dpo)}.")
    reps = [party_text(r, with_contact=True) for r in policy.representatives]
    if reps:
        lines.append(f"Representative in the Union (Art. 27): {joined(reps)}.")
    return lines


def _policy_lines(policy: Policy) -> list[str]:
    lines = []
    if policy.security_measures:
        measures = joined(cut(m.label, QUOTE_MAX) for m in policy.security_measures)
        lines.append(f"Security measures (Art. 30(1)(g), Art. 32): {measures}.")
    if policy.rights:
        rights = joined(f"{r.code.label('en')} ({r.code.info.legal_ref})" for r in policy.rights)
        how = joined((r.how_to_exercise or "").rstrip(".") for r in policy.rights)
        lines.append(f"Rights of the data subject: {rights}." + (f" How: {how}." if how else ""))
    if policy.sources:
        lines.append(
            f"Sources of the data (Art. 14(2)(f)): {joined(s.label for s in policy.sources)}."
        )
    return lines


def _evidence(facts: Sequence[Fact]) -> str:
    quotes = [cut(e.quote, QUOTE_MAX) for f in facts for e in f.evidence]
    unique = list(dict.fromkeys(quotes))[:EVIDENCE_MAX]
    return " | ".join(f'"{q}"' for q in unique)


def processing_description(
    policy: Policy, act: Processing, full_name: str | None, extra: Sequence[str]
) -> str:
    """The processing's description: how it was built, then the facts with no field."""
    lines: list[str] = []
    if act.derived:
        lines.append(f"Built by privmodel ({act.origin_text}).")
    if full_name:
        lines.append(f"Full name: {full_name}")
    lines.append(_role_line(policy, act))
    lines.extend(_party_lines(policy))
    if act.policy_wide:
        wide = ", ".join(act.policy_wide)
        lines.append(
            f"The policy does not link {wide} to this activity: the policy-wide lists are used."
        )
    lines.extend(extra)
    lines.extend(_policy_lines(policy))
    anchors: list[Fact] = [] if act.derived else [act.source]
    anchors.extend(act.purposes)
    evidence = _evidence(anchors)
    if evidence:
        lines.append(f"Evidence: {evidence}")
    source = policy.source.uri or policy.source.path
    lines.append(
        "Generated by privmodel from the privacy policy"
        + (f" {source}" if source else "")
        + "; review before relying on it."
    )
    return "\n".join(lines)


def purpose_description(pb: PurposeBases, basis: LegalBasis, derived_consent: bool) -> str:
    lines = []
    if pb.purpose.concept is not None:
        lines.append(f"Kind of purpose: {pb.purpose.concept.label('en')}.")
    lines.append(f"Legal basis {basis_label(basis)}: {pb.level.value}.")
    if derived_consent:
        lines.append(
            "The policy states explicit consent (Art. 9(2)(a)) and no Art. 6 basis; "
            "consent (Art. 6(1)(a)) is the Art. 6 basis it implies."
        )
    if pb.candidates and len(pb.bases) == 1:
        lines.append(
            f"Candidate basis: the policy states {basis_label(basis)} without linking it to "
            "this purpose; check that it applies."
        )
    elif pb.candidates:
        others = joined(basis_label(b) for b in pb.bases)
        lines.append(
            f"Candidate basis: the policy states {others} without saying which one this "
            "purpose rests on; keep the row that applies and delete the others."
        )
    if basis.label:
        lines.append(f"As worded: {basis.label}.")
    if basis.legitimate_interest:
        lines.append(f"Legitimate interest (Art. 13(1)(d)): {basis.legitimate_interest}.")
    extra = pb.special[1:]
    if extra:
        lines.append(f"Further Art. 9 conditions: {joined(basis_label(b) for b in extra)}.")
    return "\n".join(lines)


def party_description(party: Party, kind: str) -> str:
    lines = [f"{kind}." if party.kind == "named" else f"{kind} (a category of recipients)."]
    if party.description:
        lines.append(party.description)
    contact = contact_text(party)
    if contact:
        lines.append(f"Contact: {contact}.")
    return "\n".join(lines)
