"""Memo caches whose keys come from draft text (token surfaces, MeCab records, URL hosts).

They make one draft fast (the same word is folded hundreds of times) but must not keep a
draft's words after it is linted: the runner calls `forget()` after every draft. Caches of
configuration or compiled rules use plain `functools.lru_cache`; the tokenizer keeps the
dictionary's own entries (public data, never a word the dictionary does not know).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import Any, TypeVar, cast

F = TypeVar("F", bound=Callable[..., Any])

_CLEARS: list[Callable[[], None]] = []  # each cache's cache_clear


def draft_cache(maxsize: int) -> Callable[[F], F]:
    """`functools.lru_cache(maxsize)`, emptied by `forget()`. The cached function keeps its
    signature for the type checker (lru_cache's wrapper takes any hashable arguments)."""

    def wrap(function: F) -> F:
        cached = lru_cache(maxsize=maxsize)(function)
        _CLEARS.append(cached.cache_clear)
        return cast(F, cached)

    return wrap


def forget() -> None:
    for clear in _CLEARS:
        clear()
