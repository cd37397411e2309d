"""`--format json`: a list of findings."""

from __future__ import annotations

from sm_lint.report import write_json


def render(findings, ctx) -> None:
    write_json([f.to_dict() for f in findings], ctx)
