"""CPU instructions per parse, counted by valgrind: ``python benchmarks/instructions.py``.

Wall-clock figures (``speed.py``) move by up to a third between runs on a shared machine;
instruction counts do not depend on the machine's load and repeat to about 0.1%, so they
are the figure to compare two versions of the code by. Prints, for the documents of
typical size (5-40 KB) that ``speed.py`` measures in its last row: millions of
instructions per pass over all of them (reading, choosing the parser, parsing), and with
``--per-document`` for each one.

A pass is counted as the difference of two runs of the same process, one pass and
``1 + PASSES`` passes, so start-up (imports, building the lexicon tables) is left out.
Hash randomisation is fixed, because set iteration order changes instruction counts a
little. Needs ``valgrind`` on the PATH; takes one to two minutes.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from speed import SUFFIXES, corpus_sets, full, runtime, typical

PASSES = 2
_REFS = re.compile(r"I\s+refs:\s+([\d,]+)")


def run_child(paths: list[Path], passes: int) -> None:
    """One warm-up pass (tables built, caches filled once), then ``passes`` cold passes."""
    docs = [(p.read_bytes(), SUFFIXES[p.suffix], p.name) for p in paths]
    for _ in range(1 + passes):
        for data, kind, name in docs:
            full(data, kind, name)


def count(paths: list[Path], passes: int) -> int:
    """Instructions valgrind counts for a child process doing ``passes`` passes."""
    command = [
        "valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null",
        sys.executable, __file__, "--child", str(passes), *map(str, paths),
    ]
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    done = subprocess.run(command, capture_output=True, text=True, check=True, env=env)
    found = _REFS.search(done.stderr)
    if found is None:
        raise RuntimeError(f"valgrind printed no instruction count:\n{done.stderr[-2000:]}")
    return int(found.group(1).replace(",", ""))


def per_pass(paths: list[Path]) -> float:
    """Millions of instructions per pass over ``paths``."""
    return (count(paths, 1 + PASSES) - count(paths, 1)) / PASSES / 1e6


def main() -> int:
    args = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    args.add_argument("--per-document", action="store_true",
                      help="also count each document on its own (slower)")
    args.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args.add_argument("paths", nargs="*", type=Path, help=argparse.SUPPRESS)
    opts = args.parse_args()
    if opts.child is not None:
        run_child(opts.paths, opts.child)
        return 0
    if shutil.which("valgrind") is None:
        print("valgrind is not installed: instruction counts need it", file=sys.stderr)
        return 2
    paths = typical(corpus_sets())
    print(runtime())
    print(f"{per_pass(paths):.1f} M instructions per pass over {len(paths)} documents "
          "of 5-40 KB (read, select, parse)")
    if opts.per_document:
        for path in paths:
            print(f"{path.name:40} {per_pass([path]):8.1f} M")
    return 0


if __name__ == "__main__":
    sys.exit(main())
