"""The native policy format: canonical JSON of the model, lossless and byte-stable.

Equal policies give equal bytes: keys sorted, two-space indent, UTF-8 without escaping,
one trailing newline. The document carries "$schema" and "format_version".
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from privmodel.errors import (
    FormatError,
    InputError,
    OutputError,
    PolicyValidationError,
    Problem,
)
from privmodel.schema.policy import FORMAT_VERSION, SCHEMA_ID, Policy, reference_problems

__all__ = ["atomic_write_bytes", "dump", "dump_file", "dumps_dict", "load", "load_file"]


def dumps_dict(policy: Policy) -> dict[str, Any]:
    """The policy as plain JSON data (what :func:`dump` serialises)."""
    data: dict[str, Any] = policy.model_dump(mode="json", by_alias=True)
    return data


def dump(policy: Policy) -> str:
    """Canonical JSON text of ``policy``."""
    return json.dumps(dumps_dict(policy), ensure_ascii=False, sort_keys=True, indent=2) + "\n"


def load(text: str | bytes, *, path: str | None = None) -> Policy:
    """Read a policy from native JSON text; every problem is reported with its JSON path."""
    try:
        data = json.loads(text)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise FormatError(f"not valid JSON: {exc}", path=path) from exc
    if not isinstance(data, dict):
        raise FormatError("a policy document must be a JSON object", path=path)
    _check_header(data, path)
    try:
        return Policy.model_validate(data)
    except ValidationError as exc:
        problems = _problems(exc)
        if not any(err["type"] == "policy_references" for err in exc.errors()):
            problems += [Problem(p, m) for p, m in reference_problems(data)]
        raise PolicyValidationError(problems, path=path) from exc


def dump_file(policy: Policy, path: str | os.PathLike[str]) -> None:
    """Write the canonical JSON atomically: a failure never leaves a half-written file."""
    atomic_write_bytes(Path(path), dump(policy).encode("utf-8"))


def load_file(path: str | os.PathLike[str]) -> Policy:
    p = Path(path)
    try:
        raw = p.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read file: {exc.strerror or exc}", path=str(p)) from exc
    return load(raw, path=str(p))


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` to a temporary file beside ``path`` and rename it into place.

    Raises :class:`OutputError` naming the path when the file cannot be written.
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise OutputError(f"cannot write here: {exc.strerror or exc}", path=str(path)) from exc
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException as exc:
        Path(tmp).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise OutputError(f"cannot write: {exc.strerror or exc}", path=str(path)) from exc
        raise


def _check_header(data: dict[str, Any], path: str | None) -> None:
    schema = data.get("$schema", SCHEMA_ID)
    if schema != SCHEMA_ID:
        raise FormatError(f"$schema must be {SCHEMA_ID!r}, but is {schema!r}", path=path)
    version = data.get("format_version", FORMAT_VERSION)
    if version != FORMAT_VERSION:
        raise FormatError(
            f"format_version {version!r} is not supported (this privmodel reads "
            f"{FORMAT_VERSION!r})",
            path=path,
        )


def _json_path(loc: tuple[int | str, ...]) -> str:
    out = "$"
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else f".{part}"
    return out


def _problems(exc: ValidationError) -> list[Problem]:
    problems: list[Problem] = []
    for err in exc.errors(include_url=False):
        ctx = err.get("ctx") or {}
        nested = ctx.get("problems")
        if err["type"] == "policy_references" and isinstance(nested, list):
            problems.extend(Problem(p, m) for p, m in nested)
            continue
        loc = tuple(part for part in err["loc"] if not _is_union_tag(part))
        problems.append(Problem(_json_path(loc), _message(err)))
    return problems


def _is_union_tag(part: int | str) -> bool:
    return isinstance(part, str) and ("[" in part or part.startswith("function-"))


def _message(err: Any) -> str:
    value = err.get("input")
    shown = repr(value) if not isinstance(value, (dict, list, tuple)) else type(value).__name__
    if len(shown) > 60:
        shown = shown[:57] + "..."
    return f"{err['msg']} (got {shown})"
