"""The filter steps between checking and reporting, each a separate function:
severity overrides → de-duplicate → sort → suppressions (select/ignore: selection.py)."""

from __future__ import annotations

from typing import Iterable, Sequence

from sm_lint.findings import Finding
from sm_lint.text.suppressions import Suppression


def override_severity(findings: Iterable[Finding], overrides: dict[str, str]) -> list[Finding]:
    if not overrides:
        return list(findings)
    return [f._replace(severity=overrides[f.rule]) if f.rule in overrides else f for f in findings]


def deduplicate(findings: Iterable[Finding]) -> list[Finding]:
    seen: set[tuple] = set()
    result = []
    for f in findings:
        # Front-matter hits span their whole line: two problems on one line differ by message.
        key = (f.path, f.start, f.end, f.rule, f.message)
        if key not in seen:
            seen.add(key)
            result.append(f)
    return result


def sort_findings(findings: Iterable[Finding]) -> list[Finding]:
    return sorted(findings, key=lambda f: (f.path, f.line, f.column, f.rule))


def process(findings: Iterable[Finding], overrides: dict[str, str] | None = None) -> list[Finding]:
    return sort_findings(deduplicate(override_severity(findings, overrides or {})))


def apply_suppressions(findings: Iterable[Finding], suppressions: Sequence[Suppression]) -> list[Finding]:
    """Mark what a valid suppression covers: kept (for the audit in JSON), but not counted."""
    valid = [s for s in suppressions if not s.missing and not s.expired()]
    if not valid:
        return list(findings)
    result = []
    for f in findings:
        by = next((s for s in valid if s.covers(f)), None)
        result.append(f._replace(suppressed_by=by.label) if by else f)
    return result
