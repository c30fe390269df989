"""The parse and eval commands, as a user runs them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import privmodel as pm
from conftest import ROOT, SHARED
from privmodel.cli import main


def test_parse_without_files_parses_the_bundled_seeds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(ROOT)
    assert main(["parse", "-o", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "5 of 5 parsed" in out
    for parser in ("bluecromos", "cleverom", "work_management_saas", "bluescreen", "calectro"):
        assert parser in out
    assert len(list(tmp_path.glob("*.json"))) == 5


def test_parse_forced_parser_and_listing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seed = ROOT / "seeds" / "000_0174999066668180.txt"
    assert main(["parse", str(seed), "--parser", "generic", "-o", str(tmp_path)]) == 0
    assert pm.load_file(tmp_path / f"{seed.stem}.json").source.parser == "generic"
    assert main(["parse", "--list-parsers"]) == 0
    assert "generic" in capsys.readouterr().out


def test_parse_reports_bad_input_without_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "nope.txt"
    assert main(["parse", str(missing), "-o", str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err
    assert "nope.txt" in err
    assert "Traceback" not in err
    assert not (tmp_path / "out" / "nope.json").exists()


def test_unknown_parser_is_a_clear_error(capsys: pytest.CaptureFixture[str]) -> None:
    seed = ROOT / "seeds" / "000_0174999066668180.txt"
    assert main(["parse", str(seed), "--parser", "nope", "-o", "/tmp/x"]) == 1
    assert "no parser named 'nope'" in capsys.readouterr().err


@pytest.mark.shared
@pytest.mark.skipif(not (SHARED / "eval").is_dir(), reason="../shared is absent")
def test_eval_prints_scores_and_writes_predictions(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    gold = SHARED / "eval" / "gold" / "seeds"
    code = main(["eval", "--gold", str(gold), "--pred-out", str(tmp_path), "--json",
                 *map(str, seeds)])
    assert code == 0
    report = json.loads(capsys.readouterr().out)
    assert report["overall_f1"] >= 0.95
    assert sorted(p.stem for p in tmp_path.glob("*.json")) == [s.stem for s in seeds]
    prediction = json.loads((tmp_path / f"{seeds[0].stem}.json").read_text())
    assert prediction["doc"] == seeds[0].name


def test_unwritable_output_is_a_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    seed = ROOT / "seeds" / "000_0174999066668180.txt"
    assert main(["parse", str(seed), "-o", str(blocker / "out")]) == 1
    err = capsys.readouterr().err
    assert "cannot write here" in err
    assert "Traceback" not in err


def test_eval_needs_an_existing_gold_directory(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seed = ROOT / "seeds" / "000_0174999066668180.txt"
    assert main(["eval", "--gold", str(tmp_path / "none"), str(seed)]) == 1
    assert "the gold directory does not exist" in capsys.readouterr().err
