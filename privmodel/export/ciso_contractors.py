"""Contractors and recipient categories: who the counterparties are, and in which role.

A Contractors row needs a ``relationship_type`` and a ``country``, so only named parties
whose country the policy gives (as a code or at the end of their address) get one; the
others stay in Data recipients and are named in the processing's description. The
``entity`` column stays blank: CISO Assistant requires an existing TPRM entity there.
"""

from __future__ import annotations

from privmodel.export import ciso_columns as C
from privmodel.export import countries
from privmodel.export.activities import PROCESSOR_ROLES
from privmodel.export.ciso_activities import Processing
from privmodel.export.ciso_sheets import Sheets
from privmodel.export.ciso_texts import joined, party_description
from privmodel.schema import (
    Controller,
    Party,
    PartyKind,
    Policy,
    Processor,
    Recipient,
    Subprocessor,
)
from privmodel.schema.vocab import RecipientKind

_SUB = (C.SUB_PROCESSOR_KEY, "Sub-processor (Art. 28(2) and (4))")
_PROC = (C.PROCESSOR_KEY, "Processor (Art. 28)")
_JOINT = (C.JOINT_CONTROLLER_KEY, "Joint controller (Art. 26)")
_INDEPENDENT = (C.INDEPENDENT_CONTROLLER_KEY, "Independent controller")
_FOR = (C.OTHER_RELATIONSHIP_KEY, "Controller the publisher processes for (Art. 30(2)(a))")


def recipient_category(party: Party) -> str:
    """The Data recipients ``category`` key of a party."""
    if isinstance(party, Controller):
        return (
            C.RECIPIENT_JOINT_CONTROLLER
            if party.joint
            else C.RECIPIENT_CATEGORY[RecipientKind.CONTROLLER]
        )
    if isinstance(party, Processor):
        return C.PROCESSOR_KEY
    if isinstance(party, Recipient):
        return C.RECIPIENT_CATEGORY[party.recipient_kind]
    return C.RECIPIENT_CATEGORY[RecipientKind.OTHER]


def party_country(party: Party) -> str | None:
    """The party's ISO 3166-1 alpha-2 code: stated, else read from the end of its address."""
    if party.country:
        code = countries.to_code(party.country)
        if code:
            return code
    return countries.find_in(party.address) if party.address else None


def _relationship(party: Party, processor_activity: bool) -> tuple[str, str] | None:
    if isinstance(party, Subprocessor):
        return _SUB
    if isinstance(party, Controller):
        return _JOINT if party.joint else _INDEPENDENT
    is_processor = isinstance(party, Processor) or (
        isinstance(party, Recipient) and party.recipient_kind is RecipientKind.PROCESSOR
    )
    if is_processor:
        return _SUB if processor_activity else _PROC
    if isinstance(party, Recipient) and party.recipient_kind is RecipientKind.CONTROLLER:
        return _INDEPENDENT
    return None


def _counterparties(policy: Policy, act: Processing) -> list[tuple[Party, tuple[str, str]]]:
    processor_activity = act.roles == PROCESSOR_ROLES
    found: list[tuple[Party, tuple[str, str]]] = []
    for party in act.recipients:
        relation = _relationship(party, processor_activity)
        if relation is not None:
            found.append((party, relation))
    if processor_activity:
        found.extend((c, _FOR) for c in act.acting_for)
    else:
        found.extend((c, _JOINT) for c in policy.controllers if c.joint)
    unique = {party.id: (party, relation) for party, relation in found}
    return list(unique.values())


def contractor_rows(
    policy: Policy, act: Processing, processing: str, sheets: Sheets, extra: list[str]
) -> None:
    """Contractors rows for the named counterparties with a known country."""
    no_country = []
    for party, (key, kind) in _counterparties(policy, act):
        if party.kind is not PartyKind.NAMED:
            continue
        code = party_country(party)
        if code is None:
            no_country.append(f"{party.name} ({kind})")
            sheets.lose(
                f"contractor {party.name[:60]!r}: no country stated, so no Contractors row "
                "(country is required); it is in Data recipients or the Processing description"
            )
            continue
        sheets.add(
            C.CONTRACTORS,
            {
                "name": sheets.name(C.CONTRACTORS, processing, party.name),
                "description": party_description(party, kind),
                "relationship_type": key,
                "country": code,
                C.PROCESSING_COLUMN: processing,
            },
        )
    if no_country:
        extra.append(f"Contractors whose country the policy does not state: {joined(no_country)}.")
