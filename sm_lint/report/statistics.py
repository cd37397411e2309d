"""`--statistics`: counts per rule and per clause instead of the findings (text or JSON)."""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from sm_lint.i18n import t
from sm_lint.report import score_summary, scores, write_json

if TYPE_CHECKING:
    from sm_lint.findings import Finding
    from sm_lint.report import ReportContext


def statistics(findings: Sequence[Finding], ctx: ReportContext) -> dict[str, Any]:
    rules = Counter((f.rule, f.name, f.clause) for f in findings)
    clauses = Counter((f.clause, f.clause_title) for f in findings)
    return {
        "rules": [
            {"rule": r, "name": n, "clause": c, "count": k}
            for (r, n, c), k in sorted(rules.items(), key=lambda kv: (-kv[1], kv[0]))
        ],
        "clauses": [
            {"clause": c, "title": title, "count": k}
            for (c, title), k in sorted(clauses.items(), key=lambda kv: (-kv[1], kv[0]))
        ],
        "readability": _readability(scores(ctx)),
    }


def _readability(found: dict[str, dict[str, Any]]) -> dict[str, Any] | None:
    """The plain-Japanese score of the drafts with words (4(1)): None when none has any."""
    if not found:
        return None
    path, lowest = min(found.items(), key=lambda item: item[1]["score"])
    return {
        "drafts": len(found),
        "mean": round(sum(f["score"] for f in found.values()) / len(found), 3),
        "lowest": {"path": path, "score": lowest["score"]},
        "below_target": sum(f["below_target"] for f in found.values()),
    }


def render(findings: Sequence[Finding], ctx: ReportContext, as_json: bool = False) -> None:
    stream = ctx.stream or sys.stdout
    stats = statistics(findings, ctx)
    if as_json:
        write_json(stats, ctx)
        return
    stream.write(f"{t(ctx.lang, 'stat_rules')}:\n")
    for row in stats["rules"]:
        stream.write(f"{row['count']:>6}  {row['rule']:<10} {row['clause']:<8} {row['name']}\n")
    stream.write(f"{t(ctx.lang, 'stat_clauses')}:\n")
    for row in stats["clauses"]:
        stream.write(f"{row['count']:>6}  {row['clause']:<8} {row['title']}\n")
    score = score_summary(ctx)
    if score:
        stream.write(f"{t(ctx.lang, 'stat_readability')}:\n  {score.partition(': ')[2]}\n")
