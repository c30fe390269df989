"""DPV JSON-LD export: loads as RDF, uses only DPV 2.x IRIs, stable bytes, golden files."""

from __future__ import annotations

import csv
import json
import warnings
from pathlib import Path

import pytest
from test_tilt import make_policy

from conftest import REGENERATE, SEEDS
from privmodel.export import ExportFormat, get_writer
from privmodel.schema import DataCategory, Policy

rdflib = pytest.importorskip("rdflib")
DPV_DIR = Path(__file__).resolve().parents[3] / "shared" / "anchors" / "dpv"
GOLDEN = Path(__file__).resolve().parents[1] / "golden" / "dpv"
NAMESPACES = ("https://w3id.org/dpv#", "https://w3id.org/dpv/pd#",
              "https://w3id.org/dpv/legal/eu/gdpr#")
# DPV 2.x terms from modules the anchor CSVs do not include (process.csv).
NOT_IN_ANCHORS = {"https://w3id.org/dpv#Process"}


def _known_iris() -> set[str]:
    iris = set(NOT_IN_ANCHORS)
    for path in DPV_DIR.glob("*.csv"):
        with path.open(encoding="utf-8", newline="") as fh:
            iris.update(row["iri"] for row in csv.DictReader(fh) if row.get("iri"))
    return iris


def _parse(data: bytes) -> object:
    # rdflib's JSON-LD parser uses its own deprecated ConjunctiveGraph internally.
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", category=DeprecationWarning, module="rdflib")
        return rdflib.Graph().parse(data=data, format="json-ld")


def _graph(policy: Policy) -> object:
    data, _ = get_writer(ExportFormat.DPV).render([policy])
    return _parse(data)


def _used(graph: object) -> set[str]:
    terms = {str(t) for triple in graph for t in triple}  # type: ignore[attr-defined]
    return {t for t in terms if t.startswith(NAMESPACES)}


def _policy() -> Policy:
    return make_policy().model_copy(
        update={"data_categories": (DataCategory(label="e-mail", concept="contact"),)})


def test_graph_has_controller_processes_and_links() -> None:
    g = _graph(_policy())
    dpv = rdflib.Namespace("https://w3id.org/dpv#")
    assert set(g.subjects(rdflib.RDF.type, dpv.DataController))
    processes = set(g.subjects(rdflib.RDF.type, dpv.Process))
    assert processes
    for prop in ("hasPurpose", "hasPersonalData", "hasLegalBasis", "hasRight"):
        assert set(g.subject_objects(dpv[prop])), prop
    gdpr = rdflib.Namespace("https://w3id.org/dpv/legal/eu/gdpr#")
    assert (None, rdflib.RDF.type, gdpr["A6-1-a"]) in g
    assert (None, dpv.hasThirdCountry, rdflib.URIRef("https://w3id.org/dpv/loc#US")) in g


def test_derived_activities_are_marked() -> None:
    data, losses = get_writer(ExportFormat.DPV).render([_policy()])
    doc = json.loads(data)
    derived = [n for n in doc["@graph"] if n.get("privmodel:derived")]
    assert derived
    assert all("Derived" in n["rdfs:comment"] for n in derived)
    assert any("derived per purpose" in loss for loss in losses)


def test_context_prefixes_and_stable_bytes() -> None:
    writer = get_writer(ExportFormat.DPV)
    data, _ = writer.render([_policy()])
    context = json.loads(data)["@context"]
    assert context["dpv"] == "https://w3id.org/dpv#"
    assert context["pd"] == "https://w3id.org/dpv/pd#"
    assert context["eu-gdpr"] == "https://w3id.org/dpv/legal/eu/gdpr#"
    assert data == writer.render([_policy()])[0]


@pytest.mark.skipif(not DPV_DIR.is_dir(), reason="../shared is absent")
def test_every_dpv_iri_exists() -> None:
    assert _used(_graph(_policy())) - _known_iris() == set()


def _seeds() -> list[Path]:
    return sorted(SEEDS.glob("*.txt"))


@pytest.mark.parametrize("seed", _seeds(), ids=lambda p: p.stem)
def test_golden(seed: Path) -> None:
    import privmodel

    policy = privmodel.parse(seed).policy
    data, _ = get_writer(ExportFormat.DPV).render([policy])
    graph = _parse(data)
    if DPV_DIR.is_dir():
        assert _used(graph) - _known_iris() == set()
    golden = GOLDEN / f"{seed.stem}.jsonld"
    if REGENERATE:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_bytes(data)
    assert golden.exists(), f"{golden} is missing: run with PRIVMODEL_REGENERATE=1"
    assert data == golden.read_bytes()
