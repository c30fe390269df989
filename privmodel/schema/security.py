"""Technical and organisational security measures (GDPR Art. 32, Art. 30(1)(g))."""

from __future__ import annotations

import enum

from privmodel.schema.base import Fact, Label


class MeasureKind(enum.StrEnum):
    TECHNICAL = "technical"
    ORGANISATIONAL = "organisational"
    PHYSICAL = "physical"


class SecurityMeasure(Fact):
    """A measure as the policy describes it."""

    _id_prefix = "measure"
    _id_fields = ("label",)

    label: Label
    kind: MeasureKind | None = None
