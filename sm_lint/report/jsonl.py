"""`--format jsonl`: one JSON object per finding per line, for streaming tools, then one
line `{"summary": {...}}` with the drafts read and the rules turned off, as in `--format json`
(a reader of findings skips the line without "rule")."""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from sm_lint.report import JSON_VERSION, run_facts

if TYPE_CHECKING:
    from sm_lint.findings import Finding
    from sm_lint.report import ReportContext


def render(findings: Sequence[Finding], ctx: ReportContext) -> None:
    stream = ctx.stream or sys.stdout
    for f in findings:
        stream.write(json.dumps(f.to_dict(), ensure_ascii=False) + "\n")
    summary = {"version": JSON_VERSION, **run_facts(findings, ctx)}
    stream.write(json.dumps({"summary": summary}, ensure_ascii=False) + "\n")
