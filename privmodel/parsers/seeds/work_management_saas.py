"""Parser for the privacy policy of a Swedish work-management SaaS service (no company named).

The layout it knows: numbered sections without a title ("1. Personal data that you give
us", "2. Personal data that we collect", "3. How we use and keep your personal data",
"4. Sharing of personal data", "5. Artificial intelligence (AI) features", "6. Your
rights", "7. Complaints", "8. Security", "9. Register", "10. Updates and information").
Section 1 lists the data per role ('When you use our Services (customer): ...'), section 2
per purpose.  Sections are found by their headings, so renumbered, renamed or dropped
sections still parse; the facts are read by the shared extractors and the readers in
``work_management_saas_data`` and ``work_management_saas_parties``.
"""

from __future__ import annotations

import enum
import re

from privmodel.parsers.base import ParseResult, PolicyBuilder, publisher_or_new
from privmodel.parsers.common import (
    collect_authority,
    collect_dates,
    collect_laws,
    collect_legal_bases,
    collect_min_age,
    collect_publisher_contacts,
)
from privmodel.parsers.document import Block, BlockKind, Document
from privmodel.parsers.layout import (
    blocks_holding,
    classify_heading,
    headings_found,
    part_table,
    titles,
    unnumbered,
)
from privmodel.parsers.seeds.work_management_saas_data import (
    Found,
    RoleItem,
    add_purpose,
    read_purpose_items,
    read_retention,
    read_role_items,
    read_service_purpose,
)
from privmodel.parsers.seeds.work_management_saas_parties import (
    read_ai,
    read_rights,
    read_security,
    read_sharing,
)
from privmodel.parsers.seeds.work_management_saas_text import stems
from privmodel.schema import (
    LegalBasis,
    PartyRole,
    Presence,
    ProcessingActivity,
    Purpose,
    RoleClaim,
)


class Part(enum.Enum):
    GIVEN = "given"
    COLLECTED = "collected"
    USE = "use"
    SHARING = "sharing"
    AI = "ai"
    RIGHTS = "rights"
    COMPLAINTS = "complaints"
    SECURITY = "security"
    REGISTER = "register"
    UPDATES = "updates"


_PARTS = part_table(
    (Part.GIVEN, r"\bdata (?:that )?you (?:give|provide)\b"),
    (Part.COLLECTED, r"\bdata (?:that )?we collect\b"),
    (Part.USE, r"\bhow we use\b|\bkeep your\b|\bretention\b"),
    (Part.SHARING, r"\bsharing\b|\bdisclos"),
    (Part.AI, r"\bartificial intelligence\b|\bAI\b"),
    (Part.RIGHTS, r"\brights\b"),
    (Part.COMPLAINTS, r"\bcomplain"),
    (Part.SECURITY, r"\bsecurity\b"),
    (Part.REGISTER, r"\bregister\b"),
    (Part.UPDATES, r"\bupdates?\b|\bchanges\b"),
)
# What recognises the document: its distinctive headings and its self-description.
_DISTINCTIVE = titles(
    "personal data that you give us",
    "personal data that we collect",
    "how we use and keep your personal data",
    "sharing of personal data",
    "artificial intelligence (ai) features",
    "complaints",
    "register",
    "updates and information",
)
# Each self-description with a literal that all its matches contain, tested first.
_SELF = (
    ("work item", re.compile(r"\bwork items?\b", re.I)),
    ("when you ", re.compile(r"^when you [^:]*\((?:customer|supplier)\):", re.I)),
)
_CONTROLLER = re.compile(
    r"\bwe process personal data based on\b|\buse your personal data to\b", re.I
)


def classify(heading: str) -> Part | None:
    """The part of the policy a heading opens, by its wording (numbering ignored)."""
    return classify_heading(unnumbered(heading), _PARTS)


def split_sections(document: Document) -> dict[Part, list[Block]]:
    """The blocks under each known heading (a part may repeat; its blocks accumulate)."""
    parts: dict[Part, list[Block]] = {}
    for head, body in document.sections():
        part = classify(head.text) if head is not None else None
        if part is not None:
            parts.setdefault(part, []).extend(
                b for b in body if b.kind is not BlockKind.HEADING
            )
    return parts


class WorkManagementSaasParser:
    """Numbered sections: data per role, per purpose, sharing, AI features, rights, register."""

    name = "work_management_saas"
    description = "Work-management SaaS policy with per-role data lists and an AI-features section"

    def detect(self, document: Document) -> float:
        hits = headings_found(document, _DISTINCTIVE, unnumbered)
        # Every match of a pattern holds its literal: only the blocks that hold it are searched.
        selfs = sum(
            any(p.search(b.text) for b in blocks_holding(document, literal))
            for literal, p in _SELF
        )
        return min(0.95, 0.1 * hits + 0.05 * selfs)

    def parse(self, document: Document) -> ParseResult:
        b = PolicyBuilder(document, self.name)
        lang = document.language
        parts = split_sections(document)
        complaints = parts.get(Part.COMPLAINTS, [])
        collect_dates(b, document.blocks, lang)
        collect_publisher_contacts(
            b, [bl for bl in document.blocks if bl not in complaints], lang
        )
        found = Found()
        read_role_items(b, found, parts.get(Part.GIVEN, []))
        read_purpose_items(b, found, parts.get(Part.COLLECTED, []))
        service = read_service_purpose(b, found, parts.get(Part.USE, []))
        read_retention(b, parts.get(Part.USE, []))
        collect_legal_bases(b, parts.get(Part.USE, []), lang)
        _claim_controller(b, parts.get(Part.USE, []))
        read_sharing(b, found, parts.get(Part.SHARING, []))
        ai = read_ai(b, found, parts.get(Part.AI, []))
        read_rights(b, parts.get(Part.RIGHTS, []))
        collect_authority(b, complaints, lang)
        read_rights(b, complaints)
        read_security(b, parts.get(Part.SECURITY, []))
        collect_laws(b, document.blocks, lang)
        collect_min_age(b, document.blocks, lang)
        _declare_collected(b)
        for item in found.role_items:
            _role_activity(b, found, item, service)
        _ai_activity(b, found, ai)
        return b.build()


def _claim_controller(b: PolicyBuilder, blocks: list[Block]) -> None:
    """The publisher states its own purposes and legal grounds: it is the controller."""
    for block in blocks:
        m = _CONTROLLER.search(block.text)
        if m is not None:
            org = publisher_or_new(b)
            claim = RoleClaim(role=PartyRole.CONTROLLER, evidence=(b.evidence(block),))
            if not org.roles:
                b.set("publisher", org.model_copy(update={"roles": (claim,)}))
            return


def _declare_collected(b: PolicyBuilder) -> None:
    data = b.items("data_categories")
    if data:
        b.declare("personal_data_collected", Presence.PRESENT, data[0].evidence[:1])


def _mentions(label: str, text: str) -> bool:
    words = stems(label)
    return bool(words) and words <= stems(text)


def _bases_for(b: PolicyBuilder, purpose_ids: list[str]) -> tuple[str, ...]:
    return tuple(
        f.id for f in b.items("legal_bases")
        if isinstance(f, LegalBasis) and set(f.purpose_ids) & set(purpose_ids)
    )


def _role_activity(b: PolicyBuilder, found: Found, item: RoleItem, service: list[str]) -> None:
    """Subject -> data -> purposes of one role item; purposes the text links to the role.

    A purpose is linked when the item states it ('in order to assist you'), when a purpose
    names the role ('manage the customer or supplier relationship'), or when the item's
    circumstance uses the policy's defined term ('use our Services') that a purpose names.
    Without any, the circumstance itself ('send us a job application') is the purpose.
    """
    if not item.data_ids:
        return
    text = item.block.text
    circumstance = text[item.circumstance[0]:item.circumstance[1]]
    purposes = list(item.purpose_ids)
    purposes += [pid for pid, words in found.purposes_by_text
                 if _mentions(item.subject_label, words) and pid not in purposes]
    term = found.defined_term
    if term and term in circumstance:
        purposes += [pid for pid in service if pid not in purposes]
    if not purposes:
        purposes.append(add_purpose(b, item.block, item.circumstance).id)
    b.add("activities", ProcessingActivity(
        name=text[: text.find(":")].strip(),
        subject_ids=(item.subject_id,),
        data_category_ids=tuple(dict.fromkeys(item.data_ids)),
        purpose_ids=tuple(purposes),
        legal_basis_ids=_bases_for(b, purposes),
        evidence=(b.evidence(item.block),),
    ))


def _ai_activity(b: PolicyBuilder, found: Found, ai: dict[str, list[str]]) -> None:
    """The AI features: whose content (the role whose data names it), by whom, on what basis."""
    if not (ai["purposes"] and ai["data"]):
        return
    labels = [d.label for d in found.data.values() if d.id in ai["data"]]
    subjects = [
        item.subject_id for item in found.role_items
        if any(_mentions(" ".join(label.split()[:2]), item.block.text) for label in labels)
    ]
    purposes = [p for p in b.items("purposes")
                if isinstance(p, Purpose) and p.id in ai["purposes"]]
    b.add("activities", ProcessingActivity(
        name=purposes[0].label,
        subject_ids=tuple(dict.fromkeys(subjects)),
        data_category_ids=tuple(dict.fromkeys(ai["data"])),
        purpose_ids=tuple(ai["purposes"]),
        legal_basis_ids=tuple(dict.fromkeys(ai["bases"])),
        recipient_ids=tuple(ai["processors"]),
        evidence=tuple(p.evidence[0] for p in purposes),
    ))
