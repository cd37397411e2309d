"""Dates and times as a draft writes them (3月5日(水), 令和8年3月5日, 2026/3/5, 14:00〜16:00),
read from the normalized view (NFKC: digits and brackets are ASCII there), and the day a
draft speaks from: its `scheduled_at`, else the file's modification time, else today.

A date without a year is placed in the year that puts it nearest that day (1月10日 in a
draft scheduled for 2026-12-20 is 2027-01-10)."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING, Any, NamedTuple

from sm_lint.errors import RuleError
from sm_lint.io import rulecache
from sm_lint.io.resources import rules_root
from sm_lint.io.yamlsafe import YamlError, load_yaml
from sm_lint.text.lazyre import lazy_compile

if TYPE_CHECKING:
    from pathlib import Path

    from sm_lint.text.analysis import Analysis

WEEKDAYS = "月火水木金土日"
WEEKDAYS_EN = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


class Era(NamedTuple):
    name: str
    name_en: str
    start: date


def _read_eras(path: Path) -> tuple[Era, ...]:
    try:
        data = load_yaml(path.read_text(encoding="utf-8"))
        eras = tuple(Era(str(e["name"]), str(e["name_en"]), e["start"]) for e in data["eras"])
    except (OSError, YamlError, KeyError, TypeError) as exc:
        raise RuleError(str(path), f"元号の表を読めません: {exc}", f"cannot read the table of eras: {exc}") from None
    if not all(isinstance(e.start, date) and e.name for e in eras):
        raise RuleError(
            str(path),
            "元号ごとに name と start (YYYY-MM-DD) を書いてください",
            "each era has a name and a start (YYYY-MM-DD)",
        )
    return tuple(sorted(eras, key=lambda e: e.start, reverse=True))


def eras() -> tuple[Era, ...]:
    """The eras, newest first (rules/calendar/eras.yaml)."""
    return rulecache.cached(rules_root() / "calendar" / "eras.yaml", _read_eras)


def era_to_western(era: str, year: str) -> int | None:
    """令和 8 -> 2026 (元年 is 1); None for an unknown era."""
    start = next((e.start for e in eras() if e.name == era), None)
    return None if start is None else start.year + (1 if year == "元" else int(year)) - 1


def western_to_era(year: int) -> tuple[str, str]:
    """2026 -> (令和8年, Reiwa 8); a year two eras share is named by the later one (2019 -> 令和元年)."""
    era = next((e for e in eras() if e.start.year <= year), eras()[-1])
    n = year - era.start.year + 1
    return f"{era.name}{'元' if n == 1 else n}年", f"{era.name_en} {n}"


def _era_names() -> str:
    return "|".join(map(re.escape, (e.name for e in eras())))


_WEEKDAY = (
    r"(?:\(\s*(?P<wd>[月火水木金土日])(?:曜日?)?(?:\s*[・,、]\s*(?:祝|休)日?)?\s*\)"
    r"|(?P<wd2>[月火水木金土日])曜日)"
)
_AFTER = lazy_compile(r"\s*" + _WEEKDAY)
# What every match of a pattern below holds: a scan for it is far cheaper than the pattern's
# own, which tries its alternatives at every character of the draft.
_DATE_SIGN = lazy_compile(r"\d[月/]")  # 12月, 2026/, 3/
_CLOCK_SIGN = lazy_compile(r"\d[:時]")  # 10:00, 10時


@lru_cache(maxsize=1)
def _date_pattern() -> re.Pattern[str]:
    return re.compile(
        rf"(?:(?:(?P<era>{_era_names()})(?P<eyear>元|\d{{1,2}})年|(?P<year>\d{{4}})年)\s*)?"
        r"(?<!\d)(?P<month>\d{1,2})月(?P<day>\d{1,2})日"
        r"|(?<![\d/])(?P<year2>\d{4})/(?P<month2>\d{1,2})/(?P<day2>\d{1,2})(?![\d/])"
        rf"|(?<![\d/])(?P<month3>\d{{1,2}})/(?P<day3>\d{{1,2}})(?=\s*{_WEEKDAY})"
    )


class Written(NamedTuple):
    """A date in the view: its span, month and day, the year if written, and the weekday
    written after it (with its span) if any."""

    start: int
    end: int
    year: int | None
    month: int
    day: int
    weekday: str | None
    weekday_start: int
    weekday_end: int


def written_dates(analysis: Analysis) -> tuple[Written, ...]:
    return analysis.memo("dates.written", _find_dates)


def _find_dates(analysis: Analysis) -> tuple[Written, ...]:
    text = analysis.text
    if not analysis.has_digits or not _DATE_SIGN().search(text):
        return ()
    found = []
    for m in _date_pattern().finditer(text):
        g = m.groupdict()
        if g["month"]:
            month, day = int(g["month"]), int(g["day"])
            year = int(g["year"]) if g["year"] else era_to_western(g["era"], g["eyear"]) if g["era"] else None
        elif g["month2"]:
            year, month, day = int(g["year2"]), int(g["month2"]), int(g["day2"])
        else:
            year, month, day = None, int(g["month3"]), int(g["day3"])
        if not (1 <= month <= 12 and 1 <= day <= 31):
            continue
        wd = _AFTER().match(text, m.end())
        if wd:
            group = "wd" if wd.group("wd") else "wd2"
            found.append(Written(m.start(), m.end(), year, month, day, wd.group(group), wd.start(group), wd.end(group)))
        else:
            found.append(Written(m.start(), m.end(), year, month, day, None, 0, 0))
    return tuple(found)


class Reference(NamedTuple):
    """The day a draft speaks from, and where it came from (for the message)."""

    day: date
    moment: datetime | None  # the scheduled time, when there is one
    source_ja: str
    source_en: str
    certain: bool  # from the draft itself (scheduled_at), not guessed from the file or the clock


def reference(analysis: Analysis) -> Reference:
    return analysis.memo("dates.reference", _reference)


def _reference(analysis: Analysis) -> Reference:
    from sm_lint.checks.post.metadata import post_meta, scheduled
    from sm_lint.checks.post.schedule import hours_of

    hours = hours_of(analysis.config)
    when = scheduled(post_meta(analysis), hours.zone)
    if when is not None:
        return Reference(when.date(), when, f"scheduled_at ({when:%Y-%m-%d})", f"scheduled_at ({when:%Y-%m-%d})", True)
    from zoneinfo import ZoneInfo

    zone = ZoneInfo(hours.zone)
    mtime = analysis.draft.modified
    try:
        if mtime is None:
            mtime = os.stat(analysis.draft.path).st_mtime
    except (OSError, ValueError):  # stdin, a text given in memory
        today = datetime.now(zone).date()
        return Reference(today, None, f"今日の日付 ({today:%Y-%m-%d})", f"today's date ({today:%Y-%m-%d})", False)
    day = datetime.fromtimestamp(mtime, zone).date()
    return Reference(
        day, None, f"ファイルの更新日 ({day:%Y-%m-%d})", f"the file's modification date ({day:%Y-%m-%d})", False
    )


def resolve(written: Written, ref: Reference) -> date | None:
    """The calendar day a written date means; None when there is no such day (2月30日)."""
    if written.year is not None:
        try:
            return date(written.year, written.month, written.day)
        except ValueError:
            return None
    candidates = []
    for year in (ref.day.year - 1, ref.day.year, ref.day.year + 1):
        try:
            candidates.append(date(year, written.month, written.day))
        except ValueError:  # 2月29日 outside a leap year
            continue
    return min(candidates, key=lambda d: abs(d - ref.day), default=None)


class TimeRange(NamedTuple):
    start: int
    end: int
    begins: timedelta
    ends: timedelta
    next_day: bool  # 翌 / 翌日 / 深夜 before the end


_CLOCK = (
    r"(?P<ap{n}>午前|午後)?\s*(?P<h{n}>\d{{1,2}})(?::(?P<m{n}>\d{{2}})|時(?:(?P<mj{n}>\d{{1,2}})分|(?P<half{n}>半))?)"
)


@lru_cache(maxsize=1)
def _range_pattern() -> re.Pattern[str]:
    return re.compile(
        r"(?<![\d:])"
        + _CLOCK.format(n=1)
        + r"\s*(?:〜|~|-|–|—|―|ー|から)\s*(?P<next>翌日?|深夜)?\s*"
        + _CLOCK.format(n=2)
        + r"(?![\d:])"
    )


def _clock(g: dict[str, Any], n: int, meridiem: str | None) -> timedelta | None:
    hour = int(g[f"h{n}"])
    minute = 30 if g[f"half{n}"] else int(g[f"m{n}"] or g[f"mj{n}"] or 0)
    if meridiem == "午後" and hour < 12:
        hour += 12
    if hour > 30 or minute > 59:  # not a time (26:00 for 2 a.m. the next day is common)
        return None
    return timedelta(hours=hour, minutes=minute)


def time_ranges(analysis: Analysis) -> tuple[TimeRange, ...]:
    if not analysis.has_digits or not _CLOCK_SIGN().search(analysis.text):
        return ()
    found = []
    for m in _range_pattern().finditer(analysis.text):
        g = m.groupdict()
        begins = _clock(g, 1, g["ap1"])
        ends = _clock(g, 2, g["ap2"] or g["ap1"])  # 午後1時〜3時: both in the afternoon
        if begins is not None and ends is not None:
            found.append(TimeRange(m.start(), m.end(), begins, ends, bool(g["next"])))
    return tuple(found)


def era_pairs(analysis: Analysis) -> Iterator[tuple[int, int, int, str, str]]:
    """(start, end, western year, era name, era year as written) for a year written both ways:
    2026年(令和8年), 令和8年(2026年)."""
    if not analysis.has_digits or "(" not in analysis.text:  # a year in brackets after the other
        return
    for m in _pair_pattern().finditer(analysis.text):
        g = m.groupdict()
        era, eyear = (g["era"], g["eyear"]) if g["era"] else (g["era2"], g["eyear2"])
        yield m.start(), m.end(), int(g["west"] or g["west2"]), era, eyear


@lru_cache(maxsize=1)
def _pair_pattern() -> re.Pattern[str]:
    names = _era_names()
    return re.compile(
        rf"(?<!\d)(?P<west>\d{{4}})年?\s*\(\s*(?P<era>{names})(?P<eyear>元|\d{{1,2}})年?\s*\)"
        rf"|(?P<era2>{names})(?P<eyear2>元|\d{{1,2}})年?\s*\(\s*(?P<west2>\d{{4}})年?\s*\)"
    )
