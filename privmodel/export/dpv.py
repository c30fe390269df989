"""DPV export: the policy as W3C Data Privacy Vocabulary (DPV 2.x) JSON-LD.

The graph holds the controller (``dpv:DataController``) and one ``dpv:Process`` per
processing activity, linked with ``dpv:hasPurpose``, ``dpv:hasPersonalData``,
``dpv:hasDataSubject``, ``dpv:hasLegalBasis``, ``dpv:hasRecipient``,
``dpv:hasStorageCondition`` and ``dpv:hasRight``. Every concept IRI is the one the
vocabulary code carries (``code.info.dpv``). When the policy states no activities, one is
derived per purpose and says so (``privmodel:derived true`` and a comment). Output is
byte-stable: nodes sorted by id, keys sorted.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from privmodel.export.base import ExportFormat, Writer
from privmodel.export.tilt_codes import ttl
from privmodel.schema import (
    Controller,
    Party,
    Policy,
    ProcessingActivity,
    Processor,
    Recipient,
    Subprocessor,
    slugify,
)
from privmodel.schema.vocab import PartyRole
from privmodel.schema.vocab._base import DPV, EU_GDPR, PD

Json = dict[str, Any]
LOC = "https://w3id.org/dpv/loc#"
PRIVMODEL = "https://privmodel.org/ns#"
CONTEXT: Json = {
    "dpv": DPV,
    "pd": PD,
    "eu-gdpr": EU_GDPR,
    "loc": LOC,
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "dcterms": "http://purl.org/dc/terms/",
    "privmodel": PRIVMODEL,
}
_REFS = ("dpv:hasPurpose", "dpv:hasPersonalData", "dpv:hasDataSubject", "dpv:hasLegalBasis",
         "dpv:hasRecipient", "dpv:hasStorageCondition", "dcterms:hasPart")


def _curie(iri: str) -> str:
    for prefix, base in (("eu-gdpr", EU_GDPR), ("pd", PD), ("dpv", DPV)):
        if iri.startswith(base):
            return f"{prefix}:{iri[len(base):]}"
    return iri


def derive_activities(policy: Policy) -> tuple[ProcessingActivity, ...]:
    """The stated activities, or one derived per purpose linking everything the policy states."""
    if policy.activities:
        return policy.activities
    parties = [p.id for p in (*policy.controllers, *policy.processors, *policy.subprocessors,
                              *policy.recipients)]
    common: Json = {
        "derived": True,
        "subject_ids": tuple(s.id for s in policy.data_subjects),
        "data_category_ids": tuple(c.id for c in policy.data_categories),
        "recipient_ids": tuple(parties),
        "retention_ids": tuple(r.id for r in policy.retention_rules),
        "transfer_ids": tuple(t.id for t in policy.transfers),
    }
    purposes = policy.purposes or ()
    if not purposes:
        bases = tuple(b.id for b in policy.legal_bases)
        return (ProcessingActivity(name="processing described in the policy",
                                   legal_basis_ids=bases, **common),)
    out = []
    for purpose in purposes:
        bases = tuple(b.id for b in policy.legal_bases
                      if not b.purpose_ids or purpose.id in b.purpose_ids)
        out.append(ProcessingActivity(name=purpose.label, purpose_ids=(purpose.id,),
                                      legal_basis_ids=bases, **common))
    return tuple(out)


class _Graph:
    """Builds the nodes; ``ref`` turns a fact id into a node id under the policy's base."""

    def __init__(self, policy: Policy) -> None:
        self.policy = policy
        key = policy.source.sha256 or slugify(policy.source.title or "policy")
        self.base = f"urn:privmodel:{key}:"
        self.nodes: dict[str, Json] = {}
        self.losses: list[str] = []

    def ref(self, fact_id: str) -> str:
        """The node id: the fact id under the "pm:" prefix, which names the policy's base."""
        return "pm:" + fact_id

    def add(self, node: Json) -> None:
        self.nodes.setdefault(node["@id"], node)

    def labelled(self, fact_id: str, types: list[str], label: str, **extra: Any) -> str:
        node_id = self.ref(fact_id)
        self.add({"@id": node_id, "@type": types if len(types) > 1 else types[0],
                  "rdfs:label": label, **extra})
        return node_id


def _party_types(party: Party) -> list[str]:
    if isinstance(party, Subprocessor):
        role = PartyRole.SUBPROCESSOR
    elif isinstance(party, Processor):
        role = PartyRole.PROCESSOR
    elif isinstance(party, Controller):
        role = PartyRole.JOINT_CONTROLLER if party.joint else PartyRole.CONTROLLER
    elif isinstance(party, Recipient):
        iri = party.recipient_kind.info.dpv or DPV + "Recipient"
        return sorted({"dpv:Recipient", _curie(iri)})
    else:
        role = PartyRole.RECIPIENT
    return sorted({"dpv:Recipient", _curie(role.info.dpv or DPV + "Recipient")})


def _concept(concept: Any, fallback: str) -> list[str]:
    return [_curie(concept.info.dpv)] if concept and concept.info.dpv else [fallback]


def _facts(g: _Graph) -> None:
    """Nodes for the facts activities refer to."""
    p = g.policy
    for s in p.data_subjects:
        g.labelled(s.id, _concept(s.concept, "dpv:DataSubject"), s.label)
    for c in p.data_categories:
        types = _concept(c.concept, "dpv:PersonalData")
        if c.special_category and "dpv:SpecialCategoryPersonalData" not in types:
            types.append("dpv:SpecialCategoryPersonalData")
        g.labelled(c.id, types, c.label)
    for u in p.purposes:
        g.labelled(u.id, _concept(u.concept, "dpv:Purpose"), u.label)
    for b in p.legal_bases:
        comment = {"rdfs:comment": b.legitimate_interest} if b.legitimate_interest else {}
        g.labelled(b.id, [_curie(b.code.info.dpv or DPV + "LegalBasis")],
                   b.label or b.code.info.label_en, **comment)
    for party in (*p.controllers, *p.processors, *p.subprocessors, *p.recipients):
        g.labelled(party.id, _party_types(party), party.name)
    for r in p.retention_rules:
        extra: Json = {}
        if r.duration is not None:
            # xsd:duration has no weeks, so P2W is written P14D (as in TILT).
            extra["rdf:value"] = {"@value": ttl(r.duration), "@type": "xsd:duration"}
        if r.criterion:
            extra["rdfs:comment"] = r.criterion
        g.labelled(r.id, [_curie(r.kind.info.dpv or DPV + "StorageCondition")], r.applies_to,
                   **extra)
    for t in p.transfers:
        legal = sorted({_curie(m.info.dpv) for m in t.mechanisms if m.info.dpv})
        g.labelled(t.id, ["dpv:Process"], t.destination, **{
            "dpv:hasProcessing": {"@id": "dpv:Transfer"},
            "dpv:hasThirdCountry": [{"@id": f"loc:{c}"} for c in t.countries],
            "dpv:hasLegalBasis": [{"@id": i} for i in legal],
            "dpv:hasRecipient": [{"@id": g.ref(i)} for i in t.recipient_ids],
        })


def _rights(g: _Graph) -> list[Json]:
    out = []
    for right in g.policy.rights:
        if right.code.info.dpv:
            out.append({"@id": _curie(right.code.info.dpv)})
            continue
        node = g.labelled(right.id, ["dpv:DataSubjectRight"], right.code.info.label_en)
        out.append({"@id": node})
    return out


def _controller(g: _Graph) -> str | None:
    pub = g.policy.publisher
    if pub is None or pub.name is None:
        g.losses.append("the policy does not name its controller: no dpv:DataController node")
        return None
    extra: Json = {}
    if pub.country:
        extra["dpv:hasCountry"] = {"@id": f"loc:{pub.country}"}
    dpo = g.policy.dpo
    if dpo is not None:
        extra["dpv:hasDataProtectionOfficer"] = {"@id": g.labelled(
            dpo.id, ["dpv:DataProtectionOfficer"], dpo.name or "Data protection officer")}
    return g.labelled(pub.id, ["dpv:DataController"], pub.name, **extra)


def _activity(g: _Graph, act: ProcessingActivity, controller: str | None,
              rights: list[Json]) -> None:
    ids = (act.purpose_ids, act.data_category_ids, act.subject_ids, act.legal_basis_ids,
           act.recipient_ids, act.retention_ids, act.transfer_ids)
    node: Json = {"@id": g.ref(act.id), "@type": "dpv:Process", "rdfs:label": act.name}
    for prop, refs in zip(_REFS, ids, strict=True):
        if refs:
            node[prop] = [{"@id": g.ref(i)} for i in refs]
    if controller:
        node["dpv:hasDataController"] = {"@id": controller}
    if rights:
        node["dpv:hasRight"] = rights
    if act.derived:
        node["privmodel:derived"] = True
        node["rdfs:comment"] = ("Derived by privmodel: the policy does not state processing "
                                "activities, so one is built per purpose.")
    g.add(node)


def _losses(policy: Policy) -> list[str]:
    out = []
    if policy.security_measures:
        out.append(f"security measures ({len(policy.security_measures)}): not exported")
    for name in ("cookies", "laws", "supervisory_authorities", "representatives", "sources"):
        if getattr(policy, name):
            out.append(f"{name.replace('_', ' ')} ({len(getattr(policy, name))}): not exported")
    if policy.children is not None:
        out.append("minimum age: not exported")
    if any(not r.code.info.dpv for r in policy.rights):
        out.append("US state rights have no DPV concept: written as dpv:DataSubjectRight "
                   "nodes with a label")
    if any(not m.info.dpv for t in policy.transfers for m in t.mechanisms):
        out.append("invalidated transfer mechanisms (Privacy Shield, Safe Harbor) have no "
                   "DPV concept: left out of dpv:hasLegalBasis")
    if any(f.evidence for _, f in policy.facts()):
        out.append("evidence (source quotes and offsets) and confidence: not exported")
    return out


def build(policy: Policy) -> tuple[Json, list[str]]:
    """The JSON-LD document and the losses."""
    g = _Graph(policy)
    _facts(g)
    controller = _controller(g)
    rights = _rights(g)
    activities = derive_activities(policy)
    for act in activities:
        _activity(g, act, controller, rights)
    if activities and activities[0].derived:
        g.losses.append("the policy states no processing activities: one dpv:Process is "
                        "derived per purpose, marked privmodel:derived")
    nodes = [g.nodes[k] for k in sorted(g.nodes)]
    doc = {"@context": {**CONTEXT, "pm": g.base}, "@graph": nodes}
    return doc, [*g.losses, *_losses(policy)]


class DpvWriter(Writer):
    """DPV 2.x JSON-LD (https://w3id.org/dpv)."""

    format = ExportFormat.DPV
    extension = ".jsonld"

    def render(self, policies: Sequence[Policy]) -> tuple[bytes, tuple[str, ...]]:
        doc, losses = build(policies[0])
        text = json.dumps(doc, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
        return text.encode("utf-8"), tuple(losses)


__all__ = ["DpvWriter", "build", "derive_activities"]
