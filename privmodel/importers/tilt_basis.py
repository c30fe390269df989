"""Legal bases, parties and retention from TILT values, including free text."""

from __future__ import annotations

import re
from typing import Any

from privmodel.export import tilt_codes as codes
from privmodel.importers.tilt_reader import Reader
from privmodel.schema import (
    Controller,
    Duration,
    LegalBasisCode,
    Party,
    PartyKind,
    Processor,
    Recipient,
    RecipientKind,
    RetentionKind,
    Subprocessor,
)

_L = LegalBasisCode
_ARTICLE = re.compile(
    r"\b(?:Art\.?|Article|Artikel)\s*([69])\s*(?:\(|Abs\.?\s*|para\.?\s*)?\s*([12])\s*\)?\s*"
    r"(?:\(|lit\.?\s*|Buchst\.?\s*|[-,]\s*)?([a-j])\b",
    re.IGNORECASE,
)
_KEYWORDS: tuple[tuple[LegalBasisCode, str], ...] = (
    (_L.CONSENT, r"consent|einwilligung|samtycke"),
    (_L.CONTRACT, r"contract|vertrag|vertrags\w*|avtal"),
    (_L.LEGAL_OBLIGATION,
     r"legal obligation|rechtliche\w* verpflichtung|gesetzliche\w* verpflichtung"
     r"|rättslig förpliktelse"),
    (_L.LEGITIMATE_INTERESTS,
     r"legitimate interests?|berechtigte\w* interesse\w*|intresseavvägning|berättigat intresse"),
    (_L.VITAL_INTERESTS, r"vital interests?|lebenswichtige\w* interesse\w*"),
    (_L.PUBLIC_TASK, r"public interest|öffentliche\w* interesse\w*|allmänt intresse"),
)
_TTL_START = re.compile(r"^\d{4}-?\d{2}-?\d{2}(?:T[\d:.]+)?(?:Z|[+-]\d{2}(?::?\d{2})?)?(?=P)")


def legal_basis(r: Reader, item: Any, path: str) -> LegalBasisCode | None:
    """The code of a TILT legal basis; free text is repaired with a warning, or dropped."""
    if not isinstance(item, dict):
        r.warn(path, f"{type(item).__name__} where a legal basis object is expected; ignored")
        return None
    ref = r.text(item, "reference", f"{path}.reference", required=True) or ""
    code = codes.from_reference(ref)
    if code is not None:
        return code
    text = f"{ref} {r.text(item, 'description', f'{path}.description') or ''}"
    match = _ARTICLE.search(text)
    if match:
        try:
            code = LegalBasisCode.from_article("-".join(g.lower() for g in match.groups()))
        except KeyError:
            code = None
    if code is None:
        found = [(m.start(), c) for c, p in _KEYWORDS
                 if (m := re.search(rf"\b(?:{p})", text, re.IGNORECASE))]
        code = min(found, key=lambda f: f[0])[1] if found else None
    if code is None:
        r.warn(path, f"legal basis {ref!r} names no GDPR Art. 6 or 9 basis; dropped")
    else:
        r.warn(path, f"free-text legal basis {ref!r} read as {codes.reference(code)}")
    return code


def _party_class(category: str) -> tuple[type[Party], dict[str, Any]]:
    lowered = category.lower()
    if re.search(r"sub-?processor|unterauftragsverarbeiter|underbiträde", lowered):
        return Subprocessor, {}
    if re.search(r"processor|auftragsverarbeiter|personuppgiftsbiträde", lowered):
        return Processor, {}
    if re.search(r"controller|verantwortliche", lowered):
        return Controller, {"joint": "joint" in lowered or "gemeinsam" in lowered}
    kinds = {k.info.label_en.lower(): k for k in RecipientKind}
    return Recipient, {"recipient_kind": kinds.get(lowered, RecipientKind.OTHER)}


def recipient(r: Reader, item: Any, path: str) -> Party | None:
    """A named party (class from its category) or a category of recipients."""
    if not isinstance(item, dict):
        r.warn(path, f"{type(item).__name__} where a recipient object is expected; ignored")
        return None
    name = r.text(item, "name", f"{path}.name")
    category = r.text(item, "category", f"{path}.category", required=True)
    country = r.country(item.get("country"), f"{path}.country")
    if name is None and category is None:
        r.warn(path, "recipient with neither name nor category; dropped")
        return None
    if name is None:
        return r.build(Recipient, path, name=category, kind=PartyKind.CATEGORY, country=country)
    cls, extra = _party_class(category or "")
    if category and cls is Recipient and extra["recipient_kind"] is RecipientKind.OTHER:
        extra["description"] = category
    return r.build(cls, path, name=name, country=country, **extra)


def duration(r: Reader, text: str, path: str) -> Duration | None:
    """An ISO 8601 period from a TILT ttl; a leading start date is dropped with a warning."""
    value = text.strip()
    start = _TTL_START.match(value)
    if start:
        r.warn(path, f"ttl {value!r} starts at a date; the start {start.group()!r} is dropped")
        value = value[start.end():]
    try:
        return Duration.parse(value)
    except ValueError:
        r.warn(path, f"ttl {text!r} is not an ISO 8601 period privmodel can hold; dropped")
        return None


def retention_fields(
    r: Reader, item: dict[str, Any], label: str, path: str
) -> list[dict[str, Any]]:
    """RetentionRule fields for one TILT storage entry (one rule per temporal item)."""
    conds = [c.strip() for c in r.arr(item, "purposeConditional", f"{path}.purposeConditional")
             if isinstance(c, str) and c.strip()]
    legal = [b for b in r.arr(item, "legalBasisConditional", f"{path}.legalBasisConditional")
             if isinstance(b, str)]
    kind = codes.retention_kind_in(conds[:1])
    rest = conds[1:] if kind is not None else conds
    if kind is None and codes.reference(LegalBasisCode.LEGAL_OBLIGATION) in legal:
        kind = RetentionKind.LEGAL_REQUIREMENT
    criterion = " ".join(rest) or None
    rules = []
    for j, temporal in enumerate(r.arr(item, "temporal", f"{path}.temporal")):
        where = f"{path}.temporal[{j}]"
        ttl = r.text(temporal, "ttl", f"{where}.ttl", required=True) if isinstance(
            temporal, dict) else None
        period = duration(r, ttl, f"{where}.ttl") if ttl else None
        if period is None:
            continue
        rules.append({
            "applies_to": r.text(temporal, "description", f"{where}.description") or label,
            "kind": kind or RetentionKind.FIXED,
            "duration": period,
            "criterion": criterion,
        })
    if not rules and (criterion or kind):
        rules.append({"applies_to": label, "kind": kind or RetentionKind.CRITERIA,
                      "criterion": criterion})
    return rules

