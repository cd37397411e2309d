"""The command group and `sm-lint PATH...` (lint); the other commands are in commands.py."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from sm_lint import __version__
from sm_lint.app.settings import DEFAULTS, LintSettings, Options
from sm_lint.cli.entry import ELSEWHERE, fail, guarded, stdin_piped
from sm_lint.report import FORMATS
from sm_lint.rules.model import SEVERITIES


class _DefaultGroup(click.Group):
    """`sm-lint draft.md` means `sm-lint lint draft.md`, as with ruff's default command."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*self.commands, *ELSEWHERE})

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name in ELSEWHERE and name not in self.commands:
            from sm_lint.cli import commands

            self.add_command(getattr(commands, ELSEWHERE[name]), name)
        return super().get_command(ctx, name)

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if (
            args
            and args[0] not in self.commands
            and args[0] not in ELSEWHERE
            and args[0] not in ("--help", "-h", "--version")
        ):
            args = ["lint", *args]
        elif not args:  # `cat 下書き.txt | sm-lint` lints stdin; at a terminal, the help
            args = ["lint"] if stdin_piped() else ["lint", "--help"]
        ctx.meta["sm_lint.args"] = args  # a usage error's language is read from them, if one comes
        return super().parse_args(ctx, args)

    def invoke(self, ctx: click.Context) -> Any:
        """Under the guard the plain form has too (cli/entry.py); a usage error is one line in
        the user's language."""

        def command() -> Any:
            try:
                return super(_DefaultGroup, self).invoke(ctx)
            except click.exceptions.UsageError as exc:
                from sm_lint.cli.usage import describe

                fail(describe(exc, ctx, ctx.meta["sm_lint.args"]))

        click_ends = (click.exceptions.ClickException, click.exceptions.Exit, click.exceptions.Abort)
        return guarded(command, ctx.meta["sm_lint.args"], click_ends)


_fail = fail  # the other commands' one line and exit 2 (commands.py)


@click.group(cls=_DefaultGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="sm-lint")
def main() -> None:
    """上越市ソーシャルメディアガイドラインに沿って SNS 投稿の下書きを確認します。"""


def _encoding_option(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    from sm_lint.io.encoding import check_encoding

    try:
        return check_encoding(value) if value else None
    except ValueError:
        from sm_lint.cli.usage import BadValue

        raise BadValue(
            f"知らない文字コードです: {value} (例: utf-8, cp932, euc_jp)",
            f"unknown encoding {value!r} (e.g. utf-8, cp932, euc_jp)",
        ) from None


def _size_option(ctx: click.Context, param: click.Parameter, value: str | None) -> int | None:
    from sm_lint.io.inputs import parse_size

    if value is None:
        return None
    size = parse_size(value)
    if size is None:
        from sm_lint.cli.usage import BadValue

        raise BadValue(
            f"大きさは 2MiB や 512KiB のように書いてください: {value}", f"a size such as 2MiB or 512KiB, not {value!r}"
        )
    return size


@main.command()
@click.argument("paths", nargs=-1)
@click.option(
    "--format", "fmt", type=click.Choice(list(FORMATS)), default=DEFAULTS["fmt"], help="出力形式 / output format"
)
@click.option("--lang", type=click.Choice(["ja", "en"]), default=None, help="メッセージの言語 / message language")
@click.option(
    "--config",
    "config_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="設定ファイル (既定: 下書きから上へ .sm-lint.yaml を探す) / configuration file",
)
@click.option(
    "--no-repo-config",
    is_flag=True,
    help="リポジトリの .sm-lint.yaml を使わない (CI でプルリクエストを確認するとき)"
    " / ignore the repository's .sm-lint.yaml",
)
@click.option(
    "--fail-on",
    type=click.Choice(SEVERITIES),
    default=None,
    help="この重要度以上の指摘があれば終了コード 1 / exit 1 at or above this severity",
)
@click.option("--select", multiple=True, help="ルール ID・カテゴリ・条項で選ぶ / select rules (id, category, clause)")
@click.option("--ignore", multiple=True, help="ルール ID・カテゴリ・条項で除く / ignore rules (id, category, clause)")
@click.option("--no-color", is_flag=True, help="色を付けない / no colour")
@click.option(
    "--stdin-filename",
    default=DEFAULTS["stdin_filename"],
    help="標準入力の表示名 (設定の検索にも使う) / name of stdin, also for config lookup",
)
@click.option("--statistics", is_flag=True, help="ルール別・条項別の件数だけを表示 / counts per rule and clause")
@click.option("-q", "--quiet", is_flag=True, help="指摘だけを表示 (集計・進捗なし) / findings only")
@click.option("--exit-zero", is_flag=True, help="指摘があっても終了コード 0 / exit 0 even with findings")
@click.option(
    "--baseline",
    type=click.Path(dir_okay=False, path_type=Path),
    help="記録済みの指摘を報告しない / do not report findings recorded in this file",
)
@click.option(
    "--write-baseline",
    type=click.Path(dir_okay=False, path_type=Path),
    help="今の指摘をベースラインに記録 / record the current findings as the baseline",
)
@click.option("--fix", is_flag=True, help="安全な言い換えを適用して書き込む / apply the safe suggestions")
@click.option(
    "--diff", is_flag=True, help="--fix の変更を差分で表示 (書き込まない) / show the fixes as a diff, write nothing"
)
@click.option(
    "--encoding",
    callback=_encoding_option,
    default=None,
    help="文字コードを指定 (既定: 自動判定) / force an encoding, e.g. cp932, euc_jp",
)
@click.option(
    "--max-draft-size",
    callback=_size_option,
    default=None,
    help="これより大きい下書きは読まずにエラー (既定 1MiB) / refuse drafts larger than this (default 1MiB)",
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=0),
    default=DEFAULTS["jobs"],
    help="並列プロセス数 (0: 下書きが多いときに CPU の数だけ) / worker processes (0: auto)",
)
def lint(paths: tuple[str, ...], **arguments: Any) -> None:
    """下書きを確認します (files, directories, - for stdin; stdin too when it is piped and no path is given)."""
    if not paths:
        if not stdin_piped():
            raise click.MissingParameter(
                ctx=click.get_current_context(), param=click.get_current_context().command.params[0]
            )
        paths = ("-",)
    from sm_lint.app.lint import lint as run_lint

    sys.exit(run_lint(_settings(paths, **arguments)))


def _settings(
    paths: tuple[str, ...],
    fmt: str,
    lang: str | None,
    config_path: Path | None,
    no_repo_config: bool,
    fail_on: str | None,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    baseline: Path | None,
    write_baseline: Path | None,
    encoding: str | None,
    max_draft_size: int | None,
    **rest: Any,
) -> LintSettings:
    """The lint command's arguments as the application's settings."""
    from sm_lint.settings.loader import selector_list

    options = Options(
        config_path,
        selector_list(list(select), "--select", "--select"),
        selector_list(list(ignore), "--ignore", "--ignore"),
        fail_on,
        lang,
        None if write_baseline else baseline,
        encoding,
        max_draft_size,
        no_repo_config,
    )
    return LintSettings(paths, options, fmt, write_baseline=write_baseline, **rest)
