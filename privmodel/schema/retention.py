"""Retention rules: how long which data is kept, and from when the period runs."""

from __future__ import annotations

from pydantic import Field, model_validator

from privmodel.schema.base import Fact, FactId, Label
from privmodel.schema.duration import Duration
from privmodel.schema.vocab import RetentionKind


class RetentionRule(Fact):
    """A storage period or the criteria that set it (GDPR Art. 13(2)(a))."""

    _id_prefix = "retention"
    _id_fields = ("applies_to", "kind", "duration")

    applies_to: Label = Field(description="What the rule covers, as the policy words it")
    kind: RetentionKind
    duration: Duration | None = Field(default=None, description="The period, when one is given")
    duration_is_maximum: bool = Field(
        default=False, description="The period is an upper bound ('up to 38 months')"
    )
    minimum: Duration | None = Field(
        default=None, description="The lower end of a range ('from a few days to 38 months')"
    )
    runs_from: str | None = Field(
        default=None, description="The event the period runs from ('after the contract ends')"
    )
    criterion: str | None = None
    law: str | None = Field(default=None, description="The law that sets the period")
    data_category_ids: tuple[FactId, ...] = ()

    @model_validator(mode="after")
    def _coherent(self) -> RetentionRule:
        if self.kind is RetentionKind.FIXED and self.duration is None:
            raise ValueError("a fixed retention rule needs a duration")
        if self.minimum is not None and self.duration is not None and self.minimum > self.duration:
            raise ValueError(f"minimum {self.minimum} exceeds duration {self.duration}")
        return self
