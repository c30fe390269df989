"""Parties: the publishing organisation, controllers, processors, recipients, DPO, authority."""

from __future__ import annotations

import enum

from pydantic import Field

from privmodel.schema.base import CountryCode, Email, Fact, Label, Model
from privmodel.schema.vocab import PartyRole, RecipientKind


class PartyKind(enum.StrEnum):
    """Whether a party is a named organisation or a category ("cloud providers")."""

    NAMED = "named"
    CATEGORY = "category"


class ContactFields(Model):
    """How to reach a party; every field may be absent when the policy does not say."""

    org_number: str | None = Field(
        default=None, description="Company registration number as written (556881-2670)"
    )
    address: str | None = Field(default=None, description="Postal address as written")
    country: CountryCode | None = None
    emails: tuple[Email, ...] = ()
    phones: tuple[str, ...] = ()
    website: str | None = None


class RoleClaim(Fact):
    """A role the publisher says it takes, and for which data ("processor for customers' data")."""

    _id_prefix = "role"
    _id_fields = ("role", "scope")

    role: PartyRole
    scope: str | None = Field(default=None, description="The data or service the role covers")


class Organisation(Fact, ContactFields):
    """The organisation that publishes the policy. Its name is None when the policy omits it."""

    _id_prefix = "org"
    _id_fields = ("name", "org_number")

    name: str | None = None
    roles: tuple[RoleClaim, ...] = ()


class Party(Fact, ContactFields):
    """Any other organisation or category of organisations the policy names."""

    _id_prefix = "party"
    _id_fields = ("name",)

    name: Label
    kind: PartyKind = PartyKind.NAMED
    description: str | None = Field(
        default=None, description="What the party does with the data, as the policy says"
    )


class Controller(Party):
    """Another controller: a joint controller, or the customer when the publisher is processor."""

    _id_prefix = "controller"
    joint: bool = False


class Processor(Party):
    """Processes personal data on the publisher's behalf (GDPR Art. 28)."""

    _id_prefix = "processor"


class Subprocessor(Processor):
    """Engaged by the publisher while the publisher itself acts as a processor (Art. 28(2))."""

    _id_prefix = "subprocessor"


class Recipient(Party):
    """A recipient or category of recipients (GDPR Art. 13(1)(e)), processor or not."""

    _id_prefix = "recipient"
    recipient_kind: RecipientKind = RecipientKind.OTHER


class Representative(Party):
    """The representative in the Union of a controller established outside it (Art. 27)."""

    _id_prefix = "representative"


class SupervisoryAuthority(Party):
    """The authority a complaint goes to (GDPR Art. 77)."""

    _id_prefix = "authority"
    former_names: tuple[str, ...] = Field(
        default=(), description="Names the authority had before (Datainspektionen)"
    )


class DataProtectionOfficer(Fact, ContactFields):
    """The data protection officer (Arts 37-39); the policy may give only a mailbox."""

    _id_prefix = "dpo"
    _id_fields = ("name", "emails")

    name: str | None = None
