"""Legal bases: GDPR Art. 6(1)(a)-(f) and the Art. 9(2)(a)-(j) conditions for special data."""

from __future__ import annotations

from privmodel.schema.vocab._base import DPV, EU_GDPR, CodeInfo, Vocabulary


class LegalBasisCode(Vocabulary):
    """A lawful basis (GDPR Art. 6(1)) or a special-category condition (Art. 9(2))."""

    CONSENT = "consent"
    CONTRACT = "contract"
    LEGAL_OBLIGATION = "legal_obligation"
    VITAL_INTERESTS = "vital_interests"
    PUBLIC_TASK = "public_task"
    LEGITIMATE_INTERESTS = "legitimate_interests"
    EXPLICIT_CONSENT = "explicit_consent"
    EMPLOYMENT_SOCIAL_SECURITY = "employment_social_security"
    VITAL_INTERESTS_INCAPABLE = "vital_interests_incapable"
    NOT_FOR_PROFIT_BODY = "not_for_profit_body"
    MADE_PUBLIC = "made_public"
    LEGAL_CLAIMS = "legal_claims"
    SUBSTANTIAL_PUBLIC_INTEREST = "substantial_public_interest"
    HEALTH_OR_SOCIAL_CARE = "health_or_social_care"
    PUBLIC_HEALTH = "public_health"
    ARCHIVING_RESEARCH_STATISTICS = "archiving_research_statistics"

    @property
    def article(self) -> str:
        """The provision as "6-1-a" or "9-2-j"."""
        return _ARTICLE[self]

    @property
    def is_special_category_condition(self) -> bool:
        return self.article.startswith("9-")

    @classmethod
    def from_article(cls, article: str) -> LegalBasisCode:
        """The code for "6-1-b", "9-2-a" and similar; raises KeyError when unknown."""
        return _BY_ARTICLE[article.lower()]


_ARTICLE: dict[LegalBasisCode, str] = {
    code: f"{art}-{letter}"
    for art, codes in (
        ("6-1", list(LegalBasisCode)[:6]),
        ("9-2", list(LegalBasisCode)[6:]),
    )
    for letter, code in zip("abcdefghij", codes, strict=False)
}
_BY_ARTICLE = {article: code for code, article in _ARTICLE.items()}

_C = LegalBasisCode
LegalBasisCode.describe(
    {
        _C.CONSENT: CodeInfo("GDPR Art. 6(1)(a)", "Consent", "Samtycke", EU_GDPR + "A6-1-a"),
        _C.CONTRACT: CodeInfo(
            "GDPR Art. 6(1)(b)", "Performance of a contract", "Avtal", EU_GDPR + "A6-1-b"
        ),
        _C.LEGAL_OBLIGATION: CodeInfo(
            "GDPR Art. 6(1)(c)", "Legal obligation", "Rättslig förpliktelse", EU_GDPR + "A6-1-c"
        ),
        _C.VITAL_INTERESTS: CodeInfo(
            "GDPR Art. 6(1)(d)", "Vital interests", "Grundläggande intressen", EU_GDPR + "A6-1-d"
        ),
        _C.PUBLIC_TASK: CodeInfo(
            "GDPR Art. 6(1)(e)",
            "Public task",
            "Allmänt intresse eller myndighetsutövning",
            EU_GDPR + "A6-1-e",
        ),
        _C.LEGITIMATE_INTERESTS: CodeInfo(
            "GDPR Art. 6(1)(f)", "Legitimate interests", "Intresseavvägning", EU_GDPR + "A6-1-f"
        ),
        _C.EXPLICIT_CONSENT: CodeInfo(
            "GDPR Art. 9(2)(a)", "Explicit consent", "Uttryckligt samtycke", EU_GDPR + "A9-2-a"
        ),
        _C.EMPLOYMENT_SOCIAL_SECURITY: CodeInfo(
            "GDPR Art. 9(2)(b)",
            "Employment, social security and social protection law",
            "Arbetsrätt, social trygghet och socialt skydd",
            EU_GDPR + "A9-2-b",
        ),
        _C.VITAL_INTERESTS_INCAPABLE: CodeInfo(
            "GDPR Art. 9(2)(c)",
            "Vital interests where the data subject cannot consent",
            "Grundläggande intressen när den registrerade inte kan samtycka",
            EU_GDPR + "A9-2-c",
        ),
        _C.NOT_FOR_PROFIT_BODY: CodeInfo(
            "GDPR Art. 9(2)(d)",
            "Not-for-profit body with a political, philosophical, religious or trade union aim",
            "Ideell organisation med politiskt, filosofiskt, religiöst eller fackligt syfte",
            EU_GDPR + "A9-2-d",
        ),
        _C.MADE_PUBLIC: CodeInfo(
            "GDPR Art. 9(2)(e)",
            "Data manifestly made public by the data subject",
            "Uppgifter som den registrerade offentliggjort",
            EU_GDPR + "A9-2-e",
        ),
        _C.LEGAL_CLAIMS: CodeInfo(
            "GDPR Art. 9(2)(f)",
            "Legal claims or judicial acts",
            "Rättsliga anspråk",
            EU_GDPR + "A9-2-f",
        ),
        _C.SUBSTANTIAL_PUBLIC_INTEREST: CodeInfo(
            "GDPR Art. 9(2)(g)",
            "Substantial public interest",
            "Viktigt allmänt intresse",
            EU_GDPR + "A9-2-g",
        ),
        _C.HEALTH_OR_SOCIAL_CARE: CodeInfo(
            "GDPR Art. 9(2)(h)",
            "Preventive or occupational medicine, health or social care",
            "Förebyggande hälso- och sjukvård, social omsorg",
            EU_GDPR + "A9-2-h",
        ),
        _C.PUBLIC_HEALTH: CodeInfo(
            "GDPR Art. 9(2)(i)", "Public health", "Folkhälsa", EU_GDPR + "A9-2-i"
        ),
        _C.ARCHIVING_RESEARCH_STATISTICS: CodeInfo(
            "GDPR Art. 9(2)(j)",
            "Archiving, scientific or historical research, statistics",
            "Arkivändamål, forskning och statistik",
            EU_GDPR + "A9-2-j",
        ),
    }
)

# DPV core concepts for the Art. 6 bases, used where a jurisdiction-neutral term is wanted.
DPV_CORE: dict[LegalBasisCode, str] = {
    _C.CONSENT: DPV + "Consent",
    _C.CONTRACT: DPV + "Contract",
    _C.LEGAL_OBLIGATION: DPV + "LegalObligation",
    _C.VITAL_INTERESTS: DPV + "VitalInterest",
    _C.PUBLIC_TASK: DPV + "PublicInterest",
    _C.LEGITIMATE_INTERESTS: DPV + "LegitimateInterest",
}
