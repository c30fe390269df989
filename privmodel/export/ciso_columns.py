"""The CISO Assistant processing workbook: sheet names, headers and internal choice keys.

Pinned to intuitem/ciso-assistant-community@f990d7b (PR #4548, the multi-sheet importer
``_process_processing_excel``; choices in ``backend/privacy/models.py`` and
``privacy/terminology_seeds.py``). See ``/work/shared/ROPA-TOOLS.md`` section 3.
The header tuples are the single source of the columns; every child sheet adds a
``processing`` column naming its processing row, so one workbook holds many activities.
"""

from __future__ import annotations

from typing import Final

from privmodel.schema.vocab import (
    DataConcept,
    LegalBasisCode,
    RecipientKind,
    RetentionKind,
    SubjectConcept,
    TransferMechanism,
)

PINNED_COMMIT: Final = "f990d7b"
PROCESSING_COLUMN: Final = "processing"

PROCESSING = "Processing"
PURPOSES = "Purposes"
PERSONAL_DATA = "Personal data"
DATA_SUBJECTS = "Data subjects"
DATA_RECIPIENTS = "Data recipients"
CONTRACTORS = "Contractors"
TRANSFERS = "Transfers"

HEADERS: Final[dict[str, tuple[str, ...]]] = {
    PROCESSING: (
        "ref_id",
        "name",
        "description",
        "domain",
        "status",
        "processing_nature",
        "information_channel",
        "usage_channel",
        "dpia_required",
        "dpia_reference",
        "assigned_to",
        "labels",
    ),
    PURPOSES: ("name", "description", "legal_basis", "article_9_condition", PROCESSING_COLUMN),
    PERSONAL_DATA: (
        "name",
        "description",
        "category",
        "retention",
        "deletion_policy",
        "is_sensitive",
        "assets",
        PROCESSING_COLUMN,
    ),
    DATA_SUBJECTS: ("name", "description", "category", PROCESSING_COLUMN),
    DATA_RECIPIENTS: ("name", "description", "category", PROCESSING_COLUMN),
    CONTRACTORS: (
        "name",
        "description",
        "entity",
        "relationship_type",
        "country",
        "documentation_link",
        PROCESSING_COLUMN,
    ),
    TRANSFERS: (
        "name",
        "description",
        "entity",
        "country",
        "transfer_mechanism",
        "guarantees",
        "documentation_link",
        PROCESSING_COLUMN,
    ),
}
SHEETS: Final = tuple(HEADERS)

# Field limits of the importer (characters).
NAME_MAX: Final = 200
RETENTION_MAX: Final = 255

STATUS_DRAFT: Final = "privacy_draft"
SENSITIVE_YES, SENSITIVE_NO = "true", "false"

_B = LegalBasisCode
LEGAL_BASIS: Final[dict[LegalBasisCode, str]] = {
    _B.CONSENT: "privacy_consent",
    _B.CONTRACT: "privacy_contract",
    _B.LEGAL_OBLIGATION: "privacy_legal_obligation",
    _B.VITAL_INTERESTS: "privacy_vital_interests",
    _B.PUBLIC_TASK: "privacy_public_interest",
    _B.LEGITIMATE_INTERESTS: "privacy_legitimate_interests",
}
ARTICLE_9: Final[dict[LegalBasisCode, str]] = {
    _B.EXPLICIT_CONSENT: "privacy_explicit_consent",
    _B.EMPLOYMENT_SOCIAL_SECURITY: "privacy_employment_social_security",
    _B.VITAL_INTERESTS_INCAPABLE: "privacy_vital_interests_incapacity",
    _B.NOT_FOR_PROFIT_BODY: "privacy_nonprofit_organization",
    _B.MADE_PUBLIC: "privacy_public_data",
    _B.LEGAL_CLAIMS: "privacy_legal_claims",
    _B.SUBSTANTIAL_PUBLIC_INTEREST: "privacy_substantial_public_interest",
    _B.HEALTH_OR_SOCIAL_CARE: "privacy_preventive_medicine",
    _B.PUBLIC_HEALTH: "privacy_public_health",
    _B.ARCHIVING_RESEARCH_STATISTICS: "privacy_archiving_research",
}

_T = TransferMechanism
# Mechanisms with no key of their own (supplementary measures, 'other') or no legal
# effect (Privacy Shield, Safe Harbor) are absent: they go to the guarantees text.
TRANSFER_MECHANISM: Final[dict[TransferMechanism, str]] = {
    _T.ADEQUACY: "privacy_adequacy_decision",
    _T.DPF: "privacy_adequacy_decision",  # Art. 45 decision (EU) 2023/1795
    _T.SCC: "privacy_standard_contractual_clauses",
    _T.BCR: "privacy_binding_corporate_rules",
    _T.CODE_OF_CONDUCT: "privacy_codes_of_conduct",
    _T.CERTIFICATION: "privacy_certification_mechanisms",
    _T.DEROGATION: "privacy_derogation",
    _T.CONSENT: "privacy_derogation",  # Art. 49(1)(a)
}

PROCESSOR_KEY: Final = "privacy_data_processor"
SUB_PROCESSOR_KEY: Final = "privacy_sub_processor"
JOINT_CONTROLLER_KEY: Final = "privacy_joint_controller"
INDEPENDENT_CONTROLLER_KEY: Final = "privacy_independent_controller"
OTHER_RELATIONSHIP_KEY: Final = "privacy_other"

_K = RecipientKind
RECIPIENT_CATEGORY: Final[dict[RecipientKind, str]] = {
    _K.PROCESSOR: "privacy_data_processor",
    _K.CONTROLLER: "privacy_other",
    _K.AUTHORITY: "privacy_government_entity",
    _K.GROUP_COMPANY: "privacy_affiliated_entity",
    _K.BUSINESS_TRANSFER: "privacy_other",
    _K.PARTNER: "privacy_business_partner",
    _K.OTHER: "privacy_other",
}
RECIPIENT_JOINT_CONTROLLER: Final = "privacy_joint_controller"

_S = SubjectConcept
SUBJECT_CATEGORY: Final[dict[SubjectConcept, str]] = {
    _S.CUSTOMER: "privacy_customer",
    _S.PROSPECT: "privacy_prospect",
    _S.USER: "privacy_user",
    _S.VISITOR: "privacy_visitor",
    _S.EMPLOYEE: "privacy_employee",
    _S.JOB_APPLICANT: "privacy_job_applicant",
    _S.SUPPLIER: "privacy_business_partner",
    _S.CONTACT_PERSON: "privacy_business_partner",
    _S.SUBSCRIBER: "privacy_other",
    _S.MEMBER: "privacy_other",
    _S.CHILD: "privacy_minor",
    _S.PATIENT: "privacy_other",
    _S.STUDENT: "privacy_other",
    _S.END_USER_OF_CUSTOMER: "privacy_user",
    _S.OTHER: "privacy_other",
}
SUBJECT_OTHER: Final = "privacy_other"

_D = DataConcept
DATA_CATEGORY: Final[dict[DataConcept, str]] = {
    _D.IDENTIFYING: "privacy_basic_identity",
    _D.CONTACT: "privacy_contact_details",
    _D.GOVERNMENT_ID: "privacy_government_identifiers",
    _D.ACCOUNT: "privacy_online_identifiers",
    _D.CREDENTIALS: "privacy_other",
    _D.FINANCIAL: "privacy_financial_data",
    _D.TRANSACTION: "privacy_transaction_history",
    _D.PROFESSIONAL: "privacy_employment_details",
    _D.DEVICE: "privacy_device_information",
    _D.ONLINE_IDENTIFIER: "privacy_online_identifiers",
    _D.USAGE: "privacy_user_behavior",
    _D.LOCATION: "privacy_location_data",
    _D.IMAGE: "privacy_images_photos",
    _D.AUDIO: "privacy_voice_recordings",
    _D.COMMUNICATION: "privacy_correspondence",
    _D.PREFERENCES: "privacy_preferences",
    _D.DEMOGRAPHIC: "privacy_other",
    _D.BEHAVIOURAL: "privacy_user_behavior",
    _D.HISTORICAL: "privacy_other",
    _D.METADATA: "privacy_communication_metadata",
    _D.USER_CONTENT: "privacy_other",
    _D.HEALTH: "privacy_health_data",
    _D.BIOMETRIC: "privacy_biometric_data",
    _D.GENETIC: "privacy_genetic_data",
    _D.ETHNIC_ORIGIN: "privacy_racial_ethnic_origin",
    _D.POLITICAL_OPINION: "privacy_political_opinions",
    _D.RELIGIOUS_BELIEF: "privacy_religious_beliefs",
    _D.TRADE_UNION: "privacy_trade_union_membership",
    _D.SEX_LIFE: "privacy_sex_life_data",
    _D.CRIMINAL: "privacy_criminal_records",
    _D.OTHER: "privacy_other",
}
DATA_OTHER: Final = "privacy_other"

# Only one retention kind says how deletion happens; the others leave the column blank.
DELETION_POLICY: Final[dict[RetentionKind, str]] = {
    RetentionKind.UNTIL_DELETION_REQUEST: "privacy_user_requested_deletion",
}
