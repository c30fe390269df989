"""The Fides writer without fideslang: mapping tables, declarations, losses, YAML, goldens.

The acceptance check with the real fideslang is in test_fides_acceptance.py. Goldens are
rewritten with PRIVMODEL_REGENERATE=1; review the diff.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import pytest

import privmodel as pm
from conftest import REGENERATE, ROOT, SEEDS
from privmodel.errors import ExportError
from privmodel.export import ExportFormat, get_writer
from privmodel.export.fides import FidesWriter, manifest
from privmodel.export.fides_taxonomy import TABLES, VOCABULARY, Kind, table
from privmodel.export.fides_yaml import dump_yaml, quote
from privmodel.export.mappings import load_mapping
from privmodel.schema import Policy

SHARED = Path(__file__).resolve().parents[3] / "shared"
ANCHORS = SHARED / "anchors" / "fideslang"
GOLDEN = ROOT / "tests" / "golden" / "fides"
SEED_NAMES = sorted(p.name for p in SEEDS.iterdir() if p.is_file()) if SEEDS.is_dir() else []
_CSV = {
    Kind.DATA_CATEGORY: "data_categories.csv",
    Kind.DATA_USE: "data_uses.csv",
    Kind.DATA_SUBJECT: "data_subjects.csv",
}
# fideslang 3.1.4 field names (ROPA-TOOLS.md §1.2-1.4): anything else is silently dropped.
SYSTEM_FIELDS = {
    "fides_key", "organization_fides_key", "name", "description", "tags", "meta", "system_type",
    "privacy_declarations", "administrating_department", "processes_personal_data",
    "uses_profiling", "legal_basis_for_profiling", "does_international_transfers",
    "legal_basis_for_transfers", "requires_data_protection_assessments", "privacy_policy",
    "legal_name", "legal_address", "responsibility", "dpo", "joint_controller_info",
    "data_security_practices", "uses_cookies", "cookie_max_age_seconds",
}  # fmt: skip
DECLARATION_FIELDS = {
    "name", "data_categories", "data_use", "data_subjects", "legal_basis_for_processing",
    "impact_assessment_location", "retention_period", "processes_special_category_data",
    "special_category_legal_basis", "data_shared_with_third_parties", "third_parties",
    "shared_categories",
}  # fmt: skip
ORGANIZATION_FIELDS = {
    "fides_key", "organization_fides_key", "name", "description", "controller",
    "data_protection_officer", "representative",
}  # fmt: skip
CONTACT_FIELDS = {"name", "address", "email", "phone"}
TAXONOMY_FIELDS = {"fides_key", "organization_fides_key", "name", "description", "parent_key"}


def full_policy() -> Policy:
    """Health data under Art. 9(2)(a), a US transfer under the DPF, a processor chain."""
    return Policy.model_validate(
        {
            "source": {"path": "acme.txt", "uri": "https://acme.example/privacy"},
            "publisher": {
                "name": "Acme Health AB",
                "address": "Storgatan 1, 111 22 Stockholm",
                "country": "SE",
                "emails": ["privacy@acme.example"],
                "phones": ["+46 8 123 456"],
                "roles": [{"role": "controller"}, {"role": "processor"}],
            },
            "dpo": {"name": "Dana Olsson", "emails": ["dpo@acme.example"]},
            "representatives": [{"name": "Acme UK Ltd", "address": "1 High St, London"}],
            "controllers": [
                {"name": "Clinic Partner AB", "joint": True},
                {"name": "customers"},
            ],
            "subprocessors": [{"name": "Cloud Host Inc", "country": "US"}],
            "recipients": [{"name": "pharmacies", "recipient_kind": "controller"}],
            "data_subjects": [
                {"id": "subject:patients", "label": "patients", "concept": "patient"},
                {"id": "subject:users", "label": "app users", "concept": "user"},
                {
                    "id": "subject:end-users",
                    "label": "our customers' end users",
                    "concept": "end_user_of_customer",
                    "role": "processor",
                },
            ],
            "data_categories": [
                {
                    "id": "data:health",
                    "label": "health records",
                    "concept": "health",
                    "special_category": True,
                },
                {"id": "data:contact", "label": "contact details", "concept": "contact"},
                {
                    "id": "data:photos",
                    "label": "photos",
                    "concept": "image",
                    "role": "processor",
                },
            ],
            "purposes": [
                {
                    "id": "purpose:care",
                    "label": "remote consultations",
                    "concept": "service_provision",
                },
                {"id": "purpose:news", "label": "newsletters", "concept": "marketing"},
                {
                    "id": "purpose:hosting",
                    "label": "host customer photos",
                    "concept": "service_provision",
                    "role": "processor",
                },
            ],
            "legal_bases": [
                {"id": "basis:contract", "code": "contract", "purpose_ids": ["purpose:care"]},
                {"id": "basis:art9", "code": "explicit_consent", "purpose_ids": ["purpose:care"]},
                {"id": "basis:consent", "code": "consent", "purpose_ids": ["purpose:news"]},
            ],
            "retention_rules": [
                {
                    "id": "retention:records",
                    "applies_to": "patient records",
                    "kind": "fixed",
                    "duration": "P10Y",
                    "runs_from": "the last visit",
                    "data_category_ids": ["data:health"],
                }
            ],
            "transfers": [
                {
                    "id": "transfer:us",
                    "destination": "the United States",
                    "countries": ["US"],
                    "mechanisms": ["dpf"],
                    "recipient_ids": ["subprocessor:cloud-host-inc"],
                }
            ],
            "rights": [{"code": "access"}, {"code": "erasure"}],
            "security_measures": [{"label": "encryption at rest"}, {"label": "access control"}],
            "activities": [
                {
                    "name": "Remote consultations",
                    "subject_ids": ["subject:patients"],
                    "data_category_ids": ["data:health", "data:contact"],
                    "purpose_ids": ["purpose:care"],
                    "legal_basis_ids": ["basis:contract", "basis:art9"],
                    "recipient_ids": ["subprocessor:cloud-host-inc", "recipient:pharmacies"],
                    "retention_ids": ["retention:records"],
                    "transfer_ids": ["transfer:us"],
                },
                {
                    "name": "Photo hosting",
                    "role": "processor",
                    "subject_ids": ["subject:end-users"],
                    "data_category_ids": ["data:photos"],
                    "purpose_ids": ["purpose:hosting"],
                    "recipient_ids": ["subprocessor:cloud-host-inc"],
                    "controller_ids": ["controller:customers"],
                },
            ],
        }
    )


def seed_policy(name: str, monkeypatch: pytest.MonkeyPatch) -> Policy:
    # A path relative to the repository, so the goldens do not hold this checkout's path.
    monkeypatch.chdir(ROOT)
    try:
        return pm.parse(f"seeds/{name}").policy
    except Exception as exc:  # the seed parsers are written concurrently
        pytest.skip(f"seeds/{name} does not parse yet: {type(exc).__name__}: {exc}")


def declarations(document: dict[str, Any]) -> list[dict[str, Any]]:
    return [d for s in document["system"] for d in s["privacy_declarations"]]


def csv_keys(kind: Kind) -> dict[str, str]:
    """fides_key -> version_deprecated from the anchor CSV (the root pseudo-row left out)."""
    path = ANCHORS / _CSV[kind]
    if not path.is_file():
        pytest.skip(f"{path} is absent")
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    return {r["fides_key"]: r["version_deprecated"] for r in rows if r["fides_key"] != kind.value}


# --- mapping tables ------------------------------------------------------------------


@pytest.mark.parametrize("kind", list(Kind))
def test_every_concept_code_is_mapped(kind: Kind) -> None:
    mapping = table(kind)
    assert set(mapping.keys) == {code.value for code in VOCABULARY[kind]}


@pytest.mark.shared
@pytest.mark.parametrize("kind", list(Kind))
def test_mapped_keys_exist_in_fideslang_or_are_declared(kind: Kind) -> None:
    defaults = csv_keys(kind)
    mapping = table(kind)
    for code, key in mapping.keys.items():
        assert key in defaults or key in mapping.custom, f"{code} -> {key} is unknown"
        assert not defaults.get(key), f"{code} -> {key} is deprecated"
    for key, item in mapping.custom.items():
        assert key not in defaults, f"custom {key} shadows a default key"
        parent = item.parent_key
        assert parent is None or parent in defaults or parent in mapping.custom, key
        if kind is Kind.DATA_SUBJECT:
            assert parent is None, "fideslang's DataSubject has no parent_key"


def test_custom_items_are_all_used_by_the_map() -> None:
    for kind in Kind:
        mapping = table(kind)
        used = set(mapping.keys.values())
        parents = {i.parent_key for i in mapping.custom.values()}
        assert set(mapping.custom) <= used | parents, kind


def test_mapping_loader_reports_unknown_tables_and_codes() -> None:
    with pytest.raises(ExportError, match="no mapping table"):
        load_mapping("fides_nothing")
    with pytest.raises(ExportError, match="no entry"):
        load_mapping(TABLES[Kind.DATA_USE]).key("no_such_code")


# --- the manifest of a full policy ----------------------------------------------------


def test_full_policy_exercises_every_mapped_field() -> None:
    document, _ = manifest(full_policy())
    (system,) = document["system"]
    written = set(system)
    for decl in system["privacy_declarations"]:
        written |= set(decl)
    expected = {
        "responsibility", "legal_name", "legal_address", "dpo", "joint_controller_info",
        "data_security_practices", "does_international_transfers", "legal_basis_for_transfers",
        "privacy_policy", "data_categories", "data_subjects", "legal_basis_for_processing",
        "processes_special_category_data", "special_category_legal_basis", "retention_period",
        "third_parties", "shared_categories", "data_shared_with_third_parties",
    }  # fmt: skip
    assert expected <= written
    (org,) = document["organization"]
    assert {"controller", "data_protection_officer", "representative"} <= set(org)


def test_full_policy_values_use_fideslang_words() -> None:
    document, _ = manifest(full_policy())
    (system,) = document["system"]
    assert system["responsibility"] == ["Controller", "Processor"]
    assert system["does_international_transfers"] is True
    assert system["legal_basis_for_transfers"] == ["Adequacy Decision"]
    assert system["legal_name"] == "Acme Health AB"
    assert system["legal_address"] == "Storgatan 1, 111 22 Stockholm, SE"
    assert system["dpo"] == "Dana Olsson, dpo@acme.example"
    assert system["joint_controller_info"] == "Clinic Partner AB"
    assert system["data_security_practices"] == "encryption at rest; access control"
    assert system["privacy_policy"] == "https://acme.example/privacy"
    by_name = {d["name"]: d for d in system["privacy_declarations"]}
    care = by_name["Remote consultations"]
    assert care["data_use"] == "essential.service"
    assert care["data_categories"] == ["user.contact", "user.health_and_medical"]
    assert care["data_subjects"] == ["patient"]
    assert care["legal_basis_for_processing"] == "Contract"
    assert care["processes_special_category_data"] is True
    assert care["special_category_legal_basis"] == "Explicit consent"
    assert care["retention_period"] == "patient records: fixed period, P10Y, from the last visit"
    assert (
        care["third_parties"]
        == "Cloud Host Inc (sub-processor); pharmacies (independent controller)"
    )
    assert care["shared_categories"] == care["data_categories"]
    hosting = by_name["Photo hosting"]
    assert hosting["data_categories"] == ["user.content.image"]
    assert hosting["data_subjects"] == ["customer_end_user"]
    news = by_name["newsletters"]  # derived: no activity covers the purpose
    assert news["data_use"] == "marketing"
    assert news["legal_basis_for_processing"] == "Consent"


def test_custom_items_are_declared_with_parents() -> None:
    document, _ = manifest(full_policy())
    (category,) = document["data_category"]
    assert category["fides_key"] == "user.content.image"
    assert category["parent_key"] == "user.content"
    subjects = {s["fides_key"]: s for s in document["data_subject"]}
    assert set(subjects) == {"customer_end_user", "service_user"}
    assert all("parent_key" not in s for s in subjects.values())
    assert "data_use" not in document  # every use is a default key


def test_written_fields_are_fideslang_fields() -> None:
    document, _ = manifest(full_policy())
    for system in document["system"]:
        assert set(system) <= SYSTEM_FIELDS
        for decl in system["privacy_declarations"]:
            assert set(decl) <= DECLARATION_FIELDS
    for org in document["organization"]:
        assert set(org) <= ORGANIZATION_FIELDS
        for field in ("controller", "data_protection_officer", "representative"):
            assert set(org.get(field, {})) <= CONTACT_FIELDS
    for kind in Kind:
        for item in document.get(kind.value, []):
            assert set(item) <= TAXONOMY_FIELDS


def test_losses_are_reported() -> None:
    _, losses = manifest(full_policy())
    text = "\n".join(losses)
    assert "the United States (US)" in text
    assert "dpf" in text
    assert "'Adequacy Decision'" in text
    assert "rights (access, erasure)" in text
    assert "retention 'patient records' applies to data:health" in text
    assert "customers" in text  # the controller acted for
    assert "Cloud Host Inc" in text  # its country


def test_several_bases_keep_the_first_and_report_the_rest() -> None:
    policy = full_policy()
    extra = pm.LegalBasis(code="consent", purpose_ids=("purpose:care",))
    care = policy.activities[0]
    care = care.model_copy(update={"legal_basis_ids": (*care.legal_basis_ids, extra.id)})
    changed = {"legal_bases": (*policy.legal_bases, extra), "activities": (care,)}
    document, losses = manifest(policy.model_copy(update=changed))
    care = next(d for d in declarations(document) if d["name"] == "Remote consultations")
    assert care["legal_basis_for_processing"] == "Contract"
    assert any("kept 'Contract', lost Consent" in loss for loss in losses)


def test_declaration_names_are_unique() -> None:
    policy = full_policy()
    twin = policy.activities[0].model_copy(update={"id": "activity:twin"})
    document, _ = manifest(policy.model_copy(update={"activities": (*policy.activities, twin)}))
    names = [d["name"] for d in declarations(document)]
    assert len(names) == len(set(names))
    assert {"Remote consultations (1)", "Remote consultations (2)"} <= set(names)
    assert names == sorted(names)


def test_output_is_byte_stable_and_registered() -> None:
    writer = get_writer(ExportFormat.FIDES)
    assert isinstance(writer, FidesWriter)
    first, losses = writer.render([full_policy()])
    again = Policy.model_validate_json(full_policy().model_dump_json(by_alias=True))
    assert writer.render([again]) == (first, losses)
    assert first.startswith(b"organization:\n")


def test_write_file(tmp_path: Path) -> None:
    report = FidesWriter().write_file([full_policy()], tmp_path / "acme.fides.yml")
    assert report.paths == (tmp_path / "acme.fides.yml",)
    assert report.losses
    assert (tmp_path / "acme.fides.yml").read_bytes() == FidesWriter().render([full_policy()])[0]


# --- the YAML emitter -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("user.contact", "user.contact"),
        ("Sub-Processor", "Sub-Processor"),
        ("Legal obligations", "Legal obligations"),
        ("yes", '"yes"'),
        ("Off", '"Off"'),
        ("null", '"null"'),
        ("123", '"123"'),
        ("", '""'),
        ("a: b", '"a: b"'),
        ("x #y", '"x #y"'),
        ("Övrigt", '"Övrigt"'),
        ('say "hi"\n', '"say \\"hi\\"\\n"'),
        ("a\x85b\u2028c\x7f", '"a\\u0085b\\u2028c\\u007f"'),
    ],
)
def test_quote(text: str, expected: str) -> None:
    assert quote(text) == expected


def test_dump_yaml_shapes() -> None:
    text = dump_yaml({"a": [{"b": True, "c": []}, "d"], "e": {}, "f": {"g": 3}})
    assert text == "a:\n  - b: true\n    c: []\n  - d\ne: {}\nf:\n  g: 3\n"


# --- goldens --------------------------------------------------------------------------


@pytest.mark.parametrize("name", SEED_NAMES)
def test_golden(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    data, losses = FidesWriter().render([seed_policy(name, monkeypatch)])
    document, _ = manifest(seed_policy(name, monkeypatch))
    names = [d["name"] for d in declarations(document)]
    assert names
    assert all(names)
    assert len(names) == len(set(names))
    assert losses, "every seed loses at least its evidence"
    path = GOLDEN / f"{Path(name).stem}.yml"
    if REGENERATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        return
    assert path.exists(), f"{path} is missing: rerun with PRIVMODEL_REGENERATE=1"
    assert data == path.read_bytes(), f"{path} is stale: rerun with PRIVMODEL_REGENERATE=1"
