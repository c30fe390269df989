"""The native format as an export (the same bytes as privmodel.dump)."""

from __future__ import annotations

from collections.abc import Sequence

from privmodel.export.base import ExportFormat, Writer
from privmodel.format import dump
from privmodel.schema import Policy


class NativeWriter(Writer):
    format = ExportFormat.NATIVE
    extension = ".json"

    def render(self, policies: Sequence[Policy]) -> tuple[bytes, tuple[str, ...]]:
        return dump(policies[0]).encode("utf-8"), ()
