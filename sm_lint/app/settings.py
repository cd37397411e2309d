"""A lint run's settings, apart from app/lint.py so that the command line can read their
defaults (and its plain form build them: cli/entry.py) without loading the lint."""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from sm_lint.run.options import Options as Options  # re-exported: the command line builds it

if TYPE_CHECKING:
    from pathlib import Path


class LintSettings(NamedTuple):
    """A lint run: the paths, the linter's Options, and how to report and end. The defaults
    are the command line's (cli/main.py declares its options with them)."""

    paths: tuple[str, ...]
    options: Options = Options()
    fmt: str = "full"
    no_color: bool = False
    stdin_filename: str = "-"  # the name of stdin, also for finding its configuration
    statistics: bool = False
    quiet: bool = False
    exit_zero: bool = False
    write_baseline: Path | None = None
    fix: bool = False
    diff: bool = False
    jobs: int = 0  # worker processes; 0: decided from the drafts and the free CPUs


DEFAULTS = LintSettings._field_defaults
