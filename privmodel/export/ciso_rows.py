"""The rows of every sheet of the CISO Assistant workbook, and what could not be held."""

from __future__ import annotations

from collections.abc import Sequence

from privmodel.export import ciso_columns as C
from privmodel.export import countries
from privmodel.export.ciso_activities import Processing, activities
from privmodel.export.ciso_contractors import contractor_rows, recipient_category
from privmodel.export.ciso_sheets import Sheets
from privmodel.export.ciso_texts import (
    cut,
    joined,
    party_description,
    processing_description,
    purpose_description,
    retention_line,
    transfer_line,
)
from privmodel.export.register.texts import recipient_type, transfer_warning
from privmodel.schema import DataCategory, LegalBasis, Party, Policy, RetentionRule, Transfer
from privmodel.schema.vocab import LegalBasisCode


def build(policy: Policy) -> Sheets:
    """Every activity of the policy as a processing with its child rows."""
    sheets = Sheets()
    _policy_losses(policy, sheets)
    for act in activities(policy):
        _processing(policy, act, sheets)
    return sheets


def _processing(policy: Policy, act: Processing, sheets: Sheets) -> None:
    full = act.source.name
    name = sheets.name(C.PROCESSING, "", full)
    extra: list[str] = []
    _purposes(act, name, sheets, extra)
    _personal_data(policy, act, name, sheets, extra)
    for subject in act.subjects:
        concept = subject.concept
        sheets.add(
            C.DATA_SUBJECTS,
            {
                "name": sheets.name(C.DATA_SUBJECTS, name, subject.label),
                "description": f"Kind: {concept.label('en')}." if concept else "",
                "category": C.SUBJECT_CATEGORY[concept] if concept else C.SUBJECT_OTHER,
                C.PROCESSING_COLUMN: name,
            },
        )
    for party in act.recipients:
        sheets.add(
            C.DATA_RECIPIENTS,
            {
                "name": sheets.name(C.DATA_RECIPIENTS, name, party.name),
                "description": party_description(party, recipient_type(party)),
                "category": recipient_category(party),
                C.PROCESSING_COLUMN: name,
            },
        )
    contractor_rows(policy, act, name, sheets, extra)
    for transfer in act.transfers:
        _transfer(transfer, _parties(policy), name, sheets, extra)
    labels = "privmodel,derived" if act.derived else "privmodel"
    sheets.add(
        C.PROCESSING,
        {
            "ref_id": act.source.id,
            "name": name,
            "description": processing_description(
                policy, act, full if name != full else None, extra
            ),
            "status": C.STATUS_DRAFT,
            "labels": labels,
        },
    )


def _purposes(act: Processing, processing: str, sheets: Sheets, extra: list[str]) -> None:
    unstated = []
    for pb in act.purpose_bases:
        bases: Sequence[LegalBasis] = pb.bases
        derived_consent = False
        if not bases and any(b.code is LegalBasisCode.EXPLICIT_CONSENT for b in pb.special):
            bases = [LegalBasis(code=LegalBasisCode.CONSENT, purpose_ids=(pb.purpose.id,))]
            derived_consent = True
        if not bases:
            unstated.append(pb.purpose.label)
            sheets.lose(
                f"purpose {pb.purpose.label[:60]!r}: no legal basis stated, so no Purposes row "
                "(a blank legal_basis imports as consent); named in the Processing description"
            )
            continue
        if pb.candidates:
            sheets.lose(
                "legal bases the policy does not link to single purposes: one Purposes row per "
                "candidate basis, marked 'Candidate basis' in the row description"
            )
        if len(pb.special) > 1:
            sheets.lose(
                f"purpose {pb.purpose.label[:60]!r}: one article_9_condition per row; the "
                "further Art. 9 conditions are in the row description"
            )
        for basis in bases:
            text = pb.purpose.label
            if len(bases) > 1:
                text = f"{text} [{basis.code.label('en')}]"
            sheets.add(
                C.PURPOSES,
                {
                    "name": sheets.name(C.PURPOSES, processing, text),
                    "description": purpose_description(pb, basis, derived_consent),
                    "legal_basis": C.LEGAL_BASIS[basis.code],
                    "article_9_condition": C.ARTICLE_9[pb.special[0].code] if pb.special else "",
                    C.PROCESSING_COLUMN: processing,
                },
            )
    if unstated:
        extra.append(
            "Purposes without a stated legal basis (not imported as Purposes rows): "
            f"{joined(unstated)}."
        )


def _personal_data(
    policy: Policy, act: Processing, processing: str, sheets: Sheets, extra: list[str]
) -> None:
    act_wide = [r for r in act.retention if not r.data_category_ids]
    used: set[str] = {r.id for r in act_wide}
    for data in act.data:
        rules = [*act_wide, *(r for r in policy.retention_rules if data.id in r.data_category_ids)]
        used.update(r.id for r in rules)
        sheets.add(C.PERSONAL_DATA, _data_cells(data, rules, processing, sheets))
    loose = [r for r in policy.retention_rules if r.id not in used and not r.data_category_ids]
    if loose:
        extra.append(
            "Retention stated without a link to data or to this activity (Art. 30(1)(f)): "
            f"{joined(retention_line(r) for r in loose)}."
        )
        sheets.lose(
            "retention rules linked to no data category: in the Processing description, "
            "not in Personal data.retention"
        )


def _data_cells(
    data: DataCategory, rules: Sequence[RetentionRule], processing: str, sheets: Sheets
) -> dict[str, str]:
    concept = data.concept
    sensitive = data.special_category or (
        concept is not None and (concept.is_special_category or concept.is_criminal)
    )
    retention = joined(retention_line(r) for r in rules)
    if len(retention) > C.RETENTION_MAX:
        sheets.lose(
            f"Personal data {data.label[:60]!r}: retention text cut to {C.RETENTION_MAX} "
            "characters (the full text is in the row description)"
        )
    deletion = [C.DELETION_POLICY[r.kind] for r in rules if r.kind in C.DELETION_POLICY]
    lines = []
    if concept is not None:
        lines.append(f"Kind: {concept.label('en')} ({concept.info.legal_ref}).")
    if data.examples:
        lines.append(f"Examples: {joined(data.examples, ', ')}.")
    if len(retention) > C.RETENTION_MAX:
        lines.append(f"Retention: {retention}")
    return {
        "name": sheets.name(C.PERSONAL_DATA, processing, data.label),
        "description": "\n".join(lines),
        "category": C.DATA_CATEGORY[concept] if concept else C.DATA_OTHER,
        "retention": cut(retention, C.RETENTION_MAX),
        "deletion_policy": deletion[0] if deletion else "",
        "is_sensitive": C.SENSITIVE_YES if sensitive else C.SENSITIVE_NO,
        C.PROCESSING_COLUMN: processing,
    }


def transfer_countries(transfer: Transfer) -> list[str]:
    """ISO 3166-1 alpha-2 codes: the stated ones, else the destination read as a country."""
    codes = [countries.to_code(c) for c in transfer.countries]
    if not codes:
        codes = [countries.to_code(transfer.destination)]
    return list(dict.fromkeys(c for c in codes if c is not None))


def _transfer(
    transfer: Transfer,
    parties: Sequence[Party],
    processing: str,
    sheets: Sheets,
    extra: list[str],
) -> None:
    codes = transfer_countries(transfer)
    if not codes:
        extra.append(f"Transfer without a named country (Chapter V): {transfer_line(transfer)}.")
        sheets.lose(
            f"transfer to {transfer.destination[:60]!r}: no ISO 3166 country, so no Transfers "
            "row (country is required); in the Processing description"
        )
        return
    warning = transfer_warning(transfer)
    if warning:
        sheets.lose(f"transfer to {transfer.destination[:60]!r}: {warning}")
    keys = [C.TRANSFER_MECHANISM[m] for m in transfer.mechanisms if m in C.TRANSFER_MECHANISM]
    guarantees = joined(f"{m.label('en')} ({m.info.legal_ref})" for m in transfer.mechanisms)
    names = joined(p.name for p in parties if p.id in transfer.recipient_ids)
    who = f"Recipients: {names.rstrip('.')}." if names else ""
    for code in codes:
        text = transfer.destination if len(codes) == 1 else f"{transfer.destination} ({code})"
        sheets.add(
            C.TRANSFERS,
            {
                "name": sheets.name(C.TRANSFERS, processing, text),
                "description": joined(
                    [f"Destination as written: {transfer.destination}.", who], "\n"
                ),
                "country": code,
                "transfer_mechanism": keys[0] if keys else "",
                "guarantees": joined([guarantees, warning]),
                C.PROCESSING_COLUMN: processing,
            },
        )


def _policy_losses(policy: Policy, sheets: Sheets) -> None:
    """Facts with no CISO Assistant field, reported once per policy."""
    described = [
        ("controller identity and contact (Art. 30(1)(a))", policy.publisher is not None),
        ("joint controllers", any(c.joint for c in policy.controllers)),
        ("data protection officer", policy.dpo is not None),
        ("representative in the Union", bool(policy.representatives)),
        ("security measures (Art. 30(1)(g))", bool(policy.security_measures)),
        ("rights of the data subject", bool(policy.rights)),
        ("sources of the data (Art. 14(2)(f))", bool(policy.sources)),
    ]
    for what, present in described:
        if present:
            sheets.lose(f"{what}: no CISO Assistant field; in every Processing description")
    if any(f.evidence for _, f in policy.facts()):
        sheets.lose(
            "evidence: up to five quotes per processing in its description; offsets, section "
            "headings and confidence are not exported"
        )
    omitted = [
        ("cookies", len(policy.cookies)),
        ("supervisory authorities", len(policy.supervisory_authorities)),
        ("laws followed", len(policy.laws)),
    ]
    for what, count in omitted:
        if count:
            sheets.lose(f"{what} ({count}): no CISO Assistant field; not exported")
    if policy.children is not None:
        sheets.lose("minimum age: no CISO Assistant field; not exported")
    for label, stmt in (
        ("effective date", policy.effective_date),
        ("last updated", policy.last_updated),
    ):
        if stmt is not None:
            sheets.lose(f"policy {label}: no CISO Assistant field; not exported")


def _parties(policy: Policy) -> tuple[Party, ...]:
    return (*policy.controllers, *policy.processors, *policy.subprocessors, *policy.recipients)
