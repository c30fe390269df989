"""Hypothesis strategies that build random valid Policies (shared by the test modules)."""

from __future__ import annotations

import datetime as dt
import string

from hypothesis import strategies as st

from privmodel.schema import (
    AgeLimit,
    Cookie,
    CookieCategory,
    DataCategory,
    DataConcept,
    DataProtectionOfficer,
    DataSubjectCategory,
    DateStatement,
    Declaration,
    Declarations,
    Duration,
    Evidence,
    Law,
    LegalBasis,
    LegalBasisCode,
    Organisation,
    PartyKind,
    PartyRole,
    Policy,
    Presence,
    ProcessingActivity,
    Processor,
    Purpose,
    PurposeConcept,
    Recipient,
    RecipientKind,
    RetentionKind,
    RetentionRule,
    Right,
    RightCode,
    RoleClaim,
    SecurityMeasure,
    Source,
    Transfer,
    TransferMechanism,
)

# Labels in several scripts, including Swedish letters, never blank.
labels = st.text(
    alphabet=string.ascii_letters + string.digits + " åäöÅÄÖéü-/&()'", min_size=1, max_size=30
).filter(lambda s: s.strip() != "")


@st.composite
def evidence(draw: st.DrawFn) -> Evidence:
    quote = draw(st.text(min_size=1, max_size=20))
    start = draw(st.integers(min_value=0, max_value=10_000))
    section = draw(st.lists(labels, max_size=2).map(tuple))
    return Evidence(start=start, end=start + len(quote), quote=quote, section=section)


evidences = st.lists(evidence(), max_size=2).map(tuple)
confidences = st.floats(min_value=0, max_value=1, allow_nan=False)
durations = st.builds(
    Duration.of,
    years=st.integers(0, 10),
    months=st.integers(0, 24),
    days=st.integers(0, 400),
    hours=st.integers(0, 48),
)
emails = st.from_regex(r"[a-z]{1,8}@[a-z]{1,8}\.(se|com|fi)", fullmatch=True)


def _unique(strategy: st.SearchStrategy[list[object]]) -> st.SearchStrategy[tuple[object, ...]]:
    return strategy.map(lambda xs: tuple({x.id: x for x in xs}.values()))  # type: ignore[attr-defined]


@st.composite
def policies(draw: st.DrawFn) -> Policy:
    """A random valid Policy whose references all resolve."""
    fact = {"evidence": evidences, "confidence": confidences}
    subjects = draw(_unique(st.lists(st.builds(DataSubjectCategory, label=labels,
                                               role=st.sampled_from(PartyRole), **fact),
                                     max_size=3)))
    data = draw(_unique(st.lists(st.builds(
        DataCategory, label=labels, examples=st.lists(labels, max_size=3).map(tuple),
        concept=st.none() | st.sampled_from(DataConcept), **fact), max_size=4)))
    purposes = draw(_unique(st.lists(st.builds(
        Purpose, label=labels, concept=st.none() | st.sampled_from(PurposeConcept), **fact),
        max_size=4)))
    purpose_ids = tuple(p.id for p in purposes)  # type: ignore[attr-defined]
    bases = draw(_unique(st.lists(st.builds(
        LegalBasis, code=st.sampled_from(LegalBasisCode),
        purpose_ids=st.lists(st.sampled_from(purpose_ids), max_size=2, unique=True).map(tuple)
        if purpose_ids else st.just(()), **fact), max_size=3)))
    retention = draw(_unique(st.lists(st.builds(
        RetentionRule, applies_to=labels,
        kind=st.sampled_from([k for k in RetentionKind if k is not RetentionKind.FIXED]),
        duration=st.none() | durations, runs_from=st.none() | labels, **fact)
        | st.builds(RetentionRule, applies_to=labels, kind=st.just(RetentionKind.FIXED),
                    duration=durations, duration_is_maximum=st.booleans(), **fact),
        max_size=3)))
    recipients = draw(_unique(st.lists(st.builds(
        Recipient, name=labels, kind=st.sampled_from(PartyKind),
        recipient_kind=st.sampled_from(RecipientKind), **fact), max_size=3)))
    processors = draw(_unique(st.lists(st.builds(
        Processor, name=labels, country=st.none() | st.sampled_from(["SE", "US", "IE"]),
        emails=st.lists(emails, max_size=2).map(tuple), **fact), max_size=2)))
    transfers = draw(_unique(st.lists(st.builds(
        Transfer, destination=labels,
        countries=st.lists(st.sampled_from(["US", "GB", "IN"]), max_size=2, unique=True).map(tuple),
        mechanisms=st.lists(st.sampled_from(TransferMechanism), max_size=3, unique=True).map(tuple),
        **fact), max_size=2)))
    rights = draw(_unique(st.lists(st.builds(Right, code=st.sampled_from(RightCode),
                                             how_to_exercise=st.none() | labels, **fact),
                                   max_size=5)))
    def ids(items: tuple[object, ...]) -> st.SearchStrategy[tuple[str, ...]]:
        pool = [i.id for i in items]  # type: ignore[attr-defined]
        return st.lists(st.sampled_from(pool), unique=True, max_size=3).map(tuple) if pool \
            else st.just(())
    activities = draw(_unique(st.lists(st.builds(
        ProcessingActivity, name=labels, derived=st.booleans(), subject_ids=ids(subjects),
        data_category_ids=ids(data), purpose_ids=ids(purposes), legal_basis_ids=ids(bases),
        recipient_ids=ids(recipients), retention_ids=ids(retention), transfer_ids=ids(transfers),
        **fact), max_size=3)))
    declaration = st.builds(Declaration, presence=st.sampled_from(Presence), evidence=evidences)
    return Policy(
        source=draw(st.builds(Source, path=st.none() | labels, language=st.sampled_from(
            ["en", "sv", "fi"]), media_type=st.just("text/plain"))),
        effective_date=draw(st.none() | st.builds(
            DateStatement, value=st.dates(dt.date(1995, 1, 1), dt.date(2030, 12, 31)),
            evidence=evidences)),
        publisher=draw(st.none() | st.builds(
            Organisation, name=st.none() | labels, emails=st.lists(emails, max_size=2).map(tuple),
            roles=st.lists(st.builds(RoleClaim, role=st.sampled_from(PartyRole)), max_size=2,
                           unique_by=lambda r: r.id).map(tuple))),
        processors=processors, recipients=recipients, data_subjects=subjects,
        data_categories=data, purposes=purposes, legal_bases=bases, retention_rules=retention,
        transfers=transfers, rights=rights, activities=activities,
        security_measures=draw(_unique(st.lists(st.builds(SecurityMeasure, label=labels),
                                                max_size=2))),
        cookies=draw(_unique(st.lists(st.builds(
            Cookie, name=labels, duration=st.none() | durations,
            category=st.none() | st.sampled_from(CookieCategory)), max_size=2))),
        laws=draw(_unique(st.lists(st.builds(Law, name=labels), max_size=2))),
        dpo=draw(st.none() | st.builds(DataProtectionOfficer, name=st.none() | labels,
                                       emails=st.lists(emails, max_size=1).map(tuple))),
        children=draw(st.none() | st.builds(AgeLimit, min_age=st.integers(0, 18))),
        declarations=draw(st.builds(Declarations, transfers_outside_eea=declaration,
                                    sale_of_personal_data=declaration, dpo=declaration)),
    )
