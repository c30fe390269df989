"""How long data is kept: the kind of retention rule a policy states."""

from __future__ import annotations

from privmodel.schema.vocab._base import DPV, EU_GDPR, CodeInfo, Vocabulary

_STORAGE = "GDPR Art. 5(1)(e), Art. 13(2)(a)"


class RetentionKind(Vocabulary):
    """The shape of a retention rule: a fixed period, a criterion, or an open end."""

    FIXED = "fixed"
    AS_LONG_AS_NECESSARY = "as_long_as_necessary"
    LEGAL_REQUIREMENT = "legal_requirement"
    LIMITATION_PERIOD = "limitation_period"
    INDEFINITE = "indefinite"
    UNTIL_DELETION_REQUEST = "until_deletion_request"
    UNTIL_WITHDRAWAL = "until_withdrawal"
    CUSTOMER_CONFIGURED = "customer_configured"
    SESSION = "session"
    CRITERIA = "criteria"
    RELATIONSHIP = "relationship"


_K = RetentionKind
_LIMIT = EU_GDPR + "StorageLimitationPrinciple"
RetentionKind.describe(
    {
        _K.FIXED: CodeInfo(_STORAGE, "Fixed period", "Fast period", DPV + "StorageDuration"),
        _K.AS_LONG_AS_NECESSARY: CodeInfo(
            _STORAGE, "As long as necessary for the purpose", "Så länge det behövs", _LIMIT
        ),
        _K.LEGAL_REQUIREMENT: CodeInfo(
            "GDPR Art. 6(1)(c)", "Period required by law", "Lagstadgad tid", DPV + "StorageDuration"
        ),
        _K.LIMITATION_PERIOD: CodeInfo(
            "GDPR Art. 17(3)(e)",
            "Until claims are time-barred",
            "Till preskription",
            DPV + "StorageDuration",
        ),
        _K.INDEFINITE: CodeInfo(_STORAGE, "Indefinitely", "Tills vidare", DPV + "StorageDuration"),
        _K.UNTIL_DELETION_REQUEST: CodeInfo(
            "GDPR Art. 17",
            "Until the person asks for deletion",
            "Tills den registrerade begär radering",
            DPV + "StorageDeletion",
        ),
        _K.UNTIL_WITHDRAWAL: CodeInfo(
            "GDPR Art. 7(3)",
            "Until consent is withdrawn",
            "Tills samtycket återkallas",
            DPV + "StorageDuration",
        ),
        _K.CUSTOMER_CONFIGURED: CodeInfo(
            "GDPR Art. 28(3)(g)",
            "As configured by the customer (controller)",
            "Enligt kundens (den personuppgiftsansvariges) inställningar",
            DPV + "StorageDuration",
        ),
        _K.SESSION: CodeInfo(
            "ePrivacy Directive Art. 5(3)",
            "For the browser session",
            "Under webbläsarsessionen",
            DPV + "StorageDuration",
        ),
        _K.CRITERIA: CodeInfo(
            _STORAGE,
            "Criteria used to determine the period",
            "Kriterier för att bestämma tiden",
            DPV + "StorageCondition",
        ),
        _K.RELATIONSHIP: CodeInfo(
            _STORAGE,
            "While the account, contract or relationship lasts",
            "Så länge kundförhållandet, avtalet eller kontot består",
            DPV + "StorageDuration",
        ),
    }
)
