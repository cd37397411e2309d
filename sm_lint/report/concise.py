"""`--format concise`: one line per finding, like a compiler."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from sm_lint.i18n import t

if TYPE_CHECKING:
    from sm_lint.findings import Finding
    from sm_lint.report import ReportContext


def render(findings: Sequence[Finding], ctx: ReportContext) -> None:
    stream = ctx.stream or sys.stdout
    for f in findings:
        # the suggested rewrite too (pre-commit shows this format); a block's line breaks
        # written as \n keep it one line a finding
        suggestion = f" ({t(ctx.lang, 'suggestion')}: {escaped(f.suggestion)})" if f.suggestion else ""
        stream.write(
            f"{f.path}:{f.line}:{f.column}: {t(ctx.lang, f.severity)} {f.rule} [{f.clause}] {f.message}{suggestion}\n"
        )


def escaped(text: str) -> str:
    return text.replace("\\", "\\\\").replace("\n", "\\n")
