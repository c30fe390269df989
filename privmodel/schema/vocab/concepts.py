"""Normalised concepts for data categories, purposes and data subjects.

A policy's own wording is kept as the label; these concepts say what kind of thing the
label names, so registers and exports can group and map it (DPV, TILT, Fides).
"""

from __future__ import annotations

from privmodel.schema.vocab._base import DPV, PD, CodeInfo, Vocabulary

_ART4_1 = "GDPR Art. 4(1)"
_ART9 = "GDPR Art. 9(1)"
_ART10 = "GDPR Art. 10"


class DataConcept(Vocabulary):
    """A kind of personal data. Special categories (Art. 9) and criminal data (Art. 10) say so."""

    IDENTIFYING = "identifying"
    CONTACT = "contact"
    GOVERNMENT_ID = "government_id"
    ACCOUNT = "account"
    CREDENTIALS = "credentials"
    FINANCIAL = "financial"
    TRANSACTION = "transaction"
    PROFESSIONAL = "professional"
    DEVICE = "device"
    ONLINE_IDENTIFIER = "online_identifier"
    USAGE = "usage"
    LOCATION = "location"
    IMAGE = "image"
    AUDIO = "audio"
    COMMUNICATION = "communication"
    PREFERENCES = "preferences"
    DEMOGRAPHIC = "demographic"
    BEHAVIOURAL = "behavioural"
    HISTORICAL = "historical"
    METADATA = "metadata"
    USER_CONTENT = "user_content"
    HEALTH = "health"
    BIOMETRIC = "biometric"
    GENETIC = "genetic"
    ETHNIC_ORIGIN = "ethnic_origin"
    POLITICAL_OPINION = "political_opinion"
    RELIGIOUS_BELIEF = "religious_belief"
    TRADE_UNION = "trade_union"
    SEX_LIFE = "sex_life"
    CRIMINAL = "criminal"
    OTHER = "other"

    @property
    def is_special_category(self) -> bool:
        """True for the Art. 9(1) special categories of personal data."""
        return self.info.legal_ref == _ART9

    @property
    def is_criminal(self) -> bool:
        return self.info.legal_ref == _ART10


_D = DataConcept
DataConcept.describe(
    {
        _D.IDENTIFYING: CodeInfo(
            _ART4_1, "Identifying data", "Identifieringsuppgifter", PD + "Identifying"
        ),
        _D.CONTACT: CodeInfo(_ART4_1, "Contact details", "Kontaktuppgifter", PD + "Contact"),
        _D.GOVERNMENT_ID: CodeInfo(
            "GDPR Art. 87", "National identification number", "Personnummer", PD + "OfficialID"
        ),
        _D.ACCOUNT: CodeInfo(_ART4_1, "Account data", "Kontouppgifter", PD + "AccountIdentifier"),
        _D.CREDENTIALS: CodeInfo(
            _ART4_1, "Login credentials", "Inloggningsuppgifter", PD + "Authenticating"
        ),
        _D.FINANCIAL: CodeInfo(
            _ART4_1, "Financial data", "Finansiella uppgifter", PD + "Financial"
        ),
        _D.TRANSACTION: CodeInfo(
            _ART4_1, "Purchases and transactions", "Köp och transaktioner", PD + "Transactional"
        ),
        _D.PROFESSIONAL: CodeInfo(
            _ART4_1, "Professional data", "Yrkesuppgifter", PD + "Professional"
        ),
        _D.DEVICE: CodeInfo(_ART4_1, "Device data", "Enhetsuppgifter", PD + "DeviceBased"),
        _D.ONLINE_IDENTIFIER: CodeInfo(
            "GDPR Recital 30",
            "Online identifiers (IP address, cookie ids)",
            "Nätidentifierare",
            PD + "IPAddress",
        ),
        _D.USAGE: CodeInfo(
            _ART4_1, "Usage data", "Användningsdata", PD + "ServiceConsumptionBehaviour"
        ),
        _D.LOCATION: CodeInfo(_ART4_1, "Location data", "Platsuppgifter", PD + "Location"),
        _D.IMAGE: CodeInfo(_ART4_1, "Images and video", "Bilder och film", PD + "Picture"),
        _D.AUDIO: CodeInfo(
            _ART4_1,
            "Voice and audio recordings",
            "Ljudupptagningar",
            PD + "VoiceCommunicationRecording",
        ),
        _D.COMMUNICATION: CodeInfo(
            _ART4_1, "Communications", "Kommunikation", PD + "Communication"
        ),
        _D.PREFERENCES: CodeInfo(
            _ART4_1, "Preferences and interests", "Preferenser och intressen", PD + "Preference"
        ),
        _D.DEMOGRAPHIC: CodeInfo(
            _ART4_1, "Demographic data", "Demografiska uppgifter", PD + "Demographic"
        ),
        _D.BEHAVIOURAL: CodeInfo(_ART4_1, "Behavioural data", "Beteendedata", PD + "Behavioural"),
        _D.HISTORICAL: CodeInfo(
            _ART4_1, "Historical data", "Historiska uppgifter", PD + "Historical"
        ),
        _D.METADATA: CodeInfo(_ART4_1, "Metadata", "Metadata", PD + "CommunicationsMetadata"),
        _D.USER_CONTENT: CodeInfo(
            _ART4_1,
            "Content provided by the user",
            "Innehåll från användaren",
            DPV + "ProvidedPersonalData",
        ),
        _D.HEALTH: CodeInfo(_ART9, "Health data", "Hälsouppgifter", PD + "Health"),
        _D.BIOMETRIC: CodeInfo(_ART9, "Biometric data", "Biometriska uppgifter", PD + "Biometric"),
        _D.GENETIC: CodeInfo(_ART9, "Genetic data", "Genetiska uppgifter", PD + "Genetic"),
        _D.ETHNIC_ORIGIN: CodeInfo(
            _ART9, "Racial or ethnic origin", "Etniskt ursprung", PD + "EthnicOrigin"
        ),
        _D.POLITICAL_OPINION: CodeInfo(
            _ART9, "Political opinions", "Politiska åsikter", PD + "PoliticalOpinion"
        ),
        _D.RELIGIOUS_BELIEF: CodeInfo(
            _ART9,
            "Religious or philosophical beliefs",
            "Religiös eller filosofisk övertygelse",
            PD + "ReligiousBelief",
        ),
        _D.TRADE_UNION: CodeInfo(
            _ART9,
            "Trade union membership",
            "Medlemskap i fackförening",
            PD + "TradeUnionMembership",
        ),
        _D.SEX_LIFE: CodeInfo(
            _ART9,
            "Sex life or sexual orientation",
            "Sexualliv eller sexuell läggning",
            PD + "Sexual",
        ),
        _D.CRIMINAL: CodeInfo(
            _ART10, "Criminal convictions and offences", "Lagöverträdelser", PD + "Criminal"
        ),
        _D.OTHER: CodeInfo(
            _ART4_1, "Other personal data", "Övriga personuppgifter", DPV + "PersonalData"
        ),
    }
)


class PurposeConcept(Vocabulary):
    """A kind of purpose of processing (GDPR Art. 5(1)(b), Art. 13(1)(c))."""

    SERVICE_PROVISION = "service_provision"
    ACCOUNT_MANAGEMENT = "account_management"
    CONTRACT = "contract"
    CUSTOMER_SUPPORT = "customer_support"
    CUSTOMER_RELATIONSHIP = "customer_relationship"
    ORDER_MANAGEMENT = "order_management"
    PAYMENT = "payment"
    CREDIT_CHECK = "credit_check"
    MARKETING = "marketing"
    PERSONALISED_ADVERTISING = "personalised_advertising"
    PERSONALISATION = "personalisation"
    ANALYTICS = "analytics"
    SERVICE_IMPROVEMENT = "service_improvement"
    RESEARCH = "research"
    SECURITY = "security"
    FRAUD_PREVENTION = "fraud_prevention"
    LEGAL_COMPLIANCE = "legal_compliance"
    LEGAL_CLAIMS = "legal_claims"
    RECRUITMENT = "recruitment"
    HR = "hr"
    VENDOR_MANAGEMENT = "vendor_management"
    COMMUNICATION = "communication"
    RIGHTS_FULFILMENT = "rights_fulfilment"
    OTHER = "other"


_U = PurposeConcept
_ART5 = "GDPR Art. 5(1)(b)"
PurposeConcept.describe(
    {
        _U.SERVICE_PROVISION: CodeInfo(
            _ART5, "Provide the service", "Tillhandahålla tjänsten", DPV + "ServiceProvision"
        ),
        _U.ACCOUNT_MANAGEMENT: CodeInfo(
            _ART5, "Account management", "Kontohantering", DPV + "AccountManagement"
        ),
        _U.CONTRACT: CodeInfo(
            _ART5,
            "Enter into or perform a contract",
            "Ingå eller fullgöra avtal",
            DPV + "FulfilmentOfContractualObligation",
        ),
        _U.CUSTOMER_SUPPORT: CodeInfo(
            _ART5, "Customer support", "Kundsupport", DPV + "CustomerCare"
        ),
        _U.CUSTOMER_RELATIONSHIP: CodeInfo(
            _ART5,
            "Customer relationship management",
            "Kundrelationer",
            DPV + "CustomerRelationshipManagement",
        ),
        _U.ORDER_MANAGEMENT: CodeInfo(
            _ART5, "Orders and delivery", "Order och leverans", DPV + "CustomerOrderManagement"
        ),
        _U.PAYMENT: CodeInfo(
            _ART5, "Payments and invoicing", "Betalning och fakturering", DPV + "PaymentManagement"
        ),
        _U.CREDIT_CHECK: CodeInfo(
            _ART5, "Credit checks", "Kreditprövning", DPV + "CustomerSolvencyMonitoring"
        ),
        _U.MARKETING: CodeInfo(_ART5, "Marketing", "Marknadsföring", DPV + "Marketing"),
        _U.PERSONALISED_ADVERTISING: CodeInfo(
            _ART5, "Personalised advertising", "Riktad reklam", DPV + "PersonalisedAdvertising"
        ),
        _U.PERSONALISATION: CodeInfo(
            _ART5, "Personalisation", "Anpassning", DPV + "Personalisation"
        ),
        _U.ANALYTICS: CodeInfo(
            _ART5, "Analytics and statistics", "Analys och statistik", DPV + "ServiceUsageAnalytics"
        ),
        _U.SERVICE_IMPROVEMENT: CodeInfo(
            _ART5,
            "Improve products and services",
            "Förbättra produkter och tjänster",
            DPV + "ImproveExistingProductsAndServices",
        ),
        _U.RESEARCH: CodeInfo(
            "GDPR Art. 89",
            "Research and development",
            "Forskning och utveckling",
            DPV + "ResearchAndDevelopment",
        ),
        _U.SECURITY: CodeInfo("GDPR Art. 32", "Security", "Säkerhet", DPV + "EnforceSecurity"),
        _U.FRAUD_PREVENTION: CodeInfo(
            _ART5,
            "Fraud and misuse prevention",
            "Förhindra bedrägeri och missbruk",
            DPV + "FraudPreventionAndDetection",
        ),
        _U.LEGAL_COMPLIANCE: CodeInfo(
            "GDPR Art. 6(1)(c)",
            "Comply with the law",
            "Uppfylla rättsliga skyldigheter",
            DPV + "LegalCompliance",
        ),
        _U.LEGAL_CLAIMS: CodeInfo(
            "GDPR Art. 17(3)(e)",
            "Legal claims and disputes",
            "Rättsliga anspråk och tvister",
            DPV + "DisputeManagement",
        ),
        _U.RECRUITMENT: CodeInfo(
            _ART5, "Recruitment", "Rekrytering", DPV + "RecruitmentManagement"
        ),
        _U.HR: CodeInfo(
            "GDPR Art. 88",
            "Human resources",
            "Personaladministration",
            DPV + "HumanResourceManagement",
        ),
        _U.VENDOR_MANAGEMENT: CodeInfo(
            _ART5, "Supplier management", "Leverantörshantering", DPV + "VendorManagement"
        ),
        _U.COMMUNICATION: CodeInfo(
            _ART5, "Communication", "Kommunikation", DPV + "CommunicationManagement"
        ),
        _U.RIGHTS_FULFILMENT: CodeInfo(
            "GDPR Art. 12",
            "Handle data subject requests",
            "Hantera begäranden från registrerade",
            DPV + "RightsFulfilment",
        ),
        _U.OTHER: CodeInfo(_ART5, "Other purpose", "Annat ändamål", DPV + "Purpose"),
    }
)


class SubjectConcept(Vocabulary):
    """A kind of data subject (GDPR Art. 30(1)(c))."""

    CUSTOMER = "customer"
    PROSPECT = "prospect"
    USER = "user"
    VISITOR = "visitor"
    EMPLOYEE = "employee"
    JOB_APPLICANT = "job_applicant"
    SUPPLIER = "supplier"
    CONTACT_PERSON = "contact_person"
    SUBSCRIBER = "subscriber"
    MEMBER = "member"
    CHILD = "child"
    PATIENT = "patient"
    STUDENT = "student"
    END_USER_OF_CUSTOMER = "end_user_of_customer"
    OTHER = "other"


_S = SubjectConcept
_ART30 = "GDPR Art. 30(1)(c)"
SubjectConcept.describe(
    {
        _S.CUSTOMER: CodeInfo(_ART30, "Customers", "Kunder", DPV + "Customer"),
        _S.PROSPECT: CodeInfo(
            _ART30, "Prospective customers", "Potentiella kunder", DPV + "Consumer"
        ),
        _S.USER: CodeInfo(_ART30, "Users", "Användare", DPV + "User"),
        _S.VISITOR: CodeInfo(_ART30, "Visitors", "Besökare", DPV + "Visitor"),
        _S.EMPLOYEE: CodeInfo(_ART30, "Employees", "Anställda", DPV + "Employee"),
        _S.JOB_APPLICANT: CodeInfo(_ART30, "Job applicants", "Arbetssökande", DPV + "JobApplicant"),
        _S.SUPPLIER: CodeInfo(
            _ART30,
            "Suppliers and their contacts",
            "Leverantörer och deras kontaktpersoner",
            DPV + "DataSubject",
        ),
        _S.CONTACT_PERSON: CodeInfo(
            _ART30, "Contact persons", "Kontaktpersoner", DPV + "DataSubject"
        ),
        _S.SUBSCRIBER: CodeInfo(_ART30, "Subscribers", "Prenumeranter", DPV + "Subscriber"),
        _S.MEMBER: CodeInfo(_ART30, "Members", "Medlemmar", DPV + "Member"),
        _S.CHILD: CodeInfo("GDPR Art. 8", "Children", "Barn", DPV + "Child"),
        _S.PATIENT: CodeInfo(_ART30, "Patients", "Patienter", DPV + "Patient"),
        _S.STUDENT: CodeInfo(_ART30, "Students", "Studenter", DPV + "Student"),
        _S.END_USER_OF_CUSTOMER: CodeInfo(
            "GDPR Art. 28", "End users of customers", "Kunders slutanvändare", DPV + "User"
        ),
        _S.OTHER: CodeInfo(
            _ART30, "Other data subjects", "Övriga registrerade", DPV + "DataSubject"
        ),
    }
)
