"""Word lists under rules/lists/: one entry a line, `#` starts a comment."""

from __future__ import annotations

from functools import lru_cache

from sm_lint.errors import RuleError
from sm_lint.resources import rules_root
from sm_lint.textnorm import fold


@lru_cache(maxsize=None)
def word_list(name: str) -> frozenset[str]:
    """The folded entries of rules/lists/<name>.txt."""
    path = rules_root() / "lists" / f"{name}.txt"
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise RuleError(str(path), f"cannot read the list: {exc}") from None
    return frozenset(fold(e) for e in (line.split("#", 1)[0].strip() for line in lines) if e)
