"""The privmodel exception tree.

Every error privmodel raises on purpose derives from :class:`PrivmodelError`, so a
caller can catch one class.  Messages are located: they name the file and, for
document problems, the JSON path of every value that is wrong.
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs


@attrs.frozen
class Problem:
    """One located problem: where (a JSON path such as ``$.purposes[2].label``) and what."""

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


class PrivmodelError(Exception):
    """Root of every error privmodel raises on purpose."""


class InputError(PrivmodelError):
    """A source document or file cannot be read (missing, empty, binary, undecodable)."""

    def __init__(self, message: str, *, path: str | None = None) -> None:
        self.path = path
        super().__init__(f"{path}: {message}" if path else message)


class PolicyValidationError(PrivmodelError):
    """A policy document breaks the model: carries every problem, not only the first."""

    def __init__(self, problems: Iterable[Problem], *, path: str | None = None) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        self.path = path
        where = f"{path}: " if path else ""
        count = len(self.problems)
        lines = "\n".join(f"  {p}" for p in self.problems)
        noun = "problem" if count == 1 else "problems"
        super().__init__(f"{where}invalid policy, {count} {noun}:\n{lines}")


class OutputError(PrivmodelError):
    """An output file cannot be written (no permission, a file where a folder should be)."""

    def __init__(self, message: str, *, path: str | None = None) -> None:
        self.path = path
        super().__init__(f"{path}: {message}" if path else message)


class FormatError(PrivmodelError):
    """A file is not in the format it claims (not JSON, wrong $schema, unknown version)."""

    def __init__(self, message: str, *, path: str | None = None) -> None:
        self.path = path
        super().__init__(f"{path}: {message}" if path else message)


class ParserError(PrivmodelError):
    """No parser of that name, or a parser failed on a document."""


class ExportError(PrivmodelError):
    """An export cannot be written (unknown format, missing optional dependency)."""


class MissingExtraError(ExportError):
    """An optional dependency is not installed."""

    def __init__(self, module: str, extra: str) -> None:
        super().__init__(
            f"this feature needs the optional package {module!r}: install privmodel[{extra}]"
        )
