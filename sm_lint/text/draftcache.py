"""Memo caches whose keys come from draft text (token surfaces, MeCab records, URL hosts).

They make one draft fast (the same word is folded hundreds of times) but must not keep a
draft's words after it is linted: the runner calls `forget()` after every draft. Caches of
configuration or compiled rules use plain `functools.lru_cache`; the tokenizer keeps the
dictionary's own entries (public data, never a word the dictionary does not know).
"""

from __future__ import annotations

from functools import lru_cache

_CACHES: list = []


def draft_cache(maxsize: int):
    """`functools.lru_cache(maxsize)`, emptied by `forget()`."""

    def wrap(function):
        cached = lru_cache(maxsize=maxsize)(function)
        _CACHES.append(cached)
        return cached

    return wrap


def forget() -> None:
    for cached in _CACHES:
        cached.cache_clear()
