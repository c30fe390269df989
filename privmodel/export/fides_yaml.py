"""A tiny deterministic YAML emitter for the Fides manifest: dicts, lists, str, bool, int.

Block style, two-space indent, keys in insertion order. A string is written plain only
when it cannot be read back as anything else (no YAML 1.1 booleans, nulls or numbers, no
indicator characters); otherwise it is double-quoted, with every character YAML would
fold, reject or strip escaped. ``None`` values are not emitted: leave the key out.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

Node = Mapping[str, "Node"] | Sequence["Node"] | str | bool | int

_PLAIN = re.compile(r"^[A-Za-z][A-Za-z0-9_.\-]*(?: [A-Za-z0-9_.\-()]+)*$")
# YAML 1.1 (PyYAML) resolves these to booleans or null, in any of these spellings.
_RESERVED = frozenset(["y", "n", "yes", "no", "true", "false", "on", "off", "null"])
_ESCAPES = {
    "\\": "\\\\",
    '"': '\\"',
    "\n": "\\n",
    "\t": "\\t",
    "\r": "\\r",
}


def _needs_escape(char: str) -> bool:
    code = ord(char)
    return (
        code < 0x20
        or 0x7F <= code <= 0x9F
        or code in (0x2028, 0x2029, 0xFEFF)
        or 0xD800 <= code <= 0xDFFF
        or code in (0xFFFE, 0xFFFF)
    )


def quote(text: str) -> str:
    """``text`` as a YAML scalar: plain when unambiguous, else double-quoted."""
    if _PLAIN.match(text) and text.lower() not in _RESERVED:
        return text
    out = []
    for char in text:
        if char in _ESCAPES:
            out.append(_ESCAPES[char])
        elif _needs_escape(char):
            out.append(f"\\u{ord(char):04x}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


def _scalar(value: str | bool | int) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    return quote(value)


def _is_scalar(value: Node) -> bool:
    return isinstance(value, (str, bool, int))


def _lines(value: Node, indent: int) -> list[str]:
    """The block lines of a collection at ``indent`` spaces."""
    pad = " " * indent
    lines: list[str] = []
    if isinstance(value, Mapping):
        for key, item in value.items():
            lines.extend(_entry(f"{pad}{quote(key)}:", item, indent))
    elif isinstance(value, Sequence) and not isinstance(value, str):
        for item in value:
            if isinstance(item, Mapping) and item:
                inner = _lines(item, indent + 2)
                lines.append(f"{pad}- {inner[0].lstrip()}")
                lines.extend(inner[1:])
            else:
                lines.extend(_entry(f"{pad}-", item, indent))
    return lines


def _entry(head: str, item: Node, indent: int) -> list[str]:
    if _is_scalar(item):
        return [f"{head} {_scalar(item)}"]  # type: ignore[arg-type]
    if not item:
        return [f"{head} {'{}' if isinstance(item, Mapping) else '[]'}"]
    return [head, *_lines(item, indent + 2)]


def dump_yaml(document: Mapping[str, Node]) -> str:
    """The document as YAML text, ending with a newline."""
    return "\n".join(_lines(document, 0)) + "\n"


__all__ = ["Node", "dump_yaml", "quote"]
