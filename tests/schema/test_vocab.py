from __future__ import annotations

import csv
from pathlib import Path

import pytest

from privmodel.schema.vocab import ALL_VOCABULARIES, LegalBasisCode, TransferMechanism, Vocabulary

DPV_DIR = Path(__file__).resolve().parents[3] / "shared" / "anchors" / "dpv"
ALL_CODES = [code for vocab in ALL_VOCABULARIES for code in vocab]


@pytest.mark.parametrize("code", ALL_CODES, ids=lambda c: f"{type(c).__name__}.{c.value}")
def test_every_code_has_reference_and_labels(code: Vocabulary) -> None:
    info = code.info
    assert info.legal_ref.strip()
    assert info.label_en.strip()
    assert info.label_sv.strip()
    assert code.label("sv") == info.label_sv
    assert code.label("de") == info.label_en


def test_codes_are_stable_snake_case() -> None:
    for code in ALL_CODES:
        assert code.value == code.value.lower()
        assert " " not in code.value


def test_legal_basis_articles() -> None:
    assert LegalBasisCode.CONSENT.article == "6-1-a"
    assert LegalBasisCode.LEGITIMATE_INTERESTS.article == "6-1-f"
    assert LegalBasisCode.EXPLICIT_CONSENT.article == "9-2-a"
    assert LegalBasisCode.ARCHIVING_RESEARCH_STATISTICS.article == "9-2-j"
    assert LegalBasisCode.from_article("9-2-g") is LegalBasisCode.SUBSTANTIAL_PUBLIC_INTEREST
    assert len({c.article for c in LegalBasisCode}) == 16


def test_invalidated_transfer_mechanisms_are_marked() -> None:
    flagged = {m for m in TransferMechanism if m.info.invalidated}
    assert flagged == {TransferMechanism.PRIVACY_SHIELD, TransferMechanism.SAFE_HARBOR}


def _dpv_iris() -> set[str]:
    iris: set[str] = set()
    for path in DPV_DIR.glob("*.csv"):
        with path.open(encoding="utf-8") as handle:
            iris.update(row["iri"] for row in csv.DictReader(handle) if row.get("iri"))
    return iris


@pytest.mark.shared
@pytest.mark.skipif(not DPV_DIR.is_dir(), reason="../shared/anchors/dpv is absent")
def test_every_claimed_dpv_iri_exists() -> None:
    known = _dpv_iris()
    claimed = {code: code.info.dpv for code in ALL_CODES if code.info.dpv}
    missing = {f"{type(c).__name__}.{c.value}": iri for c, iri in claimed.items()
               if iri not in known}
    assert not missing
    assert len(claimed) > 100
