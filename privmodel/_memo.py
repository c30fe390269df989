"""Text-keyed memoisation shared by the model and the parsers, and its reset.

Parsing one document asks the same questions about the same texts many times (is a word
in this block, what is the slug of this label). The answers are kept in bounded caches
that :func:`clear_text_caches` empties, so a benchmark can start every parse cold and
never measure memoisation across repeated runs of the same document.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")

# Texts whose answers each cache keeps: the blocks and sentences of a policy of a few
# megabytes, so collectors passing over the same blocks one after the other find them.
TEXTS_KEPT = 1 << 15

_TEXT_CACHES: list[functools._lru_cache_wrapper[Any]] = []


def text_cache(fn: Callable[..., T]) -> functools._lru_cache_wrapper[T]:
    """``fn`` memoised on its (text) arguments, in a cache :func:`clear_text_caches` empties.

    Results must be immutable: every caller gets the same object.
    """
    cached = functools.lru_cache(maxsize=TEXTS_KEPT)(fn)
    _TEXT_CACHES.append(cached)
    return cached


def clear_text_caches() -> None:
    """Forget every text-keyed answer, so that the next parse starts cold (benchmarks)."""
    for cached in _TEXT_CACHES:
        cached.cache_clear()


__all__ = ["TEXTS_KEPT", "clear_text_caches", "text_cache"]
