"""The command line: click commands that turn arguments into calls of the linter.
`main` is the group (the console entry is `run`); lint is its default command."""

from sm_lint.cli import commands
from sm_lint.cli.main import lint, main, run

for _command in (commands.score, commands.list_rules, commands.explain, commands.show_config, commands.waivers,
                 commands.report, commands.serve, commands.lsp, commands.new_draft):
    main.add_command(_command)

__all__ = ["lint", "main", "run"]
