"""The acceptance check of ROPA-TOOLS.md §1.8, run with the real fideslang.

Skipped unless fideslang is installed (it pins pydantic<2.13): ``.ci/fides-check`` makes a
venv with it and runs this file. For each seed and the full test policy: the manifest
loads, validates as a fideslang Taxonomy, loses no field, names every declaration
uniquely and references no missing or deprecated taxonomy key.
"""

from __future__ import annotations

from typing import Any

import pytest
from test_fides import SEED_NAMES, full_policy, seed_policy

from privmodel.export.fides import FidesWriter, manifest
from privmodel.export.fides_taxonomy import Kind, table
from privmodel.schema import Policy

fideslang = pytest.importorskip("fideslang")
yaml = pytest.importorskip("yaml")
models = pytest.importorskip("fideslang.models")
relationships = pytest.importorskip("fideslang.relationships")

DEFAULT = fideslang.DEFAULT_TAXONOMY


def assert_kept(raw: Any, dumped: Any, where: str) -> None:
    """Every value written is in fideslang's dump, unchanged (nothing silently dropped)."""
    if isinstance(raw, dict):
        assert isinstance(dumped, dict), where
        for key, value in raw.items():
            assert key in dumped, f"{where}.{key} is dropped by fideslang"
            assert_kept(value, dumped[key], f"{where}.{key}")
    elif isinstance(raw, list):
        assert isinstance(dumped, list), where
        assert len(raw) == len(dumped), where
        for i, (a, b) in enumerate(zip(raw, dumped, strict=True)):
            assert_kept(a, b, f"{where}[{i}]")
    else:
        assert raw == dumped, f"{where}: wrote {raw!r}, fideslang holds {dumped!r}"


def check(policy: Policy) -> None:
    data, _ = FidesWriter().render([policy])
    raw = yaml.safe_load(data.decode("utf-8"))
    assert raw == manifest(policy)[0], "the YAML reads back as the data written"

    # 1. Validates; one system per policy (a wrong top-level key would give none).
    taxonomy = fideslang.Taxonomy.model_validate(raw)
    assert len(taxonomy.system) == 1
    assert len(taxonomy.organization) == 1

    # 2. No field silently dropped or changed.
    for kind, items in raw.items():
        parsed = getattr(taxonomy, kind)
        for i, (written, model) in enumerate(zip(items, parsed, strict=True)):
            assert_kept(written, model.model_dump(mode="json"), f"{kind}[{i}]")

    # 3. Every declaration named; names unique, so (data_use, name) is unique too.
    names = [d.name for d in taxonomy.system[0].privacy_declarations]
    assert names
    assert all(names)
    assert len(names) == len(set(names))

    # 4. No missing keys against the default taxonomy plus the declared custom items.
    merged = fideslang.Taxonomy(
        data_category=[*DEFAULT.data_category, *taxonomy.data_category],
        data_use=[*DEFAULT.data_use, *taxonomy.data_use],
        data_subject=[*DEFAULT.data_subject, *taxonomy.data_subject],
        organization=[*DEFAULT.organization, *taxonomy.organization],
        system=taxonomy.system,
    )
    assert relationships.get_referenced_missing_keys(merged) == set()

    # 5. No deprecated default key, and no custom item shadowing a default one.
    deprecated = {
        item.fides_key
        for kind in Kind
        for item in getattr(DEFAULT, kind.value)
        if item.version_deprecated
    }
    for decl in taxonomy.system[0].privacy_declarations:
        used = {decl.data_use, *decl.data_categories, *decl.data_subjects}
        assert not used & deprecated, decl.name
    for kind in Kind:
        defaults = {item.fides_key for item in getattr(DEFAULT, kind.value)}
        assert not {item.fides_key for item in getattr(taxonomy, kind.value)} & defaults


@pytest.mark.parametrize("name", SEED_NAMES)
def test_seed_manifest_is_accepted(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    check(seed_policy(name, monkeypatch))


def test_full_policy_manifest_is_accepted() -> None:
    check(full_policy())


@pytest.mark.parametrize("kind", list(Kind))
def test_mapping_tables_against_the_installed_default_taxonomy(kind: Kind) -> None:
    defaults = {item.fides_key: item for item in getattr(DEFAULT, kind.value)}
    mapping = table(kind)
    for code, key in mapping.keys.items():
        assert key in defaults or key in mapping.custom, f"{code} -> {key}"
        if key in defaults:
            assert not defaults[key].version_deprecated, f"{code} -> {key} is deprecated"
    for key in mapping.custom:
        assert key not in defaults, key
