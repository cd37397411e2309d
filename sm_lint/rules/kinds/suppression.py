"""`suppression`: problems with the draft's own suppressions (sm_lint/text/suppressions.py).
`suppression: incomplete` fires on one without a reason (or, in the front matter, without
`approved_by`); `suppression: unused` fires on one that suppressed nothing, like ruff's RUF100
(only for rules that ran, or ids that name no rule at all); `suppression: malformed` on a
comment addressed to sm-lint that is not a suppression it can read; `suppression: posted` on a
comment to sm-lint in a plain-text draft's body, which would be posted with the text;
`suppression: unowned` on one without its owner (`by:`) or last day (`until:`, a date),
`suppression: expired` on one past its last day (it no longer suppresses anything)."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from typing import TYPE_CHECKING, Any

from sm_lint.rules.model import Hit, Matcher, Rule
from sm_lint.rules.options import one_of
from sm_lint.rules.registry import kind
from sm_lint.text.suppressions import draft_suppressions, malformed, posted

if TYPE_CHECKING:
    from sm_lint.findings import Finding
    from sm_lint.text.analysis import Analysis


class Incomplete(Matcher):
    def find(self, analysis: Analysis) -> Iterable[Hit]:
        for s in draft_suppressions(analysis):
            if s.missing:
                yield Hit(line=s.line, detail={"target": s.rule, "missing": ", ".join(s.missing)})


class Unused(Matcher):
    reviews = True

    def find(self, analysis: Analysis) -> Iterable[Hit]:
        return ()

    def review(
        self, analysis: Analysis, findings: list[Finding], rules: Sequence[Rule], known: Collection[str]
    ) -> Iterable[Hit]:
        ran = {r.id for r in rules}
        for s in draft_suppressions(analysis):
            if s.missing or s.expired() or any(s.covers(f) for f in findings):
                continue
            if s.rule in ran:
                yield Hit(line=s.line, detail={"target": s.rule, "unknown": "", "unknown_en": ""})
            elif s.rule not in known:  # not selected is not unknown
                yield Hit(line=s.line, detail={"target": s.rule, **_no_such_rule(s.rule, known)})


def _no_such_rule(rule_id: str, known: Collection[str]) -> dict[str, str]:
    """The note on a suppression of an id that names no rule, with the id probably meant."""
    from sm_lint.spelling import hint

    ja, en = hint(rule_id, sorted(known), otherwise=("", ""))
    return {"unknown": f"{rule_id} というルールはありません{ja}。", "unknown_en": f" There is no rule {rule_id}{en}."}


class Malformed(Matcher):
    def find(self, analysis: Analysis) -> Iterable[Hit]:
        for line in malformed(analysis.draft):
            yield Hit(line=line)


class Posted(Matcher):
    def find(self, analysis: Analysis) -> Iterable[Hit]:
        for line, front_matter in posted(analysis.draft):
            yield Hit(line=line, suggestion=front_matter)


class Unowned(Matcher):
    def find(self, analysis: Analysis) -> Iterable[Hit]:
        for s in draft_suppressions(analysis):
            lacking = [] if s.by else ["by"]
            if s.expiry is None:  # absent, or no date (until: 来年度末)
                lacking.append("until" if s.until is None else f"until ({s.until})")
            if lacking and not s.missing:
                yield Hit(line=s.line, detail={"target": s.rule, "missing": ", ".join(lacking)})


class Expired(Matcher):
    def find(self, analysis: Analysis) -> Iterable[Hit]:
        for s in draft_suppressions(analysis):
            if s.expired():
                yield Hit(line=s.line, detail={"target": s.rule, "until": s.until, "by": s.by or "-"})


_PROBLEMS = {
    "incomplete": Incomplete,
    "unused": Unused,
    "malformed": Malformed,
    "posted": Posted,
    "unowned": Unowned,
    "expired": Expired,
}


@kind("suppression")
def compile_suppression(spec: dict[str, Any], where: str) -> Matcher:
    return _PROBLEMS[one_of(spec["suppression"], _PROBLEMS, where, "suppression")]()
