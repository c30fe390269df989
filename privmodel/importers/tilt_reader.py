"""Tolerant access to TILT JSON: every repair and every dropped value becomes a warning."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from privmodel.export import countries

M = TypeVar("M", bound=BaseModel)
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


class Reader:
    """Reads values by JSON path and collects the warnings ("$.controller.country: ...")."""

    def __init__(self) -> None:
        self.warnings: list[str] = []

    def warn(self, path: str, message: str) -> None:
        self.warnings.append(f"{path}: {message}")

    def obj(
        self, node: Mapping[str, Any] | None, key: str, path: str, *, required: bool = False
    ) -> dict[str, Any]:
        """The object at ``key``; {} (with a warning) for null, [] or another type."""
        value = node.get(key) if node else None
        if isinstance(value, dict):
            return value
        if value is None and key in (node or {}):
            self.warn(path, "null where an object is expected; treated as not stated")
        elif value is None:
            if required:
                self.warn(path, "missing; treated as not stated")
        else:
            self.warn(path, f"{type(value).__name__} where an object is expected; ignored")
        return {}

    def arr(self, node: Mapping[str, Any] | None, key: str, path: str) -> list[Any]:
        """The array at ``key``; a lone object is wrapped, null gives [] with a warning."""
        value = node.get(key) if node else None
        if isinstance(value, list):
            return value
        if isinstance(value, dict):
            self.warn(path, "an object where an array is expected; read as a one-item array")
            return [value]
        if value is not None or key in (node or {}):
            self.warn(path, f"{type(value).__name__} where an array is expected; ignored")
        return []

    def text(
        self, node: Mapping[str, Any] | None, key: str, path: str, *, required: bool = False
    ) -> str | None:
        """The string at ``key``, stripped; None when absent, null, empty or not text."""
        value = node.get(key) if node else None
        if isinstance(value, str):
            return value.strip() or None
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            self.warn(path, f"number {value!r} where text is expected; read as text")
            return str(value)
        if value is None:
            if required and node:
                self.warn(path, "null or missing where text is required; not stated")
            return None
        self.warn(path, f"{type(value).__name__} where text is expected; ignored")
        return None

    def first_url(self, node: Mapping[str, Any] | None, key: str, path: str) -> str | None:
        """A URL given as a string (v1) or as the first of an array (v2)."""
        value = node.get(key) if node else None
        if isinstance(value, list):
            urls = [u.strip() for u in value if isinstance(u, str) and u.strip()]
            return urls[0] if urls else None
        return self.text(node, key, path)

    def country(self, value: Any, path: str) -> str | None:
        """An ISO 3166-1 alpha-2 code, repairing names and near-codes with a warning."""
        if value is None or value == "":
            return None
        if not isinstance(value, str):
            self.warn(path, f"{value!r} is not a country; dropped")
            return None
        if countries.is_code(value):
            return value
        code = countries.to_code(value)
        if code is None:
            self.warn(path, f"country {value!r} is not an ISO 3166-1 code or a known name; "
                            "dropped")
        else:
            self.warn(path, f"country {value!r} read as {code}")
        return code

    def emails(self, value: Any, path: str) -> tuple[str, ...]:
        if value is None or value == "":
            return ()
        if isinstance(value, str) and _EMAIL.match(value.strip()):
            return (value.strip(),)
        self.warn(path, f"{value!r} is not an e-mail address; dropped")
        return ()

    def contact(self, node: Mapping[str, Any], path: str) -> dict[str, Any]:
        """Address, country, e-mails and phones of a TILT party, as model fields."""
        phone = self.text(node, "phone", f"{path}.phone")
        return {
            "address": self.text(node, "address", f"{path}.address"),
            "country": self.country(node.get("country"), f"{path}.country"),
            "emails": self.emails(node.get("email"), f"{path}.email"),
            "phones": (phone,) if phone else (),
        }

    def build(self, cls: type[M], path: str, **fields: Any) -> M | None:
        """A model instance, or None with a warning when the values do not fit the model."""
        try:
            return cls(**fields)
        except ValidationError as exc:
            first = exc.errors()[0]
            where = ".".join(str(p) for p in first["loc"])
            self.warn(path, f"cannot read as {cls.__name__} ({where}: {first['msg']}); dropped")
            return None
