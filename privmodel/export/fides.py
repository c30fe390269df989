"""Fides: a fideslang 3.1.4 manifest (YAML) with an Organization, a System and its declarations.

One policy gives one manifest: the publishing organisation with its controller, DPO and
representative contacts, one System for the service the policy covers, one
PrivacyDeclaration per processing activity and data use, and the custom taxonomy items
the declarations use where fideslang's default taxonomy has no fitting key. What Fides
cannot hold is returned as losses. See docs/fides.md.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import PurePath

from pydantic import AnyUrl, ValidationError

from privmodel.export.base import ExportFormat, Writer
from privmodel.export.fides_declarations import DeclarationBuilder
from privmodel.export.fides_groups import Group, groups
from privmodel.export.fides_losses import policy_losses
from privmodel.export.fides_taxonomy import (
    RESPONSIBILITIES,
    RESPONSIBILITY,
    TRANSFER_BASES,
    TRANSFER_BASIS,
    KeyTracker,
    Kind,
    fides_key,
)
from privmodel.export.fides_yaml import Node, dump_yaml
from privmodel.schema import Policy
from privmodel.schema.parties import ContactFields
from privmodel.schema.statements import Presence

GENERATOR = "privmodel fides export (fideslang 3.1.4)"
_UNNAMED = "Organisation not named in the policy"


def _address(contact: ContactFields) -> str:
    return ", ".join(p for p in (contact.address, contact.country) if p)


def _contact(name: str | None, contact: ContactFields) -> dict[str, Node]:
    """fideslang ContactDetails: name, address, email, phone (all text)."""
    fields = {
        "name": name or "",
        "address": _address(contact),
        "email": ", ".join(contact.emails),
        "phone": ", ".join(contact.phones),
    }
    return {k: v for k, v in fields.items() if v}


def _source_name(policy: Policy) -> str:
    if policy.source.path:
        return PurePath(policy.source.path).name
    return policy.source.uri or ""


def _organization(policy: Policy, key: str, name: str) -> dict[str, Node]:
    org: dict[str, Node] = {"fides_key": key, "organization_fides_key": key, "name": name}
    blocks = {
        "controller": (policy.publisher.name, policy.publisher) if policy.publisher else None,
        "data_protection_officer": (policy.dpo.name, policy.dpo) if policy.dpo else None,
        "representative": (
            (policy.representatives[0].name, policy.representatives[0])
            if policy.representatives
            else None
        ),
    }
    for field, block in blocks.items():
        contact = _contact(*block) if block is not None else {}
        if contact:
            org[field] = contact
    return org


def _responsibility(policy: Policy, found: Sequence[Group]) -> list[Node]:
    roles = [c.role for c in policy.publisher.roles] if policy.publisher else []
    roles += [g.role for g in found]
    names = {RESPONSIBILITY[r] for r in roles if r in RESPONSIBILITY}
    return [r for r in RESPONSIBILITIES if r in names]


def _privacy_policy(policy: Policy) -> str | None:
    """The policy's URL as pydantic normalises it, so fideslang keeps it unchanged."""
    uri = policy.source.uri
    if not uri or not uri.startswith(("http://", "https://")):
        return None
    try:
        return str(AnyUrl(uri))
    except ValidationError:
        return None


def _description(policy: Policy, found: Sequence[Group]) -> str:
    title = f" ({policy.source.title})" if policy.source.title else ""
    parts = [f"Processing stated in the privacy policy {_source_name(policy)}{title}."]
    derived = [g.name for g in found if g.derived]
    if derived:
        parts.append(
            f"{len(derived)} declaration(s) are derived per purpose: the policy links no "
            "processing activity to them."
        )
    if any(g.policy_wide for g in found):
        parts.append(
            "Where the policy does not link data, subjects, recipients, retention or bases to "
            "an activity, its policy-wide statements stand in, so declarations may over-state "
            "them (shared_categories lists every category of the declaration)."
        )
    return " ".join(parts)


def _transfers(policy: Policy, system: dict[str, Node]) -> None:
    stated = policy.declarations.transfers_outside_eea.presence is Presence.PRESENT
    system["does_international_transfers"] = bool(policy.transfers) or stated
    names = {TRANSFER_BASIS[m] for t in policy.transfers for m in t.mechanisms}
    system["legal_basis_for_transfers"] = [b for b in TRANSFER_BASES if b in names]


def _system(policy: Policy, org_key: str, org_name: str, found: Sequence[Group]) -> dict[str, Node]:
    pub = policy.publisher
    system: dict[str, Node] = {
        "fides_key": f"{org_key}_service",
        "organization_fides_key": org_key,
        "name": f"{org_name}: service covered by the privacy policy",
        "description": _description(policy, found),
        "system_type": "Service",
        "responsibility": _responsibility(policy, found),
    }
    if pub is not None and pub.name:
        system["legal_name"] = pub.name
    if pub is not None and _address(pub):
        system["legal_address"] = _address(pub)
    if policy.dpo is not None:
        dpo = _contact(policy.dpo.name, policy.dpo)
        system["dpo"] = ", ".join(str(v) for v in dpo.values()) or "appointed (no contact stated)"
    joint = [c.name for c in policy.controllers if c.joint]
    if joint:
        system["joint_controller_info"] = "; ".join(joint)
    if policy.security_measures:
        system["data_security_practices"] = "; ".join(m.label for m in policy.security_measures)
    _transfers(policy, system)
    system["uses_profiling"] = (
        policy.declarations.automated_decision_making.presence is Presence.PRESENT
    )
    system["uses_cookies"] = bool(policy.cookies)
    url = _privacy_policy(policy)
    if url is not None:
        system["privacy_policy"] = url
    meta: dict[str, Node] = {"generator": GENERATOR}
    if _source_name(policy):
        meta["source"] = _source_name(policy)
    if policy.source.sha256:
        meta["source_sha256"] = policy.source.sha256
    system["meta"] = meta
    return system


def manifest(policy: Policy) -> tuple[dict[str, Node], list[str]]:
    """The manifest as plain data (what the YAML holds) and the losses."""
    pub = policy.publisher
    org_name = (pub.name if pub is not None else None) or _UNNAMED
    stem = PurePath(_source_name(policy)).stem if _source_name(policy) else ""
    fallback = fides_key(f"organisation {stem}", "organisation")
    org_key = fides_key(org_name, fallback) if org_name != _UNNAMED else fallback
    found = groups(policy)
    keys = KeyTracker()
    losses: list[str] = []
    declarations = DeclarationBuilder(keys, losses).build(found)
    system = _system(policy, org_key, org_name, found)
    system["privacy_declarations"] = list(declarations)
    document: dict[str, Node] = {"organization": [_organization(policy, org_key, org_name)]}
    for kind in Kind:
        items = keys.resources(kind, org_key)
        if items:
            document[str(kind)] = items
    document["system"] = [system]
    return document, [*policy_losses(policy), *losses]


class FidesWriter(Writer):
    """``--to fides``: a fideslang manifest to load with ``fides push``."""

    format = ExportFormat.FIDES
    extension = ".fides.yml"

    def render(self, policies: Sequence[Policy]) -> tuple[bytes, tuple[str, ...]]:
        document, losses = manifest(policies[0])
        return dump_yaml(document).encode("utf-8"), tuple(losses)


__all__ = ["FidesWriter", "manifest"]
