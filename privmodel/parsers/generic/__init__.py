"""The generic parser: for any policy no one wrote a parser for.

It classifies sections by heading (topics lexicon), then runs the shared extractors per
section. It abstains where the document is silent.
"""

from __future__ import annotations

from privmodel.parsers.generic.parser import GenericParser

__all__ = ["GenericParser"]
