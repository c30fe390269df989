"""The columns of the child tables: the repeating structures of the register, normalised."""

from __future__ import annotations

from privmodel.export.register.model import Column, TableSpec
from privmodel.export.register.model import ColumnSource as S

_REF = Column("ref", "Ref", "-", True, S.DERIVED, "Stable reference of the row (key)")
_SOURCE = Column(
    "source",
    "Source policy",
    "-",
    True,
    S.POLICY,
    "The policy file or address the row was read from",
)
_USED_IN = Column(
    "used_in",
    "Used in records",
    "-",
    True,
    S.DERIVED,
    "Refs of the controller and processor record rows this row belongs to",
)

DATA_CATEGORIES = TableSpec(
    key="data-categories",
    sheet="Data categories & retention",
    title="Categories of personal data and their erasure time limits",
    art30="30(1)(c), 30(1)(f)",
    description="One row per category of personal data the policy names",
    columns=(
        _REF,
        Column("category", "Category of personal data", "30(1)(c)", True, S.POLICY, "As written"),
        Column("examples", "Examples", "30(1)(c)", False, S.POLICY, "Data items the policy lists"),
        Column(
            "special_category",
            "Special category (Art. 9)",
            "30(1)(c)",
            True,
            S.POLICY,
            "'yes' when the category is special-category data under Art. 9(1)",
        ),
        Column("role", "Our role", "-", True, S.POLICY, "Controller or processor for this data"),
        Column(
            "retention",
            "Time limit for erasure",
            "30(1)(f)",
            True,
            S.POLICY,
            "Storage periods the policy gives for this category (see the Retention table)",
        ),
        Column(
            "retention_criteria",
            "Retention criteria",
            "30(1)(f)",
            False,
            S.POLICY,
            "Criteria that set the period when no fixed period is given",
        ),
        Column("data_sources", "Source of the data", "-", False, S.POLICY, "Art. 14(2)(f) sources"),
        _USED_IN,
        _SOURCE,
    ),
)

RETENTION = TableSpec(
    key="retention",
    sheet="Retention",
    title="Retention rules (time limits for erasure)",
    art30="30(1)(f)",
    description="One row per storage period or retention criterion the policy states",
    columns=(
        _REF,
        Column("applies_to", "Applies to", "30(1)(f)", True, S.POLICY, "What the rule covers"),
        Column("kind", "Kind of rule", "30(1)(f)", True, S.POLICY, "Fixed period, criteria, ..."),
        Column("period", "Period", "30(1)(f)", True, S.POLICY, "ISO 8601 duration and in words"),
        Column("runs_from", "Runs from", "30(1)(f)", False, S.POLICY, "The starting event"),
        Column("criterion", "Criterion", "30(1)(f)", False, S.POLICY, "The criterion stated"),
        Column("law", "Law requiring the period", "-", False, S.POLICY, "As the policy names it"),
        Column(
            "data_categories",
            "Data categories",
            "30(1)(f)",
            True,
            S.POLICY,
            "The categories of personal data the rule covers",
        ),
        _USED_IN,
        _SOURCE,
    ),
)

RECIPIENTS = TableSpec(
    key="recipients",
    sheet="Recipients",
    title="Recipients and processors",
    art30="30(1)(d)",
    description="One row per recipient, processor or sub-processor the policy names",
    columns=(
        _REF,
        Column("recipient", "Recipient", "30(1)(d)", True, S.POLICY, "Name or category"),
        Column(
            "named",
            "Named or category",
            "30(1)(d)",
            True,
            S.POLICY,
            "'named' for one organisation, 'category' for a category of recipients",
        ),
        Column(
            "recipient_type",
            "Recipient type",
            "30(1)(d)",
            True,
            S.POLICY,
            "Processor, sub-processor, independent controller, public authority, ...",
        ),
        Column("description", "What the recipient does", "-", False, S.POLICY, "As written"),
        Column("country", "Country", "30(1)(d)", False, S.POLICY, "ISO 3166-1 alpha-2 code"),
        Column(
            "contract",
            "Link to processor contract (Art. 28)",
            "-",
            False,
            S.HUMAN,
            "Where the Art. 28(3) contract with the processor is kept",
        ),
        _USED_IN,
        _SOURCE,
    ),
)

TRANSFERS = TableSpec(
    key="transfers",
    sheet="Transfers",
    title="Transfers to third countries or international organisations",
    art30="30(1)(e), 30(2)(c)",
    description="One row per transfer the policy states",
    columns=(
        _REF,
        Column(
            "destination",
            "Third country / international organisation",
            "30(1)(e), 30(2)(c)",
            True,
            S.POLICY,
            "The destination as written",
        ),
        Column(
            "countries",
            "Country codes",
            "30(1)(e), 30(2)(c)",
            False,
            S.POLICY,
            "ISO 3166-1 alpha-2 codes when the policy names countries",
        ),
        Column(
            "recipients", "Recipients", "30(1)(e), 30(2)(c)", False, S.POLICY, "Who receives it"
        ),
        Column(
            "safeguards",
            "Safeguards",
            "30(1)(e), 30(2)(c)",
            True,
            S.POLICY,
            "The transfer mechanisms with their legal basis in Chapter V",
        ),
        Column(
            "documentation",
            "Safeguard documentation",
            "30(1)(e), 30(2)(c)",
            True,
            S.HUMAN,
            "Where the documentation of suitable safeguards is kept",
        ),
        Column(
            "warning",
            "Warning",
            "-",
            True,
            S.DERIVED,
            "Mechanisms struck down by the CJEU (Privacy Shield, Safe Harbor)",
        ),
        _USED_IN,
        _SOURCE,
    ),
)

SECURITY = TableSpec(
    key="security-measures",
    sheet="Security measures",
    title="Technical and organisational security measures",
    art30="30(1)(g), 30(2)(d)",
    description="One row per measure the policy describes (general description, Art. 32(1))",
    columns=(
        _REF,
        Column(
            "measure",
            "Measure",
            "30(1)(g), 30(2)(d)",
            True,
            S.POLICY,
            "The measure as the policy words it",
        ),
        Column(
            "kind",
            "Kind",
            "30(1)(g), 30(2)(d)",
            False,
            S.POLICY,
            "Technical, organisational or physical",
        ),
        _USED_IN,
        _SOURCE,
    ),
)

PROVENANCE = TableSpec(
    key="provenance",
    sheet="Provenance",
    title="Provenance: the policy text behind each row",
    art30="-",
    description="One row per quoted span of policy text a register row rests on",
    columns=(
        _REF,
        Column("table", "Table", "-", True, S.DERIVED, "The table of the row the quote supports"),
        Column("row", "Row", "-", True, S.DERIVED, "The Ref of the row the quote supports"),
        Column("fact", "Fact", "-", True, S.DERIVED, "The id of the fact in the policy model"),
        Column("quote", "Quote", "-", True, S.POLICY, "The policy text, verbatim"),
        Column("start", "Start offset", "-", True, S.POLICY, "Offset of the first character"),
        Column("end", "End offset", "-", True, S.POLICY, "Offset just after the last character"),
        Column("section", "Section", "-", True, S.POLICY, "Headings enclosing the quote"),
        _SOURCE,
    ),
)
