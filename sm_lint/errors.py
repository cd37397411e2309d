"""Errors that end in a one-line message and exit status 2 (never a traceback)."""

from __future__ import annotations


class SmLintError(Exception):
    """A user-facing problem with an input, a rule file or the command line: `what` says it
    in Japanese, `what_en` in English (`--lang en`)."""

    def __init__(self, where: str, what: str, what_en: str):
        # Every field in args: a worker process's errors reach the parent pickled.
        super().__init__(where, what, what_en)
        self.where = where
        self.what = what
        self.what_en = what_en

    def text(self, lang: str) -> str:
        """The one line shown to the user, in `lang` (ja or en)."""
        return f"{self.where}: {self.what_en if lang == 'en' else self.what}"

    def __str__(self) -> str:
        return self.text("ja")

    # The same problem met twice (a broken rule pack fails every draft alike) is shown once.
    def __eq__(self, other) -> bool:
        return isinstance(other, SmLintError) and self.args == other.args

    def __hash__(self) -> int:
        return hash(self.args)


class InputError(SmLintError):
    """A draft that cannot be read or parsed."""


class RuleError(SmLintError):
    """A rule file or rule definition that is wrong."""


class ConfigError(SmLintError):
    """A configuration file or option that is wrong."""
