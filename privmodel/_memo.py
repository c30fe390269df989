"""Text-keyed memoisation shared by the model and the parsers, and its reset.

Parsing one document asks the same questions about the same texts many times (is a word
in this block, what is the slug of this label). The answers are kept in bounded caches
that :func:`clear_text_caches` empties, so a benchmark can start every parse cold and
never measure memoisation across repeated runs of the same document.
"""

from __future__ import annotations

import functools
import weakref
from collections.abc import Callable
from typing import Any, Generic, Protocol, TypeVar

T = TypeVar("T")
K = TypeVar("K")


class _Cache(Protocol):
    def cache_clear(self) -> None: ...

    def cache_info(self) -> functools._CacheInfo: ...

# Texts whose answers each cache keeps: the blocks and sentences of a policy of a few
# megabytes, so collectors passing over the same blocks one after the other find them.
TEXTS_KEPT = 1 << 15

_TEXT_CACHES: list[_Cache] = []


def text_cache(fn: Callable[..., T]) -> functools._lru_cache_wrapper[T]:
    """``fn`` memoised on its (text) arguments, in a cache :func:`clear_text_caches` empties.

    Results must be immutable: every caller gets the same object.
    """
    cached = functools.lru_cache(maxsize=TEXTS_KEPT)(fn)
    _TEXT_CACHES.append(cached)
    return cached


class LastObjectCache(Generic[K, T]):
    """``fn(obj)`` kept for the last object asked about, known by identity, held weakly.

    For the values several readers ask of one document in turn (the detectors of the
    registry): an object that is not hashable cheaply, or not at all, is told by its
    identity; the weak reference keeps no object alive, and one whose reference died is
    never mistaken for a new object at the same address. The object must not change.
    """

    def __init__(self, fn: Callable[[K], T]) -> None:
        self._fn = fn
        self._last: tuple[weakref.ref[Any], T] | None = None
        self._hits = self._misses = 0
        functools.update_wrapper(self, fn)
        _TEXT_CACHES.append(self)

    def __call__(self, obj: K) -> T:
        last = self._last
        if last is not None and last[0]() is obj:
            self._hits += 1
            return last[1]
        self._misses += 1
        value = self._fn(obj)
        self._last = (weakref.ref(obj), value)
        return value

    def cache_clear(self) -> None:
        self._last = None
        self._hits = self._misses = 0

    def cache_info(self) -> functools._CacheInfo:
        return functools._CacheInfo(self._hits, self._misses, 1, int(self._last is not None))


def clear_text_caches() -> None:
    """Forget every text-keyed answer, so that the next parse starts cold (benchmarks)."""
    for cached in _TEXT_CACHES:
        cached.cache_clear()


__all__ = ["TEXTS_KEPT", "LastObjectCache", "clear_text_caches", "text_cache"]
