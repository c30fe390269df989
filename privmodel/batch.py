"""Parse many documents, in parallel processes when asked; a bad file never stops the rest."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import attrs

from privmodel.errors import PrivmodelError
from privmodel.parsers.base import ParseResult
from privmodel.parsers.registry import parse

DOCUMENT_SUFFIXES = (".txt", ".text", ".md", ".markdown", ".html", ".htm", ".xhtml")


@attrs.frozen
class BatchItem:
    """One document's outcome: a result, or the error message that stopped it."""

    path: Path
    result: ParseResult | None = None
    error: str | None = None


def expand_inputs(inputs: Iterable[str | os.PathLike[str]]) -> list[Path]:
    """Files as given; directories become the policy documents inside them, sorted."""
    paths: list[Path] = []
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            paths.extend(
                sorted(p for p in path.rglob("*") if p.suffix.lower() in DOCUMENT_SUFFIXES)
            )
        else:
            paths.append(path)
    return paths


def parse_one(path: Path, parser: str | None = None) -> BatchItem:
    """Parse one file, catching privmodel's errors into the item. Picklable, pure."""
    try:
        return BatchItem(path, result=parse(path, parser=parser))
    except PrivmodelError as exc:
        return BatchItem(path, error=str(exc))


def _parse_star(args: tuple[Path, str | None]) -> BatchItem:
    return parse_one(*args)


def parse_many(
    paths: Sequence[Path], *, parser: str | None = None, jobs: int = 1
) -> Iterator[BatchItem]:
    """Yield one item per path, in input order; ``jobs > 1`` uses worker processes."""
    if jobs <= 1 or len(paths) <= 1:
        for path in paths:
            yield parse_one(path, parser)
        return
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        yield from pool.map(_parse_star, [(p, parser) for p in paths], chunksize=4)
