"""click's usage errors (a mistyped option, a value that is not one of the choices, a missing
path) as one line in the user's language. click words them in English over four lines; the
staff who run sm-lint read Japanese, and a hook's log is easier to read with one line per
problem. The language is `--lang` from the command line: these errors come before any
configuration file is read."""

from __future__ import annotations

from collections.abc import Sequence

import click

from sm_lint.cli.entry import lang_of


class BadValue(click.BadParameter):
    """A value our own option callback refused, its problem worded in both languages (the
    option's name is added to either)."""

    def __init__(self, ja: str, en: str):
        super().__init__(en)
        self.ja = ja


def _names(param: click.Parameter | None, fallback: str | Sequence[str] | None = None) -> str:
    if isinstance(param, click.Option):
        return "/".join(param.opts)
    if param is not None:
        return param.human_readable_name
    return fallback if isinstance(fallback, str) else " / ".join(fallback or ())


def _takes_value(group: click.Command, option_name: str) -> bool:
    """Whether the option, in whichever command has it, takes a value (all agree)."""
    for command in getattr(group, "commands", {}).values():
        for param in command.params:
            if isinstance(param, click.Option) and option_name in param.opts:
                return not param.is_flag
    return True


def _japanese(exc: click.UsageError, group: click.Command) -> str:
    if isinstance(exc, click.NoSuchOption):
        maybe = f" (もしかして {', '.join(exc.possibilities)})" if exc.possibilities else ""
        return f"{exc.option_name} というオプションはありません{maybe}"
    if isinstance(exc, click.BadOptionUsage):
        if _takes_value(group, exc.option_name):
            return f"{exc.option_name} には値を続けて書いてください"
        return f"{exc.option_name} は値を取りません"
    if isinstance(exc, click.MissingParameter):
        return f"{_names(exc.param, exc.param_hint)} を指定してください"
    if isinstance(exc, click.BadParameter):
        names = _names(exc.param, exc.param_hint)
        kind = getattr(exc.param, "type", None)
        if isinstance(exc, BadValue):
            return f"{names}: {exc.ja}"
        if isinstance(kind, click.Choice):
            return f"{names} には {', '.join(map(str, kind.choices))} のいずれかを指定してください"
        if isinstance(kind, click.IntRange) and kind.min is not None and kind.max is None:
            return f"{names} には {kind.min} 以上の整数を指定してください"
        if isinstance(kind, click.IntRange) and kind.min is not None:
            return f"{names} には {kind.min} から {kind.max} までの整数を指定してください"
        return f"{names} の値が正しくありません ({exc.message})"
    if exc.message.startswith("Got unexpected extra argument"):  # click words it so, without a class of its own
        return f"余分な引数があります {exc.message.partition(' argument')[2].lstrip('s ')}"
    return f"コマンドの指定が正しくありません ({exc.format_message()})"


def describe(exc: click.UsageError, ctx: click.Context, args: Sequence[str]) -> str:
    """The one line to print, without the `sm-lint: ` prefix; `ctx` is the group's and
    `args` the command line it parsed."""
    group = ctx.command
    command = (exc.ctx or ctx).command_path  # the parser's own errors carry no context
    if lang_of(args) == "en":
        message = exc.format_message().rstrip(".")
        return f"{message} (see `{command} --help`)"
    return f"{_japanese(exc, group)}。使い方は `{command} --help` で確認できます"
