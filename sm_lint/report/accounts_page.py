"""The account report (sm_lint.report.accounts) as a terminal table or as one self-contained
HTML page: inline CSS and inline SVG bar charts, no script, nothing fetched, so a 広報 officer
can open it from a shared folder or a mail attachment."""

from __future__ import annotations

from html import escape
from typing import Any

from sm_lint.report.accounts import MIXES
from sm_lint.report.ruleinfo import table

_WORDS = {
    "title": ("アカウント別の運用状況 ({year}年度)", "Accounts in fiscal year {year}"),
    "month": ("月", "month"),
    "posts": ("投稿", "posts"),
    "in_hours": ("開庁時間内", "office hours"),
    "out_of_hours": ("時間外", "out of hours"),
    "closed": ("休日・閉庁日", "holidays"),
    "department": ("運用組織 (department)", "operating organisation (department)"),
    "url": ("市の URL (url)", "city URL (url)"),
    "plan": ("{year}年度の運用計画 (plans)", "plan for FY {year} (plans)"),
    "lacks": ("設定に足りないもの", "configuration lacks"),
    "none": ("なし", "none"),
    "gaps": ("月 {minimum} 件に満たない月 (4(4)②)", "months under {minimum} post(s) (4(4)②)"),
    "clauses": ("条項別の指摘", "findings by clause"),
    "waivers": ("抑止", "waivers"),
    "unscheduled": ("予定日時 (scheduled_at) のない下書き", "drafts without scheduled_at"),
    "not_configured": ("設定 (accounts) にないアカウント", "account not in the configuration (accounts)"),
    "no_account": ("アカウント (account) のない下書き", "drafts naming no account"),
    "place": ("場所", "place"),
    "rule": ("ルール", "rule"),
    "state": ("状態", "state"),
    "until": ("期限", "until"),
    "by": ("責任者", "owner"),
    "reason": ("理由", "reason"),
    "clause": ("条項", "clause"),
    "count": ("件数", "count"),
    "expired": ("期限切れ", "expired"),
    "open": ("有効", "open"),
    "undated": ("期限なし", "no end date"),
    "summary": (
        "アカウント {accounts} 件、投稿予定 {posts} 件、最低件数に満たない月 {gaps} 件、期限切れの抑止 {expired} 件",
        "accounts: {accounts}, scheduled posts: {posts}, months under the minimum: {gaps}, expired waivers: {expired}",
    ),
}
_COLOURS = {"in_hours": "#2b6cb0", "out_of_hours": "#dd6b20", "closed": "#805ad5"}


def _w(key: str, lang: str, **values: Any) -> str:
    return _WORDS[key][lang != "ja"].format(**values)


def _lacks(account: dict[str, Any], year: int, lang: str) -> str:
    return ("、" if lang == "ja" else ", ").join(_w(key, lang, year=year) for key in account["missing"])


def _heading(account: dict[str, Any], lang: str) -> str:
    if account["account"] == "-":
        return _w("no_account", lang)
    parts = [account["name"] or account["account"], f"({account['account']})"]
    return " ".join(parts + [p for p in (account["platform"], account["department"]) if p])


def text(report: dict[str, Any], lang: str) -> str:
    year, minimum = report["fiscal_year"], report["monthly_minimum"]
    out = [_w("title", lang, year=year), ""]
    for a in report["accounts"]:
        out.append(f"■ {_heading(a, lang)}")
        if not a["configured"] and a["account"] != "-":
            out.append(f"  {_w('not_configured', lang)}")
        if a["account"] != "-":
            out.append(f"  {_w('lacks', lang)}: {_lacks(a, year, lang) or _w('none', lang)}")
        rows = [
            [_w(k, lang) for k in ("month", "posts", *MIXES)],
            *([m["month"], *(str(m[k]) for k in ("posts", *MIXES))] for m in a["months"]),
        ]
        out.extend("  " + line for line in table(rows).splitlines())
        out.append(f"  {_w('gaps', lang, minimum=minimum)}: {', '.join(a['gaps']) or _w('none', lang)}")
        if a["unscheduled"]:
            out.append(f"  {_w('unscheduled', lang)}: {a['unscheduled']}")
        clauses = ", ".join(f"{c} {n}" for c, n in a["findings_by_clause"].items())
        out.append(f"  {_w('clauses', lang)}: {clauses or _w('none', lang)}")
        for v in a["waivers"]:
            out.append(
                f"  {_w('waivers', lang)}: {v['path']}:{v['line']} {v['rule']} {_w(v['state'], lang)}"
                f" {v['until'] or '-'} {v['by'] or '-'}"
            )
        out.append("")
    out.append(_summary(report, lang))
    return "\n".join(out) + "\n"


def _summary(report: dict[str, Any], lang: str) -> str:
    accounts = [a for a in report["accounts"] if a["account"] != "-"]
    return _w(
        "summary",
        lang,
        accounts=len(accounts),
        posts=sum(a["posts"] for a in report["accounts"]),
        gaps=sum(len(a["gaps"]) for a in accounts),
        expired=sum(v["state"] == "expired" for a in report["accounts"] for v in a["waivers"]),
    )


def bar_chart(months: list[dict[str, Any]], minimum: int, lang: str) -> str:
    """Posts per month as stacked bars (office hours, out of hours, holidays) with the
    monthly minimum as a dashed line; a month under it has a red label."""
    width, height, left, bottom, top = 640, 200, 32, 28, 12
    peak = max([minimum, *(m["posts"] for m in months)]) or 1
    scale = (height - bottom - top) / peak
    step = (width - left) / len(months)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" role="img" '
        f'class="chart" aria-label="{escape(_w("posts", lang))}">'
    ]
    for tick in sorted({0, minimum, peak}):
        y = height - bottom - tick * scale
        parts.append(f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end" class="tick">{tick}</text>')
        parts.append(f'<line x1="{left}" x2="{width}" y1="{y:.1f}" y2="{y:.1f}" class="grid"/>')
    y_min = height - bottom - minimum * scale
    parts.append(f'<line x1="{left}" x2="{width}" y1="{y_min:.1f}" y2="{y_min:.1f}" class="minimum"/>')
    for i, m in enumerate(months):
        x = left + i * step + step * 0.15
        y = height - bottom
        tip = f"{m['month']}: {m['posts']} (" + ", ".join(f"{_w(k, lang)} {m[k]}" for k in MIXES) + ")"
        parts.append(f"<g><title>{escape(tip)}</title>")
        for k in MIXES:
            h = m[k] * scale
            if h:
                y -= h
                parts.append(
                    f'<rect x="{x:.1f}" y="{y:.1f}" width="{step * 0.7:.1f}" height="{h:.1f}" fill="{_COLOURS[k]}"/>'
                )
        parts.append("</g>")
        label = f"{int(m['month'][5:])}月" if lang == "ja" else m["month"][2:]
        gap = ' class="gap"' if m["posts"] < minimum else ""
        parts.append(f'<text x="{x + step * 0.35:.1f}" y="{height - 8}" text-anchor="middle"{gap}>{label}</text>')
    parts.append("</svg>")
    return "".join(parts)


_CSS = """
body{font-family:"Noto Sans CJK JP","Hiragino Sans",sans-serif;margin:2em auto;max-width:960px}
body{color:#1a202c;padding:0 1em}
h1{font-size:1.5em}h2{font-size:1.2em;border-bottom:2px solid #2b6cb0;padding-bottom:.2em;margin-top:2em}
.summary{background:#ebf4ff;padding:.6em 1em;border-radius:4px}
.lacks{color:#c53030;font-weight:bold}.ok{color:#276749}
table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #cbd5e0;padding:.2em .6em;text-align:left}
td.n{text-align:right}tr.gap td{background:#fff5f5;color:#c53030}
.chart{width:100%;max-width:640px;height:auto;font-size:11px}.chart .tick{fill:#4a5568}
.chart .grid{stroke:#e2e8f0}.chart .minimum{stroke:#c53030;stroke-dasharray:4 3}
.chart .gap{fill:#c53030;font-weight:bold}
.legend span{display:inline-block;margin-right:1em}
.legend i{display:inline-block;width:.9em;height:.9em;margin-right:.3em;vertical-align:middle}
.expired{color:#c53030;font-weight:bold}
"""


def _table(header: list[str], rows: list[list[str]], classes: list[str] | None = None) -> str:
    head = "".join(f"<th>{escape(h)}</th>" for h in header)
    body = "".join(
        f"<tr{' class=' + chr(34) + c + chr(34) if c else ''}>"
        + "".join(f'<td class="n">{escape(v)}</td>' if v.isdigit() else f"<td>{escape(v)}</td>" for v in row)
        + "</tr>"
        for row, c in zip(rows, classes or [""] * len(rows), strict=True)
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def html(report: dict[str, Any], lang: str) -> str:
    year, minimum = report["fiscal_year"], report["monthly_minimum"]
    legend = "".join(f'<span><i style="background:{_COLOURS[k]}"></i>{escape(_w(k, lang))}</span>' for k in MIXES)
    body = [
        f"<h1>{escape(_w('title', lang, year=year))}</h1>",
        f'<p class="summary">{escape(_summary(report, lang))}</p>',
    ]
    for a in report["accounts"]:
        body.append(f'<section id="{escape(a["account"])}"><h2>{escape(_heading(a, lang))}</h2>')
        if a["account"] != "-":
            lacks = _lacks(a, year, lang)
            note = _w("not_configured", lang) + " / " if not a["configured"] else ""
            body.append(
                f'<p class="{"lacks" if lacks else "ok"}">{escape(note + _w("lacks", lang))}: '
                f"{escape(lacks or _w('none', lang))}</p>"
            )
        body.append(bar_chart(a["months"], minimum, lang))
        body.append(f'<p class="legend">{legend}</p>')
        body.append(
            _table(
                [_w(k, lang) for k in ("month", "posts", *MIXES)],
                [[m["month"], *(str(m[k]) for k in ("posts", *MIXES))] for m in a["months"]],
                ["gap" if m["posts"] < minimum else "" for m in a["months"]],
            )
        )
        body.append(
            f"<p>{escape(_w('gaps', lang, minimum=minimum))}: {escape(', '.join(a['gaps']) or _w('none', lang))}</p>"
        )
        if a["unscheduled"]:
            body.append(f"<p>{escape(_w('unscheduled', lang))}: {a['unscheduled']}</p>")
        body.append(f"<h3>{escape(_w('clauses', lang))}</h3>")
        body.append(
            _table([_w("clause", lang), _w("count", lang)], [[c, str(n)] for c, n in a["findings_by_clause"].items()])
            if a["findings_by_clause"]
            else f"<p>{escape(_w('none', lang))}</p>"
        )
        if a["waivers"]:
            body.append(f"<h3>{escape(_w('waivers', lang))}</h3>")
            body.append(
                _table(
                    [_w(k, lang) for k in ("place", "rule", "state", "until", "by", "reason")],
                    [
                        [
                            f"{v['path']}:{v['line']}",
                            v["rule"],
                            _w(v["state"], lang),
                            v["until"] or "-",
                            v["by"] or "-",
                            v["reason"] or "-",
                        ]
                        for v in a["waivers"]
                    ],
                    ["expired" if v["state"] == "expired" else "" for v in a["waivers"]],
                )
            )
        body.append("</section>")
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(_w('title', lang, year=year))}</title><style>{_CSS}</style></head>"
        f"<body>{''.join(body)}</body></html>\n"
    )
