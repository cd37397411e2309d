"""The filter steps between checking and reporting, each a separate function:
select/ignore → severity overrides → de-duplicate → sort → suppressions."""

from __future__ import annotations

from typing import Iterable, Sequence

from sm_lint.findings import Finding
from sm_lint.rules.model import Rule
from sm_lint.suppressions import Suppression


def selector_matches(selector: str, rule: Rule) -> bool:
    """A selector is a rule id or id prefix (JP-P, JP-P101), a rule's name (hearsay), a
    category (reply) or a clause, exact or as a prefix of sub-clauses (5(5), 6(1) covers 6(1)②)."""
    return (
        rule.id.startswith(selector)
        or rule.name == selector
        or rule.category == selector
        or rule.clause == selector
        or (selector.endswith(")") and rule.clause.startswith(selector))
        or selector.isdigit() and rule.clause.split("(")[0] == selector
    )


def unknown_selectors(rules: Sequence[Rule], selectors: Iterable[str]) -> list[str]:
    """The selectors that match none of `rules`: a typo (JP-P10l) would otherwise select or
    ignore nothing, silently."""
    return [s for s in selectors if not any(selector_matches(s, r) for r in rules)]


def select_rules(rules: Sequence[Rule], select: Iterable[str] = (), ignore: Iterable[str] = ()) -> list[Rule]:
    select, ignore = list(select), list(ignore)
    chosen = [r for r in rules if not select or any(selector_matches(s, r) for s in select)]
    return [r for r in chosen if not any(selector_matches(s, r) for s in ignore)]


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
