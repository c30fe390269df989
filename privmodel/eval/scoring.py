"""Score predicted gold-format records against hand-made gold (see GOLD_FORMAT.md).

The rules are those of the reference scorer (``shared/tools/score.py``); the figures agree
with it exactly. Labels match one to one, best pairs first, when their similarity reaches
0.6; codes match exactly; counts are summed over documents per field (micro average).
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any, TypeVar

import attrs

T = TypeVar("T")
Record = Mapping[str, Any]
Counts = tuple[int, int, int]

CODE_FIELDS = ("roles", "legal_bases", "rights")
LABEL_FIELDS = ("data_subject_categories", "data_categories", "purposes", "recipients",
                "named_third_parties", "laws", "sources", "security_measures")
SCALAR_FIELDS = ("language", "effective_date", "last_updated", "dpo", "children_min_age",
                 "no_transfers_outside_eea")
MATCH_THRESHOLD = 0.6
NAME_THRESHOLD = 0.8
_STEM = 5
# Checked in this order: the first alias contained in the normalised name wins.
AUTHORITY_ALIASES: tuple[tuple[str, str], ...] = (
    ("imy", "integritetsskyddsmyndigheten"),
    ("datainspektionen", "integritetsskyddsmyndigheten"),
    ("swedish authority for privacy protection", "integritetsskyddsmyndigheten"),
    ("data inspection board", "integritetsskyddsmyndigheten"),
    ("tietosuojavaltuutet", "tietosuojavaltuutettu"),
    ("data protection ombudsman", "tietosuojavaltuutettu"),
)
_DURATION = re.compile(
    r"P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?"
)
_PARENTHETICAL = re.compile(r"\([^)]*\)")
_ONE_WORD_PARENTHETICAL = re.compile(r"\(([^()\s]+)\)")


def normalise(text: object) -> str:
    """Lower case, parentheticals and punctuation dropped, whitespace collapsed."""
    s = unicodedata.normalize("NFKC", str(text)).lower()
    s = _PARENTHETICAL.sub(" ", s)
    s = re.sub(r"[^\w\s]", " ", s)
    return " ".join(s.split())


def label_variants(text: object) -> set[str]:
    """The normalised label plus any one-word parenthetical alone ("Act (BDSG)" -> "bdsg")."""
    out = {normalise(text)}
    out |= {normalise(w) for w in _ONE_WORD_PARENTHETICAL.findall(str(text))}
    return {v for v in out if v}


def similarity(a: object, b: object) -> float:
    """The best similarity over the variants of both labels, 0.0 when either is empty."""
    va, vb = label_variants(a), label_variants(b)
    return max((_similarity(x, y) for x in va for y in vb), default=0.0)


def _similarity(a: str, b: str) -> float:
    """The larger of the sequence ratio and the share of the shorter label's word stems."""
    if not a or not b:
        return 0.0
    ratio = SequenceMatcher(None, a, b).ratio()
    ta, tb = a.split(), b.split()
    short, long_ = (ta, tb) if len(ta) <= len(tb) else (tb, ta)
    stems = {w[:_STEM] for w in long_}
    overlap = sum(1 for w in short if w[:_STEM] in stems) / len(short)
    return max(ratio, overlap)


def match_count(golds: Sequence[T], preds: Sequence[T], score: Callable[[T, T], float]) -> int:
    """Greedy one-to-one matching, best pairs first; the number of pairs at the threshold."""
    pairs = sorted(
        ((score(g, p), i, j) for i, g in enumerate(golds) for j, p in enumerate(preds)),
        reverse=True,
    )
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    for value, i, j in pairs:
        if value < MATCH_THRESHOLD:
            break
        if i not in used_gold and j not in used_pred:
            used_gold.add(i)
            used_pred.add(j)
    return len(used_gold)


def duration_days(iso: object) -> float | None:
    """An ISO 8601 duration in days (Y = 365, M = 30, W = 7); None when absent or invalid."""
    if not iso:
        return None
    m = _DURATION.fullmatch(str(iso).strip().upper())
    if m is None:
        return None
    y, mo, w, d, h, mi, s = (int(x or 0) for x in m.groups())
    return y * 365 + mo * 30 + w * 7 + d + (h * 3600 + mi * 60 + s) / 86400


def _alnum(text: object) -> str:
    return re.sub(r"[^0-9a-z]", "", str(text).lower())


def retention_key(entry: Record) -> Hashable:
    days = duration_days(entry.get("duration"))
    return ("d", days) if days is not None else ("k", entry.get("kind"))


def transfer_key(entry: Record) -> Hashable:
    return (normalise(entry.get("destination") or ""), frozenset(entry.get("mechanisms") or []))


def _distinct(items: Iterable[Record], key: Callable[[Record], Hashable]) -> list[Record]:
    """Entries the matcher cannot tell apart count once."""
    first: dict[Hashable, Record] = {}
    for item in items:
        first.setdefault(key(item), item)
    return list(first.values())


def retention_score(g: Record, p: Record) -> float:
    gd, pd = duration_days(g.get("duration")), duration_days(p.get("duration"))
    if gd is not None or pd is not None:
        return 1.0 if gd == pd else 0.0
    return 1.0 if g.get("kind") == p.get("kind") else 0.0


def transfer_score(g: Record, p: Record) -> float:
    gm, pm = set(g.get("mechanisms") or []), set(p.get("mechanisms") or [])
    mech = len(gm & pm) / max(len(gm | pm), 1) if (gm or pm) else 1.0
    gdest, pdest = g.get("destination"), p.get("destination")
    dest = similarity(gdest or "", pdest or "") if gdest and pdest else 0.5
    return 0.6 * mech + 0.4 * dest


def _set_similarity(a: Sequence[Any] | None, b: Sequence[Any] | None) -> float:
    if not a and not b:
        return 1.0
    golds, preds = list(a or []), list(b or [])
    return match_count(golds, preds, similarity) / max(len(golds), len(preds), 1)


def activity_score(g: Record, p: Record) -> float:
    subjects = _set_similarity(g.get("subjects"), p.get("subjects"))
    purposes = _set_similarity(g.get("purposes"), p.get("purposes"))
    return 0.5 * subjects + 0.5 * purposes


def authority_name(value: object) -> str:
    """The normalised authority name, with former and English names mapped to one name."""
    if not value:
        return ""
    name = normalise(value.get("name", "") if isinstance(value, Mapping) else value)
    for alias, canonical in AUTHORITY_ALIASES:
        if alias in name:
            return canonical
    return name


def _scalar_counts(gv: object, pv: object) -> Counts:
    """Exact match; None and False (and values equal to them) count as not stated."""
    g_stated, p_stated = gv not in (None, False), pv not in (None, False)
    if not g_stated and not p_stated:
        return (0, 0, 0)
    return (int(gv is not None and pv == gv), int(p_stated), int(g_stated))


def _organisation_counts(go: Record, po: Record) -> dict[str, Counts]:
    out: dict[str, Counts] = {}
    for key in ("name", "org_number"):
        gv, pv = go.get(key), po.get(key)
        if key == "org_number":
            ok = bool(gv and pv and _alnum(gv) == _alnum(pv))
        else:
            ok = bool(gv and pv and similarity(gv, pv) >= NAME_THRESHOLD)
        out[f"organisation.{key}"] = (int(ok), int(bool(pv)), int(bool(gv)))
    ge = {e.lower() for e in go.get("emails") or []}
    pe = {e.lower() for e in po.get("emails") or []}
    out["organisation.emails"] = (len(ge & pe), len(pe), len(ge))
    return out


# Entry fields: how two entries score, and the key under which entries count once.
_ENTRY_FIELDS: tuple[
    tuple[str, Callable[[Record, Record], float], Callable[[Record], Hashable] | None], ...
] = (
    ("retention", retention_score, retention_key),
    ("transfers", transfer_score, transfer_key),
    ("activities", activity_score, None),
)


def field_counts(gold: Record, pred: Record) -> dict[str, Counts]:
    """Field -> (true positives, predicted, gold) for the fields the gold record has."""
    out: dict[str, Counts] = {}
    for f in CODE_FIELDS:
        if f in gold:
            gs, ps = set(gold[f] or []), set(pred.get(f) or [])
            out[f] = (len(gs & ps), len(ps), len(gs))
    for f in LABEL_FIELDS:
        if f in gold:
            gl, pl = list(gold[f] or []), list(pred.get(f) or [])
            out[f] = (match_count(gl, pl, similarity), len(pl), len(gl))
    for f in SCALAR_FIELDS:
        if f in gold:
            out[f] = _scalar_counts(gold[f], pred.get(f))
    if "organisation" in gold:
        out.update(_organisation_counts(gold["organisation"] or {}, pred.get("organisation") or {}))
    if "supervisory_authority" in gold:
        gn = authority_name(gold["supervisory_authority"])
        pn = authority_name(pred.get("supervisory_authority"))
        ok = bool(gn and pn and similarity(gn, pn) >= MATCH_THRESHOLD)
        out["supervisory_authority"] = (int(ok), int(bool(pn)), int(bool(gn)))
    for f, score, key in _ENTRY_FIELDS:
        if f in gold:
            gl, pl = list(gold[f] or []), list(pred.get(f) or [])
            if key is not None:
                gl, pl = _distinct(gl, key), _distinct(pl, key)
            out[f] = (match_count(gl, pl, score), len(pl), len(gl))
    return out


def prf(tp: int, predicted: int, gold: int) -> tuple[float, float, float]:
    """Precision, recall and F1; nothing predicted and nothing to find scores 1.0."""
    if predicted == 0 and gold == 0:
        return 1.0, 1.0, 1.0
    p = tp / predicted if predicted else (1.0 if gold == 0 else 0.0)
    r = tp / gold if gold else (1.0 if predicted == 0 else 0.0)
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


@attrs.frozen
class FieldScore:
    """Counts of one field summed over documents."""

    field: str
    tp: int
    predicted: int
    gold: int

    @property
    def precision(self) -> float:
        return prf(self.tp, self.predicted, self.gold)[0]

    @property
    def recall(self) -> float:
        return prf(self.tp, self.predicted, self.gold)[1]

    @property
    def f1(self) -> float:
        return prf(self.tp, self.predicted, self.gold)[2]


@attrs.frozen
class ScoreReport:
    """Per-field micro scores (sorted by field), per-document mean F1 and the overall mean F1."""

    fields: tuple[FieldScore, ...]
    per_doc: tuple[tuple[str, float], ...]
    overall_f1: float

    def table(self) -> str:
        """A text table: one line per field, one per document, then the overall figure."""
        lines = [f"{'field':32} {'P':>5} {'R':>5} {'F1':>5}  tp/pred/gold"]
        for s in self.fields:
            lines.append(
                f"{s.field:32} {s.precision:5.2f} {s.recall:5.2f} {s.f1:5.2f}"
                f"  {s.tp}/{s.predicted}/{s.gold}"
            )
        lines += [f"doc {doc:40} mean F1 {value:.2f}" for doc, value in self.per_doc]
        lines.append(f"overall mean F1 {self.overall_f1:.3f}")
        return "\n".join(lines) + "\n"

    def to_dict(self) -> dict[str, Any]:
        """The shape of the reference scorer's ``--json`` output (lists where it has tuples)."""
        return {
            "fields": {s.field: [s.precision, s.recall, s.f1] for s in self.fields},
            "per_doc": dict(self.per_doc),
            "overall_f1": self.overall_f1,
            "counts": {s.field: [s.tp, s.predicted, s.gold] for s in self.fields},
        }


def score_records(pairs: Iterable[tuple[str, Record, Record]]) -> ScoreReport:
    """Score (doc stem, gold, prediction) triples; an empty prediction is ``{}``."""
    totals: dict[str, list[int]] = {}
    per_doc: list[tuple[str, float]] = []
    for doc, gold, pred in pairs:
        f1s: list[float] = []
        for name, (tp, npred, ngold) in field_counts(gold, pred).items():
            t = totals.setdefault(name, [0, 0, 0])
            t[0] += tp
            t[1] += npred
            t[2] += ngold
            if npred or ngold:
                f1s.append(prf(tp, npred, ngold)[2])
        per_doc.append((doc, sum(f1s) / len(f1s) if f1s else 1.0))
    fields = tuple(FieldScore(name, *totals[name]) for name in sorted(totals))
    overall = sum(s.f1 for s in fields) / len(fields) if fields else 0.0
    return ScoreReport(fields=fields, per_doc=tuple(per_doc), overall_f1=overall)


def score_dirs(gold_dir: Path, pred_dir: Path, docs: Sequence[str] | None = None) -> ScoreReport:
    """Score every ``*.json`` gold file (or those whose stem is in ``docs``) against the
    prediction of the same name in ``pred_dir``; a missing prediction scores as empty."""

    def triples() -> Iterable[tuple[str, Record, Record]]:
        for gold_file in sorted(gold_dir.glob("*.json")):
            if docs and gold_file.stem not in docs:
                continue
            pred_file = pred_dir / gold_file.name
            gold = json.loads(gold_file.read_text(encoding="utf-8"))
            pred = json.loads(pred_file.read_text(encoding="utf-8")) if pred_file.exists() else {}
            yield gold_file.stem, gold, pred

    return score_records(triples())
