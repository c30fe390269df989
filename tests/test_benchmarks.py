"""The speed benchmark measures what it says: cold parses, distinct copies, a real run."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from conftest import ROOT, SEEDS, import_path
from privmodel._memo import _TEXT_CACHES, clear_text_caches
from privmodel.parsers.readers import read_bytes
from privmodel.parsers.registry import parse_document

SPEED = ROOT / "benchmarks" / "speed.py"
SEED_003 = SEEDS / "003_43719daa3b4cdde0.txt"


def _speed() -> ModuleType:
    return import_path("speed", SPEED)


def test_distinct_copies_keep_the_layout_and_share_no_block_text() -> None:
    base = SEED_003.read_bytes()
    copies = _speed().distinct_copies(base, 3)
    one = read_bytes(base).blocks
    three = read_bytes(copies).blocks
    assert len(three) == 3 * len(one)
    assert [b.kind for b in three] == [b.kind for b in one] * 3
    texts = [b.text for b in three]
    copies = [set(texts[k * len(one):(k + 1) * len(one)]) for k in range(3)]
    # Blocks of more than a word never recur in another copy.
    shared = (copies[0] & copies[1]) | (copies[1] & copies[2]) | (copies[0] & copies[2])
    assert all(len(text.split()) <= 1 for text in shared)


def test_clearing_the_text_caches_empties_every_one() -> None:
    parse_document(read_bytes(SEED_003.read_bytes()))
    assert sum(c.cache_info().currsize for c in _TEXT_CACHES) > 0
    clear_text_caches()
    assert all(c.cache_info().currsize == 0 for c in _TEXT_CACHES)


def test_per_document_run_times_every_seed() -> None:
    out = subprocess.run(
        [sys.executable, str(SPEED), "--per-document", "--seconds", "0.02"],
        capture_output=True, text=True, check=True, cwd=ROOT,
    ).stdout
    for seed in SEEDS.glob("*.txt"):
        row = next(line for line in out.splitlines() if line.startswith(seed.name))
        read, select, parse = (float(x) for x in row.split()[2:5])
        assert min(read, select, parse) > 0


def test_typical_set_takes_the_documents_of_5_to_40_kb(tmp_path: Path) -> None:
    sizes = {"a.txt": 4 * 1024, "b.txt": 5 * 1024, "c.md": 40 * 1024, "d.html": 40 * 1024 + 1}
    for name, size in sizes.items():
        (tmp_path / name).write_bytes(b"x" * size)
    paths = sorted(tmp_path.iterdir())
    chosen = _speed().typical({"text": paths[:3], "html": paths[3:]})
    assert [p.name for p in chosen] == ["b.txt", "c.md"]


def test_runtime_names_the_interpreter_and_the_scanner() -> None:
    line = _speed().runtime()
    assert line.startswith(f"Python {sys.version.split()[0]}, anchor scanner: ")
    compiled = importlib.util.find_spec("ahocorasick") is not None
    assert line.endswith("compiled (pyahocorasick)") == compiled
    assert ("install privmodel[fast]" in line) == (not compiled)


INSTRUCTIONS = ROOT / "benchmarks" / "instructions.py"


def _instructions() -> ModuleType:
    return import_path("instructions", INSTRUCTIONS)


def test_instruction_child_parses_the_documents_it_is_given() -> None:
    done = subprocess.run(
        [sys.executable, str(INSTRUCTIONS), "--child", "1", str(SEED_003)],
        capture_output=True, text=True, check=True, cwd=ROOT,
    )
    assert done.stdout == ""


def test_instructions_per_pass_leave_start_up_out(monkeypatch: pytest.MonkeyPatch) -> None:
    module = _instructions()
    start_up, per_pass = 2_000_000_000, 30_000_000

    def fake_run(command: list[str], **_: object) -> subprocess.CompletedProcess[str]:
        passes = int(command[command.index("--child") + 1])
        total = start_up + (1 + passes) * per_pass  # the child's warm-up pass counts too
        return subprocess.CompletedProcess(command, 0, "", f"==7== I   refs:      {total:,}\n")

    monkeypatch.setattr(module.subprocess, "run", fake_run)
    assert module.per_pass([SEED_003]) == pytest.approx(30.0)


def test_instructions_without_valgrind_say_so(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    module = _instructions()
    monkeypatch.setattr(module.shutil, "which", lambda name: None)
    monkeypatch.setattr(sys, "argv", ["instructions.py"])
    assert module.main() == 2
    assert "valgrind is not installed" in capsys.readouterr().err
