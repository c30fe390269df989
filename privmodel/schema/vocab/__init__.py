"""Controlled vocabularies: stable codes, each with its legal reference, DPV IRI and labels."""

from privmodel.schema.vocab._base import CodeInfo, Vocabulary
from privmodel.schema.vocab.concepts import DataConcept, PurposeConcept, SubjectConcept
from privmodel.schema.vocab.legal_basis import LegalBasisCode
from privmodel.schema.vocab.retention import RetentionKind
from privmodel.schema.vocab.rights import RightCode
from privmodel.schema.vocab.roles import PartyRole, RecipientKind
from privmodel.schema.vocab.transfer import TransferMechanism

ALL_VOCABULARIES: tuple[type[Vocabulary], ...] = (
    LegalBasisCode,
    RightCode,
    TransferMechanism,
    RetentionKind,
    PartyRole,
    RecipientKind,
    DataConcept,
    PurposeConcept,
    SubjectConcept,
)

__all__ = [
    "ALL_VOCABULARIES",
    "CodeInfo",
    "DataConcept",
    "LegalBasisCode",
    "PartyRole",
    "PurposeConcept",
    "RecipientKind",
    "RetentionKind",
    "RightCode",
    "SubjectConcept",
    "TransferMechanism",
    "Vocabulary",
]
