"""The columns of every register table: the single source of headers for every writer.

Each column names the GDPR Art. 30 item it implements ('-' when it implements none, for
keys and good-practice columns from the ICO and CNIL templates), whether Art. 30 requires
it, and whether the policy, a person or privmodel supplies its values.
"""

from __future__ import annotations

from privmodel.export.register.model import Column, TableSpec
from privmodel.export.register.model import ColumnSource as S

_REF = Column("ref", "Ref", "-", True, S.DERIVED, "Stable reference of the row (key)")
_NOTE = Column(
    "note", "Note", "-", True, S.DERIVED, "How privmodel built the row and what it could not link"
)
_SOURCE = Column(
    "source",
    "Source policy",
    "-",
    True,
    S.POLICY,
    "The policy file or address the row was read from",
)
_TODO = Column(
    "completeness",
    "Fields to be completed",
    "-",
    True,
    S.DERIVED,
    "Columns of this row that a person must complete",
)


def _transfer_columns(item: str) -> tuple[Column, ...]:
    return (
        Column(
            "transfer_destinations",
            "Third countries / international organisations",
            item,
            True,
            S.POLICY,
            "Where personal data is transferred outside the EU/EEA",
        ),
        Column(
            "transfer_recipients",
            "Transfer recipients",
            item,
            False,
            S.POLICY,
            "Who receives the transferred data",
        ),
        Column(
            "transfer_safeguards",
            "Transfer safeguards",
            item,
            True,
            S.POLICY,
            "Adequacy decision, standard contractual clauses, BCR, Art. 49 derogation, ...",
        ),
        Column(
            "safeguard_documentation",
            "Safeguard documentation",
            item,
            True,
            S.HUMAN,
            "Where the documentation of suitable safeguards is kept (Art. 49(1) second "
            "subparagraph)",
        ),
    )


def _security(item: str) -> Column:
    return Column(
        "security_measures",
        "Technical and organisational security measures (general description)",
        item,
        True,
        S.POLICY,
        "General description of the measures of Art. 32(1), as the policy words them",
    )


CONTACT = TableSpec(
    key="contact",
    sheet="Contact block",
    title="Name and contact details",
    art30="30(1)(a), 30(2)(a)",
    description="The organisation keeping the register, in each role it takes",
    columns=(
        _REF,
        Column("role", "Role", "-", True, S.POLICY, "Controller (Art. 30(1)) or processor (30(2))"),
        Column("name", "Name", "30(1)(a), 30(2)(a)", True, S.POLICY, "Name of the organisation"),
        Column(
            "registration",
            "Company registration no.",
            "-",
            False,
            S.POLICY,
            "As the policy writes it",
        ),
        Column("address", "Address", "30(1)(a), 30(2)(a)", True, S.POLICY, "Postal address"),
        Column("email", "Email", "30(1)(a), 30(2)(a)", True, S.POLICY, "E-mail addresses"),
        Column("phone", "Telephone", "30(1)(a), 30(2)(a)", True, S.POLICY, "Telephone numbers"),
        Column("website", "Website", "-", False, S.POLICY, "Web address"),
        Column(
            "representative",
            "EU representative (Art. 27)",
            "30(1)(a), 30(2)(a)",
            True,
            S.POLICY,
            "Name and contact details of the representative in the Union, where applicable",
        ),
        Column(
            "dpo",
            "Data protection officer",
            "30(1)(a), 30(2)(a)",
            True,
            S.POLICY,
            "Name and contact details of the DPO, where one is appointed",
        ),
        _SOURCE,
    ),
)

CONTROLLER = TableSpec(
    key="controller",
    sheet="Art30(1) register",
    title="Controller record (Art. 30(1))",
    art30="30(1)",
    description="One row per processing activity carried out as controller",
    columns=(
        _REF,
        Column("activity", "Processing activity", "-", True, S.POLICY, "Name of the activity"),
        Column(
            "origin",
            "Record origin",
            "-",
            True,
            S.DERIVED,
            "'stated in the policy', or 'derived per purpose' when the policy states no activities",
        ),
        Column(
            "role",
            "Our role",
            "-",
            True,
            S.POLICY,
            "Controller or joint controller (routes to 30(1))",
        ),
        Column(
            "joint_controllers",
            "Joint controllers: name and contact details",
            "30(1)(a)",
            True,
            S.POLICY,
            "Joint controllers (Art. 26), where applicable",
        ),
        Column("purposes", "Purposes of processing", "30(1)(b)", True, S.POLICY, "The purposes"),
        Column(
            "data_subjects",
            "Categories of data subjects",
            "30(1)(c)",
            True,
            S.POLICY,
            "Whose personal data is processed",
        ),
        Column(
            "data_categories",
            "Categories of personal data",
            "30(1)(c)",
            True,
            S.POLICY,
            "What personal data is processed (details in the Data categories table)",
        ),
        Column(
            "special_categories",
            "Special-category data (Art. 9)",
            "30(1)(c)",
            True,
            S.POLICY,
            "Special categories among the data categories listed",
        ),
        Column(
            "recipients",
            "Categories of recipients",
            "30(1)(d)",
            True,
            S.POLICY,
            "Recipients, including those in third countries (details in the Recipients table)",
        ),
        Column(
            "recipient_types",
            "Recipient types",
            "30(1)(d)",
            False,
            S.POLICY,
            "Processor, independent controller, public authority, group company, ...",
        ),
        *_transfer_columns("30(1)(e)"),
        Column(
            "retention",
            "Time limits for erasure",
            "30(1)(f)",
            True,
            S.POLICY,
            "Storage periods of the data categories, where possible",
        ),
        Column(
            "retention_criteria",
            "Retention criteria (where no fixed period)",
            "30(1)(f)",
            False,
            S.POLICY,
            "The criteria that set the period when the policy gives no fixed period",
        ),
        _security("30(1)(g)"),
        Column("legal_basis", "Lawful basis (Art. 6)", "-", False, S.POLICY, "Art. 6(1) bases"),
        Column(
            "special_condition",
            "Art. 9 condition",
            "-",
            False,
            S.POLICY,
            "Condition of Art. 9(2) for special-category data",
        ),
        Column(
            "legitimate_interests",
            "Legitimate interests",
            "-",
            False,
            S.POLICY,
            "The interests pursued where the basis is Art. 6(1)(f)",
        ),
        Column(
            "data_sources", "Source of personal data", "-", False, S.POLICY, "Art. 14(2)(f) sources"
        ),
        _NOTE,
        _TODO,
        _SOURCE,
    ),
)

PROCESSOR = TableSpec(
    key="processor",
    sheet="Art30(2) register",
    title="Processor record (Art. 30(2))",
    art30="30(2)",
    description="One row per controller and category of processing carried out for it",
    columns=(
        _REF,
        Column(
            "controller",
            "Controller (customer) name",
            "30(2)(a)",
            True,
            S.POLICY,
            "Each controller on whose behalf the organisation acts",
        ),
        Column(
            "controller_contact",
            "Controller contact details",
            "30(2)(a)",
            True,
            S.HUMAN,
            "Contact details of that controller",
        ),
        Column(
            "controller_representative",
            "Controller's representative",
            "30(2)(a)",
            True,
            S.HUMAN,
            "The controller's representative (Art. 27), where applicable",
        ),
        Column(
            "controller_dpo",
            "Controller's data protection officer",
            "30(2)(a)",
            True,
            S.HUMAN,
            "The controller's DPO, where appointed",
        ),
        Column(
            "processing",
            "Categories of processing carried out on behalf of the controller",
            "30(2)(b)",
            True,
            S.POLICY,
            "What the organisation does with the controller's data",
        ),
        Column(
            "origin",
            "Record origin",
            "-",
            True,
            S.DERIVED,
            "'stated in the policy', 'derived per purpose' or 'derived from the role statement'",
        ),
        Column(
            "subprocessors",
            "Sub-processors",
            "-",
            False,
            S.POLICY,
            "Sub-processors engaged (Art. 28(2), (4))",
        ),
        *_transfer_columns("30(2)(c)"),
        _security("30(2)(d)"),
        _NOTE,
        _TODO,
        _SOURCE,
    ),
)
