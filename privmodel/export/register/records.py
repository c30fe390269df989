"""The rows of the controller record (Art. 30(1)) and the processor record (Art. 30(2))."""

from __future__ import annotations

from collections.abc import Sequence

from privmodel.export.register.columns import CONTROLLER, PROCESSOR
from privmodel.export.register.model import (
    NOT_APPLICABLE,
    TO_BE_COMPLETED,
    Cell,
    Row,
    TableSpec,
    value,
    values_or,
)
from privmodel.export.register.resolve import Resolved
from privmodel.export.register.texts import (
    ART9_CODES,
    basis_text,
    contact_text,
    criterion_text,
    is_criterion,
    party_text,
    recipient_type,
    retention_text,
    safeguard_texts,
)
from privmodel.schema import Controller, DataSource, Party, Presence, SecurityMeasure
from privmodel.schema.vocab import LegalBasisCode

CUSTOMERS = "customers (the controllers)"


def finish(spec: TableSpec, ref: str, cells: dict[str, Cell]) -> Row:
    """A row in column order, with its completeness cell computed from the others."""
    todo = [c.header for c in spec.columns if cells.get(c.key) == TO_BE_COMPLETED]
    cells["ref"] = value(ref)
    cells["completeness"] = values_or(todo, value("none"))
    missing = [c.key for c in spec.columns if c.key not in cells]
    if missing:
        raise KeyError(f"{spec.key} row {ref!r} lacks cells for {missing}")
    return Row(ref, tuple(cells[c.key] for c in spec.columns))


def source_cell(r: Resolved) -> Cell:
    return value(r.index.source)


def transfer_cells(r: Resolved) -> dict[str, Cell]:
    """Art. 30(1)(e) / 30(2)(c): 'not applicable' only where the policy says there are none."""
    if not r.transfers:
        stated_none = r.index.policy.declarations.transfers_outside_eea.presence is Presence.NONE
        cell = NOT_APPLICABLE if stated_none else TO_BE_COMPLETED
        keys = ("destinations", "recipients", "safeguards")
        cells = {f"transfer_{k}": cell for k in keys}
        return {**cells, "safeguard_documentation": cell}
    names = [party_text(p) for t in r.transfers for p in r.index.pick(t.recipient_ids, Party)]
    destinations = [_destination(t.destination, t.countries) for t in r.transfers]
    return {
        "transfer_destinations": value(*destinations),
        "transfer_recipients": value(*names),
        "transfer_safeguards": value(*(s for t in r.transfers for s in safeguard_texts(t))),
        "safeguard_documentation": TO_BE_COMPLETED,
    }


def _destination(destination: str, countries: Sequence[str]) -> str:
    return f"{destination} ({', '.join(countries)})" if countries else destination


def security_cell(measures: Sequence[SecurityMeasure]) -> Cell:
    return value(*(m.label for m in measures))


def controller_row(r: Resolved, measures: Sequence[SecurityMeasure]) -> Row:
    policy = r.index.policy
    joint = [c for c in r.controllers if c.joint]
    notes = list(_notes(r))
    if not joint and any(c.joint for c in policy.controllers):
        joint = [c for c in policy.controllers if c.joint]
        notes.append("joint controllers are stated for the whole policy")
    cells: dict[str, Cell] = {
        "activity": value(r.name or ""),
        "origin": value(r.origin_text),
        "role": value(r.role.label("en")),
        "joint_controllers": value(*(party_text(c, with_contact=True) for c in joint)),
        "purposes": value(*(p.label for p in r.purposes)),
        "data_subjects": value(*(s.label for s in r.subjects)),
        "data_categories": value(*(d.label for d in r.data)),
        "special_categories": _special(r),
        "recipients": value(*(party_text(p) for p in r.recipients)),
        "recipient_types": value(*(recipient_type(p) for p in r.recipients)),
        **transfer_cells(r),
        **_retention_cells(r),
        "security_measures": security_cell(measures),
        "legal_basis": value(*(basis_text(b) for b in r.bases if b.code not in ART9_CODES)),
        **_basis_cells(r),
        "data_sources": _sources(r),
        "note": values_or(notes, NOT_APPLICABLE),
        "source": source_cell(r),
    }
    return finish(CONTROLLER, r.ref, cells)


def processor_rows(r: Resolved, measures: Sequence[SecurityMeasure]) -> list[Row]:
    """One row per controller acted for: those linked, those named, or the customers."""
    policy = r.index.policy
    notes = list(_notes(r))
    controllers: Sequence[Controller | None] = r.controllers or [
        c for c in policy.controllers if not c.joint
    ]
    if not controllers:
        controllers = [None]
        notes.append("the policy names no controllers: list each customer")
    elif not r.controllers:
        notes.append("controllers as the policy names them: confirm that each is a customer")
    rows = []
    for controller in controllers:
        cells: dict[str, Cell] = {
            "controller": value(controller.name if controller else CUSTOMERS),
            "controller_contact": value(contact_text(controller) if controller else ""),
            "controller_representative": TO_BE_COMPLETED,
            "controller_dpo": TO_BE_COMPLETED,
            "processing": value(*([r.name] if r.name else [p.label for p in r.purposes])),
            "origin": value(r.origin_text),
            "subprocessors": value(*(party_text(p) for p in r.recipients)),
            **transfer_cells(r),
            "security_measures": security_cell(measures),
            "note": values_or(notes, NOT_APPLICABLE),
            "source": source_cell(r),
        }
        suffix = controller.id if controller else "customers"
        rows.append(finish(PROCESSOR, f"{r.ref}@{suffix}", cells))
    return rows


def _notes(r: Resolved) -> list[str]:
    notes = []
    if r.derived:
        notes.append(f"record {r.origin_text}")
    if r.policy_wide:
        notes.append(
            "the policy does not link these to the activity; the policy-wide lists are shown: "
            + ", ".join(r.policy_wide)
        )
    if not r.retention and r.index.policy.retention_rules:
        notes.append("retention is not linked to this activity: see the Retention table")
    return notes


def _special(r: Resolved) -> Cell:
    if not r.data:
        return TO_BE_COMPLETED
    special = [d.label for d in r.data if d.special_category]
    if special:
        return value(*(f"yes: {label}" for label in special))
    return value("none among the categories listed")


def _retention_cells(r: Resolved) -> dict[str, Cell]:
    limits = [retention_text(rule) for rule in r.retention if not is_criterion(rule)]
    criteria = [criterion_text(rule) for rule in r.retention if is_criterion(rule)]
    if not r.retention:
        return {"retention": TO_BE_COMPLETED, "retention_criteria": TO_BE_COMPLETED}
    return {
        "retention": values_or(limits, TO_BE_COMPLETED),
        "retention_criteria": values_or(criteria, NOT_APPLICABLE if limits else TO_BE_COMPLETED),
    }


def _basis_cells(r: Resolved) -> dict[str, Cell]:
    art9 = [basis_text(b) for b in r.bases if b.code in ART9_CODES]
    has_special = any(d.special_category for d in r.data)
    if art9:
        condition = value(*art9)
    else:
        condition = TO_BE_COMPLETED if has_special or not r.data else NOT_APPLICABLE
    interests = [b for b in r.bases if b.code is LegalBasisCode.LEGITIMATE_INTERESTS]
    if interests:
        stated = [b.legitimate_interest or "" for b in interests]
        legit = value(*stated)
    else:
        legit = NOT_APPLICABLE if r.bases else TO_BE_COMPLETED
    return {"special_condition": condition, "legitimate_interests": legit}


def _sources(r: Resolved) -> Cell:
    ids = [i for d in r.data for i in d.source_ids]
    return value(*(s.label for s in r.index.pick(ids, DataSource)))
