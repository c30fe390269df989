"""The ``parse`` and ``eval`` subcommands (kept apart so ``privmodel schema`` starts fast)."""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

from privmodel.batch import BatchItem, expand_inputs, parse_many
from privmodel.errors import InputError
from privmodel.format import atomic_write_bytes, dump
from privmodel.parsers.registry import parsers
from privmodel.schema import Policy

EXIT_OK, EXIT_FAILED = 0, 1

# Summary columns: header and how to count it on a policy.
_COLUMNS: tuple[tuple[str, str], ...] = (
    ("subj", "data_subjects"),
    ("data", "data_categories"),
    ("purp", "purposes"),
    ("basis", "legal_bases"),
    ("recip", "recipients"),
    ("3rd", "processors"),
    ("ret", "retention_rules"),
    ("xfer", "transfers"),
    ("rights", "rights"),
    ("sec", "security_measures"),
    ("act", "activities"),
)


def bundled_seeds() -> list[Path]:
    """The seed policies: ./seeds, else the seeds/ folder beside the package source."""
    for base in (Path.cwd(), Path(__file__).resolve().parents[1]):
        folder = base / "seeds"
        found = sorted(folder.glob("*.txt"))
        if found:
            return found
    raise InputError("no files given and no seeds/ folder found here or beside the package")


def _count(policy: Policy, field: str) -> int:
    value = getattr(policy, field)
    return len(value) if isinstance(value, tuple) else int(value is not None)


def _summary_header() -> str:
    cols = " ".join(f"{h:>6}" for h, _ in _COLUMNS)
    return f"{'document':34} {'parser':22} {cols} {'evid':>5}"


def _summary_row(item: BatchItem) -> str:
    name = item.path.name[:34]
    if item.result is None:
        return f"{name:34} FAILED: {item.error}"
    policy = item.result.policy
    cols = " ".join(f"{_count(policy, f):>6}" for _, f in _COLUMNS)
    evidence = sum(len(f.evidence) for _, f in policy.facts())
    return f"{name:34} {item.result.parser[:22]:22} {cols} {evidence:>5}"


def run_parse(args: argparse.Namespace) -> int:
    if args.list_parsers:
        for name, parser in sorted(parsers().items()):
            print(f"{name:24} {parser.description}")
        return EXIT_OK
    paths = expand_inputs(args.files) if args.files else bundled_seeds()
    if not paths:
        raise InputError("no policy documents found in the given directories")
    out: Path = args.output
    failed = 0
    print(_summary_header())
    for item in _with_progress(parse_many(paths, parser=args.parser, jobs=args.jobs), len(paths)):
        if item.result is not None:
            atomic_write_bytes(
                out / f"{item.path.stem}.json", dump(item.result.policy).encode("utf-8")
            )
        else:
            failed += 1
            print(f"privmodel: {item.error}", file=sys.stderr)
        print(_summary_row(item))
    print(f"{len(paths) - failed} of {len(paths)} parsed; JSON written to {out}/")
    return EXIT_FAILED if failed else EXIT_OK


def _with_progress(items: Iterator[BatchItem], total: int) -> Iterator[BatchItem]:
    """On a terminal, show 'n/total' on stderr while items arrive."""
    show = sys.stderr.isatty() and total >= 5
    for n, item in enumerate(items, 1):
        if show:
            sys.stderr.write(f"\r{n}/{total} parsed")
            sys.stderr.flush()
        yield item
    if show:
        sys.stderr.write("\n")


def run_eval(args: argparse.Namespace) -> int:
    from privmodel.eval import score_dirs, to_gold

    if not args.gold.is_dir():
        raise InputError("the gold directory does not exist", path=str(args.gold))
    paths = expand_inputs(args.files)
    pred_dir = args.pred_out
    with tempfile.TemporaryDirectory() as tmp:
        target = pred_dir if pred_dir is not None else Path(tmp)
        failed = 0
        for item in parse_many(paths, parser=args.parser):
            if item.result is None:
                failed += 1
                print(f"privmodel: {item.error}", file=sys.stderr)
                continue
            record = to_gold(item.result.policy, item.path.name)
            text = json.dumps(record, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
            atomic_write_bytes(target / f"{item.path.stem}.json", text.encode("utf-8"))
        report = score_dirs(args.gold, target, [p.stem for p in paths])
    if args.json:
        print(json.dumps(report.to_dict(), indent=1))
    else:
        print(report.table())
    return EXIT_FAILED if failed else EXIT_OK
