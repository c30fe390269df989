from __future__ import annotations

import json
from pathlib import Path

import pytest

import privmodel as pm
from privmodel.cli import main


def test_schema_prints_the_committed_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    assert json.loads(capsys.readouterr().out)["$id"] == pm.SCHEMA_ID


def test_validate_valid_and_invalid(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = tmp_path / "good.json"
    pm.dump_file(pm.Policy(purposes=(pm.Purpose(label="Support"),)), good)
    bad = tmp_path / "bad.json"
    bad.write_text('{"rights": [{"code": "fly"}], "purposes": [{"label": ""}]}')
    assert main(["validate", str(good)]) == 0
    assert main(["validate", str(good), str(bad)]) == 1
    err = capsys.readouterr().err
    assert f"{bad}: $.rights[0].code:" in err
    assert f"{bad}: $.purposes[0].label:" in err


def test_validate_reports_unreadable_file_without_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["validate", str(tmp_path / "missing.json")]) == 1
    err = capsys.readouterr().err
    assert "missing.json: cannot read file" in err
    assert "Traceback" not in err


def test_readme_examples_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Every Python example of the README, run as written from a folder with the seeds."""
    root = Path(__file__).resolve().parents[1]
    readme = (root / "README.md").read_text(encoding="utf-8")
    examples = [part.split("```", 1)[0] for part in readme.split("```python\n")[1:]]
    assert len(examples) >= 2
    (tmp_path / "seeds").symlink_to(root / "seeds")
    monkeypatch.chdir(tmp_path)
    for code in examples:
        exec(compile(code, "README.md", "exec"), {})
    assert main(["validate", "policy.json"]) == 0
    out = capsys.readouterr().out
    assert "policy.json: valid" in out
    assert "bluecromos" in out
