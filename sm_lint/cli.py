"""The command line: `sm-lint PATH...` (lint), `sm-lint rules`, `sm-lint explain ID`."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from sm_lint import __version__
from sm_lint.errors import SmLintError
from sm_lint.i18n import t
from sm_lint.rules.model import SEVERITIES


class _DefaultGroup(click.Group):
    """`sm-lint draft.md` means `sm-lint lint draft.md`, as with ruff's default command."""

    def parse_args(self, ctx, args):
        if args and args[0] not in self.commands and args[0] not in ("--help", "-h", "--version"):
            args = ["lint", *args]
        elif not args:
            args = ["lint", "--help"]
        return super().parse_args(ctx, args)


def _fail(message: str) -> None:
    click.echo(f"sm-lint: {message}", err=True)
    sys.exit(2)


@click.group(cls=_DefaultGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="sm-lint")
def main() -> None:
    """上越市ソーシャルメディアガイドラインに沿って SNS 投稿の下書きを確認します。"""


def _rules(select=(), ignore=()):
    from sm_lint.pipeline import select_rules
    from sm_lint.rules.loader import load_rules

    return select_rules(load_rules(), select, ignore)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["full", "concise", "json"]), default="full",
              help="出力形式 / output format")
@click.option("--lang", type=click.Choice(["ja", "en"]), default=None, help="メッセージの言語 / message language")
@click.option("--config", "config_path", type=click.Path(dir_okay=False, path_type=Path),
              help="設定ファイル (既定: 下書きから上へ .sm-lint.yaml を探す) / configuration file")
@click.option("--fail-on", type=click.Choice(SEVERITIES), default=None,
              help="この重要度以上の指摘があれば終了コード 1 / exit 1 at or above this severity")
@click.option("--select", multiple=True, help="ルール ID・カテゴリ・条項で選ぶ / select rules (id, category, clause)")
@click.option("--ignore", multiple=True, help="ルール ID・カテゴリ・条項で除く / ignore rules (id, category, clause)")
@click.option("--no-color", is_flag=True, help="色を付けない / no colour")
@click.option("--stdin-filename", default="-", help="標準入力の表示名 / name shown for stdin")
def lint(paths, fmt, lang, config_path, fail_on, select, ignore, no_color, stdin_filename):
    """下書きを確認します (files, directories, - for stdin)."""
    from sm_lint.inputs import expand
    from sm_lint.report import ReportContext, render
    from sm_lint.runner import Linter, Options

    options = Options(config_path, tuple(select), tuple(ignore), fail_on, lang)
    try:
        linter = Linter(options)
        result = linter.lint_sources(list(expand(list(paths), stdin_filename)))
    except SmLintError as exc:
        _fail(str(exc))
    ctx = ReportContext(lang=lang or (linter.explicit.lang if linter.explicit else "ja"),
                        color=False if no_color else None, files=len(result.drafts), source_lines=result.drafts)
    render(fmt, result.findings, ctx)
    for error in result.errors:
        click.echo(f"sm-lint: {error}", err=True)
    if result.errors:
        sys.exit(2)
    sys.exit(1 if result.failing else 0)


@main.command("rules")
@click.option("--lang", type=click.Choice(["ja", "en"]), default="ja")
def list_rules(lang):
    """ルールの一覧 / list every rule."""
    try:
        rules = _rules()
    except SmLintError as exc:
        _fail(str(exc))
    click.echo(t(lang, "rule_header"))
    for rule in rules:
        click.echo(f"{rule.id}\t{rule.category}\t{rule.clause}\t{rule.severity}\t{rule.name}")


def _short(example: str, width: int = 200) -> str:
    """Length-limit examples run to thousands of characters: show their start."""
    return example if len(example) <= width else f"{example[:width]}…({len(example)})"


@main.command()
@click.argument("what")
@click.option("--lang", type=click.Choice(["ja", "en"]), default="ja")
def explain(what, lang):
    """条項またはルールの説明 / explain a clause (5(5)) or a rule (JP-P101)."""
    from sm_lint.catalog import clauses

    try:
        catalogue = clauses()
        rules = {r.id: r for r in _rules()}
    except SmLintError as exc:
        _fail(str(exc))
    rule = rules.get(what)
    clause = catalogue.get(rule.clause if rule else what)
    if clause is None:
        _fail(t(lang, "unknown", what=what))
    if rule:
        message = rule.message_en if lang == "en" and rule.message_en else rule.message
        click.echo(f"{rule.id} {rule.name} ({rule.category}, {rule.severity})")
        if rule.description:
            click.echo(rule.description.strip())
        click.echo(message)
        click.echo(f"{t(lang, 'examples_invalid')}: " + " / ".join(map(_short, rule.invalid)))
        click.echo(f"{t(lang, 'examples_valid')}: " + " / ".join(map(_short, rule.valid)))
        click.echo()
    title = clause.title_en if lang == "en" and clause.title_en else clause.title
    click.echo(f"{t(lang, 'clause')} {clause.id} {title}")
    click.echo(clause.text)
    related = [r for r in rules.values() if r.clause == clause.id]
    if not rule and related:
        click.echo()
        for r in related:
            click.echo(f"  {r.id}\t{r.category}\t{r.severity}\t{r.name}")
