"""Module-level patterns compiled on first use.

Python compiles a pattern when `re.compile` runs, at import: a few large ones (URLs, emoji)
cost a cold start milliseconds even when the draft gives them nothing to do.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache


def lazy_compile(pattern: str, flags: int = 0) -> Callable[[], re.Pattern[str]]:
    """A function returning `re.compile(pattern, flags)`, compiled at its first call."""
    return lru_cache(maxsize=1)(lambda: re.compile(pattern, flags))
