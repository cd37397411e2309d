"""`--format github`: GitHub Actions workflow commands, shown as annotations on pull requests.

https://docs.github.com/actions/reference/workflow-commands-for-github-actions
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from sm_lint.report import with_suggestion

if TYPE_CHECKING:
    from sm_lint.findings import Finding
    from sm_lint.report import ReportContext

_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def escape_stderr() -> None:
    """From now on, what goes to stderr (notices, errors naming a file) is escaped as
    workflow-command data (%, CR, LF): the runner reads commands from stderr too, and a file
    named `a\n::error::forged.md` would otherwise write its own line."""
    from sm_lint.io.echo import escape_stderr as escaped

    escaped(_data)


def render(findings: Sequence[Finding], ctx: ReportContext) -> None:
    stream = ctx.stream or sys.stdout
    for f in findings:
        fields = {
            "file": f.path,
            "line": f.line,
            "col": f.column,
            "endLine": f.end_line,
            "endColumn": f.end_column,
            "title": f"{f.rule} [{f.clause}] {f.name}",
        }
        properties = ",".join(f"{k}={_property(str(v))}" for k, v in fields.items())
        stream.write(f"::{_LEVEL[f.severity]} {properties}::{_data(with_suggestion(f, ctx.lang))}\n")
