"""Per-language lexicons: the phrases the extractors look for, kept as JSON data.

One file per language (``en.json``, ``sv.json``, ``da.json``, ``nb.json``, ``fi.json``,
``de.json``) plus ``common.json`` for language-independent entries (acronyms, authorities).
Each file maps a section name to its data, usually ``{value: [pattern, ...]}``.

Patterns are Python regular expressions matched case-insensitively with word boundaries
on both ends; a literal space matches any run of whitespace, and ``(?-i:...)`` marks a
case-sensitive part (``(?-i:US)``). Files are read once with :mod:`importlib.resources`.
"""

from __future__ import annotations

import functools
import importlib.resources
import json
from collections.abc import Mapping
from typing import Any, cast

LANGUAGES: tuple[str, ...] = ("en", "sv", "da", "nb", "fi", "de")
COMMON = "common"
_ALIASES: Mapping[str, str] = {"no": "nb", "nn": "nb", "se": "sv", "dk": "da"}


@functools.cache
def load(name: str) -> Mapping[str, Any]:
    """The lexicon file ``name`` ("en", ..., "common") as a mapping of sections."""
    resource = importlib.resources.files(__name__).joinpath(f"{name}.json")
    return cast(Mapping[str, Any], json.loads(resource.read_text(encoding="utf-8")))


@functools.lru_cache(maxsize=64)
def languages(lang: str | None) -> tuple[str, ...]:
    """The lexicon languages to use for ``lang``: that one, or all of them when unknown."""
    code = (lang or "").lower().split("-")[0]
    code = _ALIASES.get(code, code)
    return (code,) if code in LANGUAGES else LANGUAGES


def section(name: str, lang: str | None, *, common: bool = True) -> list[Any]:
    """The ``name`` section of each language lexicon for ``lang`` (and of common.json)."""
    names = [*languages(lang), *((COMMON,) if common else ())]
    return [load(n)[name] for n in names if name in load(n)]


def merged(name: str, lang: str | None, *, common: bool = True) -> dict[str, list[str]]:
    """The ``{value: [pattern, ...]}`` section ``name`` merged over the languages for ``lang``."""
    out: dict[str, list[str]] = {}
    for table in section(name, lang, common=common):
        for value, patterns in cast(Mapping[str, list[str]], table).items():
            out.setdefault(value, []).extend(p for p in patterns if p not in out.get(value, []))
    return out


def flat(name: str, lang: str | None, *, common: bool = True) -> list[str]:
    """The list section ``name`` concatenated over the languages for ``lang``, unique."""
    out: list[str] = []
    for items in section(name, lang, common=common):
        out.extend(p for p in cast(list[str], items) if p not in out)
    return out


__all__ = ["COMMON", "LANGUAGES", "flat", "languages", "load", "merged", "section"]
