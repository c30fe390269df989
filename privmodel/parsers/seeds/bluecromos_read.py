"""Section readers for :mod:`privmodel.parsers.seeds.bluecromos`.

Each reader gets the blocks under one section and adds the facts it states; the shared
extractors recognise contacts, dates, rights, bases, transfers and laws.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Callable, Iterable, Sequence
from typing import TypeVar

import attrs

from privmodel.parsers.base import PolicyBuilder, publisher_or_new
from privmodel.parsers.common import (
    clean_label,
    collect_authority,
    collect_dates,
    collect_laws,
    collect_legal_bases,
    collect_min_age,
    collect_publisher_contacts,
    collect_rights,
    label_span,
    set_publisher_name,
    split_examples,
)
from privmodel.parsers.document import Block, BlockKind
from privmodel.parsers.layout import SectionLayout
from privmodel.parsers.seeds.bluecromos_facts import (
    read_contact,
    read_opt_out,
    read_retention,
    read_sale,
    read_security,
    read_transfers,
)
from privmodel.schema import (
    Controller,
    DataCategory,
    DataConcept,
    DataSubjectCategory,
    Evidence,
    PartyKind,
    PartyRole,
    Presence,
    Processor,
    Purpose,
    PurposeConcept,
    Recipient,
    RecipientKind,
    RoleClaim,
    SubjectConcept,
    Subprocessor,
)

C = TypeVar("C")


class Part(enum.StrEnum):
    """The sections of the policy, by what they hold."""

    INTRO = "intro"
    ROLES = "roles"
    DATA = "data"
    PURPOSES = "purposes"
    RESPONSIBILITY = "responsibility"
    SENSITIVE = "sensitive"
    SHARING = "sharing"
    SALE = "sale"
    RETENTION = "retention"
    SECURITY = "security"
    RIGHTS = "rights"
    US_RIGHTS = "us_rights"
    OPT_OUT = "opt_out"
    TRANSFERS = "transfers"
    CONTACT = "contact"
    COMPLIANCE = "compliance"
    UPDATES = "updates"


# The header blocks, then each numbered section: (part, heading, blocks).
Layout = SectionLayout[Part]


_COMPANY_LABEL = re.compile(r"^(?:company|organi[sz]ation|publisher)$", re.I)
_INTRO_NAME = re.compile(r"^(?P<name>[A-Z][\w&.\- ]{1,80}?)\s+\((?P<aliases>[^)]*)\)")
_ALIAS = re.compile(r"[\"“”]([^\"“”]+)[\"“”]")
_ROLE = re.compile(
    r"(?P<subject>\b[\w ]{1,60}?)\s+acts?\s+(?:\w+ly\s+)?as\s+(?:an?\s+)?(?:data\s+)?"
    r"(?P<role>joint controllers?|controllers?|processors?)\b(?:,\s*(?P<scope>[^.;:]+))?",
    re.I,
)
_END_USERS = re.compile(r"\b(?P<label>end users? of (?:one of )?(?:our|its) customers)\b", re.I)
_EXAMPLE_MARK = re.compile(r"\((?:e\.g\.|for example|such as|i\.e\.)", re.I)
_ACT_AS_PROCESSORS = re.compile(r"\bact as (?:data )?processors\b", re.I)
_PRONOUNS = frozenset({"we", "us", "our", "ours", "i", "me"})

_DATA_CONCEPTS: tuple[tuple[str, DataConcept], ...] = (
    ("contact", DataConcept.CONTACT), ("device", DataConcept.DEVICE),
    ("usage", DataConcept.USAGE), ("location", DataConcept.LOCATION),
    ("image", DataConcept.IMAGE), ("photo", DataConcept.IMAGE),
    ("metadata", DataConcept.METADATA),
)
_PURPOSE_CONCEPTS: tuple[tuple[str, PurposeConcept], ...] = (
    ("legal", PurposeConcept.LEGAL_COMPLIANCE), ("security", PurposeConcept.SECURITY),
    ("improve", PurposeConcept.SERVICE_IMPROVEMENT), ("provide", PurposeConcept.SERVICE_PROVISION),
    ("operate", PurposeConcept.SERVICE_PROVISION),
)


def _concept(label: str, table: Sequence[tuple[str, C]]) -> C | None:
    low = label.lower()
    return next((concept for word, concept in table if word in low), None)


def _items(blocks: Iterable[Block]) -> list[Block]:
    return [b for b in blocks if b.kind is BlockKind.LIST_ITEM and clean_label(b.text)]


def _label(b: PolicyBuilder, block: Block) -> tuple[str, Evidence]:
    i, j = label_span(block)
    return clean_label(block.text), b.evidence(block, i, j)


@attrs.define
class Context:
    """What the sections read so far say about the publisher."""

    names: set[str] = attrs.Factory(set)
    role: PartyRole = PartyRole.CONTROLLER


def read_publisher(b: PolicyBuilder, layout: Layout, ctx: Context) -> None:
    """Name from the header's 'Company:' line or the introduction; contacts from both ends."""
    for block in layout.lead:
        if block.kind is BlockKind.LABEL_VALUE and _COMPANY_LABEL.match(block.label or ""):
            start = block.text.index(":") + 1
            value = block.text[start:]
            i = start + len(value) - len(value.lstrip())
            name = clean_label(value)
            if name:
                set_publisher_name(b, name, b.evidence(block, i, i + len(name)))
    for block in layout.blocks(Part.INTRO)[:1]:
        m = _INTRO_NAME.match(block.text)
        if m is None:
            continue
        set_publisher_name(b, m.group("name"), b.evidence(block, *m.span("name")))
        ctx.names.update(a.lower() for a in _ALIAS.findall(m.group("aliases")))
    org = publisher_or_new(b)
    if org.name:
        ctx.names.add(org.name.lower())
    contacts = [*layout.lead, *layout.blocks(Part.CONTACT)]
    collect_publisher_contacts(b, contacts, b.document.language)


def read_roles(b: PolicyBuilder, blocks: Sequence[Block], ctx: Context) -> None:
    """'X acts as a data processor, ...': the publisher's roles, and the other party's."""
    roles: list[RoleClaim] = []
    for block in blocks:
        for m in _ROLE.finditer(block.text):
            subject = m.group("subject").strip()
            role = _role_code(m.group("role"))
            ev = b.evidence(block, m.start("subject") + m.group("subject").index(subject), m.end())
            if _is_publisher(subject, ctx):
                scope = clean_label(m.group("scope") or "") or None
                roles.append(RoleClaim(role=role, scope=scope, evidence=(ev,)))
            elif role is PartyRole.CONTROLLER:
                name = re.sub(r"^(?:our|its|the)\s+", "", subject, flags=re.I)
                b.add("controllers", Controller(name=name, kind=PartyKind.CATEGORY,
                                                evidence=(ev,)))
        for m in _END_USERS.finditer(block.text):
            b.add("data_subjects", DataSubjectCategory(
                label=m.group("label"), concept=SubjectConcept.END_USER_OF_CUSTOMER,
                role=PartyRole.PROCESSOR, evidence=(b.evidence(block, *m.span("label")),),
            ))
    if roles:
        org = publisher_or_new(b)
        b.set("publisher", org.model_copy(update={"roles": (*org.roles, *roles)}))
        codes = {r.role for r in roles}
        if PartyRole.PROCESSOR in codes and PartyRole.CONTROLLER not in codes:
            ctx.role = PartyRole.PROCESSOR


def _role_code(word: str) -> PartyRole:
    low = word.lower()
    if low.startswith("joint"):
        return PartyRole.JOINT_CONTROLLER
    return PartyRole.PROCESSOR if low.startswith("processor") else PartyRole.CONTROLLER


def _is_publisher(subject: str, ctx: Context) -> bool:
    """'We', the publisher's name or one of the names it gives itself ('Blue Cromos')."""
    low = subject.lower()
    if low in ctx.names or low == "we":
        return True
    names = (n for n in ctx.names if n not in _PRONOUNS)
    return any(re.search(rf"\b{re.escape(n)}\b", low) for n in names)


def read_data(b: PolicyBuilder, blocks: Sequence[Block], ctx: Context) -> None:
    """'Label (e.g., a, b)' items: categories of personal data with their examples."""
    items = _items(blocks)
    for block in items:
        label, examples = split_examples(block.text)
        if not _EXAMPLE_MARK.search(block.text):
            examples = ()
        start = block.text.index(label)
        b.add("data_categories", DataCategory(
            label=label, examples=examples, concept=_concept(label, _DATA_CONCEPTS),
            role=ctx.role, evidence=(b.evidence(block, start, start + len(label)),),
        ))
    leads = [x for x in blocks if x.kind is BlockKind.PARAGRAPH and x.text.rstrip().endswith(":")]
    if items and leads:
        b.declare("personal_data_collected", Presence.PRESENT, [b.evidence(leads[0])])


def read_purposes(b: PolicyBuilder, blocks: Sequence[Block], ctx: Context) -> None:
    """One purpose per item; a purpose that names a legal basis relies on it."""
    for block in _items(blocks):
        label, ev = _label(b, block)
        purpose = b.add("purposes", Purpose(
            label=label, concept=_concept(label, _PURPOSE_CONCEPTS), role=ctx.role,
            evidence=(ev,),
        ))
        collect_legal_bases(b, [block], b.document.language, (purpose.id,))


def read_sharing(b: PolicyBuilder, blocks: Sequence[Block], ctx: Context) -> None:
    """Categories of recipients; processors engaged by a processor are subprocessors."""
    processors = any(_ACT_AS_PROCESSORS.search(x.text) for x in blocks)
    for block in _items(blocks):
        name, ev = _label(b, block)
        kind = RecipientKind.PROCESSOR if processors else RecipientKind.OTHER
        b.add("recipients", Recipient(
            name=name, kind=PartyKind.CATEGORY, recipient_kind=kind, evidence=(ev,)
        ))
        if not processors:
            continue
        if ctx.role is PartyRole.PROCESSOR:
            b.add("subprocessors", Subprocessor(name=name, kind=PartyKind.CATEGORY,
                                                evidence=(ev,)))
        else:
            b.add("processors", Processor(name=name, kind=PartyKind.CATEGORY, evidence=(ev,)))


def read_rights(b: PolicyBuilder, blocks: Sequence[Block], ctx: Context) -> None:
    collect_rights(b, blocks, b.document.language)


def read_compliance(b: PolicyBuilder, blocks: Sequence[Block], ctx: Context) -> None:
    collect_laws(b, blocks, b.document.language)


Reader = Callable[[PolicyBuilder, Sequence[Block], Context], None]

READERS: dict[Part, Reader] = {
    Part.DATA: read_data,
    Part.PURPOSES: read_purposes,
    Part.SHARING: read_sharing,
    Part.SALE: read_sale,
    Part.RETENTION: read_retention,
    Part.SECURITY: read_security,
    Part.RIGHTS: read_rights,
    Part.US_RIGHTS: read_rights,
    Part.OPT_OUT: read_opt_out,
    Part.TRANSFERS: read_transfers,
    Part.CONTACT: read_contact,
    Part.COMPLIANCE: read_compliance,
}


def read_policy(b: PolicyBuilder, layout: Layout) -> None:
    """Read every section: publisher and roles first, since the other facts depend on them."""
    lang = b.document.language
    ctx = Context()
    read_publisher(b, layout, ctx)
    collect_dates(b, layout.lead, lang)
    read_roles(b, layout.blocks(Part.ROLES, Part.INTRO), ctx)
    for part, heading, body in layout.sections:
        reader = READERS.get(part) if part is not None else None
        if reader is not None:
            reader(b, body, ctx)
        elif part is None:
            b.problem(f"section not recognised: {heading.text!r}", heading)
    collect_min_age(b, layout.everything(), lang)
    collect_authority(b, layout.blocks(Part.RIGHTS, Part.US_RIGHTS, Part.CONTACT), lang)
