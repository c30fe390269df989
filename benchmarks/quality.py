"""Extraction quality, per field, in one run: ``python benchmarks/quality.py``.

Scores, with the rules of ../shared/eval/GOLD_FORMAT.md (privmodel.eval):
- the seeds with the parser the registry picks, against ../shared/eval/gold/seeds;
- the seeds with the generic parser forced;
- the corpus (../shared/corpus) with the generic parser, against our own annotations in
  benchmarks/gold/corpus;
and compares the codes the English and Finnish mooc.fi policies yield.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from privmodel.eval import ScoreReport, score_records, to_gold
from privmodel.parsers.registry import parse

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CODE_FIELDS = ("legal_bases", "rights", "roles")


def predictions(paths: Sequence[Path], parser: str | None) -> dict[str, dict[str, Any]]:
    return {p.stem: to_gold(parse(p, parser=parser).policy, p.name) for p in paths}


def report(gold_dir: Path, paths: Sequence[Path], parser: str | None) -> ScoreReport:
    preds = predictions(paths, parser)
    triples = [
        (stem, json.loads((gold_dir / f"{stem}.json").read_text(encoding="utf-8")), pred)
        for stem, pred in preds.items()
        if (gold_dir / f"{stem}.json").is_file()
    ]
    return score_records(triples)


def mooc_codes() -> dict[str, dict[str, list[str]]]:
    out: dict[str, dict[str, list[str]]] = {}
    for name in ("moocfi-en.md", "moocfi-fi.md"):
        pred = to_gold(parse(SHARED / "corpus" / name, parser="generic").policy, name)
        codes = {f: sorted(pred.get(f) or []) for f in CODE_FIELDS}
        codes["retention"] = sorted(
            str(r.get("duration") or r.get("kind")) for r in pred.get("retention") or []
        )
        codes["transfer_mechanisms"] = sorted(
            {m for t in pred.get("transfers") or [] for m in t.get("mechanisms") or []}
        )
        out[name] = codes
    return out


def main() -> int:
    args = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    args.add_argument("--json", type=Path, help="also write the figures to this file")
    opts = args.parse_args()
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    seed_gold = SHARED / "eval" / "gold" / "seeds"
    if not seed_gold.is_dir():
        print("../shared is absent: nothing to score against", file=sys.stderr)
        return 1
    results: dict[str, Any] = {}
    runs: list[tuple[str, Path, list[Path], str | None]] = [
        ("seeds, parser chosen by the registry", seed_gold, seeds, None),
        ("seeds, generic parser forced", seed_gold, seeds, "generic"),
    ]
    corpus = sorted(p for p in (SHARED / "corpus").glob("*") if p.name != "README.md")
    if corpus:
        runs.append(("corpus, generic parser", ROOT / "benchmarks" / "gold" / "corpus",
                     corpus, "generic"))
    for title, gold, paths, parser in runs:
        rep = report(gold, paths, parser)
        print(f"\n## {title}\n\n{rep.table()}")
        results[title] = rep.to_dict()
    if corpus:
        codes = mooc_codes()
        same = codes["moocfi-en.md"] == codes["moocfi-fi.md"]
        print("\n## mooc.fi, English vs Finnish codes: " + ("identical" if same else "differ"))
        for name, fields in codes.items():
            print(f"{name}: {json.dumps(fields, ensure_ascii=False)}")
        results["mooc_codes"] = codes
    if opts.json:
        opts.json.write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
