"""The commands other than lint: score, rules, explain, config, waivers, report, serve, lsp, new.
Each only turns its arguments into the settings of its application function (sm_lint/app/)
and exits with the status that returns."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from sm_lint.cli.main import _fail

# Options several commands share, declared once.
_message_lang = click.option(
    "--lang", type=click.Choice(["ja", "en"]), default=None, help="メッセージの言語 / message language"
)
_table_or_json = click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json"]),
    default="table",
    help="表 (既定) か JSON / an aligned table (default) or JSON",
)


@click.command("score")
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", help="出力形式 / output format")
@click.option("--lang", type=click.Choice(["ja", "en"]), default="ja")
def score(paths: tuple[str, ...], fmt: str, lang: str) -> None:
    """下書きごとの読みやすさの得点 (jReadability) / each draft's plain-Japanese score."""
    from sm_lint.app import score as app
    from sm_lint.app.score import ScoreSettings

    sys.exit(app.score(ScoreSettings(paths, fmt, lang)))


@click.command("rules")
@_message_lang
@_table_or_json
def list_rules(lang: str | None, fmt: str) -> None:
    """ルールの一覧 / list every rule."""
    from sm_lint.app import explain as app
    from sm_lint.app.explain import RulesSettings

    sys.exit(app.list_rules(RulesSettings(lang, fmt)))


@click.command()
@click.argument("what")
@_message_lang
def explain(what: str, lang: str | None) -> None:
    """条項またはルールの説明 / explain a clause or a rule.

    \b
    例 / examples:
      sm-lint explain '5(5)'     (または 5-5、５（５）)
      sm-lint explain JP-P101
      sm-lint explain insult
    """
    from sm_lint.app import explain as app
    from sm_lint.app.explain import ExplainSettings

    sys.exit(app.explain(ExplainSettings(what, lang)))


@click.command("config")
@click.argument("path", default=".", type=click.Path(path_type=Path))
@click.option(
    "--config", "config_path", type=click.Path(dir_okay=False, path_type=Path), help="設定ファイル / configuration file"
)
@_message_lang
def show_config(path: Path, config_path: Path | None, lang: str | None) -> None:
    """PATH (既定: .) に効く設定を表示 / show the effective configuration for PATH."""
    from sm_lint.app import showconfig as app
    from sm_lint.app.showconfig import ConfigSettings

    sys.exit(app.show_config(ConfigSettings(path, config_path, lang)))


@click.command("waivers")
@click.argument("paths", nargs=-1, required=True)
@_table_or_json
@click.option("--lang", type=click.Choice(["ja", "en"]), default="ja", help="表示の言語 / language")
def waivers(paths: tuple[str, ...], fmt: str, lang: str) -> None:
    """抑止 (sm-lint-allow) の一覧: 理由・責任者・期限 / list the waivers with reasons, owners and dates.

    期限切れの抑止があると終了コード 1 / exit 1 when a waiver has expired."""
    from sm_lint.app import accounts as app
    from sm_lint.app.accounts import WaiversSettings

    sys.exit(app.waivers(WaiversSettings(paths, fmt, lang)))


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
def report(paths: tuple[str, ...], fmt: str, lang: str, fiscal_year: int | None, monthly_minimum: int) -> None:
    """アカウント別・月別の運用状況 / per account and month: posts, gaps, posting times, findings, waivers."""
    from sm_lint.app import accounts as app
    from sm_lint.app.accounts import ReportSettings

    sys.exit(app.report(ReportSettings(paths, fmt, lang, fiscal_year, monthly_minimum)))


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
@_message_lang
def serve(port: int, no_browser: bool, config_path: Path | None, lang: str | None) -> None:
    """下書きを確認するページをブラウザーで開きます / a local web page to check drafts."""
    from sm_lint.serve.server import serve_folder

    sys.exit(serve_folder(Path.cwd(), config_path, lang, port, open_browser=not no_browser))


@click.command()
@_message_lang
def lsp(lang: str | None) -> None:
    """エディター用の言語サーバー (標準入出力) / a language server for editors, over stdio."""
    try:
        from sm_lint.lsp.server import start
    except ImportError:
        _fail(
            # not `pip install 'sm-lint[lsp]'`: that name on PyPI is not ours (README.md)
            "sm-lint lsp には pygls が必要です: sm-lint のフォルダーで pip install '.[lsp]' (docs/editors.md) / "
            "sm-lint lsp needs pygls: pip install '.[lsp]' in the folder of sm-lint (docs/editors.md)"
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
@_message_lang
def new_draft(
    path: Path, platform: str | None, account: str | None, config_path: Path | None, lang: str | None
) -> None:
    """下書きのひな形を作ります (上書きはしません) / write a draft template (never overwrites).

    \b
    例 / example:
      sm-lint new 下書き.md --platform x --account joetsu_city
    """
    from sm_lint.app.newdraft import NewSettings, new

    sys.exit(new(NewSettings(path, platform, account, config_path, lang)))
