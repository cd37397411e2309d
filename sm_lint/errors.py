"""Errors that end in a one-line message and exit status 2 (never a traceback)."""

from __future__ import annotations


class SmLintError(Exception):
    """A user-facing problem with an input, a rule file or the command line."""

    def __init__(self, where: str, what: str):
        super().__init__(f"{where}: {what}")
        self.where = where
        self.what = what


class InputError(SmLintError):
    """A draft that cannot be read or parsed."""


class RuleError(SmLintError):
    """A rule file or rule definition that is wrong."""


class ConfigError(SmLintError):
    """A configuration file or option that is wrong."""
