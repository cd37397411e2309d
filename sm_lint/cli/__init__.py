"""The command line: `run` is the console entry (cli/entry.py: `sm-lint PATH...` without
click); `main` is the click group, `lint` its default command, the others
(sm_lint/cli/commands.py) are loaded when named (see ELSEWHERE in entry.py). `main` and `lint`
are imported when asked for, so that the entry does not load click: import them from here,
not from sm_lint.cli.main first."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sm_lint.cli.entry import run

if TYPE_CHECKING:
    import click

__all__ = ["group", "lint", "main", "run"]


def group() -> click.Group:
    """The click group (cli/main.py), loaded now."""
    import importlib

    module = importlib.import_module("sm_lint.cli.main")
    # Loading the module named main made `main` this package's name for it: the command
    # group is what `from sm_lint.cli import main` means, as before.
    globals().update(main=module.main, lint=module.lint)
    command: click.Group = module.main
    return command


def __getattr__(name: str) -> Any:
    if name not in ("lint", "main"):
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    group()
    return globals()[name]
