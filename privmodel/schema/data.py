"""What is processed, about whom, why and on what basis."""

from __future__ import annotations

from pydantic import Field

from privmodel.schema.base import Fact, FactId, Label
from privmodel.schema.vocab import (
    DataConcept,
    LegalBasisCode,
    PartyRole,
    PurposeConcept,
    SubjectConcept,
)


class DataSubjectCategory(Fact):
    """A category of people whose data is processed (Art. 30(1)(c))."""

    _id_prefix = "subject"
    _id_fields = ("label", "role")

    label: Label
    concept: SubjectConcept | None = None
    role: PartyRole = Field(
        default=PartyRole.CONTROLLER,
        description="The role the publisher takes for this category (controller or processor)",
    )


class DataCategory(Fact):
    """A category of personal data as the policy groups it, with its examples."""

    _id_prefix = "data"
    _id_fields = ("label", "role")

    label: Label
    examples: tuple[str, ...] = ()
    concept: DataConcept | None = None
    special_category: bool = Field(
        default=False, description="A special category of personal data (GDPR Art. 9(1))"
    )
    role: PartyRole = PartyRole.CONTROLLER
    source_ids: tuple[FactId, ...] = Field(
        default=(), description="Sources the data comes from when not from the person (Art. 14)"
    )


class Purpose(Fact):
    """A purpose of processing as the policy words it."""

    _id_prefix = "purpose"
    _id_fields = ("label", "role")

    label: Label
    concept: PurposeConcept | None = None
    role: PartyRole = PartyRole.CONTROLLER


class LegalBasis(Fact):
    """A legal basis the policy relies on, optionally for named purposes."""

    _id_prefix = "basis"
    _id_fields = ("code", "purpose_ids")

    code: LegalBasisCode
    label: str | None = Field(default=None, description="The basis as the policy words it")
    purpose_ids: tuple[FactId, ...] = ()
    legitimate_interest: str | None = Field(
        default=None, description="The legitimate interest stated (Art. 13(1)(d))"
    )


class DataSource(Fact):
    """Where data comes from when not from the person (Art. 14(2)(f))."""

    _id_prefix = "source"
    _id_fields = ("label",)

    label: Label
    publicly_available: bool = False
