"""Mapping tables kept as data: privmodel vocabulary codes to target-format keys.

Each table is a JSON file next to this module, read with :mod:`importlib.resources` so it
works from a wheel or a zip. A table has ``map`` (code -> key) and ``custom`` (the keys
the target's default taxonomy lacks, with what a server needs to declare them).
"""

from __future__ import annotations

import functools
import json
from collections.abc import Mapping
from importlib import resources
from types import MappingProxyType
from typing import Any

import attrs

from privmodel.errors import ExportError


@attrs.frozen
class CustomItem:
    """A taxonomy item the target lacks by default; declared in the output when used."""

    key: str
    name: str
    description: str
    parent_key: str | None = None


@attrs.frozen
class MappingTable:
    """One vocabulary's mapping: ``keys`` by code and the ``custom`` items by key."""

    name: str
    keys: Mapping[str, str]
    custom: Mapping[str, CustomItem]

    def key(self, code: str) -> str:
        """The target key for ``code``; ExportError when the table has none."""
        try:
            return self.keys[code]
        except KeyError:
            raise ExportError(f"mapping {self.name} has no entry for {code!r}") from None


def _text(entry: Mapping[str, Any], field: str, where: str) -> str:
    value = entry.get(field)
    if not isinstance(value, str) or not value:
        raise ExportError(f"{where}.{field} must be a non-empty string, but is {value!r}")
    return value


@functools.cache
def load_mapping(name: str) -> MappingTable:
    """The table in ``<name>.json`` (for example ``fides_data_uses``)."""
    resource = resources.files(__name__).joinpath(f"{name}.json")
    try:
        data = json.loads(resource.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ExportError(f"no mapping table named {name!r}") from None
    keys = data.get("map")
    if not isinstance(keys, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in keys.items()
    ):
        raise ExportError(f"{name}.map must be an object of strings")
    custom: dict[str, CustomItem] = {}
    for key, entry in dict(data.get("custom", {})).items():
        where = f"{name}.custom[{key!r}]"
        parent = entry.get("parent_key")
        if parent is not None and not isinstance(parent, str):
            raise ExportError(f"{where}.parent_key must be a string, but is {parent!r}")
        custom[key] = CustomItem(
            key, _text(entry, "name", where), _text(entry, "description", where), parent
        )
    return MappingTable(name, MappingProxyType(dict(keys)), MappingProxyType(custom))


__all__ = ["CustomItem", "MappingTable", "load_mapping"]
