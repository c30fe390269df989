"""The sheets being filled: rows per sheet in header order, unique names, the losses."""

from __future__ import annotations

from privmodel.export import ciso_columns as C
from privmodel.export.ciso_texts import cut

Row = tuple[str, ...]


class Sheets:
    """Rows per sheet in header order, and the losses, each reported once."""

    def __init__(self) -> None:
        self.rows: dict[str, list[Row]] = {sheet: [] for sheet in C.SHEETS}
        self.losses: list[str] = []
        self._names: dict[tuple[str, str], set[str]] = {}

    def lose(self, text: str) -> None:
        if text not in self.losses:
            self.losses.append(text)

    def name(self, sheet: str, processing: str, text: str) -> str:
        """A name cut to the importer's limit and unique within its sheet and processing."""
        base = cut(text, C.NAME_MAX)
        if base != text:
            self.lose(f"{sheet}: name longer than {C.NAME_MAX} characters cut: {text[:60]!r}…")
        taken = self._names.setdefault((sheet, processing), set())
        name, n = base, 1
        while name.lower() in taken:
            n += 1
            suffix = f" ({n})"
            name = cut(base, C.NAME_MAX - len(suffix)) + suffix
        taken.add(name.lower())
        return name

    def add(self, sheet: str, cells: dict[str, str]) -> None:
        unknown = set(cells) - set(C.HEADERS[sheet])
        if unknown:
            raise KeyError(f"{sheet}: no columns {sorted(unknown)}")
        self.rows[sheet].append(tuple(cells.get(h, "") for h in C.HEADERS[sheet]))
