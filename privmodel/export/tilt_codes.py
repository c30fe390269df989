"""What TILT fields mean in privmodel codes: shared by the TILT writer and the TILT importer.

TILT (Transparency Information Language, https://github.com/Transparency-Information-Language)
writes legal bases as "GDPR-6-1-a", retention as ISO 8601 ``ttl`` values, transfers as four
safeguard objects per country and rights as one object per right (or pair of rights).
"""

from __future__ import annotations

import re
from typing import Final

from privmodel.schema import Duration, LegalBasisCode, RetentionKind, RightCode, TransferMechanism

SCHEMA_V1: Final = "tilt-schema.json"
SCHEMA_V2: Final = "tilt-schema-v2.json"

# Values written where TILT requires a field the policy does not state (listed as losses).
UNKNOWN_TEXT: Final = ""
UNKNOWN_EMAIL: Final = "unknown@unknown.invalid"  # RFC 2606: .invalid never resolves
UNKNOWN_DATE: Final = "1970-01-01"
UNKNOWN_LANGUAGE: Final = "en"

_R = RightCode
# Each TILT right object and the codes it holds; the first codes are assumed on import
# when the description names none of them.
RIGHT_FIELDS: Final[dict[str, tuple[RightCode, ...]]] = {
    "rightToInformation": (_R.ACCESS, _R.INFORMATION, _R.KNOW),
    "rightToRectificationOrDeletion": (_R.RECTIFICATION, _R.ERASURE, _R.CORRECT, _R.DELETE),
    "rightToDataPortability": (_R.PORTABILITY,),
    "rightToWithdrawConsent": (_R.WITHDRAW_CONSENT,),
    "rightToComplain": (_R.COMPLAINT,),
}
RIGHT_DEFAULTS: Final[dict[str, tuple[RightCode, ...]]] = {
    "rightToInformation": (_R.ACCESS,),
    "rightToRectificationOrDeletion": (_R.RECTIFICATION, _R.ERASURE),
}
ACCESS_FIELD: Final = "accessAndDataPortability"
ACCESS_CODES: Final = (_R.ACCESS, _R.PORTABILITY)

_T = TransferMechanism
ADEQUACY_FIELD: Final = "adequacyDecision"
SCC_FIELD: Final = "standardDataProtectionClause"
GUARANTEES_FIELD: Final = "appropriateGuarantees"
REMEDIES_FIELD: Final = "presenceOfEnforceableRightsAndEffectiveRemedies"
MECHANISM_FIELD: Final[dict[TransferMechanism, str]] = {
    _T.ADEQUACY: ADEQUACY_FIELD,
    _T.DPF: ADEQUACY_FIELD,
    _T.SCC: SCC_FIELD,
}
# Safeguards that are not Art. 46 guarantees: named in a description, never "available".
NOT_GUARANTEES: Final = frozenset({_T.DEROGATION, _T.CONSENT, _T.PRIVACY_SHIELD, _T.SAFE_HARBOR})

_REFERENCE = re.compile(r"GDPR-(\d+)-(\d+)-([a-z])")


def reference(code: LegalBasisCode) -> str:
    """The TILT legal basis reference: "GDPR-6-1-a"."""
    return f"GDPR-{code.article}"


def from_reference(text: str) -> LegalBasisCode | None:
    """The code of a well-formed "GDPR-6-1-a" reference; None for anything else."""
    match = _REFERENCE.fullmatch(text.strip())
    if match is None:
        return None
    try:
        return LegalBasisCode.from_article("-".join(match.groups()))
    except KeyError:
        return None


def ttl(duration: Duration) -> str:
    """An ISO 8601 period TILT's ttl pattern accepts: no weeks (P2W is written P14D)."""
    years, months = divmod(duration.months, 12)
    days, clock = divmod(duration.seconds, 86_400)
    hours, rest = divmod(clock, 3600)
    minutes, seconds = divmod(rest, 60)
    date = "".join(f"{n}{u}" for n, u in ((years, "Y"), (months, "M"), (days, "D")) if n)
    time = "".join(f"{n}{u}" for n, u in ((hours, "H"), (minutes, "M"), (seconds, "S")) if n)
    if not date and not time:
        return "PT0S"
    return "P" + date + ("T" + time if time else "")


def labels_in(text: str, codes: tuple[RightCode, ...]) -> tuple[RightCode, ...]:
    """The codes among ``codes`` whose English label the text contains."""
    lowered = text.lower()
    return tuple(c for c in codes if c.info.label_en.lower() in lowered)


def mechanisms_in(text: str) -> tuple[TransferMechanism, ...]:
    """Transfer mechanisms named by their English label in a description."""
    lowered = text.lower()
    found = [m for m in TransferMechanism if m.info.label_en.lower() in lowered]
    if _T.DPF in found and _T.ADEQUACY in found and "adequacy decision" not in lowered:
        found.remove(_T.ADEQUACY)
    return tuple(found)


def retention_kind_in(texts: list[str]) -> RetentionKind | None:
    """The retention kind whose English label is one of the texts (as the writer puts it)."""
    labels = {k.info.label_en.lower(): k for k in RetentionKind}
    for text in texts:
        kind = labels.get(text.strip().lower())
        if kind is not None:
            return kind
    return None
