"""Facts a policy can state as present, state as absent, or not state at all."""

from __future__ import annotations

import datetime as dt
import enum

from pydantic import Field

from privmodel.schema.base import Evidence, Fact, Label, Model


class Presence(enum.StrEnum):
    """'not_stated' (silent) is not 'none' (the policy says there is none)."""

    NOT_STATED = "not_stated"
    NONE = "none"
    PRESENT = "present"


class Declaration(Model):
    """What the policy says about one yes/no matter, with the evidence when it says anything."""

    presence: Presence = Presence.NOT_STATED
    evidence: tuple[Evidence, ...] = ()


class Declarations(Model):
    """The matters where silence and 'none' must not be confused."""

    transfers_outside_eea: Declaration = Declaration()
    personal_data_collected: Declaration = Declaration()
    sale_of_personal_data: Declaration = Declaration()
    dpo: Declaration = Declaration()
    automated_decision_making: Declaration = Declaration()


class DateStatement(Fact):
    """A date the policy states (effective date, last updated)."""

    _id_prefix = "date"
    _id_fields = ("value",)

    value: dt.date


class AgeLimit(Fact):
    """The minimum age the policy states for using the service or consenting."""

    _id_prefix = "age"
    _id_fields = ("min_age",)

    min_age: int = Field(ge=0, le=25)


class Law(Fact):
    """A law the policy says it follows (GDPR, Bokföringslagen, CCPA)."""

    _id_prefix = "law"
    _id_fields = ("name",)

    name: Label
    jurisdiction: str | None = Field(default=None, description="EU, SE, US-CA, ...")
