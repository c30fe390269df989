"""The Article 30 register model: tables of cells, each cell a value or a stated marker.

A register is written from what policies state, so every cell says where it stands:
it holds a ``value`` read from the policy, or one of three markers. Nothing is left
blank and nothing is invented:

* ``not_applicable``: the policy states the matter does not arise (no transfers outside
  the EEA, no DPO appointed), or it cannot arise (no special-category data, so no Art. 9
  condition);
* ``not_possible``: Art. 30(1)(f) and (g) ask for retention limits and security measures
  "where possible"; only the organisation can say it is not possible, so privmodel never
  writes this marker itself: it is there for the person completing the register;
* ``to_be_completed``: the policy does not say; a person has to fill the cell in.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Iterator
from typing import Any

import attrs


class CellState(enum.StrEnum):
    """Where a cell stands (REGISTER.md: every cell has a state)."""

    VALUE = "value"
    NOT_APPLICABLE = "not_applicable"
    NOT_POSSIBLE = "not_possible"
    TO_BE_COMPLETED = "to_be_completed"


MARKER_TEXT: dict[CellState, str] = {
    CellState.NOT_APPLICABLE: "not applicable",
    CellState.NOT_POSSIBLE: "not possible",
    CellState.TO_BE_COMPLETED: "to be completed",
}

MARKER_MEANING: dict[CellState, str] = {
    CellState.NOT_APPLICABLE: (
        "The policy states that the matter does not arise (for example no transfers outside "
        "the EU/EEA, no DPO appointed), or it cannot arise for this row."
    ),
    CellState.NOT_POSSIBLE: (
        "Art. 30(1)(f)/(g) and 30(2)(d) ask for these items 'where possible'. privmodel never "
        "writes this marker: use it when the organisation decides the item cannot be given."
    ),
    CellState.TO_BE_COMPLETED: (
        "The policy does not say. A person must complete the cell; nothing was guessed."
    ),
}

LIST_SEPARATOR = "; "


class ColumnSource(enum.StrEnum):
    """Where a column's values come from (REGISTER.md: `source` metadata)."""

    POLICY = "policy"
    HUMAN = "human"
    DERIVED = "derived"


@attrs.frozen
class Cell:
    """One cell: a non-blank value (as items, joined for display) or a marker."""

    state: CellState
    items: tuple[str, ...] = ()

    def __attrs_post_init__(self) -> None:
        if self.state is CellState.VALUE:
            if not self.items or any(not item.strip() for item in self.items):
                raise ValueError(f"a value cell needs non-blank items, but has {self.items!r}")
        elif self.items:
            raise ValueError(f"a {self.state} cell holds no items, but has {self.items!r}")

    @property
    def text(self) -> str:
        if self.state is CellState.VALUE:
            return LIST_SEPARATOR.join(self.items)
        return MARKER_TEXT[self.state]

    @property
    def is_marker(self) -> bool:
        return self.state is not CellState.VALUE

    def to_json(self) -> dict[str, Any]:
        """``state`` and ``text``, or ``items`` for a list of several (text joins them)."""
        if len(self.items) > 1:
            return {"state": str(self.state), "items": list(self.items)}
        return {"state": str(self.state), "text": self.text}


def value(*items: str) -> Cell:
    """A value cell; blank items are dropped, duplicates kept once, order kept."""
    kept = tuple(dict.fromkeys(i.strip() for i in items if i and i.strip()))
    return Cell(CellState.VALUE, kept) if kept else TO_BE_COMPLETED


def values_or(items: Iterable[str], otherwise: Cell) -> Cell:
    """A value cell of ``items``, or ``otherwise`` when there are none."""
    cell = value(*items)
    return otherwise if cell.is_marker else cell


NOT_APPLICABLE = Cell(CellState.NOT_APPLICABLE)
NOT_POSSIBLE = Cell(CellState.NOT_POSSIBLE)
TO_BE_COMPLETED = Cell(CellState.TO_BE_COMPLETED)


@attrs.frozen
class Column:
    """A column: its key, header, the Art. 30 item it implements and its metadata."""

    key: str
    header: str
    art30: str  # "30(1)(b)" etc., or "-" when the column implements no Art. 30 item
    required: bool
    source: ColumnSource
    description: str

    def to_json(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "header": self.header,
            "art30": self.art30,
            "required": self.required,
            "source": str(self.source),
            "description": self.description,
        }


@attrs.frozen
class Row:
    """One row: its reference and one cell per column of its table."""

    ref: str
    cells: tuple[Cell, ...]


@attrs.frozen
class TableSpec:
    """A table's identity: key (file and JSON name), sheet name, title and columns."""

    key: str
    sheet: str
    title: str
    art30: str
    description: str
    columns: tuple[Column, ...]

    def __attrs_post_init__(self) -> None:
        if len(self.sheet) > 31 or any(c in self.sheet for c in "\\/?*[]:"):
            raise ValueError(f"sheet name must be a valid Excel name, but is {self.sheet!r}")
        if self.columns[0].key != "ref":
            raise ValueError(f"the first column of {self.key} must be 'ref'")

    @property
    def headers(self) -> tuple[str, ...]:
        return tuple(c.header for c in self.columns)


@attrs.frozen
class Table:
    """A table of the register: its spec and its rows, every row complete."""

    spec: TableSpec
    rows: tuple[Row, ...] = ()

    def __attrs_post_init__(self) -> None:
        width = len(self.spec.columns)
        for row in self.rows:
            if len(row.cells) != width:
                raise ValueError(
                    f"{self.spec.key} row {row.ref!r} must have {width} cells, "
                    f"but has {len(row.cells)}"
                )

    def text_rows(self) -> Iterator[tuple[str, ...]]:
        """Each row as display text, one string per column (ref first)."""
        for row in self.rows:
            yield tuple(cell.text for cell in row.cells)

    def to_json(self) -> dict[str, Any]:
        keys = [c.key for c in self.spec.columns]
        return {
            "title": self.spec.title,
            "sheet": self.spec.sheet,
            "art30": self.spec.art30,
            "description": self.spec.description,
            "columns": [c.to_json() for c in self.spec.columns],
            "rows": [
                {k: cell.to_json() for k, cell in zip(keys, row.cells, strict=True)}
                for row in self.rows
            ],
        }


@attrs.frozen
class Register:
    """An Article 30 register of one organisation, built from one or more policies.

    ``processor`` is None unless the organisation takes the processor role somewhere.
    """

    organisation: str
    sources: tuple[str, ...]
    generator: str
    contact: Table
    controller: Table
    processor: Table | None
    data_categories: Table
    retention: Table
    recipients: Table
    transfers: Table
    security: Table
    provenance: Table

    def tables(self) -> tuple[Table, ...]:
        """Every table in presentation order (the processor record only when present)."""
        main = (self.contact, self.controller)
        processor = (self.processor,) if self.processor is not None else ()
        children = (self.data_categories, self.retention, self.recipients, self.transfers)
        return (*main, *processor, *children, self.security, self.provenance)

    def to_json(self) -> dict[str, Any]:
        return {
            "register": "GDPR Art. 30 record of processing activities",
            "organisation": self.organisation,
            "sources": list(self.sources),
            "generator": self.generator,
            "markers": {
                str(state): {"text": MARKER_TEXT[state], "meaning": MARKER_MEANING[state]}
                for state in MARKER_TEXT
            },
            "tables": {t.spec.key: t.to_json() for t in self.tables()},
        }
