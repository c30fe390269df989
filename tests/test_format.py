from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from hypothesis import given

import privmodel as pm
from conftest import REGENERATE, ROOT
from privmodel.schema.jsonschema import (
    SCHEMA_FILE,
    committed_schema,
    committed_schema_text,
    generate_schema,
    render_schema,
)
from strategies import policies

VALIDATOR = jsonschema.Draft202012Validator(committed_schema())


@given(policies())
def test_dump_load_round_trip(policy: pm.Policy) -> None:
    text = pm.dump(policy)
    again = pm.load(text)
    assert again == policy
    assert pm.dump(again) == text


@given(policies())
def test_dump_validates_against_the_json_schema(policy: pm.Policy) -> None:
    VALIDATOR.validate(json.loads(pm.dump(policy)))


def test_canonical_bytes() -> None:
    policy = pm.Policy(purposes=(pm.Purpose(label="Fakturering"),))
    text = pm.dump(policy)
    assert text.endswith("}\n")
    assert "Fakturering" in text
    assert text.startswith('{\n  "$schema": ')
    keys = list(json.loads(text))
    assert keys == sorted(keys)


def test_file_round_trip(tmp_path: Path) -> None:
    policy = pm.Policy(purposes=(pm.Purpose(label="Förbättra hemsidan"),))
    target = tmp_path / "sub" / "p.json"
    pm.dump_file(policy, target)
    assert pm.load_file(target) == policy
    assert [p.name for p in target.parent.iterdir()] == ["p.json"]


def test_invalid_document_reports_every_problem_with_paths() -> None:
    bad = {
        "purposes": [{"label": ""}, {"label": "ok", "concept": "astrology"}],
        "rights": [{"code": "fly"}],
        "retention_rules": [{"applies_to": "x", "kind": "fixed", "duration": "30 days"}],
        "activities": [{"name": "a", "purpose_ids": ["purpose:nowhere"]}],
    }
    with pytest.raises(pm.PolicyValidationError) as info:
        pm.load(json.dumps(bad), path="bad.json")
    paths = [p.path for p in info.value.problems]
    assert paths == [
        "$.purposes[0].label",
        "$.purposes[1].concept",
        "$.retention_rules[0].duration",
        "$.rights[0].code",
        "$.activities[0].purpose_ids[0]",
    ]
    assert str(info.value).startswith("bad.json: invalid policy, 5 problems")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{not json", "not valid JSON"),
        ("[]", "must be a JSON object"),
        ('{"$schema": "https://example.org/other"}', "$schema must be"),
        ('{"format_version": "9.0"}', "format_version '9.0' is not supported"),
    ],
)
def test_not_a_policy_file(text: str, message: str) -> None:
    with pytest.raises(pm.FormatError, match=re.escape(message)):
        pm.load(text, path="x.json")


def test_missing_file_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(pm.InputError, match="cannot read file"):
        pm.load_file(tmp_path / "nope.json")


def test_committed_schema_matches_models() -> None:
    generated = render_schema(generate_schema())
    if REGENERATE:
        (ROOT / "privmodel" / "schema" / SCHEMA_FILE).write_text(generated, encoding="utf-8")
    assert committed_schema_text() == generated, (
        "privmodel/schema/policy.schema.json is stale: rerun with PRIVMODEL_REGENERATE=1"
    )


def test_schema_is_draft_2020_12_with_stable_id() -> None:
    schema = committed_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$id"] == pm.SCHEMA_ID
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def _docs_example() -> str:
    text = (ROOT / "docs" / "format.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```json\n(.*?)```", text, re.S)
    assert len(blocks) == 1
    return str(blocks[0])


def test_docs_example_validates_and_loads() -> None:
    example = _docs_example()
    VALIDATOR.validate(json.loads(example))
    policy = pm.load(example)
    assert pm.dump(policy) == example
    assert policy.activities[0].purpose_ids == (policy.purposes[0].id,)


def test_docs_example_is_what_the_script_makes() -> None:
    script = ROOT / "docs" / "examples" / "make_format_example.py"
    out = subprocess.run([sys.executable, str(script)], capture_output=True, text=True,
                         check=True)
    assert out.stdout == _docs_example()
