"""The typed privacy model: every parser fills it, every export reads it."""

from privmodel.schema.activity import ProcessingActivity
from privmodel.schema.base import Evidence, Fact, Model, make_id, slugify
from privmodel.schema.cookie import Cookie, CookieCategory
from privmodel.schema.data import (
    DataCategory,
    DataSource,
    DataSubjectCategory,
    LegalBasis,
    Purpose,
)
from privmodel.schema.duration import Duration
from privmodel.schema.parties import (
    ContactFields,
    Controller,
    DataProtectionOfficer,
    Organisation,
    Party,
    PartyKind,
    Processor,
    Recipient,
    Representative,
    RoleClaim,
    Subprocessor,
    SupervisoryAuthority,
)
from privmodel.schema.policy import FORMAT_VERSION, SCHEMA_ID, Policy, Source
from privmodel.schema.retention import RetentionRule
from privmodel.schema.rights import Right
from privmodel.schema.security import MeasureKind, SecurityMeasure
from privmodel.schema.statements import (
    AgeLimit,
    DateStatement,
    Declaration,
    Declarations,
    Law,
    Presence,
)
from privmodel.schema.transfer import Transfer
from privmodel.schema.vocab import (
    DataConcept,
    LegalBasisCode,
    PartyRole,
    PurposeConcept,
    RecipientKind,
    RetentionKind,
    RightCode,
    SubjectConcept,
    TransferMechanism,
)

__all__ = [
    "FORMAT_VERSION",
    "SCHEMA_ID",
    "AgeLimit",
    "ContactFields",
    "Controller",
    "Cookie",
    "CookieCategory",
    "DataCategory",
    "DataConcept",
    "DataProtectionOfficer",
    "DataSource",
    "DataSubjectCategory",
    "DateStatement",
    "Declaration",
    "Declarations",
    "Duration",
    "Evidence",
    "Fact",
    "Law",
    "LegalBasis",
    "LegalBasisCode",
    "MeasureKind",
    "Model",
    "Organisation",
    "Party",
    "PartyKind",
    "PartyRole",
    "Policy",
    "Presence",
    "ProcessingActivity",
    "Processor",
    "Purpose",
    "PurposeConcept",
    "Recipient",
    "RecipientKind",
    "Representative",
    "RetentionKind",
    "RetentionRule",
    "Right",
    "RightCode",
    "RoleClaim",
    "SecurityMeasure",
    "Source",
    "SubjectConcept",
    "Subprocessor",
    "SupervisoryAuthority",
    "Transfer",
    "TransferMechanism",
    "make_id",
    "slugify",
]
