"""Checks of option values that the loader and the rule kinds share."""

from __future__ import annotations

from typing import Any

from sm_lint.errors import RuleError


def optional_text(value: Any, where: str, key: str) -> str | None:
    """An option that is a non-empty text when given (a suggestion, an English label)."""
    if value is not None and not (isinstance(value, str) and value):
        raise RuleError(where, f"`{key}` は文字列で書いてください", f"`{key}` is a text")
    return value
