"""Golden files: each seed parsed into native JSON, reviewed by hand, compared byte for byte.

Regenerate with PRIVMODEL_REGENERATE=1 and review the diff before committing it.
"""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

import privmodel as pm
from conftest import REGENERATE, ROOT, SEEDS
from privmodel.schema.jsonschema import committed_schema

GOLDEN = ROOT / "tests" / "golden" / "native"
SEED_FILES = sorted(SEEDS.glob("*.txt"))


def _relative(policy: pm.Policy) -> pm.Policy:
    """The policy with its source path relative to the project, so goldens are portable."""
    path = Path(policy.source.path or "")
    rel = path.relative_to(ROOT) if path.is_absolute() else path
    return policy.model_copy(
        update={"source": policy.source.model_copy(update={"path": rel.as_posix()})}
    )


@pytest.mark.parametrize("seed", SEED_FILES, ids=lambda p: p.stem)
def test_seed_matches_golden(seed: Path) -> None:
    result = pm.parse(seed)
    text = pm.dump(_relative(result.policy))
    golden = GOLDEN / f"{seed.stem}.json"
    if REGENERATE:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(text, encoding="utf-8")
    jsonschema.Draft202012Validator(committed_schema()).validate(json.loads(golden.read_text()))
    assert text == golden.read_text(encoding="utf-8"), (
        f"{seed.name} parses differently from {golden.name}: review, then regenerate with "
        "PRIVMODEL_REGENERATE=1"
    )


@pytest.mark.parametrize("seed", SEED_FILES, ids=lambda p: p.stem)
def test_every_evidence_span_quotes_the_source(seed: Path) -> None:
    result = pm.parse(seed)
    source = seed.read_bytes().decode("utf-8-sig")
    spans = 0
    for _, fact in result.policy.facts():
        states_nothing_itself = isinstance(fact, pm.Organisation) and not (
            fact.name or fact.emails or fact.org_number or fact.address
        )
        assert fact.evidence or states_nothing_itself, f"{fact.id} has no evidence"
        if isinstance(fact, pm.Organisation):
            for role in fact.roles:
                assert role.evidence, f"{role.id} has no evidence"
                spans += len(role.evidence)
        for ev in fact.evidence:
            assert source[ev.start:ev.end] == ev.quote, fact.id
            spans += 1
    for declaration in result.policy.declarations.model_dump().values():
        for ev in declaration["evidence"]:
            assert source[ev["start"]:ev["end"]] == ev["quote"]
    assert spans > 10


@pytest.mark.parametrize("seed", SEED_FILES, ids=lambda p: p.stem)
def test_each_seed_picks_its_own_parser(seed: Path) -> None:
    result = pm.parse(seed)
    assert result.parser != "generic"
    others = {pm.parse(s).parser for s in SEED_FILES if s != seed}
    assert result.parser not in others
