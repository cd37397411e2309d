"""`posting-time`: the draft's `scheduled_at` against the city's hours (sm_lint/checks/post/schedule.py).
`posting-time: outside` fires outside office hours (6(1)② 時間, for official posts);
`posting-time: working` fires inside working time (7(2)② 職務専念義務, for private posts)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from sm_lint.checks.post.metadata import post_meta, scheduled
from sm_lint.checks.post.schedule import closed_reason, describe, hours_of, in_office_hours, in_working_time
from sm_lint.errors import RuleError
from sm_lint.rules.model import Hit, Matcher
from sm_lint.rules.registry import kind

if TYPE_CHECKING:
    from sm_lint.text.analysis import Analysis


class PostingTime(Matcher):
    def __init__(self, fire_when: str) -> None:
        self.fire_when = fire_when

    def find(self, analysis: Analysis) -> Iterable[Hit]:
        meta = post_meta(analysis)
        if "scheduled_at" not in meta:
            return
        hours = hours_of(analysis.config)
        when = scheduled(meta, hours.zone)
        if when is None:
            return
        line = analysis.draft.front_matter.line_of("scheduled_at")
        start, end = f"{hours.start:%H:%M}", f"{hours.end:%H:%M}"
        if self.fire_when == "outside" and not in_office_hours(hours, when):
            ja, en = closed_reason(hours, when.date()) or (f"{start}〜{end} の外", f"outside {start}-{end}")
        elif self.fire_when == "working" and in_working_time(hours, when):
            ja, en = f"勤務時間 {start}〜{end}", f"working hours {start}-{end}"
        else:
            return
        when_ja, when_en = describe(when)
        yield Hit(line=line, detail={"when": when_ja, "when_en": when_en, "reason": ja, "reason_en": en})


@kind("posting-time")
def compile_posting_time(spec: dict[str, Any], where: str) -> PostingTime:
    value = spec["posting-time"]
    if value not in ("outside", "working"):
        raise RuleError(
            where,
            "`posting-time` は outside (開庁時間外) か working (勤務時間内) です",
            "`posting-time` is outside (office hours) or working (working time)",
        )
    return PostingTime(value)
