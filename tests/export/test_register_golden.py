"""Golden registers of the seed policies (JSON and HTML).

Rerun with PRIVMODEL_REGENERATE=1 to rewrite them after a deliberate change, and review the
diff. A seed whose parser is not ready (``privmodel.parse`` raises) is skipped.
"""

from __future__ import annotations

import json
from pathlib import Path

import lxml.html
import pytest
from test_register_model import assert_complete

import privmodel as pm
from conftest import REGENERATE, ROOT, SEEDS
from privmodel.export.register import Register, register_from_policies
from privmodel.export.register.html_writer import register_html
from privmodel.export.register.json_writer import register_json

GOLDEN = ROOT / "tests" / "golden" / "register"
SEED_NAMES = sorted(p.name for p in SEEDS.iterdir() if p.is_file()) if SEEDS.is_dir() else []


def seed_register(name: str, monkeypatch: pytest.MonkeyPatch) -> Register:
    # Parse by a path relative to the repository, so the goldens do not hold this checkout's path.
    monkeypatch.chdir(ROOT)
    try:
        result = pm.parse(f"seeds/{name}")
    except Exception as exc:  # the seed parsers are written concurrently
        pytest.skip(f"seeds/{name} does not parse yet: {type(exc).__name__}: {exc}")
    register = register_from_policies([result.policy])
    assert_complete(register)
    return register


def compare(path: Path, text: str) -> None:
    if REGENERATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="")
        return
    assert path.exists(), f"{path} is missing: rerun with PRIVMODEL_REGENERATE=1"
    expected = path.read_text(encoding="utf-8")
    assert text == expected, f"{path} is stale: rerun with PRIVMODEL_REGENERATE=1, review the diff"


@pytest.mark.parametrize("name", SEED_NAMES)
def test_golden_json(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    text = register_json(seed_register(name, monkeypatch))
    data = json.loads(text)
    assert data["tables"]["controller"]["rows"], "a register has at least one controller row"
    for table in data["tables"].values():
        for row in table["rows"]:
            for cell in row.values():
                texts = cell["items"] if "items" in cell else [cell["text"]]
                assert all(t.strip() for t in texts), row
    compare(GOLDEN / f"{Path(name).stem}.json", text)


@pytest.mark.parametrize("name", SEED_NAMES)
def test_golden_html(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    text = register_html(seed_register(name, monkeypatch))
    doc = lxml.html.document_fromstring(text)
    assert not doc.xpath("//script")
    assert doc.xpath("//table")
    compare(GOLDEN / f"{Path(name).stem}.html", text)
