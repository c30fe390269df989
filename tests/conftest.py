"""Shared test settings: hypothesis profile, the ../shared location, regeneration switch."""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path
from types import ModuleType

from hypothesis import HealthCheck, settings

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = ROOT / "seeds"
# Set PRIVMODEL_REGENERATE=1 to rewrite golden files and the committed JSON Schema.
REGENERATE = os.environ.get("PRIVMODEL_REGENERATE") == "1"

settings.register_profile(
    "default", max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))


def import_path(name: str, path: Path) -> ModuleType:
    """A module imported from a file outside the package (a benchmark, the reference scorer)."""
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
