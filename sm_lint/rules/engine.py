"""Run rules over an analysed draft and turn matcher hits into findings. A finding leaves here
with the facts of its severity (its rule's, its matcher's grade) and no severity: that is the
filter stage's to decide (sm_lint/pipeline/filter.py)."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import Any

from sm_lint.errors import SmLintError
from sm_lint.findings import Finding
from sm_lint.rules.catalog import clauses
from sm_lint.rules.conditions import Conditions, When
from sm_lint.rules.deferred import shut
from sm_lint.rules.gate import Gate
from sm_lint.rules.model import Hit, Rule
from sm_lint.text.analysis import Analysis
from sm_lint.text.saferegex import RegexDisabled, RegexTimeout


class _Fields(dict[str, Any]):
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
    suggestion = hit.suggestion if hit.suggestion is not None else rule.suggestion_in(lang)
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
        message=template.format_map(fields).rstrip(),  # a message may end in an empty note
        match=match,
        suggestion=suggestion,
        start=start,
        end=end,
        fix=suggestion if suggestion and hit.line is None and _safe(rule, hit) else None,
        rule_severity=rule.severity,  # the facts; the filter stage decides the severity
        grade=hit.severity,
    )


# Building the gate compiles every sign into RE2 automata, about 20 ms (15 of them RE2's, for
# the word lists), and it saves about 0.5 ms a draft (1,000 bench drafts in one process: 0.93 s
# of CPU with it, 1.46 s without; 2026-12-07): it pays from some 40 drafts on, and a short run
# (a pre-commit hook on a few drafts) is faster without it.
GATE_FROM = 40  # drafts checked with a list of rules before it gets its gate
# Before the gate, a rule from the rule cache whose needs the draft does not meet is skipped,
# and its matcher never loaded (rules/deferred.py). False: every rule searches (tests, benches).
NEEDS = True


class _Plan:
    """What checking derives from a list of rules, once per list: the distinct `when:`
    conditions (29 rules share 13: each is tested once per combination of the metadata
    they read, see rules/conditions.py), the rules whose matcher
    reviews what the others found (e.g. unused suppressions), and the gate."""

    def __init__(self, rules: Sequence[Rule]):
        self.rules = rules
        numbers: dict[str, int] = {}
        conditions: list[When] = []
        for rule in rules:
            if rule.when is not None and rule.when.key not in numbers:
                numbers[rule.when.key] = len(conditions)
                conditions.append(rule.when)
        self.holds = Conditions(conditions)
        # per rule: the number of its condition, or -1 for a rule that always runs
        self.condition = [-1 if r.when is None else numbers[r.when.key] for r in rules]
        self.reviewers = [(r, c) for r, c in zip(rules, self.condition, strict=True) if r.matcher.reviews]
        self.checked = 0
        self.gate: Gate | None = None

    def closed(self, analysis: Analysis) -> frozenset[int]:
        """ids of the rules whose search is skipped on this draft (see sm_lint/rules/gate.py;
        before the gate, those of the rules from the rule cache that cannot hit it, whose
        matchers are then never loaded: sm_lint/rules/deferred.py)."""
        if self.gate is None:
            self.checked += 1
            if self.checked < GATE_FROM:
                return shut(self.rules, analysis) if NEEDS else frozenset()
            self.gate = Gate(self.rules)
        return self.gate.closed(analysis)


_PLANS: dict[int, tuple[Sequence[Rule], _Plan]] = {}  # id(rules) -> (rules, its plan)


def _plan(rules: Sequence[Rule]) -> _Plan:
    """The linter keeps one list per selection of rules; the entry holds the list, so its
    id cannot be reused while cached."""
    entry = _PLANS.get(id(rules))
    if entry is None:
        if len(_PLANS) >= 8:  # a run has a list per configuration; a caller linting again
            _PLANS.clear()  # and again in one process loads new lists, each a few MB
        entry = _PLANS[id(rules)] = (rules, _Plan(rules))
    return entry[1]


def check(
    analysis: Analysis,
    rules: Sequence[Rule],
    lang: str = "ja",
    problems: list[SmLintError] | None = None,
    known: Collection[str] | None = None,
) -> list[Finding]:
    """The rules' findings on one draft. A rule whose user regex runs out of time finds
    nothing here: its RegexTimeout goes to `problems` (raised when there is no list), and a
    rule whose regex timed out on an earlier draft is skipped without a word. `known`: every
    rule id of the pack the rules were selected from (default: these rules), for reviewers."""
    plan = _plan(rules)
    closed = plan.closed(analysis)
    holds = plan.holds(analysis)
    ran = [r for r, c in zip(rules, plan.condition, strict=True) if c < 0 or holds[c]]
    findings = []
    for rule in ran:
        if id(rule) in closed:  # it runs, and finds nothing: its patterns match nowhere
            continue
        try:
            found = [
                _finding(rule, hit, analysis, lang)
                for hit in rule.matcher.find(analysis)
                if hit.line is not None or not any(skip(analysis, hit) for skip in rule.exceptions)
            ]
        except RegexDisabled:
            continue
        except RegexTimeout as exc:
            if problems is None:
                raise
            problems.append(exc)
            continue
        findings.extend(found)
    for rule, c in plan.reviewers:
        if c < 0 or holds[c]:
            reviewed = list(
                rule.matcher.review(analysis, findings, ran, {r.id for r in rules} if known is None else known)
            )
            findings.extend(_finding(rule, hit, analysis, lang) for hit in reviewed)
    return findings
