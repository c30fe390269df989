"""The register as canonical JSON: lossless for the register, typed cells, byte-stable."""

from __future__ import annotations

import json

from privmodel.export.base import ExportFormat
from privmodel.export.register.model import Register
from privmodel.export.register.writing import RegisterWriter


def register_json(register: Register) -> str:
    """Sorted keys, two-space indent, UTF-8 text, one trailing newline."""
    return json.dumps(register.to_json(), ensure_ascii=False, sort_keys=True, indent=2) + "\n"


class JsonRegisterWriter(RegisterWriter):
    format = ExportFormat.REGISTER_JSON
    extension = ".json"

    def encode(self, register: Register) -> bytes:
        return register_json(register).encode("utf-8")
