"""Read a TILT document (v1 or v2) into a Policy, repairing the faults of real files.

Real TILT files (the tilt-corpus) rarely validate: countries are names ("Deutschland",
"USA") or near-codes ("UK"), legal bases are free text, and fields hold null or ``[]``
where an object or a string belongs. :func:`read_tilt` repairs what it can and returns
one warning per repair or per value it had to drop; it raises only when the input is not
a JSON object.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from privmodel.errors import FormatError, InputError
from privmodel.export import tilt_codes as codes
from privmodel.importers.tilt_facts import Facts
from privmodel.importers.tilt_reader import Reader
from privmodel.schema import (
    DataProtectionOfficer,
    DateStatement,
    Declaration,
    Declarations,
    Organisation,
    Policy,
    Presence,
    Representative,
    Source,
)

_SHA256 = re.compile(r"^[0-9a-f]{64}$")


def _load(data: Mapping[str, Any] | str | bytes | os.PathLike[str]) -> dict[str, Any]:
    if isinstance(data, Mapping):
        return dict(data)
    where: str | None = None
    text: str | bytes
    if isinstance(data, bytes) or (isinstance(data, str) and data.lstrip().startswith("{")):
        text = data
    else:
        where = os.fspath(data)
        try:
            text = Path(where).read_bytes()
        except OSError as exc:
            raise InputError(f"cannot read TILT file: {exc.strerror}", path=where) from exc
    try:
        loaded = json.loads(text)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise FormatError(f"not valid JSON: {exc}", path=where) from exc
    if not isinstance(loaded, dict):
        raise FormatError("a TILT document is a JSON object", path=where)
    return loaded


def _date(r: Reader, meta: Mapping[str, Any], key: str) -> DateStatement | None:
    text = r.text(meta, key, f"$.meta.{key}")
    if not text or text.startswith(codes.UNKNOWN_DATE):
        return None
    try:
        value = dt.date.fromisoformat(text[:10])
    except ValueError:
        r.warn(f"$.meta.{key}", f"{text!r} is not a date; dropped")
        return None
    # Both dates may be the same day: the ids say which date each one is.
    kind = "effective" if key == "created" else "updated"
    try:
        return DateStatement(id=f"date:{kind}-{value.isoformat()}", value=value)
    except ValueError:
        r.warn(f"$.meta.{key}", f"{text!r} is not a date; dropped")
        return None


def _source(r: Reader, meta: Mapping[str, Any]) -> Source:
    url = r.first_url(meta, "url", "$.meta.url")
    digest = r.text(meta, "_hash", "$.meta._hash")
    if digest and not _SHA256.match(digest):
        r.warn("$.meta._hash", f"{digest!r} is not a lower-case SHA-256; dropped")
        digest = None
    lang = (r.text(meta, "language", "$.meta.language") or "").lower()
    return Source(
        uri=url or None,
        sha256=digest or None,
        language=lang if re.fullmatch(r"[a-z]{2,3}", lang) else None,
        title=r.text(meta, "name", "$.meta.name") or None,
        media_type="application/json",
        parser="tilt",
    )


def _publisher(r: Reader, doc: Mapping[str, Any]) -> tuple[Organisation | None, list[Any]]:
    ctl = r.obj(doc, "controller", "$.controller", required=True)
    if not ctl:
        return None, []
    rep = r.obj(ctl, "representative", "$.controller.representative", required=True)
    name = r.text(ctl, "name", "$.controller.name", required=True)
    contact = r.contact(ctl, "$.controller")
    rep_name = r.text(rep, "name", "$.controller.representative.name") if rep else None
    rep_contact = r.contact(rep, "$.controller.representative") if rep else {}
    representatives: list[Any] = []
    if rep_name and rep_name != name:
        representatives.append(r.build(Representative, "$.controller.representative",
                                       name=rep_name, **rep_contact))
    elif rep_contact.get("emails") and not contact.get("emails"):
        contact["emails"] = rep_contact["emails"]
    org = r.build(Organisation, "$.controller", name=name or None,
                  website=r.first_url(ctl, "url", "$.controller.url") or None, **contact)
    return org, [x for x in representatives if x is not None]


def _dpo(r: Reader, doc: Mapping[str, Any]) -> DataProtectionOfficer | None:
    dpo = r.obj(doc, "dataProtectionOfficer", "$.dataProtectionOfficer", required=True)
    if not dpo:
        return None
    name = r.text(dpo, "name", "$.dataProtectionOfficer.name")
    contact = r.contact(dpo, "$.dataProtectionOfficer")
    if not name and not contact.get("emails") and not contact.get("address"):
        return None
    return r.build(DataProtectionOfficer, "$.dataProtectionOfficer", name=name or None,
                   **contact)


def _automated(r: Reader, doc: Mapping[str, Any]) -> Declaration:
    adm = r.obj(doc, "automatedDecisionMaking", "$.automatedDecisionMaking", required=True)
    in_use = adm.get("inUse") if adm else None
    if in_use is None:
        return Declaration()
    if not isinstance(in_use, bool):
        r.warn("$.automatedDecisionMaking.inUse", f"{in_use!r} is not a boolean; not stated")
        return Declaration()
    return Declaration(presence=Presence.PRESENT if in_use else Presence.NONE)


def read_tilt(
    data: Mapping[str, Any] | str | bytes | os.PathLike[str],
) -> tuple[Policy, list[str]]:
    """A Policy from a TILT document (parsed JSON, JSON text or bytes, or a path).

    Returns the policy and the warnings: one per repair ("country 'Deutschland' read as
    DE") and one per value dropped. Raises InputError or FormatError only when the input
    cannot be read as a JSON object.
    """
    doc = _load(data)
    r = Reader()
    meta = r.obj(doc, "meta", "$.meta", required=True)
    facts = Facts(r)
    facts.read_data_disclosed(doc)
    facts.read_transfers(doc)
    facts.read_rights(doc)
    facts.read_sources(doc)
    publisher, representatives = _publisher(r, doc)
    declarations = Declarations(
        automated_decision_making=_automated(r, doc),
        transfers_outside_eea=Declaration(
            presence=Presence.PRESENT if facts.transfers else Presence.NOT_STATED
        ),
    )
    fields: dict[str, Any] = dict(
        source=_source(r, meta),
        effective_date=_date(r, meta, "created"),
        last_updated=_date(r, meta, "modified"),
        publisher=publisher,
        representatives=tuple(representatives),
        dpo=_dpo(r, doc),
        declarations=declarations,
        **facts.collections(),
    )
    try:
        policy = Policy(**fields)
    except ValidationError as exc:  # a repair missed something: keep what is valid
        first = exc.errors()[0]["msg"]
        r.warn("$", f"the imported facts do not form a valid policy ({first}); links "
                    "between them are dropped")
        policy = Policy(**{**fields, **facts.collections(unlinked=True)})
    return policy, r.warnings


__all__ = ["read_tilt"]
