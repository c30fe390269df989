"""TILT import: every anchor example loads with warnings, repairs are reported, codes survive."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_tilt import make_policy

from conftest import SHARED
from privmodel.errors import FormatError
from privmodel.export import ExportFormat, get_writer
from privmodel.importers import read_tilt
from privmodel.schema import LegalBasisCode, Policy, RetentionKind

EXAMPLES = SHARED / "anchors" / "tilt" / "examples"
_FILES = sorted(EXAMPLES.glob("*.json")) if EXAMPLES.is_dir() else []


@pytest.mark.skipif(not _FILES, reason="../shared is absent")
@pytest.mark.parametrize("path", _FILES, ids=lambda p: p.stem)
def test_every_example_loads(path: Path) -> None:
    policy, warnings = read_tilt(path)
    assert isinstance(policy, Policy)
    assert policy.data_categories
    assert all(w.startswith("$") for w in warnings)


@pytest.mark.skipif(not _FILES, reason="../shared is absent")
def test_not_valid_example_loads_with_warnings() -> None:
    policy, warnings = read_tilt(EXAMPLES / "tilt-official-NOT-valid.json")
    assert policy.dpo is not None
    assert policy.dpo.country is None
    assert any("'MÖP'" in w for w in warnings)
    assert any("representative" in w for w in warnings)


def _doc(**changes: object) -> dict[str, object]:
    doc: dict[str, object] = {
        "meta": {"name": "X", "url": "https://x.example", "language": "de"},
        "controller": {"name": "X GmbH", "country": "Deutschland", "address": None,
                       "representative": None},
        "dataDisclosed": [{
            "_id": "1", "category": "E-Mail",
            "purposes": [{"purpose": "Newsletter", "description": "d"}],
            "legalBases": [{"reference": "Einwilligung", "description": ""},
                           {"reference": "Art. 6 Abs. 1 lit. f DSGVO"}],
            "recipients": [{"name": "Mailer Inc.", "category": "Auftragsverarbeiter",
                            "country": "USA"}],
            "storage": [{"temporal": [{"description": "x", "ttl": "P30D"}],
                         "aggregationFunction": "max"}],
        }],
        "thirdCountryTransfers": [{"country": "Vereinigte Staaten",
                                   "adequacyDecision": None}],
    }
    doc.update(changes)
    return doc


def test_repairs_are_reported_one_warning_each() -> None:
    policy, warnings = read_tilt(_doc())
    assert policy.publisher is not None
    assert policy.publisher.country == "DE"
    assert [b.code for b in policy.legal_bases] == [
        LegalBasisCode.CONSENT, LegalBasisCode.LEGITIMATE_INTERESTS]
    assert policy.processors[0].country == "US"
    assert policy.transfers[0].countries == ("US",)
    assert sum("read as DE" in w for w in warnings) == 1
    assert sum("free-text legal basis" in w for w in warnings) == 2
    assert sum("null where an object" in w for w in warnings) >= 2


def test_reads_text_and_rejects_non_objects(tmp_path: Path) -> None:
    policy, _ = read_tilt(json.dumps(_doc()))
    assert policy.source.uri == "https://x.example"
    path = tmp_path / "doc.json"
    path.write_text("[1]", encoding="utf-8")
    with pytest.raises(FormatError):
        read_tilt(path)


@pytest.mark.parametrize("fmt", [ExportFormat.TILT, ExportFormat.TILT_V2])
def test_round_trip_keeps_codes(fmt: ExportFormat) -> None:
    from privmodel.schema import DataCategory

    original = make_policy().model_copy(
        update={"data_categories": (DataCategory(label="contact details"),)})
    data, _ = get_writer(fmt).render([original])
    back, _ = read_tilt(data)
    assert {b.code for b in back.legal_bases} == {b.code for b in original.legal_bases}
    assert {r.code for r in back.rights} - {r.code for r in original.rights} == set()
    assert {r.code for r in original.rights} - {r.code for r in back.rights} == {
        next(r.code for r in original.rights if r.code.value == "object")}
    assert [t.countries for t in back.transfers] == [("US",)]
    assert set(back.transfers[0].mechanisms) == set(original.transfers[0].mechanisms)
    durations = {(r.kind, r.duration) for r in back.retention_rules}
    assert durations == {(r.kind, r.duration) for r in original.retention_rules}
    assert back.publisher is not None
    assert back.publisher.country == "SE"
    assert back.source.sha256 == original.source.sha256
    assert RetentionKind.RELATIONSHIP in {r.kind for r in back.retention_rules}
