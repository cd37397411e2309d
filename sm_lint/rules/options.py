"""Checks of option values that the loader, the rule kinds and the configuration share."""

from __future__ import annotations

from typing import Any

from sm_lint.errors import RuleError
from sm_lint.settings.loader import one_of as one_of  # re-exported: the configuration checks its choices alike


def optional_text(value: Any, where: str, key: str) -> str | None:
    """An option that is a non-empty text when given (a suggestion, an English label)."""
    if value is not None and not (isinstance(value, str) and value):
        raise RuleError(where, f"`{key}` は文字列で書いてください", f"`{key}` is a text")
    return value
