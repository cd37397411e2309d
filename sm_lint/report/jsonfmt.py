"""`--format json`: one object, the findings and what the run covered (findings.schema.json)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from sm_lint import __version__
from sm_lint.report import JSON_VERSION, run_facts, write_json

if TYPE_CHECKING:
    from sm_lint.findings import Finding
    from sm_lint.report import ReportContext


def render(findings: Sequence[Finding], ctx: ReportContext) -> None:
    write_json(
        {
            "version": JSON_VERSION,
            "tool": {"name": "sm-lint", "version": __version__},
            "findings": [f.to_dict() for f in findings],
            **run_facts(findings, ctx),
        },
        ctx,
    )
