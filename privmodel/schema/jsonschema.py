"""The JSON Schema (draft 2020-12) of the native format, generated from the models."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

from privmodel.schema.policy import SCHEMA_ID, Policy

SCHEMA_FILE = "policy.schema.json"


def generate_schema() -> dict[str, Any]:
    """Build the schema from the models (what the committed file must equal)."""
    schema = Policy.model_json_schema(by_alias=True, mode="validation")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "privmodel policy",
        "description": (
            "A privacy policy as structured data: parties, data, purposes, legal bases, "
            "retention, transfers, rights and processing activities, each with evidence."
        ),
        **{k: v for k, v in schema.items() if k not in ("title", "description")},
    }


def render_schema(schema: dict[str, Any]) -> str:
    return json.dumps(schema, ensure_ascii=False, sort_keys=True, indent=2) + "\n"


def committed_schema_text() -> str:
    """The schema file shipped inside the package."""
    return resources.files("privmodel.schema").joinpath(SCHEMA_FILE).read_text("utf-8")


def committed_schema() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(committed_schema_text())
    return data
