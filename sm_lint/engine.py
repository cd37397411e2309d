"""Run rules over an analysed draft and turn matcher hits into findings."""

from __future__ import annotations

from typing import Sequence

from sm_lint.analysis import Analysis
from sm_lint.catalog import clauses
from sm_lint.findings import Finding
from sm_lint.gate import gate_for
from sm_lint.rules.model import Hit, Rule


class _Fields(dict):
    """Leave unknown placeholders visible instead of failing on them."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def clause_title(clause_id: str, lang: str = "ja") -> str:
    return clauses()[clause_id].title_in(lang)


def _safe(rule: Rule, hit: Hit) -> bool:
    """A hit's own say (a word entry's `fix:`) wins over its rule's `fix:`."""
    return hit.safe if hit.safe is not None else rule.fix == "safe"


def _finding(rule: Rule, hit: Hit, analysis: Analysis, lang: str) -> Finding:
    draft = analysis.draft
    if hit.line is not None:
        start = draft.line_starts[hit.line - 1]
        end = start + len(draft.line_text(hit.line))
    else:
        start, end = analysis.to_original(hit.start, hit.end)
    line, column = draft.position(start)
    end_line, end_column = draft.position(end)
    match = draft.text[start:end]
    suggestion = hit.suggestion if hit.suggestion is not None else rule.suggestion
    template = rule.message_in(lang)
    fields = _Fields(hit.detail, match=match, suggestion=suggestion or "")
    return Finding(
        path=draft.path,
        line=line,
        column=column,
        end_line=end_line,
        end_column=end_column,
        rule=rule.id,
        name=rule.name,
        category=rule.category,
        clause=rule.clause,
        clause_title=clause_title(rule.clause, lang),
        severity=hit.severity or rule.severity,
        message=template.format_map(fields),
        match=match,
        suggestion=suggestion,
        start=start,
        end=end,
        fix=suggestion if suggestion and hit.line is None and _safe(rule, hit) else None,
    )


def check(analysis: Analysis, rules: Sequence[Rule], lang: str = "ja") -> list[Finding]:
    findings = []
    closed = gate_for(rules).closed(analysis)
    rules = [r for r in rules if r.when is None or r.when(analysis)]
    for rule in rules:
        if id(rule) in closed:  # it runs, and finds nothing: its patterns match nowhere
            continue
        for hit in rule.matcher.find(analysis):
            if hit.line is None and any(skip(analysis, hit) for skip in rule.exceptions):
                continue
            findings.append(_finding(rule, hit, analysis, lang))
    # A matcher with `review` looks at what the other rules found (e.g. unused suppressions).
    for rule in rules:
        review = getattr(rule.matcher, "review", None)
        if review is not None:
            found = list(review(analysis, findings, rules))
            findings.extend(_finding(rule, hit, analysis, lang) for hit in found)
    return findings
