"""Rights of the data subject: GDPR Arts 13-22, 7(3) and 77, and US state privacy rights."""

from __future__ import annotations

from privmodel.schema.vocab._base import EU_GDPR, CodeInfo, Vocabulary


class RightCode(Vocabulary):
    """A right the policy grants, coded by what the text grants, not by its heading."""

    INFORMATION = "information"
    ACCESS = "access"
    RECTIFICATION = "rectification"
    ERASURE = "erasure"
    RESTRICTION = "restriction"
    PORTABILITY = "portability"
    OBJECT = "object"
    OPT_OUT_MARKETING = "opt_out_marketing"
    AUTOMATED_DECISION = "automated_decision"
    WITHDRAW_CONSENT = "withdraw_consent"
    COMPLAINT = "complaint"
    KNOW = "know"
    DELETE = "delete"
    CORRECT = "correct"
    OPT_OUT_SALE = "opt_out_sale"
    OPT_OUT_TARGETED_ADVERTISING = "opt_out_targeted_advertising"
    OPT_OUT_PROFILING = "opt_out_profiling"
    NON_DISCRIMINATION = "non_discrimination"

    @property
    def is_us_state_right(self) -> bool:
        return self.info.legal_ref.startswith("US ")


_R = RightCode
_US = "US state privacy laws (CCPA/CPRA, VCDPA and others)"
RightCode.describe(
    {
        _R.INFORMATION: CodeInfo(
            "GDPR Arts 13-14", "Right to be informed", "Rätt till information", EU_GDPR + "A13"
        ),
        _R.ACCESS: CodeInfo(
            "GDPR Art. 15", "Right of access", "Rätt till tillgång", EU_GDPR + "A15"
        ),
        _R.RECTIFICATION: CodeInfo(
            "GDPR Art. 16", "Right to rectification", "Rätt till rättelse", EU_GDPR + "A16"
        ),
        _R.ERASURE: CodeInfo(
            "GDPR Art. 17",
            "Right to erasure",
            "Rätt till radering (rätten att bli bortglömd)",
            EU_GDPR + "A17",
        ),
        _R.RESTRICTION: CodeInfo(
            "GDPR Art. 18",
            "Right to restriction of processing",
            "Rätt till begränsning av behandling",
            EU_GDPR + "A18",
        ),
        _R.PORTABILITY: CodeInfo(
            "GDPR Art. 20",
            "Right to data portability",
            "Rätt till dataportabilitet",
            EU_GDPR + "A20",
        ),
        _R.OBJECT: CodeInfo(
            "GDPR Art. 21(1)", "Right to object", "Rätt att invända", EU_GDPR + "A21"
        ),
        _R.OPT_OUT_MARKETING: CodeInfo(
            "GDPR Art. 21(2)-(3)",
            "Right to object to direct marketing",
            "Rätt att invända mot direktmarknadsföring",
            EU_GDPR + "A21",
        ),
        _R.AUTOMATED_DECISION: CodeInfo(
            "GDPR Art. 22",
            "Right not to be subject to automated decision-making",
            "Rätt att inte bli föremål för automatiserat beslutsfattande",
            EU_GDPR + "A22",
        ),
        _R.WITHDRAW_CONSENT: CodeInfo(
            "GDPR Art. 7(3)",
            "Right to withdraw consent",
            "Rätt att återkalla samtycke",
            EU_GDPR + "A7-3",
        ),
        _R.COMPLAINT: CodeInfo(
            "GDPR Art. 77",
            "Right to lodge a complaint with a supervisory authority",
            "Rätt att lämna klagomål till en tillsynsmyndighet",
            EU_GDPR + "A77",
        ),
        _R.KNOW: CodeInfo(f"US {_US}: right to know", "Right to know", "Rätt att få veta"),
        _R.DELETE: CodeInfo(f"US {_US}: right to delete", "Right to delete", "Rätt till radering"),
        _R.CORRECT: CodeInfo(
            f"US {_US}: right to correct", "Right to correct", "Rätt till korrigering"
        ),
        _R.OPT_OUT_SALE: CodeInfo(
            f"US {_US}: right to opt out of sale or sharing",
            "Right to opt out of the sale or sharing of personal information",
            "Rätt att motsätta sig försäljning eller delning av personuppgifter",
        ),
        _R.OPT_OUT_TARGETED_ADVERTISING: CodeInfo(
            f"US {_US}: right to opt out of targeted advertising",
            "Right to opt out of targeted advertising",
            "Rätt att motsätta sig riktad reklam",
        ),
        _R.OPT_OUT_PROFILING: CodeInfo(
            f"US {_US}: right to opt out of profiling",
            "Right to opt out of profiling",
            "Rätt att motsätta sig profilering",
        ),
        _R.NON_DISCRIMINATION: CodeInfo(
            f"US {_US}: right to non-discrimination",
            "Right to non-discrimination for exercising privacy rights",
            "Rätt att inte diskrimineras för att man utövar sina rättigheter",
        ),
    }
)
