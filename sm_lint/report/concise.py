"""`--format concise`: one line per finding, like a compiler."""

from __future__ import annotations

import sys

from sm_lint.i18n import t


def render(findings, ctx) -> None:
    stream = ctx.stream or sys.stdout
    for f in findings:
        stream.write(
            f"{f.path}:{f.line}:{f.column}: {t(ctx.lang, f.severity)} {f.rule} [{f.clause}] {f.message}\n"
        )
