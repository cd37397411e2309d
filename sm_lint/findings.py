"""A finding: what every filter step and reporter receives."""

from __future__ import annotations

from typing import NamedTuple


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
    severity: str
    message: str
    match: str
    suggestion: str | None
    start: int  # character offsets in the original file, for fixes and baselines
    end: int
    suppressed_by: str | None = None
    fix: str | None = None  # replacement of text[start:end] that `--fix` may apply (a safe suggestion)

    @property
    def fixable(self) -> bool:
        """`--fix` may apply it: a safe suggestion on a finding no waiver covers."""
        return self.fix is not None and not self.suppressed_by

    def to_dict(self) -> dict:
        return self._asdict()
