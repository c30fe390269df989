"""The ``privmodel`` command line: thin, turns errors into messages and exit codes.

Exit codes: 0 success, 1 a file was invalid or failed, 2 bad usage.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from privmodel.errors import PolicyValidationError, PrivmodelError

EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2


def _err(message: str) -> None:
    print(f"privmodel: {message}", file=sys.stderr)


def cmd_schema(args: argparse.Namespace) -> int:
    from privmodel.schema.jsonschema import committed_schema_text

    sys.stdout.write(committed_schema_text())
    return EXIT_OK


def cmd_validate(args: argparse.Namespace) -> int:
    from privmodel.format import load_file

    status = EXIT_OK
    for path in args.files:
        try:
            load_file(path)
        except PolicyValidationError as exc:
            status = EXIT_INVALID
            for problem in exc.problems:
                print(f"{path}: {problem}", file=sys.stderr)
        except PrivmodelError as exc:
            status = EXIT_INVALID
            _err(str(exc))
        else:
            print(f"{path}: valid")
    return status


def cmd_parse(args: argparse.Namespace) -> int:
    from privmodel.cli_parse import run_parse

    return run_parse(args)


def cmd_eval(args: argparse.Namespace) -> int:
    from privmodel.cli_parse import run_eval

    return run_eval(args)


def cmd_export(args: argparse.Namespace) -> int:
    from privmodel.cli_export import run_export

    return run_export(args)


def cmd_register(args: argparse.Namespace) -> int:
    from privmodel.cli_export import run_register

    return run_register(args)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="privmodel",
        description="Turn privacy policies into structured privacy knowledge.",
    )
    parser.add_argument("--version", action="version", version=_version())
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    p = sub.add_parser("schema", help="print the JSON Schema of the native policy format")
    p.set_defaults(func=cmd_schema)

    p = sub.add_parser("validate", help="check native policy JSON files against the model")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.set_defaults(func=cmd_validate)

    p = sub.add_parser("parse", help="parse policy documents (.txt .md .html) into native JSON")
    p.add_argument(
        "files",
        nargs="*",
        metavar="FILE",
        help="documents or directories; none: the bundled seed policies",
    )
    p.add_argument(
        "-o",
        "--output",
        type=Path,
        default=Path("parsed"),
        metavar="DIR",
        help="directory for the <stem>.json files (default: ./parsed)",
    )
    p.add_argument("--parser", metavar="NAME", help="force a parser (see --list-parsers)")
    p.add_argument("--list-parsers", action="store_true", help="list parsers and exit")
    p.add_argument(
        "--jobs", type=int, default=1, metavar="N", help="parse in N processes (default 1)"
    )
    p.set_defaults(func=cmd_parse)

    p = sub.add_parser("eval", help="score parsed policies against gold annotations")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument(
        "--gold",
        type=Path,
        required=True,
        metavar="DIR",
        help="directory of gold files named <document stem>.json",
    )
    p.add_argument("--parser", metavar="NAME", help="force a parser")
    p.add_argument(
        "--pred-out",
        type=Path,
        metavar="DIR",
        help="also write each prediction as <document stem>.json",
    )
    p.add_argument("--json", action="store_true", help="print the scores as JSON")
    p.set_defaults(func=cmd_eval)

    p = sub.add_parser(
        "export", help="write policies as TILT, DPV JSON-LD, Fides, CISO Assistant or native"
    )
    p.add_argument("files", nargs="+", metavar="FILE",
                   help="policy documents (parsed on the fly) or native .json files")
    p.add_argument("--to", required=True, metavar="FORMAT", help=_formats_help())
    p.add_argument("-o", "--output", type=Path, metavar="PATH",
                   help="output file (one input) or directory; default: <stem>.<ext> here")
    p.add_argument("--stdout", action="store_true", help="write one export to stdout")
    p.add_argument("--parser", metavar="NAME", help="force a parser for documents")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser(
        "register", help="write a GDPR Article 30 register (.xlsx .csv .html .json)"
    )
    p.add_argument("files", nargs="+", metavar="FILE",
                   help="policies of one organisation: documents or native .json files")
    p.add_argument("-o", "--output", type=Path, required=True, metavar="PATH",
                   help="ropa.xlsx, ropa.csv (one file per table), ropa.html or ropa.json")
    p.add_argument("--parser", metavar="NAME", help="force a parser for documents")
    p.set_defaults(func=cmd_register)
    return parser


def _formats_help() -> str:
    from privmodel.export import ExportFormat

    return "one of: " + ", ".join(f.value for f in ExportFormat)


def _version() -> str:
    from privmodel import __version__

    return f"privmodel {__version__}"


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        code: int = args.func(args)
    except PrivmodelError as exc:
        _err(str(exc))
        return EXIT_INVALID
    except KeyboardInterrupt:
        _err("interrupted")
        return 130
    except BrokenPipeError:
        return EXIT_OK
    return code


if __name__ == "__main__":
    sys.exit(main())
