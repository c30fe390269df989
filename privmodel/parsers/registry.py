"""The parser registry: built-in parsers, plug-ins from entry points, and selection."""

from __future__ import annotations

import os
from collections.abc import Iterable
from importlib import metadata
from pathlib import Path

from privmodel.errors import ParserError
from privmodel.parsers.base import Parser, ParseResult
from privmodel.parsers.document import Document
from privmodel.parsers.readers import read_path, read_text

ENTRY_POINT_GROUP = "privmodel.parsers"
DETECT_THRESHOLD = 0.5
GENERIC = "generic"


def _builtin() -> list[Parser]:
    from privmodel.parsers.generic import GenericParser
    from privmodel.parsers.seeds import SEED_PARSERS

    return [*(cls() for cls in SEED_PARSERS), GenericParser()]


def _plugins() -> Iterable[Parser]:
    for entry in metadata.entry_points(group=ENTRY_POINT_GROUP):
        loaded = entry.load()
        parser = loaded() if isinstance(loaded, type) else loaded
        if not isinstance(parser, Parser):
            raise ParserError(f"entry point {entry.name!r} does not provide a parser")
        yield parser


_REGISTRY: dict[str, Parser] | None = None


def parsers() -> dict[str, Parser]:
    """Every available parser by name: built-ins first, then entry-point plug-ins."""
    global _REGISTRY
    if _REGISTRY is None:
        _REGISTRY = {p.name: p for p in (*_builtin(), *_plugins())}
    return _REGISTRY


def get_parser(name: str) -> Parser:
    try:
        return parsers()[name]
    except KeyError:
        known = ", ".join(sorted(parsers()))
        raise ParserError(f"no parser named {name!r}; known parsers: {known}") from None


def select_parser(document: Document) -> Parser:
    """The specific parser most sure of the document, if sure enough; else the generic one."""
    scored = [(p.detect(document), p.name) for p in parsers().values() if p.name != GENERIC]
    best = max(scored, default=(0.0, GENERIC))
    return get_parser(best[1] if best[0] >= DETECT_THRESHOLD else GENERIC)


def read(source: str | os.PathLike[str], *, media_type: str | None = None) -> Document:
    """A path (os.PathLike, or a str naming an existing file) or the text itself."""
    if isinstance(source, os.PathLike):
        return read_path(source)
    if "\n" not in source and len(source) < 4096 and Path(source).is_file():
        return read_path(source)
    return read_text(source, media_type=media_type)


def parse_document(document: Document, *, parser: str | None = None) -> ParseResult:
    chosen = get_parser(parser) if parser else select_parser(document)
    return chosen.parse(document)


def parse(
    source: str | os.PathLike[str], *, parser: str | None = None, media_type: str | None = None
) -> ParseResult:
    """Read and parse one policy. Pure: the same input gives the same result."""
    return parse_document(read(source, media_type=media_type), parser=parser)
