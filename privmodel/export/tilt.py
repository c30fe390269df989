"""TILT export: the Transparency Information Language, schema v1 ("tilt") and v2 ("tilt-v2").

The output validates against the official JSON Schemas (draft-07). Every field is derived
from the policy, so the same policy gives the same bytes: ids are UUIDs derived from
content, ``_hash`` is the source's SHA-256, dates are the policy's own dates. Where TILT
requires a value the policy does not state, the most neutral value the schema allows is
written and the field is named in the losses (see docs/tilt.md).
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Sequence
from typing import Any

from privmodel.export import countries
from privmodel.export import tilt_codes as codes
from privmodel.export.base import ExportFormat, Writer
from privmodel.export.tilt_data import (
    Links,
    country_of,
    data_disclosed,
    sources,
    stable_uuid,
    third_country_transfers,
)
from privmodel.export.tilt_losses import unrepresentable
from privmodel.format import dump
from privmodel.schema import (
    ContactFields,
    Organisation,
    Party,
    Policy,
    Presence,
    Right,
    RightCode,
)

Json = dict[str, Any]
_PHONE = re.compile(r"^[+]*[(]{0,1}[0-9]{1,4}[)]{0,1}[-\s\./0-9]*$")
_LANGUAGE = re.compile(r"^[a-z]{2}$")


def _or_unknown(value: str | None, field: str, losses: list[str], unknown: str) -> str:
    if value:
        return value
    losses.append(f"{field}: not stated in the policy, written as {unknown!r}")
    return unknown


def _meta(policy: Policy, losses: list[str], v2: bool) -> Json:
    src = policy.source
    publisher = policy.publisher
    name = (publisher.name if publisher else None) or src.title
    first = policy.effective_date or policy.last_updated
    last = policy.last_updated or policy.effective_date
    created = first.value.isoformat() if first else None
    modified = last.value.isoformat() if last else None
    language = src.language if src.language and _LANGUAGE.match(src.language) else None
    url = src.uri or (publisher.website if publisher else None)
    digest = src.sha256 or hashlib.sha256(dump(policy).encode("utf-8")).hexdigest()
    if src.sha256 is None:
        losses.append("meta._hash: the source's SHA-256 is unknown, the hash of the native "
                      "JSON of the policy is written")
    url_text = _or_unknown(url, "meta.url", losses, codes.UNKNOWN_TEXT)
    return {
        "_id": stable_uuid("policy", digest),
        "name": _or_unknown(name, "meta.name", losses, codes.UNKNOWN_TEXT),
        "created": _or_unknown(created, "meta.created", losses, codes.UNKNOWN_DATE),
        "modified": _or_unknown(modified, "meta.modified", losses, codes.UNKNOWN_DATE),
        "version": 1,
        "language": _or_unknown(language, "meta.language", losses, codes.UNKNOWN_LANGUAGE),
        "status": "active",
        "url": [url_text] if v2 else url_text,
        "_hash": digest,
    }


def _contact(who: ContactFields, field: str, losses: list[str]) -> Json:
    """Address, country, e-mail and phone of a party, placeholders where TILT needs them."""
    country = who.country or country_of(who.address)
    out: Json = {
        "address": _or_unknown(who.address, f"{field}.address", losses, codes.UNKNOWN_TEXT),
        "country": _or_unknown(country, f"{field}.country", losses, countries.UNKNOWN),
        "email": _or_unknown(
            who.emails[0] if who.emails else None, f"{field}.email", losses, codes.UNKNOWN_EMAIL
        ),
    }
    phone = next((p for p in who.phones if _PHONE.match(p)), None)
    if phone:
        out["phone"] = phone
    return out


def _controller(policy: Policy, losses: list[str], v2: bool) -> Json:
    pub = policy.publisher
    if pub is None:
        losses.append("controller: the policy does not name its publisher")
        pub = Organisation()
    name = _or_unknown(pub.name, "controller.name", losses, codes.UNKNOWN_TEXT)
    contact = _contact(pub, "controller", losses)
    rep: ContactFields
    if policy.representatives:
        rep = policy.representatives[0]
        rep_name = policy.representatives[0].name
    else:
        losses.append("controller.representative: the policy names no representative "
                      "(Art. 27); the controller's own name and contact are written")
        rep, rep_name = pub, name
    rep_contact = _contact(rep, "controller.representative", [])
    representative = {"name": rep_name, "email": rep_contact["email"]}
    if "phone" in rep_contact:
        representative["phone"] = rep_contact["phone"]
    out: Json = {"name": name, "address": contact["address"], "country": contact["country"],
                 "representative": representative}
    if v2 and pub.website:
        out["url"] = [pub.website]
    return out


def _dpo(policy: Policy, losses: list[str]) -> Json:
    dpo = policy.dpo
    if dpo is None:
        said = policy.declarations.dpo.presence
        why = "says no DPO is appointed" if said is Presence.NONE else "names no DPO"
        losses.append(f"dataProtectionOfficer: the policy {why}; TILT requires one, "
                      "placeholders are written")
        return {"name": codes.UNKNOWN_TEXT, "address": codes.UNKNOWN_TEXT,
                "country": countries.UNKNOWN, "email": codes.UNKNOWN_EMAIL}
    name = _or_unknown(dpo.name, "dataProtectionOfficer.name", losses, codes.UNKNOWN_TEXT)
    return {"name": name, **_contact(dpo, "dataProtectionOfficer", losses)}


def _right_object(rights: list[Right]) -> Json:
    """A TILT right object: the rights' labels, then how to exercise them."""
    text = "; ".join(r.code.info.label_en for r in rights)
    hows = list(dict.fromkeys(r.how_to_exercise for r in rights if r.how_to_exercise))
    out: Json = {"available": True, "description": ". ".join([text, *hows])}
    email = next((e for r in rights for e in r.contact_emails), None)
    if email:
        out["email"] = email
    return out


def _authority(policy: Policy, losses: list[str]) -> Json:
    if not policy.supervisory_authorities:
        losses.append("rightToComplain.supervisoryAuthority: the policy names no authority, "
                      "written with an empty name")
        return {"name": codes.UNKNOWN_TEXT}
    sa: Party = policy.supervisory_authorities[0]
    out: Json = {"name": sa.name}
    if sa.address:
        out["address"] = sa.address
    if sa.country:
        out["country"] = sa.country
    if sa.emails:
        out["email"] = sa.emails[0]
    return out


def _rights(policy: Policy, losses: list[str]) -> Json:
    by_code: dict[RightCode, Right] = {r.code: r for r in policy.rights}
    access = [by_code[c] for c in codes.ACCESS_CODES if c in by_code]
    out: Json = {codes.ACCESS_FIELD: _right_object(access) if access else {"available": False}}
    if not access:
        losses.append("accessAndDataPortability.available: the policy states neither access "
                      "nor portability, written as false")
    for field, held in codes.RIGHT_FIELDS.items():
        present = [by_code[c] for c in held if c in by_code]
        out[field] = _right_object(present) if present else {}
        if present and field == "rightToComplain":
            out[field]["supervisoryAuthority"] = _authority(policy, losses)
    return out


def _automated(policy: Policy, losses: list[str]) -> Json:
    presence = policy.declarations.automated_decision_making.presence
    if presence is Presence.NOT_STATED:
        return {}
    if presence is Presence.NONE:
        return {"inUse": False}
    losses.append("automatedDecisionMaking: logic and effects are not modelled, written empty")
    return {"inUse": True, "logicInvolved": codes.UNKNOWN_TEXT,
            "scopeAndIntendedEffects": codes.UNKNOWN_TEXT}


def build(policy: Policy, *, v2: bool = False) -> tuple[Json, list[str]]:
    """The TILT document as JSON data, and the losses."""
    losses: list[str] = []
    links = Links(policy, losses)
    doc: Json = {
        "meta": _meta(policy, losses, v2),
        "controller": _controller(policy, losses, v2),
        "dataProtectionOfficer": _dpo(policy, losses),
        "dataDisclosed": data_disclosed(policy, links, v2=v2),
        "thirdCountryTransfers": third_country_transfers(policy, losses),
        "sources": sources(policy, v2=v2),
        **_rights(policy, losses),
        "automatedDecisionMaking": _automated(policy, losses),
        "changesOfPurpose": [],
    }
    if policy.data_categories:
        losses.append("nonDisclosure: not modelled, written as false with empty consequences")
    losses.extend(unrepresentable(policy))
    return doc, list(dict.fromkeys(losses))


class TiltWriter(Writer):
    """TILT v1 (tilt-schema.json, master branch)."""

    format = ExportFormat.TILT
    extension = ".json"
    v2 = False

    def render(self, policies: Sequence[Policy]) -> tuple[bytes, tuple[str, ...]]:
        doc, losses = build(policies[0], v2=self.v2)
        text = json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
        return text.encode("utf-8"), tuple(losses)


class TiltV2Writer(TiltWriter):
    """TILT v2 (tilt-schema.json, v2 branch): URLs as arrays, data category as an array."""

    format = ExportFormat.TILT_V2
    v2 = True


__all__ = ["TiltV2Writer", "TiltWriter", "build"]
