"""The ``export`` and ``register`` subcommands."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from privmodel.batch import expand_inputs
from privmodel.errors import ExportError
from privmodel.export import ExportFormat, ExportReport, get_writer
from privmodel.format import load_file
from privmodel.parsers.registry import parse
from privmodel.schema import Policy

EXIT_OK = 0
_REGISTER_BY_SUFFIX = {
    ".json": ExportFormat.REGISTER_JSON,
    ".csv": ExportFormat.REGISTER_CSV,
    ".xlsx": ExportFormat.REGISTER_XLSX,
    ".html": ExportFormat.REGISTER_HTML,
    ".htm": ExportFormat.REGISTER_HTML,
}
_EXTENSION = {
    ExportFormat.TILT: ".tilt.json",
    ExportFormat.TILT_V2: ".tilt.json",
    ExportFormat.DPV: ".jsonld",
    ExportFormat.FIDES: ".fides.yml",
    ExportFormat.CISO_ASSISTANT: ".ciso-assistant.xlsx",
}


def load_policy(path: Path, parser: str | None = None) -> Policy:
    """A native JSON file as it is; any other file is parsed as a policy document."""
    if path.suffix.lower() == ".json":
        return load_file(path)
    return parse(path, parser=parser).policy


def _inputs(files: Sequence[str]) -> list[Path]:
    paths = list(expand_inputs(files))
    for item in files:
        if Path(item).is_dir():
            paths += sorted(Path(item).glob("*.json"))
    return paths


def _report(report: ExportReport) -> None:
    for path in report.paths:
        print(f"wrote {path}")
    if report.losses:
        print(f"{report.format} could not hold {len(report.losses)} fact(s):", file=sys.stderr)
        for loss in report.losses:
            print(f"  - {loss}", file=sys.stderr)


def run_export(args: argparse.Namespace) -> int:
    writer = get_writer(args.to)
    paths = _inputs(args.files)
    if not paths:
        raise ExportError("no input files")
    policies = [load_policy(p, args.parser) for p in paths]
    if writer.multi:
        target = args.output or Path(f"{paths[0].stem}{writer.extension}")
        _report(writer.write_file(policies, target))
        return EXIT_OK
    if args.stdout and len(paths) == 1:
        _report(writer.write(policies, sys.stdout.buffer))
        return EXIT_OK
    for path, policy in zip(paths, policies, strict=True):
        ext = _EXTENSION.get(writer.format, writer.extension)
        if args.output is None:
            target = Path(f"{path.stem}{ext}")
        elif len(paths) == 1 and not args.output.is_dir() and args.output.suffix:
            target = args.output
        else:
            target = args.output / f"{path.stem}{ext}"
        _report(writer.write_file([policy], target))
    return EXIT_OK


def run_register(args: argparse.Namespace) -> int:
    out: Path = args.output
    fmt = _REGISTER_BY_SUFFIX.get(out.suffix.lower())
    if fmt is None:
        known = ", ".join(sorted(_REGISTER_BY_SUFFIX))
        raise ExportError(f"{out}: cannot tell the register format from {out.suffix!r}; "
                          f"use one of {known}")
    paths = _inputs(args.files)
    if not paths:
        raise ExportError("no input files")
    policies = [load_policy(p, args.parser) for p in paths]
    _report(get_writer(fmt).write_file(policies, out))
    return EXIT_OK
