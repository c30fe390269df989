"""Exports: one format enum and a registry of writers, each with stream and file variants."""

from __future__ import annotations

from collections.abc import Callable

from privmodel.errors import ExportError
from privmodel.export.base import ExportFormat, ExportReport, Writer
from privmodel.export.native import NativeWriter

# Writers are created on demand, so an optional dependency is needed only when used.
_FACTORIES: dict[ExportFormat, Callable[[], Writer]] = {
    ExportFormat.NATIVE: NativeWriter,
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
