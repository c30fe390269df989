"""Build the Article 30 register of one organisation from its policies."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence

import attrs

from privmodel.errors import ExportError
from privmodel.export.activities import CONTROLLER_ROLES, PROCESSOR_ROLES
from privmodel.export.register.children import Provenance, child_tables
from privmodel.export.register.columns import CONTACT, CONTROLLER, PROCESSOR
from privmodel.export.register.model import (
    NOT_APPLICABLE,
    TO_BE_COMPLETED,
    Cell,
    Register,
    Row,
    Table,
    value,
)
from privmodel.export.register.records import controller_row, processor_rows
from privmodel.export.register.resolve import (
    PolicyIndex,
    Resolved,
    activities,
    is_processor,
    placeholder,
    role_activities,
)
from privmodel.export.register.texts import EEA, contact_text, party_text
from privmodel.schema import Organisation, Policy, Presence
from privmodel.schema.vocab import PartyRole

ALL_RECORDS = "all records from this policy"


def register_from_policies(policies: Sequence[Policy]) -> Register:
    """The Art. 30 register of the organisation that publishes ``policies``.

    Raises ExportError when there is no policy or when the policies name different
    publishers (by name or company registration number).
    """
    if not policies:
        raise ExportError("a register needs at least one policy")
    publisher = merged_publisher(policies)
    indexes = [PolicyIndex.of(p, i, len(policies)) for i, p in enumerate(policies)]
    provenance = Provenance()
    used_in: defaultdict[str, list[str]] = defaultdict(list)
    controller, processor = _records(indexes, provenance, used_in)
    processing = any(is_processor(p) for p in policies)
    contact = _contact(indexes, publisher, processing, provenance)
    records = [*controller.rows, *processor.rows]
    children = child_tables(indexes, _summarise(used_in, records), provenance)
    return Register(
        organisation=publisher.name or "to be completed",
        sources=tuple(ix.source for ix in indexes if ix.source),
        generator=f"privmodel {_version()}",
        contact=contact,
        controller=controller,
        processor=processor if processing else None,
        data_categories=children["data-categories"],
        retention=children["retention"],
        recipients=children["recipients"],
        transfers=children["transfers"],
        security=children["security-measures"],
        provenance=provenance.table(),
    )


def _version() -> str:
    from privmodel import __version__

    return __version__


def _normal(text: str | None) -> str:
    return re.sub(r"[\W_]+", "", text or "").casefold()


def merged_publisher(policies: Sequence[Policy]) -> Organisation:
    """One publisher for all policies: missing details are filled from the later ones."""
    found = [p.publisher for p in policies if p.publisher is not None]
    for field in ("name", "org_number"):
        seen = {_normal(getattr(o, field)): getattr(o, field) for o in found}
        seen.pop("", None)
        if len(seen) > 1:
            raise ExportError(
                f"a register covers one organisation, but the policies name different "
                f"publishers ({field}: {', '.join(sorted(seen.values()))})"
            )
    if not found:
        return Organisation()
    merged = found[0]
    for other in found[1:]:
        updates = {
            k: getattr(other, k)
            for k in ("name", "org_number", "address", "country", "website")
            if getattr(merged, k) is None
        }
        merged = merged.model_copy(
            update={
                **updates,
                "emails": tuple(dict.fromkeys((*merged.emails, *other.emails))),
                "phones": tuple(dict.fromkeys((*merged.phones, *other.phones))),
                "evidence": (*merged.evidence, *other.evidence),
            }
        )
    return merged


def _unique(resolved: list[Resolved], seen: set[str]) -> list[Resolved]:
    out = []
    for r in resolved:
        ref, n = r.ref, 1
        while ref in seen:
            n += 1
            ref = f"{r.ref}~{n}"
        seen.add(ref)
        out.append(r if ref == r.ref else attrs.evolve(r, ref=ref))
    return out


def _records(
    indexes: Sequence[PolicyIndex], provenance: Provenance, used_in: defaultdict[str, list[str]]
) -> tuple[Table, Table]:
    controller_rows: list[Row] = []
    processor_rows_: list[Row] = []
    seen: set[str] = set()
    for ix in indexes:
        measures = ix.policy.security_measures
        ours = _unique(activities(ix, CONTROLLER_ROLES), seen)
        theirs = activities(ix, PROCESSOR_ROLES)
        if not theirs and is_processor(ix.policy):
            theirs = role_activities(ix)
        theirs = _unique(theirs, seen)
        if not ours:
            ours = _unique([placeholder(ix)], seen)
        for r in ours:
            row = controller_row(r, measures)
            _trace(r, [row.ref], CONTROLLER.key, provenance, used_in)
            controller_rows.append(row)
        for r in theirs:
            rows = processor_rows(r, measures)
            _trace(r, [x.ref for x in rows], PROCESSOR.key, provenance, used_in)
            processor_rows_.extend(rows)
    return Table(CONTROLLER, tuple(controller_rows)), Table(PROCESSOR, tuple(processor_rows_))


def _summarise(used_in: dict[str, list[str]], records: Sequence[Row]) -> dict[str, list[str]]:
    """A fact every record of its policy uses says so, instead of listing them all."""
    refs = [row.ref for row in records]
    summary = {}
    for fact_ref, rows in used_in.items():
        prefix = fact_ref.split("/", 1)[0] + "/" if "/" in fact_ref else ""
        every = [r for r in refs if r.startswith(prefix)]
        summary[fact_ref] = [ALL_RECORDS] if len(rows) > 1 and rows == every else rows
    return summary


def _trace(
    r: Resolved,
    refs: list[str],
    table: str,
    provenance: Provenance,
    used_in: defaultdict[str, list[str]],
) -> None:
    """Record the quotes behind the rows, and which child rows the rows use."""
    ix = r.index
    linked = [*r.data, *r.retention, *r.recipients, *r.transfers, *ix.policy.security_measures]
    for ref in refs:
        provenance.add(table, ref, ix, r.anchors)
        declaration = ix.policy.declarations.transfers_outside_eea
        if not r.transfers and declaration.presence is Presence.NONE:
            provenance.add_evidence(
                table, ref, ix, "declarations.transfers_outside_eea", declaration.evidence
            )
        for fact in linked:
            if ref not in used_in[ix.ref(fact.id)]:
                used_in[ix.ref(fact.id)].append(ref)


def _contact(
    indexes: Sequence[PolicyIndex],
    publisher: Organisation,
    processing: bool,
    provenance: Provenance,
) -> Table:
    policies = [ix.policy for ix in indexes]
    dpo = next((p.dpo for p in policies if p.dpo is not None), None)
    representatives = [r for p in policies for r in p.representatives]
    if dpo is not None:
        dpo_cell = value(", ".join(x for x in (dpo.name or "", contact_text(dpo)) if x))
    elif any(p.declarations.dpo.presence is Presence.NONE for p in policies):
        dpo_cell = NOT_APPLICABLE
    else:
        dpo_cell = TO_BE_COMPLETED
    if representatives:
        rep_cell = value(*(party_text(r, with_contact=True) for r in representatives))
    else:
        rep_cell = NOT_APPLICABLE if publisher.country in EEA else TO_BE_COMPLETED
    base: dict[str, Cell] = {
        "name": value(publisher.name or ""),
        "registration": value(publisher.org_number or ""),
        "address": value(publisher.address or ""),
        "email": value(*publisher.emails),
        "phone": value(*publisher.phones),
        "website": value(publisher.website or ""),
        "representative": rep_cell,
        "dpo": dpo_cell,
        "source": value(*(ix.source for ix in indexes)),
    }
    roles = [PartyRole.CONTROLLER, *([PartyRole.PROCESSOR] if processing else [])]
    rows = []
    for role in roles:
        ref = f"contact:{role}"
        cells = {**base, "role": value(role.label("en"))}
        cells["ref"] = value(ref)
        rows.append(Row(ref, tuple(cells[c.key] for c in CONTACT.columns)))
        for ix in indexes:
            anchors = [x for x in (ix.policy.publisher, ix.policy.dpo) if x is not None]
            provenance.add(CONTACT.key, ref, ix, [*anchors, *ix.policy.representatives])
    return Table(CONTACT, tuple(rows))


__all__ = ["merged_publisher", "register_from_policies"]
