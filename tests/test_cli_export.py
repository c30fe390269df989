"""The export and register commands, as a user runs them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import privmodel as pm
from conftest import ROOT
from privmodel.cli import main

SEED = ROOT / "seeds" / "004_8abcf740f2bc6fb7.txt"


@pytest.mark.parametrize(
    ("fmt", "suffix"),
    [("tilt", ".tilt.json"), ("tilt-v2", ".tilt.json"), ("dpv", ".jsonld"),
     ("native", ".json"), ("ciso-assistant", ".ciso-assistant.xlsx")],
)
def test_export_writes_one_file_per_input(
    fmt: str, suffix: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    pytest.importorskip("xlsxwriter")
    monkeypatch.chdir(tmp_path)
    assert main(["export", str(SEED), "--to", fmt]) == 0
    target = tmp_path / f"{SEED.stem}{suffix}"
    assert target.is_file()
    assert f"wrote {target.name}" in capsys.readouterr().out


def test_export_accepts_native_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    native = tmp_path / "policy.json"
    pm.dump_file(pm.parse(SEED).policy, native)
    out = tmp_path / "policy.tilt.json"
    assert main(["export", str(native), "--to", "tilt", "-o", str(out)]) == 0
    assert json.loads(out.read_text())["controller"]["name"]
    assert "could not hold" in capsys.readouterr().err


def test_export_unknown_format(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", str(SEED), "--to", "pdf"]) == 1
    assert "unknown export format 'pdf'" in capsys.readouterr().err


@pytest.mark.parametrize("name", ["ropa.json", "ropa.html", "ropa.xlsx"])
def test_register_picks_the_writer_from_the_extension(name: str, tmp_path: Path) -> None:
    pytest.importorskip("xlsxwriter")
    out = tmp_path / name
    assert main(["register", str(SEED), "-o", str(out)]) == 0
    assert out.stat().st_size > 1000


def test_register_csv_writes_one_file_per_table(tmp_path: Path) -> None:
    assert main(["register", str(SEED), "-o", str(tmp_path / "ropa.csv")]) == 0
    names = {p.name for p in tmp_path.iterdir()}
    assert {"ropa-controller.csv", "ropa-data-categories.csv"} <= names
    assert (tmp_path / "ropa-controller.csv").read_bytes().startswith(b"\xef\xbb\xbf")


def test_register_refuses_unknown_extension(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["register", str(SEED), "-o", str(tmp_path / "ropa.pdf")]) == 1
    assert "cannot tell the register format from '.pdf'" in capsys.readouterr().err
    assert not (tmp_path / "ropa.pdf").exists()


def test_register_rejects_policies_of_two_organisations(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = ROOT / "seeds" / "003_43719daa3b4cdde0.txt"
    assert main(["register", str(SEED), str(other), "-o", str(tmp_path / "r.json")]) == 1
    assert "Traceback" not in capsys.readouterr().err
    assert not (tmp_path / "r.json").exists()
