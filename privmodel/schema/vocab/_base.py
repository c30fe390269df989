"""Shared machinery for the controlled vocabularies: stable codes with legal metadata."""

from __future__ import annotations

import enum
from collections.abc import Mapping
from typing import Self

import attrs

DPV = "https://w3id.org/dpv#"
PD = "https://w3id.org/dpv/pd#"
EU_GDPR = "https://w3id.org/dpv/legal/eu/gdpr#"


@attrs.frozen
class CodeInfo:
    """What a vocabulary code means: its legal reference, DPV term and labels.

    ``dpv`` is the full IRI of the closest W3C DPV 2.x concept, or None where DPV has none.
    ``invalidated`` marks codes kept only to read old documents (Privacy Shield).
    """

    legal_ref: str
    label_en: str
    label_sv: str
    dpv: str | None = None
    invalidated: bool = False
    note: str = ""


_INFO: dict[type[enum.Enum], Mapping[str, CodeInfo]] = {}


class Vocabulary(enum.StrEnum):
    """Base of every vocabulary: members are stable codes, ``.info`` gives their metadata."""

    @property
    def info(self) -> CodeInfo:
        return _INFO[type(self)][self.value]

    def label(self, language: str = "en") -> str:
        """The human label in ``language`` ("en" or "sv"); English for any other language."""
        info = self.info
        return info.label_sv if language == "sv" else info.label_en

    @classmethod
    def describe(cls, table: Mapping[Self, CodeInfo]) -> None:
        """Attach metadata to every member; a missing or extra entry is a programming error."""
        missing = set(cls) - set(table)
        extra = set(table) - set(cls)
        if missing or extra:
            raise RuntimeError(f"{cls.__name__}: metadata missing for {missing}, extra {extra}")
        _INFO[cls] = {code.value: info for code, info in table.items()}
