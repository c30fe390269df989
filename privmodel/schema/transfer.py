"""Transfers of personal data outside the EU/EEA and their safeguards (GDPR Chapter V)."""

from __future__ import annotations

from pydantic import Field

from privmodel.schema.base import CountryCode, Fact, FactId, Label
from privmodel.schema.vocab import TransferMechanism


class Transfer(Fact):
    """A transfer to a third country or region, with the mechanisms it rests on."""

    _id_prefix = "transfer"
    _id_fields = ("destination", "mechanisms")

    destination: Label = Field(description="As written: 'the United States', 'third countries'")
    countries: tuple[CountryCode, ...] = Field(
        default=(), description="ISO 3166-1 alpha-2 codes when the destination names countries"
    )
    mechanisms: tuple[TransferMechanism, ...] = ()
    recipient_ids: tuple[FactId, ...] = ()

    @property
    def relies_on_invalidated_mechanism(self) -> bool:
        """True when it cites Privacy Shield or Safe Harbor, both struck down by the CJEU."""
        return any(m.info.invalidated for m in self.mechanisms)
