"""Per-document parsers for the seed policies, each named after its publisher.

Each recognises its document by structure and reads it with the shared extractors.
"""

from privmodel.parsers.seeds.bluecromos import BlueCromosParser
from privmodel.parsers.seeds.bluescreen import BluescreenParser
from privmodel.parsers.seeds.calectro import CalectroParser
from privmodel.parsers.seeds.cleverom import CleveromParser
from privmodel.parsers.seeds.work_management_saas import WorkManagementSaasParser

SEED_PARSERS = (
    BlueCromosParser,
    CleveromParser,
    WorkManagementSaasParser,
    BluescreenParser,
    CalectroParser,
)

__all__ = [
    "SEED_PARSERS",
    "BlueCromosParser",
    "BluescreenParser",
    "CalectroParser",
    "CleveromParser",
    "WorkManagementSaasParser",
]
