"""The register as CSV: one file per table, UTF-8 with BOM, guarded against formula injection.

A spreadsheet opening a CSV file runs any cell that starts with ``=``, ``+``, ``-`` or
``@`` as a formula (OWASP "CSV Injection"). Policy text is untrusted, so by default every
cell starting with one of those, a tab, CR or LF, or the full-width forms ``＝ ＋ － ＠`` is
prefixed with a single quote. Pass ``formula_guard=False`` for machine consumers that
want the text unchanged; XLSX is the recommended format for people.
"""

from __future__ import annotations

import csv
import functools
import io
import os
from collections.abc import Iterable, Sequence
from pathlib import Path

from privmodel.export.base import ExportFormat, ExportReport
from privmodel.export.register.build import register_from_policies
from privmodel.export.register.model import Register
from privmodel.export.register.writing import (
    LEGEND_HEADERS,
    LEGEND_KEY,
    RegisterWriter,
    deterministic_zip,
    legend_rows,
    register_losses,
)
from privmodel.format import atomic_write_bytes
from privmodel.schema import Policy

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\n", "＝", "＋", "－", "＠")
BOM = "\ufeff"
DEFAULT_STEM = "register"


def guard_cell(text: str) -> str:
    """``text`` with a leading single quote when a spreadsheet would read it as a formula."""
    return "'" + text if text.startswith(FORMULA_TRIGGERS) else text


def csv_bytes(
    headers: Sequence[str],
    rows: Iterable[Sequence[str]],
    *,
    delimiter: str = ",",
    formula_guard: bool = True,
) -> bytes:
    """One CSV table: BOM, header row, every field quoted, CRLF line ends."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, quoting=csv.QUOTE_ALL, lineterminator="\r\n")
    for row in (headers, *rows):
        writer.writerow([guard_cell(c) if formula_guard else c for c in row])
    return (BOM + buffer.getvalue()).encode("utf-8")


class CsvRegisterWriter(RegisterWriter):
    """``render`` gives a ZIP of the tables; ``write_file`` writes one file per table."""

    format = ExportFormat.REGISTER_CSV
    extension = ".csv"

    def __init__(self, *, delimiter: str = ",", formula_guard: bool = True) -> None:
        if len(delimiter) != 1:
            raise ValueError(f"delimiter must be one character, but is {delimiter!r}")
        self.delimiter = delimiter
        self.formula_guard = formula_guard

    def tables(self, register: Register, stem: str = DEFAULT_STEM) -> dict[str, bytes]:
        """File name -> CSV bytes, one per table and one for the legend."""
        encode = functools.partial(
            csv_bytes, delimiter=self.delimiter, formula_guard=self.formula_guard
        )
        files = {
            f"{stem}-{t.spec.key}.csv": encode(t.spec.headers, t.text_rows())
            for t in register.tables()
        }
        legend = encode(LEGEND_HEADERS, legend_rows(register))
        files[f"{stem}-{LEGEND_KEY}.csv"] = legend
        return files

    def encode(self, register: Register) -> bytes:
        return deterministic_zip(self.tables(register))

    def write_file(self, policies: Sequence[Policy], path: str | os.PathLike[str]) -> ExportReport:
        """``ropa.csv`` -> ``ropa-controller.csv``, ``ropa-data-categories.csv``, ...

        Each file is written atomically; a path ending in ``.zip`` gets the ZIP instead.
        """
        self._check(policies)
        target = Path(path)
        if target.suffix.lower() == ".zip":
            return super().write_file(policies, target)
        register = register_from_policies(policies)
        stem = target.stem if target.suffix.lower() == ".csv" else target.name
        written = []
        for name, data in sorted(self.tables(register, stem).items()):
            out = target.with_name(name)
            atomic_write_bytes(out, data)
            written.append(out)
        return ExportReport(self.format, tuple(written), register_losses(policies))
