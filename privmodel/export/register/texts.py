"""How model values read in a register cell: parties, periods, bases, safeguards."""

from __future__ import annotations

from privmodel.schema import (
    ContactFields,
    LegalBasis,
    Party,
    Processor,
    Recipient,
    RetentionRule,
    Subprocessor,
    Transfer,
)
from privmodel.schema.vocab import LegalBasisCode, PartyRole, RetentionKind

# The EU member states and the EEA countries: Art. 27 representatives are not needed here.
EEA = frozenset(
    (
        *("AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE"),
        *("IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE"),
        *("IS", "LI", "NO"),
    )
)
ART9_CODES = frozenset(c for c in LegalBasisCode if c.info.legal_ref.startswith("GDPR Art. 9"))
# Retention kinds that are criteria rather than a time limit (Art. 13(2)(a) "criteria").
CRITERIA_KINDS = frozenset(
    {
        RetentionKind.AS_LONG_AS_NECESSARY,
        RetentionKind.CRITERIA,
        RetentionKind.RELATIONSHIP,
        RetentionKind.LIMITATION_PERIOD,
        RetentionKind.UNTIL_DELETION_REQUEST,
        RetentionKind.UNTIL_WITHDRAWAL,
        RetentionKind.CUSTOMER_CONFIGURED,
    }
)


def contact_text(contact: ContactFields) -> str:
    """Address, e-mails, phones and website, comma-separated; '' when none is known."""
    parts = [contact.address or "", *contact.emails, *contact.phones, contact.website or ""]
    return ", ".join(p for p in parts if p)


def party_text(party: Party, *, with_contact: bool = False) -> str:
    """The party's name, with its contact details in brackets when asked and known."""
    details = contact_text(party) if with_contact else ""
    return f"{party.name} ({details})" if details else party.name


def recipient_type(party: Party) -> str:
    if isinstance(party, Subprocessor):
        return PartyRole.SUBPROCESSOR.label("en")
    if isinstance(party, Processor):
        return PartyRole.PROCESSOR.label("en")
    if isinstance(party, Recipient):
        return party.recipient_kind.label("en")
    return PartyRole.RECIPIENT.label("en")


def basis_text(basis: LegalBasis) -> str:
    return f"{basis.code.label('en')} ({basis.code.info.legal_ref})"


def is_criterion(rule: RetentionRule) -> bool:
    return rule.duration is None and rule.kind in CRITERIA_KINDS


def period_text(rule: RetentionRule) -> str:
    """'P2Y', 'up to P38M', 'P1D-P38M', or the kind in words, plus its start and law."""
    if rule.duration is not None and rule.minimum is not None:
        text = f"{rule.minimum.isoformat()}-{rule.duration.isoformat()}"
    elif rule.duration is not None:
        text = ("up to " if rule.duration_is_maximum else "") + rule.duration.isoformat()
    else:
        text = rule.kind.label("en")
    if rule.runs_from:
        text += f", from {rule.runs_from}"
    if rule.law:
        text += f" ({rule.law})"
    return text


def retention_text(rule: RetentionRule) -> str:
    """The period with what it applies to: 'P7Y: accounting records'."""
    return f"{period_text(rule)}: {rule.applies_to}"


def criterion_text(rule: RetentionRule) -> str:
    return f"{rule.criterion or rule.kind.label('en')}: {rule.applies_to}"


def safeguard_texts(transfer: Transfer) -> list[str]:
    return [f"{m.label('en')} ({m.info.legal_ref})" for m in transfer.mechanisms]


def transfer_warning(transfer: Transfer) -> str:
    """'' unless the transfer cites a mechanism the CJEU struck down."""
    gone = [m.label("en") for m in transfer.mechanisms if m.info.invalidated]
    if not gone:
        return ""
    return f"relies on an invalidated mechanism: {', '.join(gone)}; a valid safeguard is needed"
