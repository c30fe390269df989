"""Importers: read other machine-readable privacy formats into a Policy, with warnings."""

from privmodel.importers.tilt import read_tilt

__all__ = ["read_tilt"]
