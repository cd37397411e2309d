"""`date-check`: dates and times in the text that cannot be right (7(1)② 正確を期する),
read by sm_lint/checks/post/dates.py.

    match:
      date-check: weekday     # 3月5日(水) when that day is a Thursday; the suggestion is the right weekday
      date-check: weekday-guessed-year  # the same where the year is only guessed (file date, clock)
      date-check: era-year    # 2026年(令和7年): the two years disagree
      date-check: time-range  # 14:00〜13:00: the end before the start (翌/深夜 before the end: the next day)
      date-check: past-date   # a date already past at `scheduled_at` (only scheduled drafts)

A date without a year takes the year from `scheduled_at`, else from the file's modification
date, else today; the message says which. A guessed year is a separate check, so a pack can
give it a milder severity: an old article read today is not wrong. The weekday suggestion is
marked safe for `--fix` only when the year is certain (written, or from `scheduled_at`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from functools import partial
from typing import TYPE_CHECKING, Any

from sm_lint.rules.model import Hit, Matcher
from sm_lint.rules.options import one_of
from sm_lint.rules.registry import kind

if TYPE_CHECKING:
    from sm_lint.checks.post.dates import Reference, Written
    from sm_lint.text.analysis import Analysis

# sm_lint/checks/post/dates.py (its patterns and era table) is imported by each check when it
# runs, that is for a draft with a digit in it: a cold start on one without pays nothing for it.

# A sentence that tells of the past (開催しました, 受付は終了しました) may name a past date.
_PAST_AUXILIARY = "た"


def _year_note(written: Written, ref: Reference) -> tuple[str, str]:
    if written.year is not None:
        return "年は本文のとおり", "the year as written"
    return f"年は {ref.source_ja} から", f"year from {ref.source_en}"


def _weekday(analysis: Analysis, certain: bool) -> Iterator[Hit]:
    from sm_lint.checks.post.dates import WEEKDAYS, WEEKDAYS_EN, reference, resolve, written_dates

    ref = None
    for w in written_dates(analysis):
        if w.weekday is None:
            continue
        ref = ref or reference(analysis)
        day = resolve(w, ref)
        if day is None or WEEKDAYS[day.weekday()] == w.weekday:
            continue
        if (w.year is not None or ref.certain) != certain:
            continue
        note, note_en = _year_note(w, ref)
        right = WEEKDAYS[day.weekday()]
        yield Hit(
            w.weekday_start,
            w.weekday_end,
            suggestion=right,
            safe=certain,
            detail={
                "date": f"{day.year}年{day.month}月{day.day}日",
                "date_en": day.isoformat(),
                "written": w.weekday,
                "written_en": WEEKDAYS_EN[WEEKDAYS.index(w.weekday)],
                "actual": right,
                "actual_en": WEEKDAYS_EN[day.weekday()],
                "year_from": note,
                "year_from_en": note_en,
            },
        )


def _era_year(analysis: Analysis) -> Iterator[Hit]:
    from sm_lint.checks.post.dates import era_pairs, era_to_western, western_to_era

    for start, end, western, era, eyear in era_pairs(analysis):
        if era_to_western(era, eyear) != western:
            right, right_en = western_to_era(western)
            yield Hit(
                start, end, detail={"western": western, "era": f"{era}{eyear}年", "right": right, "right_en": right_en}
            )


def _time_range(analysis: Analysis) -> Iterator[Hit]:
    from sm_lint.checks.post.dates import time_ranges

    for r in time_ranges(analysis):
        if r.ends <= r.begins and not r.next_day:
            yield Hit(r.start, r.end)


def _past_date(analysis: Analysis) -> Iterator[Hit]:
    from sm_lint.checks.post.dates import reference, resolve, written_dates

    ref = reference(analysis)
    if ref.moment is None:
        return
    dates = written_dates(analysis)
    for w in dates:
        day = resolve(w, ref)
        if day is None or day >= ref.day:
            continue
        # The start of a period still running (3月1日〜3月31日, 3月1日から受付中) is not past.
        following = analysis.text[w.end : w.end + 8]
        if following.lstrip(" )(月火水木金土日曜祝").startswith(("〜", "~", "-", "から", "より", "以降")):
            continue
        start, end = analysis.sentence(w.start)
        sentence = analysis.tokens.words(analysis.token_index(start), analysis.token_index(end))
        if any(t.lemma == _PAST_AUXILIARY and t.pos1 == "助動詞" for t in sentence):
            continue
        yield Hit(
            w.start,
            w.end,
            detail={
                "date": f"{day.year}年{day.month}月{day.day}日",
                "date_en": day.isoformat(),
                "posted": f"{ref.moment:%Y-%m-%d %H:%M}",
            },
        )


_CHECKS: dict[str, Callable[[Analysis], Iterator[Hit]]] = {
    "weekday": partial(_weekday, certain=True),
    "weekday-guessed-year": partial(_weekday, certain=False),
    "era-year": _era_year,
    "time-range": _time_range,
    "past-date": _past_date,
}


class DateCheck(Matcher):
    def __init__(self, check: Callable[[Analysis], Iterator[Hit]]) -> None:
        self.check = check

    def find(self, analysis: Analysis) -> Iterable[Hit]:
        if analysis.has_digits:
            yield from self.check(analysis)


@kind("date-check")
def compile_date_check(spec: dict[str, Any], where: str) -> DateCheck:
    return DateCheck(_CHECKS[one_of(spec["date-check"], _CHECKS, where, "date-check")])
