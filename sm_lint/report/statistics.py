"""`--statistics`: counts per rule and per clause instead of the findings (text or JSON)."""

from __future__ import annotations

import sys
from collections import Counter

from sm_lint.i18n import t
from sm_lint.report import write_json


def statistics(findings) -> dict:
    rules = Counter((f.rule, f.name, f.clause) for f in findings)
    clauses = Counter((f.clause, f.clause_title) for f in findings)
    return {
        "rules": [{"rule": r, "name": n, "clause": c, "count": k}
                  for (r, n, c), k in sorted(rules.items(), key=lambda kv: (-kv[1], kv[0]))],
        "clauses": [{"clause": c, "title": title, "count": k}
                    for (c, title), k in sorted(clauses.items(), key=lambda kv: (-kv[1], kv[0]))],
    }


def render(findings, ctx, as_json: bool = False) -> None:
    stream = ctx.stream or sys.stdout
    stats = statistics(findings)
    if as_json:
        write_json(stats, ctx)
        return
    stream.write(f"{t(ctx.lang, 'stat_rules')}:\n")
    for row in stats["rules"]:
        stream.write(f"{row['count']:>6}  {row['rule']:<10} {row['clause']:<8} {row['name']}\n")
    stream.write(f"{t(ctx.lang, 'stat_clauses')}:\n")
    for row in stats["clauses"]:
        stream.write(f"{row['count']:>6}  {row['clause']:<8} {row['title']}\n")
