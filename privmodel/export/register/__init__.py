"""GDPR Article 30 registers (records of processing activities) built from policies.

>>> from privmodel.export.register import register_from_policies
>>> register = register_from_policies([policy])                    # doctest: +SKIP
>>> [t.spec.sheet for t in register.tables()]                      # doctest: +SKIP
"""

from privmodel.export.register.build import register_from_policies
from privmodel.export.register.model import (
    MARKER_TEXT,
    Cell,
    CellState,
    Column,
    ColumnSource,
    Register,
    Row,
    Table,
    TableSpec,
)

__all__ = [
    "MARKER_TEXT",
    "Cell",
    "CellState",
    "Column",
    "ColumnSource",
    "Register",
    "Row",
    "Table",
    "TableSpec",
    "register_from_policies",
]
