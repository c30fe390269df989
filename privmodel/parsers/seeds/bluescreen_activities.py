"""The overview of processing activities in the Bluescreen policy.

Each activity is a run of labelled parts, each an ALL-CAPS heading with the values below it:
KATEGORIER AV REGISTRERADE (subjects), KATEGORI AV UPPGIFTER (data categories),
PERSONUPPGIFTER (the data items, one '〉' line per category), ÄNDAMÅL (purposes, sometimes
with a storage period) and LAGLIG GRUND (legal bases, then footnotes). A new subjects part
starts a new activity; any other heading ends the overview.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from privmodel.parsers.base import PolicyBuilder
from privmodel.parsers.document import HEADING, Block, Document
from privmodel.parsers.extract import find_legal_bases
from privmodel.parsers.layout import lowered_blocks
from privmodel.parsers.seeds.bluescreen_retention import (
    Stated,
    add_retention,
)
from privmodel.parsers.seeds.bluescreen_text import (
    heading_key,
    is_text,
    item_spans,
    plain_label,
    purpose_label,
)
from privmodel.parsers.seeds.bluescreen_vocab import data_concept, purpose_concept
from privmodel.schema import (
    DataCategory,
    DataSubjectCategory,
    LegalBasis,
    PartyRole,
    ProcessingActivity,
    Purpose,
)

SUBJECTS, DATA, ITEMS, PURPOSES, BASES = "subjects", "data", "items", "purposes", "bases"
# Part headings (as heading_key gives them) -> part.
PARTS: dict[str, str] = {
    "kategorier av registrerade": SUBJECTS, "kategori av registrerade": SUBJECTS,
    "kategori av uppgifter": DATA, "kategorier av uppgifter": DATA,
    "personuppgifter": ITEMS, "ändamål": PURPOSES,
    "laglig grund": BASES, "rättslig grund": BASES,
}

_SUBJECTS_WORD = "registrerade"  # in both subjects headings


@dataclass
class _Activity:
    role: PartyRole
    parts: dict[str, list[Block]] = field(default_factory=dict)


def _role(block: Block) -> PartyRole:
    path = " ".join(block.section).lower()
    return PartyRole.PROCESSOR if "biträde" in path else PartyRole.CONTROLLER


def find_activities(document: Document) -> list[_Activity]:
    """The activities, each with its parts' body blocks, in document order."""
    found: list[_Activity] = []
    current: list[Block] | None = None
    for block in document.blocks:
        if block.kind is HEADING:
            part = PARTS.get(heading_key(block.text))
            if part is None:
                current = None
            elif part == SUBJECTS or not found:
                found.append(_Activity(_role(block)))
                current = found[-1].parts.setdefault(part, [])
            else:
                current = found[-1].parts.setdefault(part, [])
        elif current is not None and is_text(block):
            current.append(block)
    return [a for a in found if SUBJECTS in a.parts]


def count_activities(document: Document) -> int:
    """How many activities :func:`find_activities` gives: one per subjects heading."""
    # Both subjects headings end in "registrerade": the key is worked out only then. A
    # heading whose lower() holds the word has a case-folded text that holds it: the joined
    # texts tell at once whether any block has it.
    if _SUBJECTS_WORD not in lowered_blocks(document):
        return 0
    return sum(
        1
        for block in document.blocks
        if block.kind is HEADING
        and _SUBJECTS_WORD in block.text.lower()
        and PARTS.get(heading_key(block.text)) == SUBJECTS
    )


def _add_subjects(
    b: PolicyBuilder, act: _Activity, known: dict[str, DataSubjectCategory]
) -> list[str]:
    """Subjects of an activity; one named like a declared category refers to that category."""
    ids: list[str] = []
    for block in act.parts.get(SUBJECTS, []):
        for i, j in item_spans(block.text):
            label = plain_label(block.text[i:j])
            ev = b.evidence(block, i, j)
            declared = known.get(subject_key(label))
            if declared is None or declared.role is not act.role:
                fact = DataSubjectCategory(label=label, role=act.role, evidence=(ev,))
            else:
                fact = declared.model_copy(update={"evidence": (ev,)})
            ids.append(b.add("data_subjects", fact).id)
    return list(dict.fromkeys(ids))


def subject_key(label: str) -> str:
    """What two names of one category share: the words, without case or parentheticals."""
    return heading_key(plain_label(label))


def _add_data(b: PolicyBuilder, act: _Activity) -> list[str]:
    item_lines = [bl for bl in act.parts.get(ITEMS, []) if bl.text.strip()]
    cats: list[tuple[Block, int, int]] = [
        (block, i, j)
        for block in act.parts.get(DATA, [])
        for i, j in item_spans(block.text)
    ]
    ids: list[str] = []
    for n, (block, i, j) in enumerate(cats):
        label = plain_label(block.text[i:j])
        lines = item_lines if len(cats) == 1 else (
            [item_lines[n]] if len(item_lines) == len(cats) else []
        )
        examples = tuple(
            line.text[x:y] for line in lines for x, y in item_spans(line.text)
        )
        stored = add_data_category(
            b, label=label, examples=examples, concept=data_concept(label), role=act.role,
            evidence=(b.evidence(block, i, j), *(b.evidence(line) for line in lines)),
        )
        ids.append(stored.id)
    return list(dict.fromkeys(ids))


def add_data_category(b: PolicyBuilder, **fields: Any) -> DataCategory:
    """Add the data category of ``fields``; a category seen before gains the new examples."""
    stored = b.add_fact("data_categories", DataCategory, **fields)
    missing = tuple(x for x in fields.get("examples", ()) if x not in stored.examples)
    if missing:
        stored = stored.model_copy(update={"examples": stored.examples + missing})
        b.replace("data_categories", stored)
    return stored


def _add_purposes(b: PolicyBuilder, act: _Activity, lang: str) -> tuple[list[str], list[str]]:
    purposes: list[str] = []
    storage: list[tuple[Stated, int, int]] = []
    for block in act.parts.get(PURPOSES, []):
        stated = Stated(block, lang)
        for i, j in item_spans(block.text):
            if stated.mentions(i, j):
                storage.append((stated, i, j))
                continue
            purposes.append(_purpose(b, block, i, j, act.role))
    retention: list[str] = []
    for stated, i, j in storage:
        rules = add_retention(b, stated, i, j)
        retention.extend(r.id for r in rules)
        if not rules or not purposes:  # the storage itself is what the activity is for
            purposes.append(_purpose(b, stated.block, i, j, act.role))
    for block in act.parts.get(BASES, [])[1:]:
        retention.extend(r.id for r in add_retention(b, Stated(block, lang), 0, len(block.text)))
    return list(dict.fromkeys(purposes)), list(dict.fromkeys(retention))


def _purpose(b: PolicyBuilder, block: Block, i: int, j: int, role: PartyRole) -> str:
    label = purpose_label(block.text[i:j])
    return b.add_fact("purposes", Purpose, label=label, concept=purpose_concept(label),
                      role=role, evidence=(b.evidence(block, i, j),)).id


def _add_bases(b: PolicyBuilder, act: _Activity, lang: str) -> list[str]:
    ids: list[str] = []
    for block in act.parts.get(BASES, [])[:1]:
        for m in find_legal_bases(block.text, lang):
            basis = b.add_fact("legal_bases", LegalBasis, code=m.value, label=m.text,
                               evidence=(b.evidence(block, m.start, m.end),))
            ids.append(basis.id)
    return list(dict.fromkeys(ids))


def read_activities(
    b: PolicyBuilder, lang: str, known_subjects: dict[str, DataSubjectCategory]
) -> None:
    """Add each activity of the overview, with the facts it links."""
    names: set[str] = set()
    for act in find_activities(b.document):
        subjects = _add_subjects(b, act, known_subjects)
        data = _add_data(b, act)
        purposes, retention = _add_purposes(b, act, lang)
        bases = _add_bases(b, act, lang)
        subject_labels = [f.label for f in b.items("data_subjects")
                          if isinstance(f, DataSubjectCategory) and f.id in subjects]
        purpose_labels = [f.label for f in b.items("purposes")
                          if isinstance(f, Purpose) and f.id in purposes]
        name = f"{' • '.join(subject_labels)}: {' • '.join(purpose_labels)}"
        while name in names:
            name += " •"
        names.add(name)
        evidence = tuple(b.evidence(bl) for bl in act.parts[SUBJECTS])
        b.add("activities", ProcessingActivity(
            name=name, role=act.role, subject_ids=tuple(subjects),
            data_category_ids=tuple(data), purpose_ids=tuple(purposes),
            legal_basis_ids=tuple(bases), retention_ids=tuple(retention), evidence=evidence,
        ))
