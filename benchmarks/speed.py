"""Speed and memory of parsing, in one run: ``python benchmarks/speed.py``.

Prints, single process:
- docs/second and MB/second for text and HTML (the seeds, and the corpus in ../shared when
  present), each with the ratio of a full parse to the floor: just decoding and splitting
  the document (line splitting for text and Markdown, lxml for HTML); a last row takes
  every one of those documents of typical size (5-40 KB), the size the target is set for;
- a scaling run at 1x, 10x and 100x a policy's length, showing time per KB stays flat;
- peak memory of parsing a 5 MB policy, measured in a fresh process.

Targets (issue 5): >= 100 policies/second/core at 5-40 KB, linear growth, < 200 MB peak.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import re
import resource
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import lxml.html

from privmodel.parsers.extract import clear_text_caches
from privmodel.parsers.extract._phrases import SCANNER
from privmodel.parsers.readers import read_bytes
from privmodel.parsers.readers.decode import decode
from privmodel.parsers.registry import parse_document, parsers, select_parser

ROOT = Path(__file__).resolve().parents[1]
SHARED_CORPUS = ROOT.parent / "shared" / "corpus"
SUFFIXES = {".txt": "text", ".md": "text", ".html": "html"}
TYPICAL_KB = (5, 40)  # the policy sizes the speed target is set for
_FIRST_WORD = re.compile(r"[^\S\n]*\S+(?=[^\S\n])")  # a line's first word, when more follow


def floor(data: bytes, kind: str) -> object:
    """The least any parser must do: decode, and split lines or build the HTML tree."""
    text, _ = decode(data)
    if kind == "html":
        return lxml.html.fromstring(text)
    return text.splitlines()


def full(data: bytes, kind: str, name: str) -> object:
    # Cold caches: a parse must not reuse what the previous run learnt about the same
    # texts, or repeating a document would measure memoisation, not parsing.
    clear_text_caches()
    return parse_document(read_bytes(data, path=name))


def timed(fn: Callable[[], object], min_seconds: float = 1.0, rounds: int = 5) -> float:
    """Seconds per call: the best of ``rounds`` rounds, each repeating ``fn`` for at least
    ``min_seconds / rounds``. The best round is the one least disturbed by other work on
    the machine (as timeit advises); the mean would measure the neighbours too."""
    fn()
    best = float("inf")
    for _ in range(rounds):
        calls, start = 0, time.perf_counter()
        while True:
            fn()
            calls += 1
            elapsed = time.perf_counter() - start
            if elapsed >= min_seconds / rounds:
                break
        best = min(best, elapsed / calls)
    return best


def corpus_sets() -> dict[str, list[Path]]:
    sets: dict[str, list[Path]] = {"seeds text": sorted((ROOT / "seeds").glob("*.txt"))}
    if SHARED_CORPUS.is_dir():
        files = [p for p in sorted(SHARED_CORPUS.iterdir()) if p.name != "README.md"]
        sets["corpus text/md"] = [p for p in files if SUFFIXES.get(p.suffix) == "text"]
        sets["corpus html"] = [p for p in files if SUFFIXES.get(p.suffix) == "html"]
    return sets


def typical(sets: dict[str, list[Path]]) -> list[Path]:
    """The documents of all sets whose size is in :data:`TYPICAL_KB`."""
    low, high = TYPICAL_KB
    return [p for paths in sets.values() for p in paths
            if low * 1024 <= p.stat().st_size <= high * 1024]


def runtime() -> str:
    """The interpreter and the anchor scanner the figures were measured with."""
    if SCANNER.compiled:
        scanner = "compiled (pyahocorasick)"
    elif importlib.util.find_spec("ahocorasick") is not None:
        scanner = "pure Python (chosen)"
    else:
        scanner = "pure Python (install privmodel[fast] for the compiled one)"
    return f"Python {sys.version.split()[0]}, anchor scanner: {scanner}"


def throughput(name: str, paths: list[Path], seconds: float) -> dict[str, float]:
    docs = [(p.read_bytes(), SUFFIXES[p.suffix], p.name) for p in paths]
    size = sum(len(d) for d, _, _ in docs)
    t_full = timed(lambda: [full(d, k, n) for d, k, n in docs], seconds)
    t_floor = timed(lambda: [floor(d, k) for d, k, _ in docs], seconds)
    row = {
        "docs": len(docs),
        "kb_per_doc": size / len(docs) / 1024,
        "docs_per_s": len(docs) / t_full,
        "mb_per_s": size / t_full / 1e6,
        "ratio_to_floor": t_full / t_floor,
    }
    print(f"{name:16} {row['docs']:4d} {row['kb_per_doc']:8.1f} {row['docs_per_s']:9.1f} "
          f"{row['mb_per_s']:7.3f} {row['ratio_to_floor']:9.1f}")
    return row


def per_document(paths: list[Path], seconds: float) -> None:
    """Milliseconds per document: reading, choosing a parser, parsing (caches cleared)."""
    print(f"\n{'document':40} {'KB':>5} {'read':>7} {'select':>7} {'parse':>7}  parser")
    for path in paths:
        _time_document(path, seconds)


def _cold(fn: Callable[[], object]) -> Callable[[], object]:
    def run() -> object:
        clear_text_caches()
        return fn()
    return run


def _time_document(path: Path, seconds: float) -> None:
    data = path.read_bytes()
    document = read_bytes(data, path=path.name)
    parser = select_parser(document)
    t_read = timed(_cold(lambda: read_bytes(data, path=path.name)), seconds)
    t_select = timed(_cold(lambda: select_parser(document)), seconds)
    t_parse = timed(_cold(lambda: parser.parse(document)), seconds)
    print(f"{path.name[:40]:40} {len(data) / 1024:5.0f} {t_read * 1000:7.1f} "
          f"{t_select * 1000:7.1f} {t_parse * 1000:7.1f}  {parser.name}")


def scaling(seconds: float) -> list[dict[str, float]]:
    base = (ROOT / "seeds" / "003_43719daa3b4cdde0.txt").read_bytes()
    rows = []
    print("\nscaling (seed 003, distinct copies)  KB  seconds   ms per KB")
    for factor in (1, 10, 100):
        data = distinct_copies(base, factor)
        t = timed(lambda data=data: full(data, "text", "scaled.txt"), seconds)  # type: ignore[misc]
        kb = len(data) / 1024
        rows.append({"factor": factor, "kb": kb, "seconds": t, "ms_per_kb": t * 1000 / kb})
        print(f"  {factor:4d}x {kb:23.0f} {t:10.3f} {t * 1000 / kb:11.3f}")
    return rows


def distinct_copies(base: bytes, factor: int) -> bytes:
    """``factor`` copies of a text policy, each line of copy k marked with "K<k>" after its
    first word: the layout stays (headings, lists, labels), but no two copies share a
    block text, so per-text caches find nothing to reuse across copies."""
    text = base.decode("utf-8")
    copies = [text]
    for k in range(1, factor):
        lines = []
        for line in text.splitlines(keepends=True):
            word = _FIRST_WORD.match(line)
            lines.append(f"{word.group()} K{k}{line[word.end():]}" if word else line)
        copies.append("".join(lines))
    # A blank line between copies, so each starts as the document does (a title).
    return "\n\n".join(copy.rstrip("\n") for copy in copies).encode("utf-8") + b"\n"


def peak_memory_child(megabytes: float) -> None:
    """Run in a fresh process: parse a policy of about ``megabytes`` MB, print peak RSS."""
    base = (ROOT / "seeds" / "003_43719daa3b4cdde0.txt").read_bytes()
    data = distinct_copies(base, max(1, int(megabytes * 1e6 / len(base))))
    before = _peak_rss_mb()
    full(data, "text", "big.txt")
    after = _peak_rss_mb()
    print(json.dumps({"mb": len(data) / 1e6, "peak_rss_mb": after,
                      "baseline_rss_mb": before}))


def _peak_rss_mb() -> float:
    """Peak resident memory of this process in MB.

    Linux's VmHWM starts afresh at exec; ru_maxrss keeps the peak of the parent the child
    was forked from, which would report the benchmark's own memory as the baseline.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def peak_memory(megabytes: float) -> dict[str, float]:
    scanner = "compiled" if SCANNER.compiled else "pure"
    out = subprocess.run(
        [sys.executable, __file__, "--memory-child", str(megabytes), "--scanner", scanner],
        capture_output=True, text=True, check=True,
    )
    row: dict[str, float] = json.loads(out.stdout)
    print(f"\npeak memory parsing a {row['mb']:.1f} MB policy: {row['peak_rss_mb']:.0f} MB RSS "
          f"(interpreter and library loaded: {row['baseline_rss_mb']:.0f} MB)")
    return row


def main() -> int:
    args = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    args.add_argument("--seconds", type=float, default=2.0,
                      help="minimum time per measure (split in five rounds, best kept)")
    args.add_argument("--json", type=Path, help="also write the figures to this file")
    args.add_argument("--per-document", action="store_true",
                      help="only the time of each step per document, then stop")
    args.add_argument("--scanner", choices=("compiled", "pure"),
                      help="anchor scanner (default: compiled when privmodel[fast] is installed)")
    args.add_argument("--memory-child", type=float, help=argparse.SUPPRESS)
    opts = args.parse_args()
    if opts.scanner:
        SCANNER.compiled = opts.scanner == "compiled"
    if opts.memory_child:
        parsers()
        peak_memory_child(opts.memory_child)
        return 0
    parsers()
    if opts.per_document:
        for paths in corpus_sets().values():
            per_document(paths, opts.seconds)
        return 0
    print(runtime())
    print(f"{'set':16} {'docs':>4} {'KB/doc':>8} {'docs/s':>9} {'MB/s':>7} {'x floor':>9}")
    sets = corpus_sets()
    sets[f"all {TYPICAL_KB[0]}-{TYPICAL_KB[1]} KB"] = typical(sets)
    report = {
        "runtime": runtime(),
        "throughput": {name: throughput(name, paths, opts.seconds)
                       for name, paths in sets.items() if paths},
        "scaling": scaling(opts.seconds),
        "memory": peak_memory(5.0),
    }
    if opts.json:
        opts.json.write_text(json.dumps(report, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
