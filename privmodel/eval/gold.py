"""Turn a Policy into the gold annotation format (GOLD_FORMAT.md), so extraction can be scored."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, TypeVar

from privmodel.schema.activity import ProcessingActivity
from privmodel.schema.base import Fact
from privmodel.schema.data import LegalBasis
from privmodel.schema.parties import Party, PartyKind, RoleClaim
from privmodel.schema.policy import Policy
from privmodel.schema.retention import RetentionRule
from privmodel.schema.statements import DateStatement, Presence
from privmodel.schema.vocab import LegalBasisCode, PartyRole, RightCode

F = TypeVar("F", bound=Fact)

_GOLD_ROLES = frozenset({PartyRole.CONTROLLER, PartyRole.PROCESSOR, PartyRole.JOINT_CONTROLLER})
# The gold format has no separate US "delete" and "correct" rights.
_RIGHT_CODES: Mapping[RightCode, RightCode] = {
    RightCode.DELETE: RightCode.ERASURE,
    RightCode.CORRECT: RightCode.RECTIFICATION,
}
_NO_TRANSFERS: Mapping[Presence, bool | None] = {
    Presence.NONE: True, Presence.PRESENT: False, Presence.NOT_STATED: None,
}
_SELLS_DATA: Mapping[Presence, bool | None] = {
    Presence.NONE: False, Presence.PRESENT: True, Presence.NOT_STATED: None,
}


def to_gold(policy: Policy, doc: str) -> dict[str, Any]:
    """The gold-format record of ``policy`` for the document file ``doc``."""
    primary = _primary_controller(policy)
    declarations = policy.declarations
    authority = policy.supervisory_authorities[0] if policy.supervisory_authorities else None
    return {
        "doc": doc,
        "language": policy.source.language,
        "organisation": _organisation(policy),
        "roles": sorted({r.role.value for r in _role_claims(policy) if r.role in _GOLD_ROLES}),
        "effective_date": _date(policy.effective_date),
        "last_updated": _date(policy.last_updated),
        "data_subject_categories": _unique(
            s.label for s in policy.data_subjects if not primary or s.role is PartyRole.CONTROLLER
        ),
        "data_categories": _unique(
            d.label for d in policy.data_categories
            if not primary or d.role is PartyRole.CONTROLLER
        ),
        "purposes": _unique(
            p.label for p in policy.purposes if not primary or p.role is PartyRole.CONTROLLER
        ),
        "legal_bases": _basis_letters(policy.legal_bases),
        "rights": sorted({_RIGHT_CODES.get(r.code, r.code).value for r in policy.rights}),
        "recipients": _unique(r.name for r in policy.recipients),
        "named_third_parties": _named_third_parties(policy),
        "transfers": [
            {
                "destination": t.countries[0] if len(t.countries) == 1 else t.destination,
                "mechanisms": sorted({m.value for m in t.mechanisms}),
            }
            for t in policy.transfers
        ],
        "no_transfers_outside_eea": _NO_TRANSFERS[declarations.transfers_outside_eea.presence],
        "retention": [
            {"applies_to": r.applies_to, "kind": r.kind.value, "duration": _iso(r)}
            for r in policy.retention_rules
        ],
        "dpo": policy.dpo is not None,
        "sells_data": _SELLS_DATA[declarations.sale_of_personal_data.presence],
        "supervisory_authority": None if authority is None else _authority(authority),
        "laws": _unique(law.name for law in policy.laws),
        "children_min_age": policy.children.min_age if policy.children else None,
        "sources": _unique(s.label for s in policy.sources),
        "security_measures": _unique(m.label for m in policy.security_measures),
        "activities": [_activity(policy, a) for a in policy.activities if not a.derived],
    }


def write_gold(policy: Policy, doc: str, path: Path) -> None:
    """Write the gold-format record as JSON (indent 1, sorted keys, UTF-8, final newline)."""
    text = json.dumps(to_gold(policy, doc), indent=1, ensure_ascii=False, sort_keys=True)
    path.write_text(text + "\n", encoding="utf-8")


def _unique(labels: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(labels))


def _date(statement: DateStatement | None) -> str | None:
    return statement.value.isoformat() if statement else None


def _iso(rule: RetentionRule) -> str | None:
    return rule.duration.isoformat() if rule.duration is not None else None


def _role_claims(policy: Policy) -> tuple[RoleClaim, ...]:
    return policy.publisher.roles if policy.publisher else ()


def _primary_controller(policy: Policy) -> bool:
    """True when the publisher is a controller (or states no role): keep controller items only."""
    roles = {claim.role for claim in _role_claims(policy)}
    return not roles or PartyRole.CONTROLLER in roles


def _organisation(policy: Policy) -> dict[str, Any]:
    org = policy.publisher
    if org is None:
        return {"name": None, "emails": [], "org_number": None, "address": None}
    return {
        "name": org.name,
        "emails": list(org.emails),
        "org_number": org.org_number,
        "address": org.address,
    }


def basis_letter(code: LegalBasisCode) -> str:
    """Art. 6(1) bases as their letter ("a".."f"), Art. 9(2) conditions as "9-2-a".."9-2-j"."""
    return code.article.removeprefix("6-1-")


def _basis_letters(bases: Iterable[LegalBasis]) -> list[str]:
    return sorted({basis_letter(b.code) for b in bases})


def _first_start(party: Party) -> float:
    return min((e.start for e in party.evidence), default=float("inf"))


def _named_third_parties(policy: Policy) -> list[str]:
    """Names of named parties, in document order (parties without evidence last)."""
    parties: list[Party] = [
        *policy.controllers, *policy.processors, *policy.subprocessors, *policy.recipients
    ]
    named = [p for p in parties if p.kind is PartyKind.NAMED]
    return _unique(p.name for p in sorted(named, key=_first_start))


def _authority(authority: Party) -> dict[str, str]:
    fields = {
        "name": authority.name,
        "email": authority.emails[0] if authority.emails else None,
        "phone": authority.phones[0] if authority.phones else None,
        "address": authority.address,
        "website": authority.website,
    }
    return {key: value for key, value in fields.items() if value}


def _by_id(facts: Iterable[F], ids: Iterable[str]) -> list[F]:
    index = {f.id: f for f in facts}
    return [index[i] for i in ids if i in index]


def _activity(policy: Policy, activity: ProcessingActivity) -> dict[str, Any]:
    rules = _by_id(policy.retention_rules, activity.retention_ids)
    durations = [_iso(r) for r in rules if r.duration is not None]
    return {
        "subjects": _unique(
            s.label for s in _by_id(policy.data_subjects, activity.subject_ids)
        ),
        "data": _unique(
            d.label for d in _by_id(policy.data_categories, activity.data_category_ids)
        ),
        "purposes": _unique(p.label for p in _by_id(policy.purposes, activity.purpose_ids)),
        "legal_bases": _basis_letters(_by_id(policy.legal_bases, activity.legal_basis_ids)),
        "retention": durations[0] if durations else None,
    }
