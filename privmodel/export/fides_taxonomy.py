"""privmodel codes in fideslang's words: taxonomy keys, legal-basis and role enum strings.

Taxonomy keys come from the mapping tables (``privmodel/export/mappings/fides_*.json``);
the enum strings below are fideslang 3.1.4's exact values (ROPA-TOOLS.md §1.2-1.3).
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from typing import Final

from privmodel.export.fides_yaml import Node
from privmodel.export.mappings import CustomItem, MappingTable, load_mapping
from privmodel.schema.base import slugify
from privmodel.schema.vocab import (
    DataConcept,
    LegalBasisCode,
    PartyRole,
    PurposeConcept,
    SubjectConcept,
    TransferMechanism,
)

_C = LegalBasisCode
# PrivacyDeclaration.legal_basis_for_processing: GDPR Art. 6(1)(a)-(f) in order.
LEGAL_BASIS: Final[dict[LegalBasisCode, str]] = {
    _C.CONSENT: "Consent",
    _C.CONTRACT: "Contract",
    _C.LEGAL_OBLIGATION: "Legal obligations",
    _C.VITAL_INTERESTS: "Vital interests",
    _C.PUBLIC_TASK: "Public interest",
    _C.LEGITIMATE_INTERESTS: "Legitimate interests",
}
# PrivacyDeclaration.special_category_legal_basis: GDPR Art. 9(2)(a)-(j) in order.
SPECIAL_CATEGORY_BASIS: Final[dict[LegalBasisCode, str]] = {
    _C.EXPLICIT_CONSENT: "Explicit consent",
    _C.EMPLOYMENT_SOCIAL_SECURITY: "Employment, social security and social protection",
    _C.VITAL_INTERESTS_INCAPABLE: "Vital interests",
    _C.NOT_FOR_PROFIT_BODY: "Not-for-profit bodies",
    _C.MADE_PUBLIC: "Made public by the data subject",
    _C.LEGAL_CLAIMS: "Legal claims or judicial acts",
    _C.SUBSTANTIAL_PUBLIC_INTEREST: "Reasons of substantial public interest (with a basis in law)",
    _C.HEALTH_OR_SOCIAL_CARE: "Health or social care (with a basis in law)",
    _C.PUBLIC_HEALTH: "Public health (with a basis in law)",
    _C.ARCHIVING_RESEARCH_STATISTICS: "Archiving, research and statistics (with a basis in law)",
}

_T = TransferMechanism
# System.legal_basis_for_transfers: free strings, documented values in fideslang's order.
TRANSFER_BASES: Final = ("Adequacy Decision", "SCCs", "BCRs", "Supplementary Measures", "Other")
TRANSFER_BASIS: Final[dict[TransferMechanism, str]] = {
    _T.ADEQUACY: "Adequacy Decision",
    _T.DPF: "Adequacy Decision",
    _T.SCC: "SCCs",
    _T.BCR: "BCRs",
    _T.SUPPLEMENTARY_MEASURES: "Supplementary Measures",
    _T.CODE_OF_CONDUCT: "Other",
    _T.CERTIFICATION: "Other",
    _T.DEROGATION: "Other",
    _T.CONSENT: "Other",
    _T.PRIVACY_SHIELD: "Other",
    _T.SAFE_HARBOR: "Other",
    _T.OTHER: "Other",
}
# Mechanisms whose fideslang value names them only approximately (reported as losses).
APPROXIMATE_TRANSFER: Final = frozenset(
    m for m, v in TRANSFER_BASIS.items() if v == "Other" or m is _T.DPF
) - {_T.OTHER}

# System.responsibility, in fideslang's order.
RESPONSIBILITIES: Final = ("Controller", "Processor", "Sub-Processor")
RESPONSIBILITY: Final[dict[PartyRole, str]] = {
    PartyRole.CONTROLLER: "Controller",
    PartyRole.JOINT_CONTROLLER: "Controller",
    PartyRole.PROCESSOR: "Processor",
    PartyRole.SUBPROCESSOR: "Sub-Processor",
}


class Kind(enum.StrEnum):
    """The three taxonomy resource types privmodel maps to (manifest top-level keys)."""

    DATA_CATEGORY = "data_category"
    DATA_USE = "data_use"
    DATA_SUBJECT = "data_subject"


TABLES: Final[dict[Kind, str]] = {
    Kind.DATA_CATEGORY: "fides_data_categories",
    Kind.DATA_USE: "fides_data_uses",
    Kind.DATA_SUBJECT: "fides_data_subjects",
}
VOCABULARY: Final[dict[Kind, type[DataConcept | PurposeConcept | SubjectConcept]]] = {
    Kind.DATA_CATEGORY: DataConcept,
    Kind.DATA_USE: PurposeConcept,
    Kind.DATA_SUBJECT: SubjectConcept,
}
# Every mapped vocabulary has this code; an unclassified fact maps like it.
OTHER: Final = "other"


def table(kind: Kind) -> MappingTable:
    return load_mapping(TABLES[kind])


def fides_key(text: str, fallback: str = "x") -> str:
    """A FidesKey (``^[a-zA-Z0-9_.<>-]+$``) from any text: 'Blue Cromos AB' -> blue_cromos_ab."""
    slug = slugify(text).replace("-", "_")
    return slug if slug != "x" else fallback


class KeyTracker:
    """Maps concepts to keys and remembers the custom items the output uses."""

    def __init__(self) -> None:
        self._used: dict[Kind, set[str]] = {kind: set() for kind in Kind}

    def key(self, kind: Kind, code: enum.Enum | None) -> str:
        """The key for a concept; None (unclassified) maps like the vocabulary's 'other'."""
        value = str(code.value) if code is not None else OTHER
        mapping = table(kind)
        key = mapping.key(value)
        while key in mapping.custom:
            self._used[kind].add(key)
            parent = mapping.custom[key].parent_key
            if parent is None:
                break
            key = parent
        return mapping.key(value)

    def keys(self, kind: Kind, codes: Iterable[enum.Enum | None]) -> list[str]:
        """Sorted unique keys of ``codes``."""
        return sorted({self.key(kind, code) for code in codes})

    def custom_items(self, kind: Kind) -> list[CustomItem]:
        mapping = table(kind)
        return [mapping.custom[k] for k in sorted(self._used[kind])]

    def resources(self, kind: Kind, organization: str) -> list[Node]:
        """The manifest entries declaring the custom items used (none when all are default)."""
        out: list[Node] = []
        for item in self.custom_items(kind):
            entry: dict[str, Node] = {
                "fides_key": item.key,
                "organization_fides_key": organization,
                "name": item.name,
                "description": item.description,
            }
            if item.parent_key is not None and kind is not Kind.DATA_SUBJECT:
                entry["parent_key"] = item.parent_key
            out.append(entry)
        return out


__all__ = [
    "APPROXIMATE_TRANSFER",
    "LEGAL_BASIS",
    "RESPONSIBILITIES",
    "RESPONSIBILITY",
    "SPECIAL_CATEGORY_BASIS",
    "TRANSFER_BASES",
    "TRANSFER_BASIS",
    "VOCABULARY",
    "KeyTracker",
    "Kind",
    "fides_key",
    "table",
]
