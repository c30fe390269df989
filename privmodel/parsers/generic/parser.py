"""GenericParser: section topics first, then the shared extractors on each topic's blocks."""

from __future__ import annotations

from privmodel.parsers.base import ParseResult, PolicyBuilder, publisher_or_new
from privmodel.parsers.common import (
    collect_authority,
    collect_dates,
    collect_min_age,
    collect_publisher_contacts,
)
from privmodel.parsers.document import Block, Document
from privmodel.parsers.generic.activities import collect_activities
from privmodel.parsers.generic.bases import (
    PRE_GDPR_LAWS,
    collect_default_role,
    collect_law_names,
    collect_relied_bases,
)
from privmodel.parsers.generic.contacts import collect_publisher_emails
from privmodel.parsers.generic.data import collect_data_categories
from privmodel.parsers.generic.facts import (
    collect_absences,
    collect_cookies,
    collect_dpo,
)
from privmodel.parsers.generic.identity import collect_identity, collect_roles
from privmodel.parsers.generic.parties import collect_named_parties, collect_recipient_categories
from privmodel.parsers.generic.purposes import collect_purposes
from privmodel.parsers.generic.retention import collect_retention
from privmodel.parsers.generic.rights import collect_all_rights
from privmodel.parsers.generic.security import collect_security_measures
from privmodel.parsers.generic.sources import collect_sources
from privmodel.parsers.generic.subjects import collect_subjects
from privmodel.parsers.generic.topics import Topics, group_by_topic
from privmodel.parsers.generic.transfers import collect_transfers

_HEAD_BLOCKS = 12


class GenericParser:
    """Reads any privacy policy by its section headings; the fallback of the registry."""

    name = "generic"
    description = "any privacy policy: sections classified by heading, shared extractors"

    def detect(self, document: Document) -> float:
        return 0.1

    def parse(self, document: Document) -> ParseResult:
        b = PolicyBuilder(document, self.name)
        lang = document.language
        topics = group_by_topic(document)
        blocks = list(document.blocks)
        _identity(b, topics, blocks, lang)
        absent = collect_absences(b, blocks, lang)
        if "personal_data_collected" in absent:
            topics.pop("data", None)
        if "personal_data_collected" not in absent:
            collect_data_categories(b, document, lang)
        _prose(b, topics, blocks, lang)
        collect_law_names(b, blocks, lang)
        if _applies_gdpr(b):
            collect_relied_bases(b, blocks, lang, topics.get("legal_basis", []),
                                 topics.get("purposes", []))
        else:
            b.problem("the policy does not apply the GDPR: no legal basis is read")
        collect_transfers(b, topics.get("transfers", []), blocks, lang)
        collect_retention(b, [*topics.get("retention", []), *topics.get("cookies", [])], lang,
                          blocks)
        collect_cookies(b, topics.get("cookies", []), lang)
        collect_all_rights(b, blocks, topics, lang)
        collect_authority(b, blocks, lang)
        collect_min_age(b, topics.get("children", blocks), lang)
        collect_dpo(b, blocks, topics.get("dpo", []))
        collect_activities(b, document, topics.get("purposes", []), lang,
                           read_bases=_applies_gdpr(b))
        collect_named_parties(b, blocks, lang)
        if not publisher_or_new(b).evidence:
            b.set("publisher", None)  # nothing was read about the publisher
        return b.build()


# Laws that predate the GDPR: a policy citing only these relies on no GDPR legal basis.
_PRE_GDPR = PRE_GDPR_LAWS


def _applies_gdpr(b: PolicyBuilder) -> bool:
    laws = {getattr(law, "name", "") for law in b.items("laws")}
    return not (laws & _PRE_GDPR) or "GDPR" in laws


def _identity(b: PolicyBuilder, topics: Topics, blocks: list[Block], lang: str) -> None:
    """Name, contacts, dates and roles of the publisher."""
    head = blocks[:_HEAD_BLOCKS]
    collect_identity(b, topics, blocks, lang)
    collect_dates(b, blocks, lang)
    contact_blocks = [*topics.get("identity", []), *topics.get("contact", []),
                      *topics.get("dpo", []), *head]
    collect_publisher_contacts(b, contact_blocks or blocks, lang)
    collect_publisher_emails(b, topics, blocks, lang)
    collect_roles(b, blocks, lang)
    collect_default_role(b, blocks, lang)


def _prose(b: PolicyBuilder, topics: Topics, blocks: list[Block], lang: str) -> None:
    """Facts stated in sentences rather than in lists."""
    collect_purposes(b, topics.get("purposes", []), blocks, lang)
    collect_security_measures(b, blocks, topics, lang)
    collect_subjects(b, topics.get("subjects", []), blocks, lang)
    collect_recipient_categories(b, topics.get("recipients", []), lang)
    collect_sources(b, topics.get("sources", []), blocks, lang)
