"""Exports: one format enum and a registry of writers, each with stream and file variants."""

from __future__ import annotations

from collections.abc import Callable

from privmodel.errors import ExportError
from privmodel.export.base import ExportFormat, ExportReport, Writer
from privmodel.export.ciso import CisoAssistantWriter
from privmodel.export.dpv import DpvWriter
from privmodel.export.fides import FidesWriter
from privmodel.export.native import NativeWriter
from privmodel.export.register.csv_writer import CsvRegisterWriter
from privmodel.export.register.html_writer import HtmlRegisterWriter
from privmodel.export.register.json_writer import JsonRegisterWriter
from privmodel.export.register.xlsx_writer import XlsxRegisterWriter
from privmodel.export.tilt import TiltV2Writer, TiltWriter

# Writers are created on demand, so an optional dependency is needed only when used.
_FACTORIES: dict[ExportFormat, Callable[[], Writer]] = {
    ExportFormat.NATIVE: NativeWriter,
    ExportFormat.TILT: TiltWriter,
    ExportFormat.TILT_V2: TiltV2Writer,
    ExportFormat.DPV: DpvWriter,
    ExportFormat.FIDES: FidesWriter,
    ExportFormat.CISO_ASSISTANT: CisoAssistantWriter,
    ExportFormat.REGISTER_JSON: JsonRegisterWriter,
    ExportFormat.REGISTER_CSV: CsvRegisterWriter,
    ExportFormat.REGISTER_XLSX: XlsxRegisterWriter,
    ExportFormat.REGISTER_HTML: HtmlRegisterWriter,
}


def register_writer(fmt: ExportFormat, factory: Callable[[], Writer]) -> None:
    _FACTORIES[fmt] = factory


def get_writer(fmt: ExportFormat | str) -> Writer:
    try:
        code = ExportFormat(fmt)
        return _FACTORIES[code]()
    except (ValueError, KeyError):
        known = ", ".join(sorted(str(f) for f in _FACTORIES))
        raise ExportError(f"unknown export format {fmt!r}; known formats: {known}") from None


def formats() -> tuple[ExportFormat, ...]:
    return tuple(_FACTORIES)


__all__ = [
    "ExportFormat",
    "ExportReport",
    "Writer",
    "formats",
    "get_writer",
    "register_writer",
]
