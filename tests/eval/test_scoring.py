"""privmodel.eval.scoring gives the same figures as the reference scorer (shared/tools/score.py)."""

from __future__ import annotations

import copy
import functools
import json
import tempfile
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import import_path
from privmodel.eval import FieldScore, ScoreReport, score_dirs, score_records
from privmodel.eval.scoring import LABEL_FIELDS, SCALAR_FIELDS, duration_days, similarity

SHARED = Path(__file__).parents[2].parent / "shared"
SCORER = SHARED / "tools" / "score.py"
GOLD_DIR = SHARED / "eval" / "gold" / "seeds"

pytestmark = pytest.mark.skipif(not SCORER.exists(), reason="shared/ (reference scorer) absent")

Record = dict[str, Any]


@functools.cache
def _reference() -> ModuleType:
    """The reference scorer, imported from its path."""
    return import_path("reference_score", SCORER)


@pytest.fixture
def ref() -> ModuleType:
    return _reference()


def _golds() -> dict[str, Record]:
    if not GOLD_DIR.exists():
        return {}
    files = sorted(GOLD_DIR.glob("*.json"))
    return {f.stem: json.loads(f.read_text(encoding="utf-8")) for f in files}


GOLDS = _golds()


def _write(directory: Path, records: dict[str, Record]) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    for stem, record in records.items():
        (directory / f"{stem}.json").write_text(json.dumps(record), encoding="utf-8")


def assert_same(ours: ScoreReport, theirs: dict[str, Any]) -> None:
    counts = {s.field: (s.tp, s.predicted, s.gold) for s in ours.fields}
    assert counts == {f: tuple(c) for f, c in theirs["counts"].items()}
    assert [s.field for s in ours.fields] == list(theirs["fields"])
    for s in ours.fields:
        assert (s.precision, s.recall, s.f1) == tuple(theirs["fields"][s.field])
    assert dict(ours.per_doc) == theirs["per_doc"]
    assert ours.overall_f1 == theirs["overall_f1"]


def _compare_dirs(ref: ModuleType, preds: dict[str, Record], root: Path) -> ScoreReport:
    pred_dir = root / "pred"
    _write(pred_dir, preds)
    ours = score_dirs(GOLD_DIR, pred_dir)
    assert_same(ours, ref.score(GOLD_DIR, pred_dir))
    return ours


# Perturbations of the gold files -------------------------------------------------------------

LIST_FIELDS = (
    "roles", "legal_bases", "rights", "data_subject_categories", "data_categories", "purposes",
    "recipients", "named_third_parties", "laws", "sources", "security_measures", "retention",
    "transfers", "activities",
)


def _map_lists(g: Record, fn: Callable[[str, list[Any]], list[Any]]) -> Record:
    out = copy.deepcopy(g)
    for f in LIST_FIELDS:
        if isinstance(out.get(f), list):
            out[f] = fn(f, out[f])
    return out


def _relabel(value: Any) -> Any:
    if isinstance(value, str) and len(value) > 3:
        return value[:-2] + "x" if len(value) % 2 else value.upper() + " (note)"
    return value


def _shift_duration(entry: Any) -> Any:
    if isinstance(entry, dict) and entry.get("duration"):
        return {**entry, "duration": "P" + str(int(duration_days(entry["duration"]) or 0)) + "D"}
    if isinstance(entry, dict):
        return {**entry, "duration": "P1M"}
    return entry


def _break_org(g: Record) -> Record:
    out = copy.deepcopy(g)
    org = out.get("organisation") or {}
    out["organisation"] = {
        "name": (org.get("name") or "Acme") + " Holding",
        "emails": [e.upper() for e in org.get("emails") or []] + ["x@y.se"],
        "org_number": (org.get("org_number") or "").replace("-", "") or "1",
    }
    out["supervisory_authority"] = {"name": "IMY"}
    out["dpo"] = not g.get("dpo")
    out["language"] = "xx"
    return out


PERTURBATIONS: dict[str, Callable[[Record], Record]] = {
    "gold": copy.deepcopy,
    "empty": lambda g: {},
    "drop_first": lambda g: _map_lists(g, lambda f, v: v[1:]),
    "drop_last": lambda g: _map_lists(g, lambda f, v: v[:-1]),
    "duplicate": lambda g: _map_lists(g, lambda f, v: v + v),
    "add": lambda g: _map_lists(
        g, lambda f, v: [*v, {"destination": "US", "mechanisms": ["scc"]} if f == "transfers"
                          else {"kind": "indefinite", "duration": None} if f == "retention"
                          else {"subjects": ["visitors"], "purposes": ["analytics"]}
                          if f == "activities" else "something else entirely"]
    ),
    "relabel": lambda g: _map_lists(g, lambda f, v: [_relabel(x) for x in v]),
    "reverse": lambda g: _map_lists(g, lambda f, v: v[::-1]),
    "durations": lambda g: _map_lists(
        g, lambda f, v: [_shift_duration(x) for x in v] if f == "retention" else v
    ),
    "organisation": _break_org,
    "nulls": dict.fromkeys,
}


@pytest.mark.skipif(not GOLDS, reason="no gold seeds")
@pytest.mark.parametrize("name", sorted(PERTURBATIONS))
def test_perturbed_gold_scores_like_the_reference(
    ref: ModuleType, name: str, tmp_path: Path
) -> None:
    preds = {stem: PERTURBATIONS[name](g) for stem, g in GOLDS.items()}
    ours = _compare_dirs(ref, preds, tmp_path)
    if name == "gold":
        assert ours.overall_f1 == 1.0
    if name == "empty":
        assert ours.overall_f1 < 0.5


@pytest.mark.skipif(not GOLDS, reason="no gold seeds")
def test_missing_prediction_files_and_doc_filter(ref: ModuleType, tmp_path: Path) -> None:
    stems = sorted(GOLDS)
    _write(tmp_path, {stems[0]: GOLDS[stems[0]]})
    assert_same(score_dirs(GOLD_DIR, tmp_path), ref.score(GOLD_DIR, tmp_path))
    ours = score_dirs(GOLD_DIR, tmp_path, docs=stems[:2])
    assert_same(ours, ref.score(GOLD_DIR, tmp_path, stems[:2]))
    assert [d for d, _ in ours.per_doc] == stems[:2]


# Random predictions ---------------------------------------------------------------------------

def _pool() -> list[str]:
    labels = {"GDPR", "customers", "Federal Data Protection Act (BDSG)", "BDSG", "e-mail"}
    for g in GOLDS.values():
        for f in LABEL_FIELDS:
            labels.update(g.get(f) or [])
    return sorted(labels)


LABELS = _pool()
words = st.sampled_from(["data", "customer", "customers", "processing", "(IMY)", "X", "the"])
label = st.one_of(
    st.sampled_from(LABELS),
    st.sampled_from(LABELS).map(lambda s: s[: max(1, len(s) // 2)]),
    st.lists(words, min_size=1, max_size=4).map(" ".join),
    st.text(max_size=12),
)
labels = st.lists(label, max_size=6)
codes = st.lists(
    st.sampled_from(["a", "b", "c", "f", "9-2-a", "controller", "processor", "access",
                     "erasure", "know", "rectification", "object"]),
    max_size=6,
)
durations = st.one_of(
    st.none(), st.sampled_from(["P30D", "P1M", "P4W", "P1Y", "P12M", "P365D", "PT24H", "P1D",
                                "P7Y", "P", "bogus", ""]),
)
kinds = st.sampled_from(["fixed", "as_long_as_necessary", "legal_requirement", "indefinite"])
retention = st.fixed_dictionaries(
    {"applies_to": label, "kind": st.one_of(st.none(), kinds), "duration": durations}
)
transfer = st.fixed_dictionaries({
    "destination": st.one_of(st.none(), st.sampled_from(["US", "third countries", "outside EU"])),
    "mechanisms": st.lists(st.sampled_from(["scc", "dpf", "adequacy", "bcr"]), max_size=3),
})
activity = st.fixed_dictionaries(
    {"subjects": st.one_of(st.none(), labels), "purposes": st.one_of(st.none(), labels)},
    optional={"data": labels, "legal_bases": codes, "retention": durations},
)
scalar = st.one_of(st.none(), st.booleans(), st.integers(0, 18), st.sampled_from(["en", "sv"]))
organisation = st.fixed_dictionaries({
    "name": st.one_of(st.none(), label, st.sampled_from(["Blue Cromos", "Bluescreen AB"])),
    "emails": st.lists(st.sampled_from(["info@bluescreen.se", "INFO@Bluescreen.se", "a@b.se"])),
    "org_number": st.one_of(st.none(), st.sampled_from(["556881-2670", "5568812670", "3492914-1"])),
})
authority = st.one_of(
    st.none(),
    st.sampled_from(["Datainspektionen", "IMY", "tietosuojavaltuutettu", ""]),
    st.fixed_dictionaries({"name": st.one_of(st.none(), label, st.sampled_from(
        ["Integritetsskyddsmyndigheten (IMY)", "Data Protection Ombudsman"]))}),
)
record = st.fixed_dictionaries({}, optional={
    **dict.fromkeys(("roles", "legal_bases", "rights"), codes),
    **dict.fromkeys(LABEL_FIELDS, labels),
    **dict.fromkeys(SCALAR_FIELDS, scalar),
    "organisation": st.one_of(st.none(), organisation),
    "supervisory_authority": authority,
    "retention": st.one_of(st.none(), st.lists(retention, max_size=5)),
    "transfers": st.one_of(st.none(), st.lists(transfer, max_size=4)),
    "activities": st.one_of(st.none(), st.lists(activity, max_size=4)),
})
gold_record = st.one_of(st.sampled_from(sorted(GOLDS.values(), key=str)), record) if GOLDS \
    else record


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pairs=st.lists(st.tuples(gold_record, record), min_size=1, max_size=3))
def test_random_predictions_score_like_the_reference(pairs: list[tuple[Record, Record]]) -> None:
    ref = _reference()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        golds = {f"{i:03d}": g for i, (g, _) in enumerate(pairs)}
        preds = {f"{i:03d}": p for i, (_, p) in enumerate(pairs)}
        _write(root / "gold", golds)
        _write(root / "pred", preds)
        ours = score_records((stem, golds[stem], preds[stem]) for stem in sorted(golds))
        assert_same(ours, ref.score(root / "gold", root / "pred"))
        for stem in golds:
            single = score_records([(stem, golds[stem], preds[stem])])
            expected = ref.field_counts(golds[stem], preds[stem])
            assert {s.field: (s.tp, s.predicted, s.gold) for s in single.fields} == expected


@given(a=label, b=label)
def test_similarity_matches_the_reference(a: str, b: str) -> None:
    assert similarity(a, b) == _reference().sim(a, b)


# The report itself ----------------------------------------------------------------------------

def test_field_score_figures() -> None:
    s = FieldScore("purposes", tp=2, predicted=4, gold=2)
    assert (s.precision, s.recall) == (0.5, 1.0)
    assert s.f1 == pytest.approx(2 / 3)
    assert FieldScore("laws", 0, 0, 0).f1 == 1.0
    assert FieldScore("laws", 0, 1, 0).f1 == 0.0


def test_labels_match_one_to_one_with_parentheticals() -> None:
    gold = {"laws": ["Federal Data Protection Act (BDSG)", "GDPR"], "purposes": ["Marketing"]}
    pred = {"laws": ["BDSG"], "purposes": ["marketing!", "marketing"]}
    report = score_records([("d", gold, pred)])
    counts = {s.field: (s.tp, s.predicted, s.gold) for s in report.fields}
    assert counts == {"laws": (1, 1, 2), "purposes": (1, 2, 1)}


def test_durations_compare_in_days() -> None:
    gold = {"retention": [{"kind": "fixed", "duration": d} for d in ("P1M", "P1Y")]}
    pred = {"retention": [{"kind": "fixed", "duration": d} for d in ("P30D", "P12M")]}
    (field,) = score_records([("d", gold, pred)]).fields
    assert (field.tp, field.predicted, field.gold) == (1, 2, 2)  # 12 * 30 != 365
    assert duration_days("PT12H") == 0.5


def test_table_and_dict() -> None:
    report = score_records([("doc1", {"roles": ["controller"], "dpo": True}, {"roles": []})])
    table = report.table()
    assert table.splitlines()[0].startswith("field")
    assert "doc doc1" in table
    assert table.endswith("overall mean F1 0.000\n")
    data = report.to_dict()
    assert data["counts"] == {"dpo": [0, 0, 1], "roles": [0, 0, 1]}
    assert data["per_doc"] == {"doc1": 0.0}
    json.dumps(data)


def test_table_matches_reference_output(
    ref: ModuleType, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    if not GOLDS:
        pytest.skip("no gold seeds")
    preds = {stem: PERTURBATIONS["relabel"](g) for stem, g in GOLDS.items()}
    ours = _compare_dirs(ref, preds, tmp_path)
    ref.main([str(GOLD_DIR), str(tmp_path / "pred")])
    assert ours.table() == capsys.readouterr().out
    ref.main([str(GOLD_DIR), str(tmp_path / "pred"), "--json"])
    assert ours.to_dict() == json.loads(capsys.readouterr().out)
