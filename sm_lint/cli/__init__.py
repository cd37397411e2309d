"""The command line: click commands that turn arguments into calls of the linter.
`main` is the group (the console entry is `run`); lint is its default command, the others
(sm_lint/cli/commands.py) are loaded when named (see ELSEWHERE in main.py)."""

from sm_lint.cli.main import lint, main, run

__all__ = ["lint", "main", "run"]
