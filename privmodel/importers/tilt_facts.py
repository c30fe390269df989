"""The fact collections of a Policy, gathered from a TILT document with stable, unique ids."""

from __future__ import annotations

from typing import Any

from privmodel.export import countries
from privmodel.export import tilt_codes as codes
from privmodel.importers.tilt_basis import legal_basis, recipient, retention_fields
from privmodel.importers.tilt_reader import Reader
from privmodel.schema import (
    Controller,
    DataCategory,
    DataSource,
    LegalBasis,
    LegalBasisCode,
    Party,
    ProcessingActivity,
    Processor,
    Purpose,
    Recipient,
    RetentionRule,
    Right,
    RightCode,
    Subprocessor,
    SupervisoryAuthority,
    Transfer,
    TransferMechanism,
    make_id,
)

__all__ = ["Facts"]

_T = TransferMechanism
_FIELD_DEFAULT = {
    codes.ADEQUACY_FIELD: _T.ADEQUACY,
    codes.SCC_FIELD: _T.SCC,
    codes.GUARANTEES_FIELD: _T.OTHER,
    codes.REMEDIES_FIELD: _T.OTHER,
}


class Facts:
    """Collects facts by id: the same purpose or party named twice is one fact."""

    def __init__(self, reader: Reader) -> None:
        self.r = reader
        self.categories: dict[str, dict[str, Any]] = {}
        self.purposes: dict[str, Purpose] = {}
        self.bases: dict[LegalBasisCode, dict[str, Any]] = {}
        self.parties: dict[str, Party] = {}
        self.rules: dict[str, dict[str, Any]] = {}
        self.activities: dict[str, ProcessingActivity] = {}
        self.transfers: dict[str, Transfer] = {}
        self.rights: dict[RightCode, Right] = {}
        self.authorities: dict[str, SupervisoryAuthority] = {}
        self.sources: dict[str, DataSource] = {}

    # dataDisclosed -------------------------------------------------------------------
    def read_data_disclosed(self, doc: dict[str, Any]) -> None:
        for i, entry in enumerate(self.r.arr(doc, "dataDisclosed", "$.dataDisclosed")):
            path = f"$.dataDisclosed[{i}]"
            if not isinstance(entry, dict):
                self.r.warn(path, f"{type(entry).__name__} where an object is expected; ignored")
                continue
            self._entry(entry, path)

    def _label(self, entry: dict[str, Any], path: str) -> str | None:
        value = entry.get("category")
        if isinstance(value, list):  # TILT v2: an array of names
            names = [v.strip() for v in value if isinstance(v, str) and v.strip()]
            return "; ".join(names) or None
        return self.r.text(entry, "category", f"{path}.category", required=True)

    def _entry(self, entry: dict[str, Any], path: str) -> None:
        label = self._label(entry, path)
        category = self.r.build(DataCategory, path, label=label) if label else None
        if category is None:
            self.r.warn(path, "data category without a name; its entry is dropped")
            return
        self.categories.setdefault(category.id, {"label": category.label, "source_ids": []})
        purpose_ids = self._purposes(entry, path)
        basis_ids = self._bases(entry, path, purpose_ids)
        recipient_ids = self._recipients(entry, path)
        rule_ids = self._rules(entry, path, category)
        activity = self.r.build(
            ProcessingActivity, path, name=category.label, data_category_ids=(category.id,),
            purpose_ids=tuple(purpose_ids), legal_basis_ids=tuple(basis_ids),
            recipient_ids=tuple(recipient_ids), retention_ids=tuple(rule_ids),
        )
        if activity is not None and activity.id not in self.activities:
            self.activities[activity.id] = activity

    def _purposes(self, entry: dict[str, Any], path: str) -> list[str]:
        ids: list[str] = []
        for j, item in enumerate(self.r.arr(entry, "purposes", f"{path}.purposes")):
            where = f"{path}.purposes[{j}]"
            if not isinstance(item, dict):
                self.r.warn(where, f"{type(item).__name__} where an object is expected; ignored")
                continue
            label = self.r.text(item, "purpose", f"{where}.purpose", required=True) or (
                self.r.text(item, "description", f"{where}.description"))
            purpose = self.r.build(Purpose, where, label=label) if label else None
            if purpose is not None:
                self.purposes.setdefault(purpose.id, purpose)
                ids.append(purpose.id)
        return list(dict.fromkeys(ids))

    def _bases(self, entry: dict[str, Any], path: str, purpose_ids: list[str]) -> list[str]:
        ids: list[str] = []
        for j, item in enumerate(self.r.arr(entry, "legalBases", f"{path}.legalBases")):
            code = legal_basis(self.r, item, f"{path}.legalBases[{j}]")
            if code is None:
                continue
            basis = self.bases.setdefault(code, {"code": code, "purpose_ids": []})
            basis.setdefault("label", self.r.text(item, "description", "$"))
            basis["purpose_ids"] += [p for p in purpose_ids if p not in basis["purpose_ids"]]
            ids.append(make_id("basis", [code.value]))
        for j, item in enumerate(self.r.arr(entry, "legitimateInterests",
                                            f"{path}.legitimateInterests")):
            reason = item.get("reasoning") if isinstance(item, dict) else None
            if isinstance(item, dict) and item.get("exists") is True and isinstance(reason, str):
                li = self.bases.get(LegalBasisCode.LEGITIMATE_INTERESTS)
                if li is None:
                    self.r.warn(f"{path}.legitimateInterests[{j}]",
                                "a legitimate interest without an Art. 6(1)(f) basis; kept as one")
                    li = self.bases.setdefault(LegalBasisCode.LEGITIMATE_INTERESTS, {
                        "code": LegalBasisCode.LEGITIMATE_INTERESTS, "purpose_ids": []})
                li.setdefault("legitimate_interest", reason.strip() or None)
        return list(dict.fromkeys(ids))

    def _recipients(self, entry: dict[str, Any], path: str) -> list[str]:
        ids: list[str] = []
        for j, item in enumerate(self.r.arr(entry, "recipients", f"{path}.recipients")):
            party = recipient(self.r, item, f"{path}.recipients[{j}]")
            if party is not None:
                self.parties.setdefault(party.id, party)
                ids.append(party.id)
        return list(dict.fromkeys(ids))

    def _rules(self, entry: dict[str, Any], path: str, category: DataCategory) -> list[str]:
        ids: list[str] = []
        for j, item in enumerate(self.r.arr(entry, "storage", f"{path}.storage")):
            where = f"{path}.storage[{j}]"
            if not isinstance(item, dict):
                self.r.warn(where, f"{type(item).__name__} where an object is expected; ignored")
                continue
            for fields in retention_fields(self.r, item, category.label, where):
                rule = self.r.build(RetentionRule, where, **fields)
                if rule is None:
                    continue
                stored = self.rules.setdefault(rule.id, {**fields, "data_category_ids": []})
                if category.id not in stored["data_category_ids"]:
                    stored["data_category_ids"].append(category.id)
                ids.append(rule.id)
        return list(dict.fromkeys(ids))

    # thirdCountryTransfers -----------------------------------------------------------
    def read_transfers(self, doc: dict[str, Any]) -> None:
        items = self.r.arr(doc, "thirdCountryTransfers", "$.thirdCountryTransfers")
        for i, item in enumerate(items):
            path = f"$.thirdCountryTransfers[{i}]"
            if not isinstance(item, dict):
                self.r.warn(path, f"{type(item).__name__} where an object is expected; ignored")
                continue
            code = self.r.country(item.get("country"), f"{path}.country")
            mechanisms: list[TransferMechanism] = []
            for field, default in _FIELD_DEFAULT.items():
                if field not in item:
                    continue
                body = self.r.obj(item, field, f"{path}.{field}")
                text = body.get("description") if isinstance(body.get("description"), str) else ""
                named = codes.mechanisms_in(text or "")
                if body.get("available") is True:
                    mechanisms += named or (default,)
                else:
                    mechanisms += [m for m in named if m in codes.NOT_GUARANTEES]
            destination = countries.name(code) if code else "third country"
            transfer = self.r.build(Transfer, path, destination=destination,
                                    countries=(code,) if code else (),
                                    mechanisms=tuple(dict.fromkeys(mechanisms)))
            if transfer is not None:
                self.transfers.setdefault(transfer.id, transfer)

    # rights --------------------------------------------------------------------------
    def read_rights(self, doc: dict[str, Any]) -> None:
        fields = {codes.ACCESS_FIELD: codes.ACCESS_CODES, **codes.RIGHT_FIELDS}
        for field, held in fields.items():
            body = self.r.obj(doc, field, f"$.{field}", required=True)
            if body.get("available") is not True:
                continue
            text = self.r.text(body, "description", f"$.{field}.description") or ""
            found = codes.labels_in(text, held) or codes.RIGHT_DEFAULTS.get(field, held)
            rest = text
            for code in found:
                rest = rest.replace(code.info.label_en, "")
            how = rest.strip(" ;.") or None
            emails = self.r.emails(body.get("email"), f"$.{field}.email")
            for code in found:
                right = self.r.build(Right, f"$.{field}", code=code, how_to_exercise=how,
                                     contact_emails=emails)
                if right is not None:
                    self.rights.setdefault(code, right)
            if field == "rightToComplain":
                self._authority(body)

    def _authority(self, body: dict[str, Any]) -> None:
        path = "$.rightToComplain.supervisoryAuthority"
        sa = self.r.obj(body, "supervisoryAuthority", path, required=True)
        name = self.r.text(sa, "name", f"{path}.name") if sa else None
        if name:
            built = self.r.build(SupervisoryAuthority, path, name=name, **self.r.contact(sa, path))
            if built is not None:
                self.authorities.setdefault(built.id, built)

    # sources -------------------------------------------------------------------------
    def read_sources(self, doc: dict[str, Any]) -> None:
        by_label = {v["label"]: v for v in self.categories.values()}
        for i, group in enumerate(self.r.arr(doc, "sources", "$.sources")):
            path = f"$.sources[{i}]"
            if not isinstance(group, dict):
                self.r.warn(path, f"{type(group).__name__} where an object is expected; ignored")
                continue
            target = by_label.get(self.r.text(group, "dataCategory", f"{path}.dataCategory") or "")
            for j, item in enumerate(self.r.arr(group, "sources", f"{path}.sources")):
                where = f"{path}.sources[{j}]"
                label = (self.r.text(item, "description", f"{where}.description")
                         or self.r.first_url(item, "url", f"{where}.url")) if isinstance(
                             item, dict) else None
                if not label:
                    self.r.warn(where, "source without description or URL; dropped")
                    continue
                public = item.get("publiclyAvailable") is True
                source = self.r.build(DataSource, where, label=label, publicly_available=public)
                if source is None:
                    continue
                self.sources.setdefault(source.id, source)
                if target is not None and source.id not in target["source_ids"]:
                    target["source_ids"].append(source.id)

    # result --------------------------------------------------------------------------
    def collections(self, *, unlinked: bool = False) -> dict[str, Any]:
        """The Policy collections; ``unlinked`` drops every cross-reference."""
        parties = list(self.parties.values())
        cats = [DataCategory(label=v["label"], source_ids=() if unlinked else tuple(
            v["source_ids"])) for v in self.categories.values()]
        bases = [LegalBasis(id=make_id("basis", [c.value]), code=c, label=v.get("label"),
                            legitimate_interest=v.get("legitimate_interest"),
                            purpose_ids=() if unlinked else tuple(v["purpose_ids"]))
                 for c, v in self.bases.items()]
        rules = [RetentionRule(**{**v, "data_category_ids": () if unlinked else tuple(
            v["data_category_ids"])}) for v in self.rules.values()]
        return {
            "data_categories": tuple(cats),
            "purposes": tuple(self.purposes.values()),
            "legal_bases": tuple(bases),
            "retention_rules": tuple(rules),
            "controllers": tuple(p for p in parties if isinstance(p, Controller)),
            "processors": tuple(p for p in parties
                                if isinstance(p, Processor) and not isinstance(p, Subprocessor)),
            "subprocessors": tuple(p for p in parties if isinstance(p, Subprocessor)),
            "recipients": tuple(p for p in parties if isinstance(p, Recipient)),
            "transfers": tuple(self.transfers.values()),
            "rights": tuple(self.rights.values()),
            "supervisory_authorities": tuple(self.authorities.values()),
            "sources": tuple(self.sources.values()),
            "activities": () if unlinked else tuple(self.activities.values()),
        }
