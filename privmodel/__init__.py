"""privmodel: privacy policies as structured privacy knowledge.

>>> import privmodel
>>> result = privmodel.parse("privacy-policy.txt")   # doctest: +SKIP
>>> privmodel.dump(result.policy)                                  # doctest: +SKIP
"""

from privmodel.errors import (
    FormatError,
    InputError,
    OutputError,
    PolicyValidationError,
    PrivmodelError,
    Problem,
)
from privmodel.format import dump, dump_file, load, load_file
from privmodel.parsers.base import ParseProblem, ParseResult
from privmodel.parsers.registry import get_parser, parse
from privmodel.parsers.registry import parsers as available_parsers
from privmodel.schema import *  # noqa: F403
from privmodel.schema import __all__ as _schema_all

__version__ = "0.1.0"

__all__ = [
    "FormatError",
    "InputError",
    "OutputError",
    "ParseProblem",
    "ParseResult",
    "PolicyValidationError",
    "PrivmodelError",
    "Problem",
    "__version__",
    "dump",
    "dump_file",
    "get_parser",
    "load",
    "load_file",
    "available_parsers",
    "parse",
    *_schema_all,
]
