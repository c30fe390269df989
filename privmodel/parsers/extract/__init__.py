"""Shared extractors: find values with exact spans in one block's text.

Every function takes the block text (and usually a language code: "en", "sv", "da", "nb",
"fi", "de"; any other value tries all of them) and returns :class:`Match` objects in
text order, never overlapping, with ``text[m.start:m.end] == m.text``. Phrases come from
the per-language JSON lexicons in :mod:`privmodel.parsers.lexicon`.
"""

from privmodel.parsers.extract._phrases import clear_text_caches
from privmodel.parsers.extract.authorities import AuthorityInfo, find_authorities
from privmodel.parsers.extract.children import find_min_age
from privmodel.parsers.extract.contacts import (
    find_emails,
    find_phones,
    find_postal_addresses,
    find_urls,
)
from privmodel.parsers.extract.dates import find_dates, find_labelled_dates
from privmodel.parsers.extract.durations import DurationSpec, find_durations
from privmodel.parsers.extract.laws import find_laws
from privmodel.parsers.extract.legal_basis import find_legal_bases, find_legal_basis_citations
from privmodel.parsers.extract.match import Match
from privmodel.parsers.extract.orgnum import OrgNumber, find_org_numbers
from privmodel.parsers.extract.rights import find_rights
from privmodel.parsers.extract.transfers import (
    find_countries,
    find_eea_only,
    find_regions,
    find_transfer_mechanisms,
)

__all__ = [
    "AuthorityInfo",
    "DurationSpec",
    "Match",
    "OrgNumber",
    "clear_text_caches",
    "find_authorities",
    "find_countries",
    "find_dates",
    "find_durations",
    "find_eea_only",
    "find_emails",
    "find_labelled_dates",
    "find_laws",
    "find_legal_bases",
    "find_legal_basis_citations",
    "find_min_age",
    "find_org_numbers",
    "find_phones",
    "find_postal_addresses",
    "find_regions",
    "find_rights",
    "find_transfer_mechanisms",
    "find_urls",
]
