"""What every export writer is: a format code, a stream variant and a file variant.

A writer renders one or more policies to bytes and reports what the target format could
not hold (``ExportReport.losses``), so nothing is dropped silently.
"""

from __future__ import annotations

import enum
import os
from collections.abc import Sequence
from pathlib import Path
from typing import BinaryIO

import attrs

from privmodel.errors import ExportError
from privmodel.format import atomic_write_bytes
from privmodel.schema import Policy


class ExportFormat(enum.StrEnum):
    """Every format privmodel writes; the value is what ``--to`` takes."""

    NATIVE = "native"
    TILT = "tilt"
    TILT_V2 = "tilt-v2"
    DPV = "dpv"
    REGISTER_JSON = "register-json"
    REGISTER_CSV = "register-csv"
    REGISTER_XLSX = "register-xlsx"
    REGISTER_HTML = "register-html"
    FIDES = "fides"
    CISO_ASSISTANT = "ciso-assistant"


@attrs.frozen
class ExportReport:
    """What a writer produced and what it had to flatten or leave out."""

    format: ExportFormat
    paths: tuple[Path, ...] = ()
    losses: tuple[str, ...] = ()


class Writer:
    """Base of the writers: subclasses implement :meth:`render`.

    ``multi`` writers take several policies of one organisation (a register); the others
    take exactly one policy.
    """

    format: ExportFormat
    extension: str = ".json"
    multi: bool = False

    def render(self, policies: Sequence[Policy]) -> tuple[bytes, tuple[str, ...]]:
        """The output bytes and the list of losses."""
        raise NotImplementedError

    def _check(self, policies: Sequence[Policy]) -> None:
        if not policies:
            raise ExportError(f"{self.format}: nothing to export")
        if len(policies) > 1 and not self.multi:
            raise ExportError(f"{self.format} holds one policy per file, got {len(policies)}")

    def write(self, policies: Sequence[Policy], stream: BinaryIO) -> ExportReport:
        self._check(policies)
        data, losses = self.render(policies)
        stream.write(data)
        return ExportReport(self.format, (), losses)

    def write_file(
        self, policies: Sequence[Policy], path: str | os.PathLike[str]
    ) -> ExportReport:
        """Write atomically: on any failure no partial file is left behind."""
        self._check(policies)
        data, losses = self.render(policies)
        target = Path(path)
        atomic_write_bytes(target, data)
        return ExportReport(self.format, (target,), losses)
