"""The commands other than lint: score, rules, explain, config, waivers, report, serve, lsp, new."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import click

from sm_lint.cli.main import _fail
from sm_lint.errors import SmLintError
from sm_lint.i18n import t


def _rules(lang: str | None):
    """Every rule (the built-in pack and the `rule-dirs` of the configuration found from
    here) and the language to show them in: `--lang`, else the configuration's."""
    from sm_lint.run.linter import Linter
    from sm_lint.settings.loader import config_for

    try:
        config = config_for(Path.cwd())
        return Linter().packs.pack(config), lang or config.lang
    except SmLintError as exc:
        _fail(exc.text(lang or "ja"))


@click.command("score")
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", help="出力形式 / output format")
@click.option("--lang", type=click.Choice(["ja", "en"]), default="ja")
def score(paths, fmt, lang):
    """下書きごとの読みやすさの得点 (jReadability) / each draft's plain-Japanese score."""
    from sm_lint.io.document import read_draft
    from sm_lint.io.inputs import describe, expand, read_bytes
    from sm_lint.rules.kinds.readability import score_facts, target_for
    from sm_lint.run.linter import Linter
    from sm_lint.text.analysis import analyse

    rows, failed = [], False
    try:
        linter = Linter()
        sources = list(expand(list(paths)))
    except SmLintError as exc:
        _fail(exc.text(lang))
    for source in sources:
        try:
            if source.error:
                raise describe(source.error, source.display)
            analysis = analyse(read_draft(source.display, read_bytes(source)), linter.config_for(source))
        except OSError as exc:
            click.echo(f"sm-lint: {describe(exc, source.display).text(lang)}", err=True)
            failed = True
            continue
        except SmLintError as exc:
            click.echo(f"sm-lint: {exc.text(lang)}", err=True)
            failed = True
            continue
        facts = score_facts(analysis) or {
            "score": None,
            "band": None,
            "target": target_for(analysis),
            "below_target": False,
            "words": 0,
            "sentences": 0,
        }
        english = facts.pop("band_en", None)
        rows.append({"path": source.display, **facts, "band": english if lang == "en" else facts["band"]})
    if fmt == "json":
        import json

        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        for row in rows:
            shown = "-" if row["score"] is None else f"{row['score']:.2f} ({row['band']})"
            click.echo(f"{row['path']}\t{shown}\t{t(lang, 'score_target')} {row['target']}")
    sys.exit(2 if failed else 0)


@click.command("rules")
@click.option("--lang", type=click.Choice(["ja", "en"]), default=None, help="メッセージの言語 / message language")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json"]),
    default="table",
    help="表 (既定) か JSON / an aligned table (default) or JSON",
)
def list_rules(lang, fmt):
    """ルールの一覧 / list every rule."""
    from sm_lint.report.ruleinfo import rules_json, rules_table

    rules, lang = _rules(lang)
    if fmt == "json":
        import json

        click.echo(json.dumps(rules_json(rules, lang), ensure_ascii=False, indent=2))
    else:
        click.echo(rules_table(rules, lang), nl=False)


def _short(example: str, width: int = 200) -> str:
    """Length-limit examples run to thousands of characters: show their start."""
    return example if len(example) <= width else f"{example[:width]}…({len(example)})"


def _echo_examples(label: str, examples) -> None:
    """One item per example; a draft with front matter keeps its lines, indented under it."""
    click.echo(f"{label}:")
    for example in examples:
        click.echo("  - " + _short(example).rstrip("\n").replace("\n", "\n    "))


@click.command()
@click.argument("what")
@click.option("--lang", type=click.Choice(["ja", "en"]), default=None, help="メッセージの言語 / message language")
def explain(what, lang):
    """条項またはルールの説明 / explain a clause or a rule.

    \b
    例 / examples:
      sm-lint explain '5(5)'     (または 5-5、５（５）)
      sm-lint explain JP-P101
      sm-lint explain insult
    """
    from sm_lint.rules.catalog import clauses

    pack, lang = _rules(lang)
    rules = {r.id: r for r in pack}
    try:
        catalogue = clauses()
    except SmLintError as exc:
        _fail(exc.text(lang))
    from sm_lint.report import suggestion_text
    from sm_lint.report.ruleinfo import example_message, rules_table
    from sm_lint.run.linter import Linter

    rule, clause = _explained(what, rules, catalogue, lang)
    if rule:
        click.echo(f"{rule.id} {rule.name} ({rule.category}, {t(lang, rule.severity)})")
        if rule.description:
            click.echo(rule.description.strip())
        message, suggestion = example_message(rule, Linter(rules=list(rules.values())), lang)
        click.echo(f"{t(lang, 'message')}: {message}")
        if suggestion:
            click.echo(f"{t(lang, 'suggestion')}:{suggestion_text(suggestion, '  ')}")
        _echo_examples(t(lang, "examples_invalid"), rule.invalid)
        _echo_examples(t(lang, "examples_valid"), rule.valid)
        click.echo()
    click.echo(f"{t(lang, 'clause')} {clause.id} {clause.title_in(lang)}")
    click.echo(clause.text)
    related = [r for r in rules.values() if r.clause == clause.id]
    if not rule and related:
        click.echo()
        click.echo(rules_table(related, lang), nl=False)


# what people type for a clause: 5（3）, ５(３) as well as 5(3)
_FULL_WIDTH = str.maketrans({chr(c): chr(c - 0xFEE0) for c in range(0xFF01, 0xFF5F)})


# 5-5, 5.5 and 6-1-2 for 5(5) and 6(1)②: typed without brackets, which a shell would read
_CLAUSE_BY_NUMBERS = re.compile(r"^(\d+)[-.](\d+)(?:[-.]([1-9]))?$")


def _clause_id(numbers: re.Match) -> str:
    article, item, point = numbers.groups()
    return f"{article}({item})" + (chr(0x245F + int(point)) if point else "")  # ① is U+2460


def _explained(what: str, rules: dict, catalogue: dict, lang: str):
    """The rule (by id in any case, or by name) and the clause that `what` names; exit 2 with
    a did-you-mean hint when it names neither."""
    from sm_lint.spelling import hint

    typed = _CLAUSE_BY_NUMBERS.sub(_clause_id, what.strip().translate(_FULL_WIDTH))
    by_id = {r.id.upper(): r for r in rules.values()}
    by_name = {r.name.lower(): r for r in rules.values()}
    rule = by_id.get(typed.upper()) or by_name.get(typed.lower())
    clause = catalogue.get(rule.clause if rule else typed)
    if clause is None:
        ja, en = hint(
            typed,
            [*rules, *(r.name for r in rules.values()), *catalogue],
            otherwise=(" (`sm-lint rules` で一覧を確かめられます)", " (`sm-lint rules` lists them)"),
        )
        _fail(t(lang, "unknown", what=what) + (en if lang == "en" else ja))
    return rule, clause


@click.command("config")
@click.argument("path", default=".", type=click.Path(path_type=Path))
@click.option(
    "--config", "config_path", type=click.Path(dir_okay=False, path_type=Path), help="設定ファイル / configuration file"
)
@click.option("--lang", type=click.Choice(["ja", "en"]), default=None, help="メッセージの言語 / message language")
def show_config(path, config_path, lang):
    """PATH (既定: .) に効く設定を表示 / show the effective configuration for PATH."""
    import yaml

    from sm_lint.pipeline.selection import refuse_names_of_no_rule
    from sm_lint.run.linter import Linter
    from sm_lint.settings.loader import config_for, effective, load_config

    try:
        folder = path if path.is_dir() else path.parent
        config = load_config(config_path) if config_path else config_for(folder.resolve())
        # what `lint` would refuse is no configuration to show as if it worked
        refuse_names_of_no_rule(Linter().packs.pack(config), config)
        shown = effective(config)
        if not path.is_dir():
            shown["ignore"] = list(config.ignores_for(path))
    except SmLintError as exc:
        _fail(exc.text(lang or "ja"))
    words = lang or config.lang
    click.echo(f"# {t(words, 'config_source')}: {config.path or t(words, 'config_none')}")
    click.echo(yaml.safe_dump(shown, allow_unicode=True, sort_keys=False), nl=False)


@click.command("waivers")
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json"]),
    default="table",
    help="表 (既定) か JSON / an aligned table (default) or JSON",
)
@click.option("--lang", type=click.Choice(["ja", "en"]), default="ja", help="表示の言語 / language")
def waivers(paths, fmt, lang):
    """抑止 (sm-lint-allow) の一覧: 理由・責任者・期限 / list the waivers with reasons, owners and dates.

    期限切れの抑止があると終了コード 1 / exit 1 when a waiver has expired."""
    from datetime import date

    from sm_lint.report.ruleinfo import table
    from sm_lint.report.waivers import collect, summary, table_rows

    try:
        rows = collect(list(paths), date.today())
    except SmLintError as exc:
        _fail(exc.text(lang))
    if fmt == "json":
        import json

        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        if rows:
            click.echo(table(table_rows(rows, lang)), nl=False)
        click.echo(summary(rows, lang))
    sys.exit(1 if any(r["state"] == "expired" for r in rows) else 0)


@click.command("report")
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json", "html"]),
    default="table",
    help="表 (既定)・JSON・HTML (1 ページ、グラフつき) / table (default), JSON or one HTML page with charts",
)
@click.option("--lang", type=click.Choice(["ja", "en"]), default="ja", help="表示の言語 / language")
@click.option(
    "--fiscal-year",
    type=click.IntRange(1900, 9999),
    default=None,
    help="年度 (既定: 今年度、4 月始まり) / fiscal year, April to March (default: the current one)",
)
@click.option(
    "--monthly-minimum",
    type=click.IntRange(min=0),
    default=1,
    show_default=True,
    help="月あたりの最低投稿数 (4(4)②) / posts a month each account needs",
)
def report(paths, fmt, lang, fiscal_year, monthly_minimum):
    """アカウント別・月別の運用状況 / per account and month: posts, gaps, posting times, findings, waivers."""
    from datetime import date

    from sm_lint.report.accounts import build
    from sm_lint.report.accounts_page import html, text

    try:
        data = build(list(paths), date.today(), fiscal_year, monthly_minimum)
    except SmLintError as exc:
        _fail(exc.text(lang))
    if fmt == "json":
        import json

        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        click.echo(html(data, lang) if fmt == "html" else text(data, lang), nl=False)


@click.command()
@click.option(
    "--port",
    type=click.IntRange(0, 65535),
    default=0,
    help="ポート番号 (既定: 空いている番号) / port (default: a free one)",
)
@click.option("--no-browser", is_flag=True, help="ブラウザーを開かない / do not open the browser")
@click.option(
    "--config",
    "config_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="設定ファイル (既定: このフォルダーから上へ探す) / configuration file",
)
@click.option("--lang", type=click.Choice(["ja", "en"]), default=None, help="メッセージの言語 / message language")
def serve(port, no_browser, config_path, lang):
    """下書きを確認するページをブラウザーで開きます / a local web page to check drafts."""
    from sm_lint.serve.server import serve as run_server
    from sm_lint.serve.session import Session

    try:
        session = Session(Path.cwd(), config_path, lang)
    except SmLintError as exc:
        _fail(exc.text(lang or "ja"))
    try:
        run_server(session, port, open_browser=not no_browser, lang=session.lang)
    except OSError as exc:  # the port is taken
        _fail(f"ポート {port} で待ち受けできません / cannot listen on port {port}: {exc.strerror or exc}")


@click.command()
@click.option("--lang", type=click.Choice(["ja", "en"]), default=None, help="メッセージの言語 / message language")
def lsp(lang):
    """エディター用の言語サーバー (標準入出力) / a language server for editors, over stdio."""
    try:
        from sm_lint.lsp.server import start
    except ImportError:
        _fail(
            "sm-lint lsp には pygls が必要です: pip install 'sm-lint[lsp]' / "
            "sm-lint lsp needs pygls: pip install 'sm-lint[lsp]'"
        )
    start(lang)


@click.command("new")
@click.argument("path", type=click.Path(path_type=Path))
@click.option("--platform", help="投稿先 (x, instagram, facebook, line, youtube, tiktok, blog) / the platform")
@click.option("--account", help="発信するアカウントの ID (設定の accounts) / the account id")
@click.option(
    "--config",
    "config_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="設定ファイル (既定: 下書きのフォルダーから上へ .sm-lint.yaml を探す) / configuration file",
)
@click.option("--lang", type=click.Choice(["ja", "en"]), default=None, help="メッセージの言語 / message language")
def new_draft(path, platform, account, config_path, lang):
    """下書きのひな形を作ります (上書きはしません) / write a draft template (never overwrites).

    \b
    例 / example:
      sm-lint new 下書き.md --platform x --account joetsu_city
    """
    from sm_lint.app.newdraft import check_choice, template, write_new
    from sm_lint.settings.loader import config_for, load_config

    try:
        config = load_config(config_path) if config_path else config_for(path.absolute().parent.resolve())
        lang = lang or config.lang
        platform, account = check_choice(platform, account, config)
        write_new(path, template(platform, account))
    except SmLintError as exc:
        _fail(exc.text(lang or "ja"))
    click.echo(
        f"{path}: draft template written; write the text, then check it with `sm-lint {path}`"
        if lang == "en"
        else f"{path}: 下書きのひな形を作りました。本文を書いたら `sm-lint {path}` で確認してください"
    )
