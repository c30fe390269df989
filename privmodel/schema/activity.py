"""Processing activities: the unit of an Article 30 register."""

from __future__ import annotations

from pydantic import Field

from privmodel.schema.base import Fact, FactId, Label
from privmodel.schema.vocab import PartyRole


class ProcessingActivity(Fact):
    """Links subjects, data, purposes, bases, recipients, retention and transfers.

    ``derived`` is True when the policy does not link them and the activity was built
    per purpose; exports say so, and scoring against explicit links leaves them out.
    """

    _id_prefix = "activity"
    _id_fields = ("name", "role")

    name: Label
    role: PartyRole = PartyRole.CONTROLLER
    derived: bool = False
    subject_ids: tuple[FactId, ...] = ()
    data_category_ids: tuple[FactId, ...] = ()
    purpose_ids: tuple[FactId, ...] = ()
    legal_basis_ids: tuple[FactId, ...] = ()
    recipient_ids: tuple[FactId, ...] = ()
    retention_ids: tuple[FactId, ...] = ()
    transfer_ids: tuple[FactId, ...] = ()
    controller_ids: tuple[FactId, ...] = Field(
        default=(), description="For processor activities: the controllers acted for"
    )
