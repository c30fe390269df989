from __future__ import annotations

import pydantic
import pytest

from privmodel.schema import (
    DataCategory,
    Declarations,
    Evidence,
    LegalBasis,
    LegalBasisCode,
    Organisation,
    PartyKind,
    PartyRole,
    Policy,
    Presence,
    ProcessingActivity,
    Purpose,
    Recipient,
    RoleClaim,
    Subprocessor,
    Transfer,
    TransferMechanism,
    make_id,
)


def test_ids_are_derived_from_content_and_stable() -> None:
    a = Purpose(label="Provide and operate the platform")
    b = Purpose(label="Provide and operate the platform", confidence=0.5)
    assert a.id == b.id == "purpose:provide-and-operate-the-platform"
    assert DataCategory(label="Övrigt").id == "data:ovrigt"
    assert Purpose(label="Marketing", role=PartyRole.PROCESSOR).id != Purpose(label="Marketing").id


def test_long_ids_are_cut_with_a_hash() -> None:
    long_label = "Informera om och erbjuda dig nya marknadsaktiviteter och kundundersökningar " * 2
    fact_id = Purpose(label=long_label).id
    assert len(fact_id) < 90
    assert fact_id != Purpose(label=long_label + "x").id
    assert make_id("purpose", [long_label]) == fact_id


def test_models_are_frozen_and_strict() -> None:
    purpose = Purpose(label="Marketing")
    with pytest.raises(pydantic.ValidationError):
        purpose.label = "Sales"  # type: ignore[misc]
    with pytest.raises(pydantic.ValidationError, match="Extra inputs are not permitted"):
        Purpose(label="Marketing", colour="blue")  # type: ignore[call-arg]


def test_evidence_quote_must_fit_its_span() -> None:
    Evidence(start=10, end=15, quote="hello")
    with pytest.raises(pydantic.ValidationError, match="end - start must equal"):
        Evidence(start=10, end=12, quote="hello")


def test_named_party_and_category() -> None:
    named = Subprocessor(name="Amazon Web Services", country="IE")
    category = Recipient(name="Cloud infrastructure providers", kind=PartyKind.CATEGORY)
    assert named.kind is PartyKind.NAMED
    assert category.kind is PartyKind.CATEGORY


def test_publisher_can_take_two_roles() -> None:
    org = Organisation(
        name="Exempel AB",
        roles=(
            RoleClaim(role=PartyRole.CONTROLLER, scope="customer and supplier data"),
            RoleClaim(role=PartyRole.PROCESSOR, scope="data customers store in the service"),
        ),
    )
    assert [r.role for r in org.roles] == [PartyRole.CONTROLLER, PartyRole.PROCESSOR]


def test_activity_links_by_id() -> None:
    purpose = Purpose(label="Invoicing")
    basis = LegalBasis(code=LegalBasisCode.LEGAL_OBLIGATION, purpose_ids=(purpose.id,))
    activity = ProcessingActivity(
        name="Invoicing", purpose_ids=(purpose.id,), legal_basis_ids=(basis.id,)
    )
    policy = Policy(purposes=(purpose,), legal_bases=(basis,), activities=(activity,))
    assert policy.by_id(activity.purpose_ids[0]) == purpose


def test_dangling_reference_is_rejected_with_its_path() -> None:
    activity = ProcessingActivity(name="x", purpose_ids=("purpose:missing",))
    with pytest.raises(pydantic.ValidationError) as info:
        Policy(activities=(activity,))
    assert "$.activities[0].purpose_ids[0]" in str(info.value)
    assert "purpose:missing" in str(info.value)


def test_duplicate_ids_are_rejected() -> None:
    with pytest.raises(pydantic.ValidationError, match=r"\$\.purposes\[1\]\.id"):
        Policy(purposes=(Purpose(label="A"), Purpose(label="A")))


def test_not_stated_is_not_none() -> None:
    silent = Declarations()
    assert silent.transfers_outside_eea.presence is Presence.NOT_STATED
    stated = Declarations.model_validate(
        {"transfers_outside_eea": {"presence": "none"}, "dpo": {"presence": "none"}}
    )
    assert stated.transfers_outside_eea.presence is Presence.NONE
    assert silent != stated
    for name in ("transfers_outside_eea", "personal_data_collected", "sale_of_personal_data",
                 "dpo", "automated_decision_making"):
        assert getattr(silent, name).presence is Presence.NOT_STATED


def test_invalidated_transfer_mechanism_is_visible() -> None:
    old = Transfer(destination="USA", countries=("US",),
                   mechanisms=(TransferMechanism.PRIVACY_SHIELD,))
    new = Transfer(destination="USA", countries=("US",), mechanisms=(TransferMechanism.DPF,))
    assert old.relies_on_invalidated_mechanism
    assert not new.relies_on_invalidated_mechanism


def test_country_codes_are_iso_alpha_2() -> None:
    with pytest.raises(pydantic.ValidationError, match="pattern"):
        Transfer(destination="USA", countries=("USA",))


def test_explicit_default_gives_the_same_id() -> None:
    implicit = DataCategory(label="Name")
    explicit = DataCategory(label="Name", role=PartyRole.CONTROLLER)
    assert implicit.id == explicit.id == "data:name"
    assert DataCategory(label="Name", role="processor").id == "data:name-processor"
