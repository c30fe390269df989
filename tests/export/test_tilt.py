"""TILT export: schema validity (v1 and v2), stable bytes, codes, losses and golden files."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from conftest import REGENERATE, SEEDS, SHARED
from privmodel.export import ExportFormat, get_writer
from privmodel.schema import (
    Duration,
    LegalBasis,
    LegalBasisCode,
    Organisation,
    Policy,
    Purpose,
    RetentionKind,
    RetentionRule,
    Right,
    RightCode,
    SecurityMeasure,
    Source,
    Subprocessor,
    Transfer,
    TransferMechanism,
)

jsonschema = pytest.importorskip("jsonschema")
TILT = SHARED / "anchors" / "tilt"
GOLDEN = Path(__file__).resolve().parents[1] / "golden" / "tilt"
needs_shared = pytest.mark.skipif(not TILT.is_dir(), reason="../shared is absent")


def _validator(v2: bool) -> Any:
    schema = json.loads((TILT / ("tilt-schema-v2.json" if v2 else "tilt-schema.json")).read_text())
    return jsonschema.Draft7Validator(schema, format_checker=jsonschema.FormatChecker())


def _errors(doc: dict[str, Any], v2: bool = False) -> list[str]:
    return [f"{list(e.absolute_path)}: {e.message}" for e in _validator(v2).iter_errors(doc)]


def make_policy() -> Policy:
    return Policy(
        source=Source(sha256="a" * 64, language="en", uri="https://example.com/privacy"),
        publisher=Organisation(name="Example AB", address="Box 1, 111 22 Stockholm, Sweden",
                               emails=("privacy@example.com",)),
        purposes=(Purpose(label="Newsletter"),),
        legal_bases=(LegalBasis(code=LegalBasisCode.CONSENT),
                     LegalBasis(code=LegalBasisCode.LEGAL_OBLIGATION)),
        retention_rules=(
            RetentionRule(applies_to="invoices", kind=RetentionKind.LEGAL_REQUIREMENT,
                          duration=Duration.parse("P7Y")),
            RetentionRule(applies_to="logs", kind=RetentionKind.FIXED,
                          duration=Duration.parse("P2W")),
            RetentionRule(applies_to="account", kind=RetentionKind.RELATIONSHIP),
        ),
        transfers=(Transfer(destination="the United States", countries=("US",),
                            mechanisms=(TransferMechanism.SCC, TransferMechanism.DPF)),),
        rights=tuple(Right(code=c) for c in (RightCode.ACCESS, RightCode.ERASURE,
                                             RightCode.OBJECT, RightCode.COMPLAINT)),
        subprocessors=(Subprocessor(name="Cloud Ltd"),),
        security_measures=(SecurityMeasure(label="encryption"),),
        data_categories=(),
    )


def _render(policy: Policy, fmt: ExportFormat) -> tuple[dict[str, Any], tuple[str, ...]]:
    data, losses = get_writer(fmt).render([policy])
    return json.loads(data), losses


@needs_shared
@pytest.mark.parametrize("fmt", [ExportFormat.TILT, ExportFormat.TILT_V2])
def test_hand_built_policy_validates(fmt: ExportFormat) -> None:
    doc, _ = _render(make_policy(), fmt)
    assert _errors(doc, fmt is ExportFormat.TILT_V2) == []


@needs_shared
def test_empty_policy_validates_and_lists_placeholders() -> None:
    doc, losses = _render(Policy(), ExportFormat.TILT)
    assert _errors(doc) == []
    assert doc["meta"]["created"] == "1970-01-01"
    assert doc["controller"]["country"] == "ZZ"
    assert any(loss.startswith("meta.created") for loss in losses)
    assert any(loss.startswith("dataProtectionOfficer") for loss in losses)


def test_codes_and_values() -> None:
    doc, losses = _render(make_policy(), ExportFormat.TILT)
    assert doc["meta"]["_hash"] == "a" * 64
    assert doc["controller"]["country"] == "SE"  # read from the address
    assert doc["thirdCountryTransfers"][0]["country"] == "US"
    assert doc["thirdCountryTransfers"][0]["standardDataProtectionClause"]["available"]
    assert "Data Privacy Framework" in doc["thirdCountryTransfers"][0]["adequacyDecision"][
        "description"]
    assert "Right to erasure" in doc["rightToRectificationOrDeletion"]["description"]
    assert doc["rightToDataPortability"] == {}  # not stated: no field claims anything
    assert any("object" in loss for loss in losses)  # right to object has no TILT field
    assert any("security measure" in loss for loss in losses)
    assert any("subprocessor" in loss for loss in losses)


def test_retention_and_legal_basis_format() -> None:
    from privmodel.export.tilt_codes import reference, ttl

    assert reference(LegalBasisCode.LEGITIMATE_INTERESTS) == "GDPR-6-1-f"
    assert reference(LegalBasisCode.ARCHIVING_RESEARCH_STATISTICS) == "GDPR-9-2-j"
    assert ttl(Duration.parse("P2W")) == "P14D"
    assert ttl(Duration.parse("P1Y6M")) == "P1Y6M"
    assert ttl(Duration.parse("PT10M")) == "PT10M"


def test_output_is_byte_stable() -> None:
    writer = get_writer(ExportFormat.TILT)
    assert writer.render([make_policy()]) == writer.render([make_policy()])


def _seeds() -> list[Path]:
    return sorted(SEEDS.glob("*.txt"))


@needs_shared
@pytest.mark.parametrize("seed", _seeds(), ids=lambda p: p.stem)
def test_golden(seed: Path) -> None:
    import privmodel

    policy = privmodel.parse(seed).policy
    data, _ = get_writer(ExportFormat.TILT).render([policy])
    assert _errors(json.loads(data)) == []
    v2, _ = get_writer(ExportFormat.TILT_V2).render([policy])
    assert _errors(json.loads(v2), v2=True) == []
    golden = GOLDEN / f"{seed.stem}.json"
    if REGENERATE:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_bytes(data)
    assert golden.exists(), f"{golden} is missing: run with PRIVMODEL_REGENERATE=1"
    assert _errors(json.loads(golden.read_bytes())) == []
    assert data == golden.read_bytes()
