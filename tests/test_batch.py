"""Batch parsing: parallel processes, bad files reported, a pure picklable parse."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

import privmodel as pm
from conftest import SEEDS
from privmodel.batch import expand_inputs, parse_many, parse_one
from privmodel.cli import main

SEED_FILES = sorted(SEEDS.glob("*.txt"))


@pytest.fixture
def mixed_dir(tmp_path: Path) -> Path:
    for seed in SEED_FILES[:3]:
        (tmp_path / seed.name).write_bytes(seed.read_bytes())
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.html").write_bytes(b"\x00\x01\x02binary")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    return tmp_path


def test_directories_expand_to_policy_documents(mixed_dir: Path) -> None:
    names = [p.name for p in expand_inputs([mixed_dir])]
    assert names == sorted(names)
    assert "notes.pdf" not in names
    assert len(names) == 5


def test_parallel_results_equal_serial_ones() -> None:
    serial = [item.result for item in parse_many(SEED_FILES, jobs=1)]
    parallel = [item.result for item in parse_many(SEED_FILES, jobs=2)]
    assert serial == parallel
    assert all(r is not None for r in serial)


def test_a_bad_file_is_reported_and_the_rest_go_on(mixed_dir: Path) -> None:
    items = list(parse_many(expand_inputs([mixed_dir]), jobs=2))
    failed = {i.path.name: i.error for i in items if i.error}
    assert set(failed) == {"empty.txt", "binary.html"}
    assert "empty.txt" in failed["empty.txt"]
    assert sum(i.result is not None for i in items) == 3


def test_parse_is_pure_and_picklable() -> None:
    first = parse_one(SEED_FILES[0])
    again = pickle.loads(pickle.dumps(first))
    assert again == first
    assert pickle.loads(pickle.dumps(pm.parse)) is pm.parse
    assert pm.parse(SEED_FILES[0]) == pm.parse(SEED_FILES[0])


def test_cli_batch_writes_one_file_per_good_input(
    mixed_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    assert main(["parse", str(mixed_dir), "--jobs", "2", "-o", str(out)]) == 1
    captured = capsys.readouterr()
    assert sorted(p.name for p in out.iterdir()) == sorted(
        f"{s.stem}.json" for s in SEED_FILES[:3]
    )
    assert "3 of 5 parsed" in captured.out
    assert "empty.txt" in captured.err
    assert "Traceback" not in captured.err
    for path in out.iterdir():
        pm.load_file(path)


def test_dask_bag_maps_parse_unchanged() -> None:
    bag = pytest.importorskip("dask.bag")
    results = (
        bag.from_sequence([str(p) for p in SEED_FILES], npartitions=2)
        .map(pm.parse)
        .map(lambda r: (r.parser, len(r.policy.purposes)))
        .compute(scheduler="processes", num_workers=2)
    )
    expected = [(r.parser, len(r.policy.purposes)) for r in map(pm.parse, SEED_FILES)]
    assert results == expected
