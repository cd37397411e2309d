"""The filter stage between checking and reporting: `filter_findings` runs its steps, each a
separate function, in one order: severity → de-duplicate → sort → suppressions → the judgments
under a stronger one dropped → baseline. It
is the one place that sets a finding's severity (the engine hands over the facts: the rule's
own severity and a matcher's grade of the hit; the configuration's `severity:` has the last
word; tests/test_filter.py checks no other module sets it) and, with `failing`, what fails
the run. Which rules run at all is selection.py's."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from sm_lint.findings import Finding
from sm_lint.rules.model import severity_rank
from sm_lint.text.suppressions import Suppression

if TYPE_CHECKING:
    from sm_lint.pipeline.baseline import Baseline
    from sm_lint.settings.config import Config


def decide_severity(findings: Iterable[Finding], overrides: dict[str, str]) -> list[Finding]:
    """Each finding's severity: the configuration's for its rule, else the grade its matcher
    gave the hit, else its rule's own."""
    return [f._replace(severity=overrides.get(f.rule) or f.grade or f.rule_severity) for f in findings]


# Categories of judgment (issue 23), where several constructions may read one stretch: a
# finding under a more severe one of the same category and the same stretch says nothing more
# (a gossip warning under a contempt error of the same words) and is dropped; of equal
# severity both stay (a person judged and a group generalised name two different harms).
JUDGED = frozenset({"prohibited", "confidential"})


def deduplicate(findings: Iterable[Finding]) -> list[Finding]:
    seen: set[tuple[object, ...]] = set()
    result = []
    for f in findings:
        # Front-matter hits span their whole line: two problems on one line differ by message.
        key = (f.path, f.start, f.end, f.rule, f.message)
        if key not in seen:
            seen.add(key)
            result.append(f)
    return result


def drop_weaker_judgments(findings: Iterable[Finding]) -> list[Finding]:
    """A judgment (JUDGED) under a stronger one of the same category and stretch is dropped;
    only a stronger one that is reported counts: where a suppression waives it, the weaker
    finding is what is left to say (a suppression of one rule hid the other's finding)."""
    findings = list(findings)

    def stretch(f: Finding) -> tuple[str, int, int, str]:
        return (f.path, f.start, f.end, f.category)

    strongest: dict[tuple[str, int, int, str], int] = {}
    for f in findings:
        if f.category in JUDGED and not f.suppressed_by:
            strongest[stretch(f)] = max(strongest.get(stretch(f), 0), severity_rank(f.severity))
    return [
        f for f in findings if f.category not in JUDGED or severity_rank(f.severity) >= strongest.get(stretch(f), 0)
    ]


def sort_findings(findings: Iterable[Finding]) -> list[Finding]:
    return sorted(findings, key=lambda f: (f.path, f.line, f.column, f.rule))


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


def filter_findings(
    findings: Iterable[Finding], config: Config, suppressions: Sequence[Suppression], baseline: Baseline | None = None
) -> list[Finding]:
    """One draft's findings as they are reported: suppressed ones kept but marked (the audit
    formats show them), known ones of the baseline dropped."""
    found = apply_suppressions(sort_findings(deduplicate(decide_severity(findings, config.severity))), suppressions)
    found = drop_weaker_judgments(found)
    return baseline.new(found) if baseline is not None else found


def reported(findings: Iterable[Finding]) -> list[Finding]:
    """The findings that are problems: not suppressed."""
    return [f for f in findings if not f.suppressed_by]


def failing(findings: Iterable[Finding], fail_on: str) -> int:
    """How many findings fail the run: reported ones at or above `fail-on`."""
    threshold = severity_rank(fail_on)
    return sum(severity_rank(f.severity) >= threshold for f in reported(findings))
