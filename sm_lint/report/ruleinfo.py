"""What `sm-lint rules` and `sm-lint explain` show of a rule, and the staff page of findings
(docs/staff/指摘一覧.md) built from the same words: an aligned table, a JSON list, and a
rule's message as a draft really gets it (its first example, linted), not a template."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from sm_lint.i18n import t
from sm_lint.rules.model import Rule
from sm_lint.rules.selftest import example_findings

if TYPE_CHECKING:
    from sm_lint.findings import Finding
    from sm_lint.run.linter import Linter

_PLACEHOLDER = re.compile(r"\{\w+\}")


def table(rows: Sequence[Sequence[str]]) -> str:
    """Columns padded to the widest cell (a kanji takes two cells on a terminal)."""
    from sm_lint.report.cells import cell_len

    widths = [max(cell_len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return "".join(
        "  ".join(cell + " " * (width - cell_len(cell)) for cell, width in zip(row, widths, strict=True)).rstrip()
        + "\n"
        for row in rows
    )


def rules_table(rules: Sequence[Rule], lang: str) -> str:
    header = t(lang, "rule_header").split("\t")
    return table([header, *([r.id, t(lang, r.severity), r.clause, r.category, r.name] for r in rules)])


def rules_json(rules: Sequence[Rule], lang: str) -> list[dict[str, Any]]:
    from sm_lint.rules.catalog import clauses

    catalogue = clauses()
    return [
        {
            "id": r.id,
            "name": r.name,
            "category": r.category,
            "clause": r.clause,
            "clause_title": catalogue[r.clause].title_in(lang) if r.clause in catalogue else None,
            "severity": r.severity,
            "fix": r.fix == "safe",
            "description": (r.description or "").strip() or None,
        }
        for r in rules
    ]


def example_finding(rule: Rule, linter: Linter, lang: str) -> Finding | None:
    """The finding the rule gives on its first invalid example that fires it, in `lang`
    (None for a rule none of whose examples fires alone, which the rule tests forbid)."""
    return next(
        (found[0] for example in rule.invalid if (found := example_findings(rule, example, linter, lang))), None
    )


def example_message(rule: Rule, linter: Linter, lang: str) -> tuple[str, str | None]:
    """(message, suggestion) as a draft gets them; without a firing example, the template
    with each placeholder shown as …"""
    finding = example_finding(rule, linter, lang)
    if finding is not None:
        return finding.message, finding.suggestion
    return _PLACEHOLDER.sub("…", rule.message_in(lang)), rule.suggestion_in(lang)
