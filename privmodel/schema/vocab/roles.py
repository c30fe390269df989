"""Roles a party takes in processing (GDPR Art. 4 definitions)."""

from __future__ import annotations

from privmodel.schema.vocab._base import DPV, CodeInfo, Vocabulary


class PartyRole(Vocabulary):
    """The role an organisation takes towards some personal data."""

    CONTROLLER = "controller"
    JOINT_CONTROLLER = "joint_controller"
    PROCESSOR = "processor"
    SUBPROCESSOR = "subprocessor"
    RECIPIENT = "recipient"
    THIRD_PARTY = "third_party"
    REPRESENTATIVE = "representative"
    DPO = "dpo"
    SUPERVISORY_AUTHORITY = "supervisory_authority"


class RecipientKind(Vocabulary):
    """What sort of recipient a disclosure goes to (GDPR Art. 13(1)(e))."""

    PROCESSOR = "processor"
    CONTROLLER = "controller"
    AUTHORITY = "authority"
    GROUP_COMPANY = "group_company"
    BUSINESS_TRANSFER = "business_transfer"
    PARTNER = "partner"
    OTHER = "other"


_P = PartyRole
PartyRole.describe(
    {
        _P.CONTROLLER: CodeInfo(
            "GDPR Art. 4(7)", "Controller", "Personuppgiftsansvarig", DPV + "DataController"
        ),
        _P.JOINT_CONTROLLER: CodeInfo(
            "GDPR Art. 26",
            "Joint controller",
            "Gemensamt personuppgiftsansvarig",
            DPV + "JointDataControllers",
        ),
        _P.PROCESSOR: CodeInfo(
            "GDPR Art. 4(8)", "Processor", "Personuppgiftsbiträde", DPV + "DataProcessor"
        ),
        _P.SUBPROCESSOR: CodeInfo(
            "GDPR Art. 28(2), 28(4)",
            "Sub-processor",
            "Underbiträde",
            DPV + "DataSubProcessor",
        ),
        _P.RECIPIENT: CodeInfo("GDPR Art. 4(9)", "Recipient", "Mottagare", DPV + "Recipient"),
        _P.THIRD_PARTY: CodeInfo(
            "GDPR Art. 4(10)", "Third party", "Tredje part", DPV + "ThirdParty"
        ),
        _P.REPRESENTATIVE: CodeInfo(
            "GDPR Art. 27", "Representative in the Union", "Företrädare i unionen"
        ),
        _P.DPO: CodeInfo(
            "GDPR Arts 37-39",
            "Data protection officer",
            "Dataskyddsombud",
            DPV + "DataProtectionOfficer",
        ),
        _P.SUPERVISORY_AUTHORITY: CodeInfo(
            "GDPR Art. 51",
            "Supervisory authority",
            "Tillsynsmyndighet",
            "https://w3id.org/dpv/legal/eu/gdpr#DataProtectionAuthority",
        ),
    }
)

_K = RecipientKind
RecipientKind.describe(
    {
        _K.PROCESSOR: CodeInfo(
            "GDPR Art. 28", "Processor", "Personuppgiftsbiträde", DPV + "DataProcessor"
        ),
        _K.CONTROLLER: CodeInfo(
            "GDPR Art. 4(7)",
            "Independent controller",
            "Självständigt personuppgiftsansvarig",
            DPV + "DataController",
        ),
        _K.AUTHORITY: CodeInfo(
            "GDPR Art. 4(9)", "Public authority", "Myndighet", DPV + "Recipient"
        ),
        _K.GROUP_COMPANY: CodeInfo(
            "GDPR Recital 48", "Group company", "Koncernbolag", DPV + "Recipient"
        ),
        _K.BUSINESS_TRANSFER: CodeInfo(
            "GDPR Art. 6(1)(f)",
            "Buyer or seller in a business transfer",
            "Köpare eller säljare vid företagsöverlåtelse",
            DPV + "Recipient",
        ),
        _K.PARTNER: CodeInfo(
            "GDPR Art. 4(9)", "Business partner", "Samarbetspartner", DPV + "ThirdParty"
        ),
        _K.OTHER: CodeInfo(
            "GDPR Art. 4(9)", "Other recipient", "Annan mottagare", DPV + "Recipient"
        ),
    }
)
