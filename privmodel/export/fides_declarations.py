"""Fides privacy declarations: one per processing activity and data use, uniquely named.

Each declaration carries fideslang's exact enum strings for the Art. 6 basis and the
Art. 9(2) condition; what a declaration cannot hold is appended to ``losses``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import attrs

from privmodel.export.fides_groups import Group
from privmodel.export.fides_taxonomy import (
    LEGAL_BASIS,
    SPECIAL_CATEGORY_BASIS,
    KeyTracker,
    Kind,
)
from privmodel.export.fides_yaml import Node
from privmodel.schema import (
    DataCategory,
    LegalBasis,
    Party,
    Processor,
    Recipient,
    RetentionRule,
    Subprocessor,
)
from privmodel.schema.vocab import LegalBasisCode, RetentionKind


def _is_special(item: DataCategory) -> bool:
    return item.special_category or (item.concept is not None and item.concept.is_special_category)


def _codes(bases: Sequence[LegalBasis], table: dict[LegalBasisCode, str]) -> list[str]:
    return list(dict.fromkeys(table[b.code] for b in bases if b.code in table))


def _party_text(party: Party) -> str:
    if isinstance(party, Subprocessor):
        role = "sub-processor"
    elif isinstance(party, Processor):
        role = "processor"
    elif isinstance(party, Recipient):
        role = party.recipient_kind.info.label_en.lower()
    else:
        role = "controller"
    return f"{party.name} ({role})"


def retention_text(rule: RetentionRule) -> str:
    """'Login cookies: fixed period, P2D' and similar; a criterion follows in parentheses."""
    parts = [rule.kind.info.label_en.lower()]
    if rule.duration is not None:
        span = rule.duration.isoformat()
        if rule.minimum is not None:
            span = f"{rule.minimum.isoformat()} to {span}"
        parts.append(("up to " if rule.duration_is_maximum else "") + span)
    if rule.runs_from:
        parts.append(f"from {rule.runs_from}")
    if rule.law:
        parts.append(f"under {rule.law}")
    text = f"{rule.applies_to}: {', '.join(parts)}"
    if rule.criterion and rule.kind is not RetentionKind.FIXED:
        text += f" ({rule.criterion})"
    return text


class DeclarationBuilder:
    """Builds the declarations of one system and collects what they lose."""

    def __init__(self, keys: KeyTracker, losses: list[str]) -> None:
        self.keys = keys
        self.losses = losses

    def _legal_basis(self, group: Group, name: str) -> str | None:
        found = _codes(group.bases, LEGAL_BASIS)
        if len(found) > 1 and not group.bases_linked:
            self.losses.append(
                f"declaration {name!r}: the policy states the bases {', '.join(found)} without "
                "linking them to this purpose; legal_basis_for_processing is left empty"
            )
            return None
        if len(found) > 1:
            self.losses.append(
                f"declaration {name!r}: Fides holds one Art. 6 basis; kept {found[0]!r}, "
                f"lost {', '.join(found[1:])}"
            )
        return found[0] if found else None

    def _special(self, group: Group, name: str, entry: dict[str, Node]) -> None:
        special = [d for d in group.data if _is_special(d)]
        found = _codes(group.bases, SPECIAL_CATEGORY_BASIS)
        if not special:
            if found and group.bases_linked:
                self.losses.append(
                    f"declaration {name!r}: Art. 9(2) condition {found[0]!r} is stated but no "
                    "special-category data is linked, so it is not written"
                )
            return
        entry["processes_special_category_data"] = True
        if not found:
            self.losses.append(
                f"declaration {name!r}: special-category data "
                f"({', '.join(d.label for d in special)}) with no Art. 9(2) condition stated"
            )
            return
        entry["special_category_legal_basis"] = found[0]
        if len(found) > 1:
            self.losses.append(
                f"declaration {name!r}: Fides holds one Art. 9(2) condition; kept {found[0]!r}, "
                f"lost {', '.join(found[1:])}"
            )

    def declaration(self, group: Group, name: str, use: str) -> dict[str, Node]:
        """One declaration of ``group`` for the data use ``use``."""
        categories = self.keys.keys(Kind.DATA_CATEGORY, (d.concept for d in group.data))
        entry: dict[str, Node] = {
            "name": name,
            "data_use": use,
            "data_categories": list(categories),
            "data_subjects": list(
                self.keys.keys(Kind.DATA_SUBJECT, (s.concept for s in group.subjects))
            ),
        }
        basis = self._legal_basis(group, name)
        if basis is not None:
            entry["legal_basis_for_processing"] = basis
        legitimate = [b.legitimate_interest for b in group.bases if b.legitimate_interest]
        if legitimate:
            self.losses.append(
                f"declaration {name!r}: the legitimate interest stated "
                f"({'; '.join(legitimate)}) has no field in Fides"
            )
        self._special(group, name, entry)
        if group.retention:
            entry["retention_period"] = "; ".join(retention_text(r) for r in group.retention)
        if group.recipients:
            entry["data_shared_with_third_parties"] = True
            entry["third_parties"] = "; ".join(_party_text(p) for p in group.recipients)
            entry["shared_categories"] = list(categories)
        return entry

    def _narrow(self, group: Group, use: str) -> Group:
        """The part of ``group`` for one data use: its purposes, and their bases if linked."""
        purposes = tuple(
            p for p in group.purposes if self.keys.key(Kind.DATA_USE, p.concept) == use
        )
        ids = {p.id for p in purposes}
        linked = tuple(b for b in group.bases if ids & set(b.purpose_ids))
        bases = linked if group.bases_linked and linked else group.bases
        return attrs.evolve(group, purposes=purposes, bases=bases)

    def build(self, groups: Sequence[Group]) -> list[dict[str, Node]]:
        """Every declaration, sorted by name as fideslang re-sorts them, names unique."""
        planned: list[tuple[Group, str, str]] = []
        for group in groups:
            concepts = [p.concept for p in group.purposes] or [None]
            uses = self.keys.keys(Kind.DATA_USE, concepts)
            for use in uses:
                name = group.name if len(uses) == 1 else f"{group.name} [{use}]"
                planned.append((self._narrow(group, use) if len(uses) > 1 else group, name, use))
        counts = Counter(name for _, name, _ in planned)
        taken = {name for name, count in counts.items() if count == 1}
        out: list[dict[str, Node]] = []
        for group, name, use in planned:
            if counts[name] > 1:
                number = 1
                while f"{name} ({number})" in taken:
                    number += 1
                name = f"{name} ({number})"
                taken.add(name)
            out.append(self.declaration(group, name, use))
        return sorted(out, key=lambda d: str(d["name"]))


__all__ = ["DeclarationBuilder", "retention_text"]
