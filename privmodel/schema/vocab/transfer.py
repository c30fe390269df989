"""Transfer mechanisms for personal data leaving the EU/EEA (GDPR Chapter V)."""

from __future__ import annotations

from privmodel.schema.vocab._base import EU_GDPR, CodeInfo, Vocabulary


class TransferMechanism(Vocabulary):
    """The safeguard or ground a transfer to a third country rests on.

    ``privacy_shield`` and ``safe_harbor`` were invalidated by the CJEU (Schrems II, 2020;
    Schrems I, 2015): they are kept to read older policies and flagged ``invalidated``.
    """

    ADEQUACY = "adequacy"
    SCC = "scc"
    BCR = "bcr"
    DPF = "dpf"
    CODE_OF_CONDUCT = "code_of_conduct"
    CERTIFICATION = "certification"
    DEROGATION = "derogation"
    CONSENT = "consent"
    SUPPLEMENTARY_MEASURES = "supplementary_measures"
    PRIVACY_SHIELD = "privacy_shield"
    SAFE_HARBOR = "safe_harbor"
    OTHER = "other"


_T = TransferMechanism
TransferMechanism.describe(
    {
        _T.ADEQUACY: CodeInfo(
            "GDPR Art. 45", "Adequacy decision", "Adekvansbeslut", EU_GDPR + "A45-3"
        ),
        _T.SCC: CodeInfo(
            "GDPR Art. 46(2)(c)",
            "Standard contractual clauses",
            "Standardavtalsklausuler",
            EU_GDPR + "A46-2-c",
        ),
        _T.BCR: CodeInfo(
            "GDPR Arts 46(2)(b) and 47",
            "Binding corporate rules",
            "Bindande företagsbestämmelser",
            EU_GDPR + "A46-2-b",
        ),
        _T.DPF: CodeInfo(
            "GDPR Art. 45; Commission Implementing Decision (EU) 2023/1795",
            "EU-US Data Privacy Framework",
            "Dataskyddsramverket mellan EU och USA",
            EU_GDPR + "A45-3",
        ),
        _T.CODE_OF_CONDUCT: CodeInfo(
            "GDPR Art. 46(2)(e)",
            "Approved code of conduct",
            "Godkänd uppförandekod",
            EU_GDPR + "A46-2-e",
        ),
        _T.CERTIFICATION: CodeInfo(
            "GDPR Art. 46(2)(f)",
            "Approved certification mechanism",
            "Godkänd certifieringsmekanism",
            EU_GDPR + "A46-2-f",
        ),
        _T.DEROGATION: CodeInfo(
            "GDPR Art. 49(1)(b)-(g)",
            "Derogation for specific situations",
            "Undantag i särskilda situationer",
            EU_GDPR + "A49-1-b",
        ),
        _T.CONSENT: CodeInfo(
            "GDPR Art. 49(1)(a)",
            "Explicit consent to the transfer",
            "Uttryckligt samtycke till överföringen",
            EU_GDPR + "A49-1-a",
        ),
        _T.SUPPLEMENTARY_MEASURES: CodeInfo(
            "GDPR Art. 46; EDPB Recommendations 01/2020",
            "Supplementary measures",
            "Kompletterande åtgärder",
            EU_GDPR + "SupplementaryMeasure",
        ),
        _T.PRIVACY_SHIELD: CodeInfo(
            "Decision (EU) 2016/1250, invalidated by CJEU C-311/18 (Schrems II)",
            "EU-US Privacy Shield (invalidated)",
            "Privacy Shield mellan EU och USA (ogiltigförklarad)",
            invalidated=True,
        ),
        _T.SAFE_HARBOR: CodeInfo(
            "Decision 2000/520/EC, invalidated by CJEU C-362/14 (Schrems I)",
            "Safe Harbor (invalidated)",
            "Safe Harbor (ogiltigförklarad)",
            invalidated=True,
        ),
        _T.OTHER: CodeInfo(
            "GDPR Chapter V", "Other safeguard", "Annan skyddsåtgärd", EU_GDPR + "DataTransferTool"
        ),
    }
)
