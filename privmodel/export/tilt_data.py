"""TILT ``dataDisclosed``, ``thirdCountryTransfers`` and ``sources`` from a Policy.

TILT is organised per data category: each category lists its purposes, legal bases,
recipients and storage. Where the policy links them (processing activities, retention
rules naming categories, bases naming purposes) the links are followed; where it does
not, every category gets the document-wide lists and a loss says so.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable
from typing import Any

from privmodel.export import countries
from privmodel.export import tilt_codes as codes
from privmodel.schema import (
    Controller,
    DataCategory,
    LegalBasis,
    LegalBasisCode,
    Party,
    PartyKind,
    PartyRole,
    Policy,
    Processor,
    Purpose,
    Recipient,
    RetentionKind,
    RetentionRule,
    Subprocessor,
    Transfer,
)

Json = dict[str, Any]
_NAMESPACE = uuid.UUID("6f1d3c52-8f0e-4b5e-9a57-2b1a8e4c7d10")


def stable_uuid(*parts: str) -> str:
    """A UUID derived from content, so the same policy always gets the same TILT ids."""
    return str(uuid.uuid5(_NAMESPACE, "\x1f".join(parts)))


class Links:
    """Which purposes, bases, recipients and rules apply to a data category."""

    def __init__(self, policy: Policy, losses: list[str]) -> None:
        self.policy = policy
        self.losses = losses
        self.parties: dict[str, Party] = {
            p.id: p
            for p in (*policy.controllers, *policy.processors, *policy.subprocessors,
                      *policy.recipients)
        }

    def _note(self, text: str) -> None:
        if text not in self.losses:
            self.losses.append(text)

    def _activity_ids(self, category: DataCategory, field: str) -> list[str]:
        ids: list[str] = []
        for act in self.policy.activities:
            if category.id in act.data_category_ids:
                ids.extend(i for i in getattr(act, field) if i not in ids)
        return ids

    def purposes(self, category: DataCategory) -> list[str]:
        ids = self._activity_ids(category, "purpose_ids")
        if ids or not self.policy.purposes:
            return ids
        self._note("purposes are not linked to data categories in the policy: every "
                   "dataDisclosed entry lists all purposes")
        return [p.id for p in self.policy.purposes]

    def bases(self, category: DataCategory, purpose_ids: list[str]) -> list[LegalBasis]:
        ids = self._activity_ids(category, "legal_basis_ids")
        if ids:
            return [b for b in self.policy.legal_bases if b.id in ids]
        linked = [
            b for b in self.policy.legal_bases
            if not b.purpose_ids or set(b.purpose_ids) & set(purpose_ids)
        ]
        if any(not b.purpose_ids for b in linked):
            self._note("legal bases that name no purpose are listed under every "
                       "dataDisclosed entry")
        return linked

    def recipients(self, category: DataCategory) -> list[Party]:
        ids = self._activity_ids(category, "recipient_ids")
        if ids:
            return [self.parties[i] for i in ids if i in self.parties]
        if self.parties:
            self._note("recipients are not linked to data categories in the policy: every "
                       "dataDisclosed entry lists all recipients, processors and controllers")
        return list(self.parties.values())

    def rules(self, category: DataCategory) -> list[RetentionRule]:
        ids = set(self._activity_ids(category, "retention_ids"))
        named = [r for r in self.policy.retention_rules
                 if category.id in r.data_category_ids or r.id in ids]
        if named:
            return named
        general = [r for r in self.policy.retention_rules if not r.data_category_ids]
        if general:
            self._note("retention rules that name no data category are listed under every "
                       "dataDisclosed entry")
        return general


def recipient_category(party: Party) -> str:
    """The TILT recipient ``category`` text for a party."""
    if isinstance(party, Subprocessor):
        return PartyRole.SUBPROCESSOR.info.label_en
    if isinstance(party, Processor):
        return PartyRole.PROCESSOR.info.label_en
    if isinstance(party, Controller):
        role = PartyRole.JOINT_CONTROLLER if party.joint else PartyRole.CONTROLLER
        return role.info.label_en
    if isinstance(party, Recipient):
        return party.recipient_kind.info.label_en
    return PartyRole.RECIPIENT.info.label_en


def _recipient(party: Party) -> Json:
    if party.kind is PartyKind.CATEGORY:
        return {"category": party.name}
    out: Json = {"name": party.name, "category": recipient_category(party)}
    if party.country:
        out["country"] = party.country
    return out


def _storage(rule: RetentionRule) -> Json:
    conditions = [] if rule.kind is RetentionKind.FIXED else [rule.kind.info.label_en]
    conditions += [t for t in (rule.criterion, rule.runs_from, rule.law) if t]
    out: Json = {}
    if rule.duration is not None:
        out["temporal"] = [{"description": rule.applies_to, "ttl": codes.ttl(rule.duration)}]
    elif rule.kind is RetentionKind.FIXED or not conditions:
        conditions.append(rule.applies_to)
    if conditions:
        out["purposeConditional"] = conditions
    if rule.kind is RetentionKind.LEGAL_REQUIREMENT:
        out["legalBasisConditional"] = [codes.reference(LegalBasisCode.LEGAL_OBLIGATION)]
    out["aggregationFunction"] = "max"
    return out


def _basis(basis: LegalBasis) -> Json:
    return {
        "reference": codes.reference(basis.code),
        "description": basis.label or basis.code.info.label_en,
    }


def _unique(items: list[Json]) -> list[Json]:
    """Drop repeated objects (a category named both as processor and as recipient)."""
    seen: set[str] = set()
    out = []
    for item in items:
        key = json.dumps(item, sort_keys=True)
        if key not in seen:
            seen.add(key)
            out.append(item)
    return out


def _purpose(purpose: Purpose) -> Json:
    concept = purpose.concept
    return {"purpose": purpose.label,
            "description": concept.info.label_en if concept else purpose.label}


def data_disclosed(policy: Policy, links: Links, *, v2: bool) -> list[Json]:
    """One ``dataDisclosed`` entry per data category, in the policy's order."""
    purposes = {p.id: p for p in policy.purposes}
    entries: list[Json] = []
    for category in policy.data_categories:
        purpose_ids = links.purposes(category)
        bases = links.bases(category, purpose_ids)
        interests = [b for b in bases if b.code is LegalBasisCode.LEGITIMATE_INTERESTS]
        entries.append({
            "_id": stable_uuid("data", category.id),
            "category": [category.label] if v2 else category.label,
            "purposes": [_purpose(purposes[i]) for i in purpose_ids if i in purposes],
            "legalBases": [_basis(b) for b in bases],
            "legitimateInterests": [
                {"exists": True, "reasoning": b.legitimate_interest or codes.UNKNOWN_TEXT}
                for b in interests
            ] or [{"exists": False}],
            "recipients": _unique([_recipient(p) for p in links.recipients(category)]),
            "storage": _unique([_storage(r) for r in links.rules(category)]),
            "nonDisclosure": {
                "legalRequirement": False,
                "contractualRegulation": False,
                "obligationToProvide": False,
                "consequences": codes.UNKNOWN_TEXT,
            },
        })
    return entries


def _safeguard(mechanisms: Iterable[Any], available: bool) -> Json:
    text = "; ".join(f"{m.info.label_en} ({m.info.legal_ref})" for m in mechanisms)
    return {"available": available, "description": text}


def _transfer_items(transfer: Transfer, losses: list[str]) -> list[Json]:
    by_field: dict[str, list[Any]] = {}
    for mech in transfer.mechanisms:
        field = codes.MECHANISM_FIELD.get(mech, codes.GUARANTEES_FIELD)
        by_field.setdefault(field, []).append(mech)
    body: Json = {}
    for field, mechs in sorted(by_field.items()):
        available = any(m not in codes.NOT_GUARANTEES for m in mechs)
        body[field] = _safeguard(mechs, available)
    if not transfer.countries:
        losses.append(f"transfer to {transfer.destination!r} names no country: written "
                      "without a country code")
        return [body]
    return [{"country": c, **body} for c in transfer.countries]


def third_country_transfers(policy: Policy, losses: list[str]) -> list[Json]:
    items: list[Json] = []
    for transfer in policy.transfers:
        items.extend(_transfer_items(transfer, losses))
        if transfer.relies_on_invalidated_mechanism:
            losses.append(f"transfer to {transfer.destination!r} cites an invalidated mechanism: "
                          "named in appropriateGuarantees.description, not marked available")
    if any(t.recipient_ids for t in policy.transfers):
        losses.append("transfer recipients: TILT transfers name only the country")
    return items


def sources(policy: Policy, *, v2: bool) -> list[Json]:
    """One ``sources`` entry per data category with sources, then one for unlinked sources."""
    by_id = {s.id: s for s in policy.sources}
    groups: list[tuple[str, list[str]]] = [
        (c.label, [i for i in c.source_ids if i in by_id])
        for c in policy.data_categories if c.source_ids
    ]
    linked = {i for _, ids in groups for i in ids}
    rest = [s.id for s in policy.sources if s.id not in linked]
    if rest:
        groups.append((codes.UNKNOWN_TEXT, rest))
    out: list[Json] = []
    for label, ids in groups:
        items = []
        for i in ids:
            item: Json = {"description": by_id[i].label,
                          "url": [codes.UNKNOWN_TEXT] if v2 else codes.UNKNOWN_TEXT,
                          "publiclyAvailable": by_id[i].publicly_available}
            if v2:
                item["origin"] = "received"
            items.append(item)
        out.append({"_id": stable_uuid("source", label, *ids), "dataCategory": label,
                    "sources": items})
    return out


def country_of(text: str | None) -> str | None:
    """The country a postal address ends with, if it names one."""
    return countries.find_in(text) if text else None
