"""`--format github`: GitHub Actions workflow commands, shown as annotations on pull requests.

https://docs.github.com/actions/reference/workflow-commands-for-github-actions
"""

from __future__ import annotations

import sys

from sm_lint.report import with_suggestion

_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def render(findings, ctx) -> None:
    stream = ctx.stream or sys.stdout
    for f in findings:
        fields = {
            "file": f.path, "line": f.line, "col": f.column, "endLine": f.end_line, "endColumn": f.end_column,
            "title": f"{f.rule} [{f.clause}] {f.name}",
        }
        properties = ",".join(f"{k}={_property(str(v))}" for k, v in fields.items())
        stream.write(f"::{_LEVEL[f.severity]} {properties}::{_data(with_suggestion(f, ctx.lang))}\n")
