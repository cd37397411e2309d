"""Checks of option values that the loader, the rule kinds and the configuration share."""

from __future__ import annotations

from typing import Any, Iterable

from sm_lint.errors import RuleError, SmLintError


def optional_text(value: Any, where: str, key: str) -> str | None:
    """An option that is a non-empty text when given (a suggestion, an English label)."""
    if value is not None and not (isinstance(value, str) and value):
        raise RuleError(where, f"`{key}` は文字列で書いてください", f"`{key}` is a text")
    return value


def one_of(value: Any, choices: Iterable[str], where: str, key: str,
           error: type[SmLintError] = RuleError) -> str:
    """An option that names one of `choices` (a list or mapping from YAML names none);
    `error` is ConfigError for the configuration's own settings."""
    choices = tuple(choices)
    if not isinstance(value, str) or value not in choices:
        raise error(where, f"`{key}` は {', '.join(choices)} のいずれかです (値: {value!r})",
                    f"`{key}` is one of {', '.join(choices)}, not {value!r}")
    return value
