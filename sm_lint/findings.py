"""A finding: what every filter step and reporter receives."""

from __future__ import annotations

from typing import Any, NamedTuple

UNDECIDED = ""  # the severity of a finding the filter stage has not yet seen


class Finding(NamedTuple):
    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    rule: str
    name: str
    category: str
    clause: str
    clause_title: str
    message: str
    match: str
    suggestion: str | None
    start: int  # character offsets in the original file, for fixes and baselines
    end: int
    # Decided by the filter stage (pipeline/filter.py, the one place that sets it) from the facts
    # below and the configuration's `severity:`; the engine leaves it UNDECIDED.
    severity: str = UNDECIDED
    suppressed_by: str | None = None
    fix: str | None = None  # replacement of text[start:end] that `--fix` may apply (a safe suggestion)
    # The facts the severity is decided from: the rule's own severity, and the grade its
    # matcher gave this hit (e.g. a first-party shortener), if any.
    rule_severity: str = UNDECIDED
    grade: str | None = None

    @property
    def fixable(self) -> bool:
        """`--fix` may apply it: a safe suggestion on a finding no waiver covers."""
        return self.fix is not None and not self.suppressed_by

    def to_dict(self) -> dict[str, Any]:
        """What the json, jsonl and sarif reports show: the decided severity, not its facts."""
        return {name: getattr(self, name) for name in REPORTED}


# The fields of a report, in the order they always had (the facts behind the severity are not shown).
REPORTED = (
    "path", "line", "column", "end_line", "end_column", "rule", "name", "category", "clause", "clause_title",
    "severity", "message", "match", "suggestion", "start", "end", "suppressed_by", "fix",
)  # fmt: skip
