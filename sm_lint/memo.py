"""Per-object memos for immutable values (a draft's analysis, a configuration): what several
rules derive from the same object is computed once."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any, TypeVar

T = TypeVar("T")


def memo(owner: Any, key: Hashable, compute: Callable[..., T]) -> T:
    """`compute(owner)` once per owner and key; a tuple key passes its items after the first
    to `compute`. Kept in the owner's __dict__, so it lives and dies with the owner (a frozen
    dataclass's fields are untouched)."""
    store = owner.__dict__.get("_memo")
    if store is None:
        store = owner.__dict__["_memo"] = {}
    try:
        found: T = store[key]
        return found
    except KeyError:
        value = store[key] = compute(owner, *key[1:]) if isinstance(key, tuple) else compute(owner)
        return value
