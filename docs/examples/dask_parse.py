import json
from pathlib import Path

import dask.bag as db

import privmodel


def to_row(result: privmodel.ParseResult) -> dict[str, object]:
    policy = result.policy
    return {
        "document": Path(policy.source.path or "").name,
        "parser": result.parser,
        "purposes": len(policy.purposes),
        "legal_bases": sorted({b.code.value for b in policy.legal_bases}),
    }


if __name__ == "__main__":
    paths = sorted(str(p) for p in Path("seeds").glob("*.txt"))
    rows = (
        db.from_sequence(paths, npartitions=2)
        .map(privmodel.parse)          # pure and picklable: runs unchanged on workers
        .map(to_row)
        .compute(scheduler="processes")
    )
    for row in rows:
        print(json.dumps(row))
