"""The child tables: data categories, retention, recipients, transfers, security, provenance."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from privmodel.export.register.child_columns import (
    DATA_CATEGORIES,
    PROVENANCE,
    RECIPIENTS,
    RETENTION,
    SECURITY,
    TRANSFERS,
)
from privmodel.export.register.model import (
    NOT_APPLICABLE,
    TO_BE_COMPLETED,
    Cell,
    Row,
    Table,
    TableSpec,
    value,
    values_or,
)
from privmodel.export.register.resolve import PolicyIndex
from privmodel.export.register.texts import (
    criterion_text,
    is_criterion,
    party_text,
    period_text,
    recipient_type,
    retention_text,
    safeguard_texts,
    transfer_warning,
)
from privmodel.schema import (
    DataCategory,
    DataSource,
    Evidence,
    Fact,
    Party,
    Processor,
    RetentionRule,
)
from privmodel.schema.vocab import RetentionKind

UsedIn = Mapping[str, Sequence[str]]


def _row(spec: TableSpec, ref: str, cells: dict[str, Cell]) -> Row:
    cells["ref"] = value(ref)
    return Row(ref, tuple(cells[c.key] for c in spec.columns))


def _common(ix: PolicyIndex, fact: Fact, used_in: UsedIn) -> dict[str, Cell]:
    return {"used_in": value(*used_in.get(ix.ref(fact.id), ())), "source": value(ix.source)}


def data_category_rows(ix: PolicyIndex, used_in: UsedIn) -> list[Row]:
    rows = []
    for d in ix.policy.data_categories:
        rules = [r for r in ix.policy.retention_rules if d.id in r.data_category_ids]
        cells = {
            "category": value(d.label),
            "examples": value(*d.examples),
            "special_category": value("yes" if d.special_category else "no"),
            "role": value(d.role.label("en")),
            **_category_retention(rules),
            "data_sources": value(*(s.label for s in ix.pick(d.source_ids, DataSource))),
            **_common(ix, d, used_in),
        }
        rows.append(_row(DATA_CATEGORIES, ix.ref(d.id), cells))
    return rows


def _category_retention(rules: Sequence[RetentionRule]) -> dict[str, Cell]:
    if not rules:
        return {"retention": TO_BE_COMPLETED, "retention_criteria": TO_BE_COMPLETED}
    limits = [retention_text(r) for r in rules if not is_criterion(r)]
    criteria = [criterion_text(r) for r in rules if is_criterion(r)]
    return {
        "retention": values_or(limits, TO_BE_COMPLETED),
        "retention_criteria": values_or(criteria, NOT_APPLICABLE if limits else TO_BE_COMPLETED),
    }


def retention_rows(ix: PolicyIndex, used_in: UsedIn) -> list[Row]:
    rows = []
    for r in ix.policy.retention_rules:
        criterion = is_criterion(r)
        needs_law = r.kind is RetentionKind.LEGAL_REQUIREMENT
        cells = {
            "applies_to": value(r.applies_to),
            "kind": value(r.kind.label("en")),
            "period": NOT_APPLICABLE if criterion else value(period_text(r)),
            "runs_from": value(r.runs_from or ""),
            "criterion": values_or(
                [r.criterion or r.kind.label("en")] if criterion else [r.criterion or ""],
                NOT_APPLICABLE,
            ),
            "law": values_or([r.law or ""], TO_BE_COMPLETED if needs_law else NOT_APPLICABLE),
            "data_categories": value(
                *(d.label for d in ix.pick(r.data_category_ids, DataCategory))
            ),
            **_common(ix, r, used_in),
        }
        rows.append(_row(RETENTION, ix.ref(r.id), cells))
    return rows


def recipient_rows(ix: PolicyIndex, used_in: UsedIn) -> list[Row]:
    p = ix.policy
    rows = []
    parties: Sequence[Party] = (*p.processors, *p.subprocessors, *p.recipients)
    for party in parties:
        cells = {
            "recipient": value(party.name),
            "named": value(str(party.kind)),
            "recipient_type": value(recipient_type(party)),
            "description": value(party.description or ""),
            "country": value(party.country or ""),
            "contract": TO_BE_COMPLETED if isinstance(party, Processor) else NOT_APPLICABLE,
            **_common(ix, party, used_in),
        }
        rows.append(_row(RECIPIENTS, ix.ref(party.id), cells))
    return rows


def transfer_rows(ix: PolicyIndex, used_in: UsedIn) -> list[Row]:
    rows = []
    for t in ix.policy.transfers:
        names = [party_text(x) for x in ix.pick(t.recipient_ids, Party)]
        cells = {
            "destination": value(t.destination),
            "countries": value(*t.countries),
            "recipients": value(*names),
            "safeguards": value(*safeguard_texts(t)),
            "documentation": TO_BE_COMPLETED,
            "warning": values_or([transfer_warning(t)], NOT_APPLICABLE),
            **_common(ix, t, used_in),
        }
        rows.append(_row(TRANSFERS, ix.ref(t.id), cells))
    return rows


def security_rows(ix: PolicyIndex, used_in: UsedIn) -> list[Row]:
    rows = []
    for m in ix.policy.security_measures:
        cells = {
            "measure": value(m.label),
            "kind": value(str(m.kind) if m.kind else ""),
            **_common(ix, m, used_in),
        }
        rows.append(_row(SECURITY, ix.ref(m.id), cells))
    return rows


class Provenance:
    """Collects the quotes behind each row, once each, in the order rows are built."""

    def __init__(self) -> None:
        self._rows: list[Row] = []
        self._seen: set[tuple[str, str, str, int, int]] = set()

    def add(self, table: str, row: str, ix: PolicyIndex, facts: Iterable[Fact]) -> None:
        for fact in facts:
            self.add_evidence(table, row, ix, ix.ref(fact.id), fact.evidence)

    def add_evidence(
        self, table: str, row: str, ix: PolicyIndex, label: str, evidence: Iterable[Evidence]
    ) -> None:
        for ev in evidence:
            key = (table, row, ix.source, ev.start, ev.end)
            if key in self._seen:
                continue
            self._seen.add(key)
            cells = {
                "table": value(table),
                "row": value(row),
                "fact": value(label),
                "quote": value(ev.quote),
                "start": value(str(ev.start)),
                "end": value(str(ev.end)),
                "section": values_or([" > ".join(ev.section)], NOT_APPLICABLE),
                "source": value(ix.source),
            }
            ref = f"{table}/{row}#{len(self._rows) + 1}"
            self._rows.append(_row(PROVENANCE, ref, cells))

    def table(self) -> Table:
        return Table(PROVENANCE, tuple(self._rows))


def child_tables(
    indexes: Sequence[PolicyIndex], used_in: UsedIn, provenance: Provenance
) -> dict[str, Table]:
    """Every child table except provenance, with each row's quotes added to ``provenance``."""
    builders = (
        (DATA_CATEGORIES, data_category_rows),
        (RETENTION, retention_rows),
        (RECIPIENTS, recipient_rows),
        (TRANSFERS, transfer_rows),
        (SECURITY, security_rows),
    )
    tables = {}
    for spec, build in builders:
        rows: list[Row] = []
        for ix in indexes:
            built = build(ix, used_in)
            for row in built:
                provenance.add(spec.key, row.ref, ix, [ix.facts[row.ref[len(ix.prefix) :]]])
            rows.extend(built)
        tables[spec.key] = Table(spec, tuple(rows))
    return tables
