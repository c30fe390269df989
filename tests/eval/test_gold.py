"""privmodel.eval.gold: a Policy in the gold annotation format."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from privmodel.eval import score_records, to_gold, write_gold
from privmodel.schema import (
    AgeLimit,
    Controller,
    DataCategory,
    DataProtectionOfficer,
    DataSource,
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
    Recipient,
    RetentionKind,
    RetentionRule,
    Right,
    RightCode,
    RoleClaim,
    SecurityMeasure,
    Source,
    Subprocessor,
    SupervisoryAuthority,
    Transfer,
    TransferMechanism,
)

CONTROLLER = RoleClaim(role=PartyRole.CONTROLLER)
PROCESSOR = RoleClaim(role=PartyRole.PROCESSOR)


def _publisher(*roles: RoleClaim) -> Organisation:
    return Organisation(name="Acme AB", org_number="556881-2670", emails=("info@acme.se",),
                        roles=roles)


def _ev(start: int, quote: str = "x") -> tuple[Evidence, ...]:
    return (Evidence(start=start, end=start + len(quote), quote=quote),)


def test_empty_policy() -> None:
    gold = to_gold(Policy(), "a.txt")
    assert gold["doc"] == "a.txt"
    assert gold["language"] is None
    assert gold["organisation"] == {"name": None, "emails": [], "org_number": None,
                                    "address": None}
    for empty in ("roles", "purposes", "rights", "laws", "retention", "activities"):
        assert gold[empty] == []
    for absent in ("effective_date", "last_updated", "no_transfers_outside_eea", "sells_data",
                   "supervisory_authority", "children_min_age"):
        assert gold[absent] is None
    assert gold["dpo"] is False


def test_organisation_roles_dates_language() -> None:
    publisher = Organisation(
        name="Acme AB", org_number="556881-2670", address="Box 1, Stockholm",
        emails=("info@acme.se", "dpo@acme.se"),
        roles=(PROCESSOR, CONTROLLER, RoleClaim(role=PartyRole.RECIPIENT),
               RoleClaim(role=PartyRole.CONTROLLER, scope="website")),
    )
    policy = Policy(
        source=Source(language="sv"), publisher=publisher,
        effective_date=DateStatement(value=dt.date(2024, 5, 1)),
        last_updated=DateStatement(value=dt.date(2023, 12, 31)),
    )
    gold = to_gold(policy, "b.html")
    assert gold["language"] == "sv"
    assert gold["organisation"] == {"name": "Acme AB", "emails": ["info@acme.se", "dpo@acme.se"],
                                    "org_number": "556881-2670", "address": "Box 1, Stockholm"}
    assert gold["roles"] == ["controller", "processor"]
    assert (gold["effective_date"], gold["last_updated"]) == ("2024-05-01", "2023-12-31")


def _role_items(publisher: Organisation | None) -> Policy:
    return Policy(
        publisher=publisher,
        data_subjects=(DataSubjectCategory(label="Customers"),
                       DataSubjectCategory(label="End users", role=PartyRole.PROCESSOR),
                       DataSubjectCategory(label="Customers", role=PartyRole.JOINT_CONTROLLER)),
        data_categories=(DataCategory(label="Name"),
                         DataCategory(label="Images", role=PartyRole.PROCESSOR)),
        purposes=(Purpose(label="Billing"), Purpose(label="Hosting", role=PartyRole.PROCESSOR)),
    )


def test_primary_role_controller_keeps_controller_items() -> None:
    for publisher in (_publisher(CONTROLLER, PROCESSOR), _publisher(), None):
        gold = to_gold(_role_items(publisher), "d")
        assert gold["data_subject_categories"] == ["Customers"]
        assert gold["data_categories"] == ["Name"]
        assert gold["purposes"] == ["Billing"]


def test_primary_role_processor_keeps_all_items_unique() -> None:
    gold = to_gold(_role_items(_publisher(PROCESSOR)), "d")
    assert gold["roles"] == ["processor"]
    assert gold["data_subject_categories"] == ["Customers", "End users"]
    assert gold["data_categories"] == ["Name", "Images"]
    assert gold["purposes"] == ["Billing", "Hosting"]


def test_legal_bases_letters() -> None:
    codes = (LegalBasisCode.LEGITIMATE_INTERESTS, LegalBasisCode.CONSENT,
             LegalBasisCode.ARCHIVING_RESEARCH_STATISTICS, LegalBasisCode.EXPLICIT_CONSENT)
    p = Purpose(label="Billing")
    bases = (
        *(LegalBasis(code=c) for c in codes),
        LegalBasis(code=LegalBasisCode.CONSENT, purpose_ids=(p.id,)),
    )
    gold = to_gold(Policy(purposes=(p,), legal_bases=bases), "d")
    assert gold["legal_bases"] == ["9-2-a", "9-2-j", "a", "f"]


def test_rights_map_us_delete_and_correct() -> None:
    rights = tuple(Right(code=c) for c in (
        RightCode.DELETE, RightCode.ACCESS, RightCode.ERASURE, RightCode.CORRECT, RightCode.KNOW,
    ))
    assert to_gold(Policy(rights=rights), "d")["rights"] == [
        "access", "erasure", "know", "rectification",
    ]


def test_recipients_and_named_third_parties_in_document_order() -> None:
    policy = Policy(
        controllers=(Controller(name="Partner AB", evidence=_ev(50)),),
        processors=(Processor(name="AWS", evidence=_ev(10)),
                    Processor(name="hosting providers", kind=PartyKind.CATEGORY, evidence=_ev(0))),
        subprocessors=(Subprocessor(name="Stripe"),),
        recipients=(Recipient(name="authorities", kind=PartyKind.CATEGORY),
                    Recipient(name="Google", evidence=_ev(30)),
                    Recipient(name="authorities", kind=PartyKind.CATEGORY, id="recipient:again"),
                    Recipient(name="AWS", id="recipient:aws-again", evidence=_ev(90))),
    )
    gold = to_gold(policy, "d")
    assert gold["recipients"] == ["authorities", "Google", "AWS"]
    assert gold["named_third_parties"] == ["AWS", "Google", "Partner AB", "Stripe"]


def test_transfers_and_eea_declaration() -> None:
    transfers = (
        Transfer(destination="the United States", countries=("US",),
                 mechanisms=(TransferMechanism.SCC, TransferMechanism.DPF, TransferMechanism.SCC)),
        Transfer(destination="the UK and India", countries=("GB", "IN")),
        Transfer(destination="third countries", mechanisms=(TransferMechanism.ADEQUACY,)),
    )
    gold = to_gold(Policy(transfers=transfers), "d")
    assert gold["transfers"] == [
        {"destination": "US", "mechanisms": ["dpf", "scc"]},
        {"destination": "the UK and India", "mechanisms": []},
        {"destination": "third countries", "mechanisms": ["adequacy"]},
    ]
    expected = {Presence.NONE: True, Presence.PRESENT: False, Presence.NOT_STATED: None}
    for presence, value in expected.items():
        declarations = Declarations(transfers_outside_eea=Declaration(presence=presence))
        assert to_gold(Policy(declarations=declarations), "d")["no_transfers_outside_eea"] is value


def test_sells_data_dpo_children() -> None:
    expected = {Presence.NONE: False, Presence.PRESENT: True, Presence.NOT_STATED: None}
    for presence, value in expected.items():
        declarations = Declarations(sale_of_personal_data=Declaration(presence=presence))
        assert to_gold(Policy(declarations=declarations), "d")["sells_data"] is value
    gold = to_gold(Policy(dpo=DataProtectionOfficer(emails=("dpo@acme.se",)),
                          children=AgeLimit(min_age=13)), "d")
    assert gold["dpo"] is True
    assert gold["children_min_age"] == 13


def test_retention() -> None:
    rules = (
        RetentionRule(applies_to="bookkeeping", kind=RetentionKind.LEGAL_REQUIREMENT,
                      duration=Duration.parse("P7Y")),
        RetentionRule(applies_to="logs", kind=RetentionKind.FIXED, duration=Duration.parse("P14D")),
        RetentionRule(applies_to="account", kind=RetentionKind.RELATIONSHIP),
    )
    assert to_gold(Policy(retention_rules=rules), "d")["retention"] == [
        {"applies_to": "bookkeeping", "kind": "legal_requirement", "duration": "P7Y"},
        {"applies_to": "logs", "kind": "fixed", "duration": "P2W"},
        {"applies_to": "account", "kind": "relationship", "duration": None},
    ]


def test_supervisory_authority_keeps_stated_keys() -> None:
    first = SupervisoryAuthority(name="Integritetsskyddsmyndigheten (IMY)",
                                 emails=("imy@imy.se",), phones=("+46 8 657 61 00",),
                                 website="www.imy.se")
    second = SupervisoryAuthority(name="Datatilsynet")
    gold = to_gold(Policy(supervisory_authorities=(first, second)), "d")
    assert gold["supervisory_authority"] == {
        "name": "Integritetsskyddsmyndigheten (IMY)", "email": "imy@imy.se",
        "phone": "+46 8 657 61 00", "website": "www.imy.se",
    }


def test_laws_sources_security_measures() -> None:
    policy = Policy(
        laws=(Law(name="GDPR"), Law(name="Bokföringslagen")),
        sources=(DataSource(label="SPAR"),),
        security_measures=(SecurityMeasure(label="encryption"), SecurityMeasure(label="2FA")),
    )
    gold = to_gold(policy, "d")
    assert gold["laws"] == ["GDPR", "Bokföringslagen"]
    assert gold["sources"] == ["SPAR"]
    assert gold["security_measures"] == ["encryption", "2FA"]


def test_activities_leave_out_derived_ones() -> None:
    subject, data = DataSubjectCategory(label="Customers"), DataCategory(label="Name")
    billing, ads = Purpose(label="Billing"), Purpose(label="Ads")
    basis = LegalBasis(code=LegalBasisCode.CONTRACT)
    open_end = RetentionRule(applies_to="all", kind=RetentionKind.AS_LONG_AS_NECESSARY)
    seven = RetentionRule(applies_to="books", kind=RetentionKind.LEGAL_REQUIREMENT,
                          duration=Duration.parse("P7Y"))
    policy = Policy(
        data_subjects=(subject,), data_categories=(data,), purposes=(billing, ads),
        legal_bases=(basis,), retention_rules=(open_end, seven),
        activities=(
            ProcessingActivity(name="Billing", subject_ids=(subject.id,),
                               data_category_ids=(data.id,), purpose_ids=(billing.id,),
                               legal_basis_ids=(basis.id,),
                               retention_ids=(open_end.id, seven.id)),
            ProcessingActivity(name="Ads", purpose_ids=(ads.id,), derived=True),
            ProcessingActivity(name="Other", purpose_ids=(ads.id,), retention_ids=(open_end.id,)),
        ),
    )
    assert to_gold(policy, "d")["activities"] == [
        {"subjects": ["Customers"], "data": ["Name"], "purposes": ["Billing"],
         "legal_bases": ["b"], "retention": "P7Y"},
        {"subjects": [], "data": [], "purposes": ["Ads"], "legal_bases": [], "retention": None},
    ]


def test_write_gold_and_score_against_itself(tmp_path: Path) -> None:
    policy = Policy(
        source=Source(language="sv"), publisher=_publisher(CONTROLLER),
        purposes=(Purpose(label="Kundtjänst"),), laws=(Law(name="GDPR"),),
        rights=(Right(code=RightCode.ACCESS),),
    )
    path = tmp_path / "g.json"
    write_gold(policy, "g.txt", path)
    text = path.read_text(encoding="utf-8")
    assert "Kundtjänst" in text
    expected = json.dumps(json.loads(text), indent=1, ensure_ascii=False, sort_keys=True)
    assert text == expected + "\n"
    gold = json.loads(text)
    assert gold == to_gold(policy, "g.txt")
    assert score_records([("g", gold, gold)]).overall_f1 == 1.0
