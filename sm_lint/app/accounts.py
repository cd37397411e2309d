"""`sm-lint waivers PATH...` (the waivers of the drafts: reasons, owners, dates) and `sm-lint
report PATH...` (per account and month: posts, gaps, posting times, findings, waivers)."""

from __future__ import annotations

from typing import NamedTuple

from sm_lint.app.lint import failed
from sm_lint.errors import SmLintError
from sm_lint.io.echo import echo


class WaiversSettings(NamedTuple):
    paths: tuple[str, ...]
    fmt: str = "table"  # table or json
    lang: str = "ja"


class ReportSettings(NamedTuple):
    paths: tuple[str, ...]
    fmt: str = "table"  # table, json or html
    lang: str = "ja"
    fiscal_year: int | None = None  # April to March; None: the current one
    monthly_minimum: int = 1  # posts a month each account needs (4(4)②)


def waivers(settings: WaiversSettings) -> int:
    """The exit status is 1 when a waiver has expired."""
    from datetime import date

    from sm_lint.report.ruleinfo import table
    from sm_lint.report.waivers import collect, summary, table_rows

    try:
        rows = collect(list(settings.paths), date.today())
    except SmLintError as exc:
        return failed(exc.text(settings.lang))
    if settings.fmt == "json":
        import json

        echo(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        if rows:
            echo(table(table_rows(rows, settings.lang)), nl=False)
        echo(summary(rows, settings.lang))
    return 1 if any(r["state"] == "expired" for r in rows) else 0


def report(settings: ReportSettings) -> int:
    from datetime import date

    from sm_lint.report.accounts import build
    from sm_lint.report.accounts_page import html, text

    s = settings
    try:
        data = build(list(s.paths), date.today(), s.fiscal_year, s.monthly_minimum)
    except SmLintError as exc:
        return failed(exc.text(s.lang))
    if s.fmt == "json":
        import json

        echo(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        echo(html(data, s.lang) if s.fmt == "html" else text(data, s.lang), nl=False)
    return 0
