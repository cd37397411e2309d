"""`suppression`: problems with the draft's own suppressions (sm_lint/suppressions.py).
`suppression: incomplete` fires on one without a reason (or, in the front matter, without
`approved_by`); `suppression: unused` fires on one that suppressed nothing, like ruff's RUF100
(only for rules that ran, or ids that name no rule at all)."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from sm_lint.errors import RuleError
from sm_lint.rules.model import Hit
from sm_lint.rules.registry import kind
from sm_lint.suppressions import suppressions


@lru_cache(maxsize=1)
def _bundled_rule_ids() -> frozenset[str]:
    from sm_lint.rules.loader import load_rules  # the loader imports the kinds: import late

    return frozenset(r.id for r in load_rules())


class Incomplete:
    def find(self, analysis):
        for s in suppressions(analysis.draft):
            if s.missing:
                yield Hit(line=s.line, detail={"target": s.rule, "missing": ", ".join(s.missing)})


class Unused:
    def find(self, analysis):
        return ()

    def review(self, analysis, findings, rules):
        ran = {r.id for r in rules}
        for s in suppressions(analysis.draft):
            if s.missing or any(s.covers(f) for f in findings):
                continue
            if s.rule in ran or s.rule not in _bundled_rule_ids():
                yield Hit(line=s.line, detail={"target": s.rule})


@kind("suppression")
def compile_suppression(spec: dict[str, Any], where: str):
    problem = spec["suppression"]
    if problem not in ("incomplete", "unused"):
        raise RuleError(where, "`suppression` is incomplete or unused")
    return Incomplete() if problem == "incomplete" else Unused()
