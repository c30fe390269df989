"""The Article 30 register model: built from hand-made policies, every cell accounted for."""

from __future__ import annotations

import pytest
from hypothesis import assume, given

import privmodel as pm
from privmodel.errors import ExportError
from privmodel.export import ExportFormat, get_writer
from privmodel.export.register import (
    MARKER_TEXT,
    Cell,
    CellState,
    Register,
    register_from_policies,
)
from privmodel.export.register.columns import CONTROLLER, PROCESSOR
from privmodel.schema.vocab import LegalBasisCode, PartyRole, TransferMechanism
from strategies import policies

MARKERS = set(MARKER_TEXT.values())


def ev(quote: str, start: int = 0) -> tuple[pm.Evidence, ...]:
    return (pm.Evidence(start=start, end=start + len(quote), quote=quote, section=("Intro",)),)


def org(name: str = "Exempel AB", number: str = "556000-0000", **kw: object) -> pm.Organisation:
    return pm.Organisation(
        name=name, org_number=number, emails=("dpo@exempel.se",), evidence=ev(name), **kw
    )


def make_policy(
    *,
    publisher: pm.Organisation | None = None,
    activities: bool = True,
    processor: bool = False,
    text: str = "Fakturering",
    transfers: pm.Presence = pm.Presence.NOT_STATED,
) -> pm.Policy:
    """A small policy; ``text`` lands in labels, so tests can plant hostile strings."""
    billing = pm.Purpose(label=text, evidence=ev(text, 10))
    news = pm.Purpose(label="Nyhetsbrev", evidence=ev("Nyhetsbrev", 30))
    customers = pm.DataSubjectCategory(label="Kunder")
    contact = pm.DataCategory(label="Kontaktuppgifter", examples=("e-post", text))
    health = pm.DataCategory(label="Hälsodata", special_category=True)
    basis = pm.LegalBasis(code=LegalBasisCode.CONTRACT, purpose_ids=(billing.id,))
    rule = pm.RetentionRule(
        applies_to="bokföring",
        kind=pm.RetentionKind.FIXED,
        duration=pm.Duration.parse("P7Y"),
        data_category_ids=(contact.id,),
        law="Bokföringslagen",
    )
    roles = (pm.RoleClaim(role=PartyRole.PROCESSOR, scope="kundernas data"),) if processor else ()
    publisher = publisher or org()
    activity = pm.ProcessingActivity(
        name="Fakturering av kunder",
        purpose_ids=(billing.id,),
        subject_ids=(customers.id,),
        data_category_ids=(contact.id,),
        legal_basis_ids=(basis.id,),
        evidence=ev("Vi fakturerar", 50),
    )
    return pm.Policy(
        source=pm.Source(path="policy.txt"),
        publisher=publisher.model_copy(update={"roles": roles}),
        purposes=(billing, news),
        data_subjects=(customers,),
        data_categories=(contact, health),
        legal_bases=(basis,),
        retention_rules=(rule,),
        processors=(pm.Processor(name="Molnleverantör", kind=pm.PartyKind.CATEGORY),),
        security_measures=(pm.SecurityMeasure(label="Kryptering", kind=pm.MeasureKind.TECHNICAL),),
        transfers=(
            pm.Transfer(
                destination="USA", countries=("US",), mechanisms=(TransferMechanism.PRIVACY_SHIELD,)
            ),
        )
        if transfers is pm.Presence.PRESENT
        else (),
        declarations=pm.Declarations(
            transfers_outside_eea=pm.Declaration(presence=transfers, evidence=ev("inte utanför"))
            if transfers is not pm.Presence.NOT_STATED
            else pm.Declaration()
        ),
        activities=(activity,) if activities else (),
    )


def all_cells(register: Register) -> list[Cell]:
    return [cell for table in register.tables() for row in table.rows for cell in row.cells]


def assert_complete(register: Register) -> None:
    for table in register.tables():
        for row in table.rows:
            assert len(row.cells) == len(table.spec.columns)
            for column, cell in zip(table.spec.columns, row.cells, strict=True):
                assert cell.text.strip(), f"{table.spec.key}/{row.ref}/{column.key} is blank"
                if cell.is_marker:
                    assert cell.text in MARKERS
                    assert not cell.items
                else:
                    assert cell.text not in MARKERS or column.key == "completeness"


def column(register: Register, key: str, table: str = "controller") -> list[str]:
    t = {t.spec.key: t for t in register.tables()}[table]
    i = [c.key for c in t.spec.columns].index(key)
    return [row.cells[i].text for row in t.rows]


def test_every_cell_holds_a_value_or_a_marker() -> None:
    register = register_from_policies([make_policy(processor=True)])
    assert_complete(register)
    assert register.processor is not None


def _strings(value: object) -> set[str]:
    if isinstance(value, str):
        return {value}
    if isinstance(value, dict):
        return set().union(*(_strings(v) for v in value.values()))
    if isinstance(value, list):
        return set().union(*(_strings(v) for v in value))
    return set()


@given(policies())
def test_any_policy_gives_a_complete_register(policy: pm.Policy) -> None:
    # A policy whose own words are a marker's ("to be completed") would make a value cell
    # look like a marker; hypothesis draws such literals from the code under test.
    assume(not MARKERS & _strings(policy.model_dump(mode="json")))
    assert_complete(register_from_policies([policy]))


def test_stated_activity_and_derived_purpose_rows() -> None:
    register = register_from_policies([make_policy()])
    assert column(register, "activity") == ["Fakturering av kunder", "Nyhetsbrev"]
    origin = column(register, "origin")
    assert origin[0] == "stated in the policy"
    assert origin[1].startswith("derived per purpose")
    notes = column(register, "note")
    assert "policy-wide lists are shown" in notes[1]
    assert "data subjects" in notes[1]
    assert column(register, "retention")[0] == "P7Y (Bokföringslagen): bokföring"


def test_policy_without_activities_derives_one_per_purpose() -> None:
    register = register_from_policies([make_policy(activities=False)])
    assert len(register.controller.rows) == 2
    assert all(o.startswith("derived per purpose") for o in column(register, "origin"))
    assert column(register, "data_subjects") == ["Kunder", "Kunder"]
    # The special category makes the Art. 9 condition something a person must supply.
    assert column(register, "special_categories")[0] == "yes: Hälsodata"
    assert column(register, "special_condition")[0] == "to be completed"


def test_markers_follow_what_the_policy_states() -> None:
    silent = register_from_policies([make_policy()])
    none = register_from_policies([make_policy(transfers=pm.Presence.NONE)])
    assert column(silent, "transfer_destinations")[0] == "to be completed"
    assert column(none, "transfer_destinations")[0] == "not applicable"
    assert column(none, "safeguard_documentation")[0] == "not applicable"
    todo = column(silent, "completeness")[0]
    assert "Third countries / international organisations" in todo
    assert "not possible" not in {c.text for c in all_cells(silent)}


def test_transfers_with_an_invalidated_mechanism_are_flagged() -> None:
    register = register_from_policies([make_policy(transfers=pm.Presence.PRESENT)])
    assert column(register, "transfer_destinations")[0] == "USA (US)"
    assert column(register, "safeguard_documentation")[0] == "to be completed"
    assert "invalidated" in column(register, "warning", "transfers")[0]


def test_processor_record_only_for_processors() -> None:
    assert register_from_policies([make_policy()]).processor is None
    register = register_from_policies([make_policy(processor=True)])
    assert register.processor is not None
    assert column(register, "processing", "processor") == ["kundernas data"]
    assert column(register, "controller", "processor") == ["customers (the controllers)"]
    assert column(register, "role", "contact") == ["Controller", "Processor"]
    activity = pm.ProcessingActivity(name="Drift", role=PartyRole.PROCESSOR)
    policy = make_policy().model_copy(update={"activities": (activity,)})
    assert register_from_policies([policy]).processor is not None


def test_mixed_publishers_are_rejected() -> None:
    with pytest.raises(ExportError, match="different publishers"):
        register_from_policies([make_policy(), make_policy(publisher=org("Annat AB"))])
    with pytest.raises(ExportError, match="org_number"):
        register_from_policies([make_policy(), make_policy(publisher=org(number="556111-1111"))])
    with pytest.raises(ExportError):
        register_from_policies([])


def test_policies_of_one_organisation_merge() -> None:
    second = make_policy(publisher=org(name="EXEMPEL AB", phones=("+46 8 123",)), processor=True)
    register = register_from_policies([make_policy(), second])
    refs = [row.ref for row in register.controller.rows]
    assert len(refs) == len(set(refs)) == 4
    assert refs[0].startswith("P1/")
    assert refs[-1].startswith("P2/")
    assert column(register, "phone", "contact") == ["+46 8 123", "+46 8 123"]
    assert register.processor is not None


def test_provenance_quotes_each_row() -> None:
    register = register_from_policies([make_policy()])
    rows = column(register, "row", "provenance")
    quotes = column(register, "quote", "provenance")
    assert "Vi fakturerar" in quotes
    assert {r.ref for r in register.controller.rows} <= set(rows)
    assert "contact:controller" in rows


def test_headers_come_from_the_column_tuples() -> None:
    register = register_from_policies([make_policy(processor=True)])
    assert register.controller.spec is CONTROLLER
    assert register.processor is not None
    assert register.processor.spec is PROCESSOR
    for table in register.tables():
        assert table.spec.columns[0].key == "ref"
        assert all(c.art30 for c in table.spec.columns)
    items = {c.art30 for c in CONTROLLER.columns}
    assert {"30(1)(a)", "30(1)(b)", "30(1)(c)", "30(1)(d)", "30(1)(e)", "30(1)(f)"} <= items
    assert "30(1)(g)" in items


def test_cells_reject_blank_values() -> None:
    with pytest.raises(ValueError, match="non-blank"):
        Cell(CellState.VALUE, (" ",))
    with pytest.raises(ValueError, match="holds no items"):
        Cell(CellState.TO_BE_COMPLETED, ("x",))


def test_json_writer_is_canonical() -> None:
    writer = get_writer(ExportFormat.REGISTER_JSON)
    data, losses = writer.render([make_policy()])
    text = data.decode("utf-8")
    assert text.endswith("}\n")
    assert '"to_be_completed"' in text
    assert text == writer.render([make_policy()])[0].decode("utf-8")
    assert losses == ()
    assert writer.multi
