"""Word lists under rules/lists/ (read like every list file: sm_lint/io/listfiles.py)."""

from __future__ import annotations

from functools import cache

from sm_lint.io.listfiles import bundled, list_entries
from sm_lint.text.textnorm import fold


@cache
def word_list(name: str) -> frozenset[str]:
    """The folded entries of rules/lists/<name>.txt."""
    return frozenset(fold(entry) for entry, _ in list_entries(bundled(f"{name}.txt")))
