"""Working hours of the city (config section `schedule`): is a moment inside them?

Office hours (開庁時間) are `start`–`end` on working days; working time (勤務時間) is office
hours less the `breaks`. Working days are `days`, less national holidays (the `holidays`
package, so 振替休日 and 国民の休日 are right in every year) and the city's `closed` days
(12/29–1/3 by ordinance).
"""

from __future__ import annotations

from datetime import date, datetime, time
from functools import lru_cache
from typing import TYPE_CHECKING, Any, NamedTuple

from sm_lint.errors import ConfigError
from sm_lint.io import rulecache
from sm_lint.settings.keys import BY_NAME, DAYS
from sm_lint.settings.loader import string_list

if TYPE_CHECKING:
    from sm_lint.settings.config import Config

_DAY_JA = "月火水木金土日"
_DAY_EN = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


class Hours(NamedTuple):
    zone: str
    days: frozenset[int]
    start: time
    end: time
    breaks: tuple[tuple[time, time], ...]
    country: str | None
    closed: tuple[str, ...]


def _time(value: Any, where: str, key: str) -> time:
    if isinstance(value, int) and not isinstance(value, bool):  # YAML 1.1 reads 8:30 as 510 (minutes)
        value = f"{value // 60:02d}:{value % 60:02d}"
    try:
        return time.fromisoformat(str(value).strip())
    except ValueError:
        raise ConfigError(
            where,
            f'`schedule.{key}` は "08:30" のような時刻で書いてください (値: {value!r})',
            f'`schedule.{key}` is a time such as "08:30", not {value!r}',
        ) from None


def parse_hours(section: dict[str, Any], where: str = "schedule") -> Hours:
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        ZoneInfo(str(section["timezone"]))
    except (ZoneInfoNotFoundError, ValueError):
        raise ConfigError(
            where, f"知らないタイムゾーンです: {section['timezone']!r}", f"unknown time zone {section['timezone']!r}"
        ) from None
    days = section["days"]
    if not isinstance(days, list) or not all(isinstance(d, str) and d in DAYS for d in days):
        raise ConfigError(
            where,
            f"`schedule.days` は次の曜日のリストです: {', '.join(DAYS)}",
            f"`schedule.days` is a list of: {', '.join(DAYS)}",
        )
    breaks = []
    for item in string_list(section["breaks"], where, "schedule.breaks"):
        first, _, last = item.partition("-")
        breaks.append((_time(first, where, "breaks"), _time(last, where, "breaks")))
    closed = string_list(section["closed"], where, "schedule.closed")
    for day in closed:
        try:
            date.fromisoformat(day if len(day) > 5 else f"2000-{day}")
        except ValueError:
            raise ConfigError(
                where,
                f"`schedule.closed` の日付は MM-DD か YYYY-MM-DD で書いてください (値: {day!r})",
                f"`schedule.closed` entries are MM-DD or YYYY-MM-DD, not {day!r}",
            ) from None
    country = section["holidays"] or None
    if country is not None:
        try:
            _holiday_names(str(country), date.today().year)
        except NotImplementedError:
            raise ConfigError(
                where,
                f"`schedule.holidays`: {country!r} の祝日カレンダーはありません",
                f"`schedule.holidays`: no holiday calendar for {country!r}",
            ) from None
    return Hours(
        str(section["timezone"]),
        frozenset(DAYS.index(d) for d in days),
        _time(section["start"], where, "start"),
        _time(section["end"], where, "end"),
        tuple(breaks),
        country,
        closed,
    )


def check_section(value: dict[str, Any], where: str) -> dict[str, Any]:
    """The `schedule:` section's check (rules/sections.py hands it to the loader)."""
    parse_hours({**BY_NAME["schedule"].defaults, **value}, where)
    return dict(value)


def hours_of(config: Config) -> Hours:
    """The configuration's office hours, parsed once per configuration."""
    return config.memo("schedule.hours", lambda c: parse_hours(c.section("schedule")))


@lru_cache(maxsize=16)
def _holiday_names(country: str, year: int) -> dict[date, tuple[str, str]]:
    """A year's holidays from the `holidays` package, named in Japanese and English, kept in
    the rule cache: importing the package costs over 100 ms, more than the rest of a run. The
    cache follows the package's files, so an update of its calendars is seen at once."""
    return rulecache.from_package(f"holidays:{country}:{year}", "holidays", lambda: _compute_holidays(country, year))


def _compute_holidays(country: str, year: int) -> dict[date, tuple[str, str]]:
    import holidays

    calendar = holidays.country_holidays(country, years=year)
    # A calendar without the language keeps its own names.
    ja, en = (
        holidays.country_holidays(country, years=year, language=language)
        if language in calendar.supported_languages
        else calendar
        for language in ("ja", "en_US")
    )
    return {day: (ja.get(day, name), en.get(day, name)) for day, name in calendar.items()}


def closed_reason(hours: Hours, day: date) -> tuple[str, str] | None:
    """Why `day` is not a working day, in Japanese and English; None on a working day."""
    if f"{day:%m-%d}" in hours.closed or day.isoformat() in hours.closed:
        return "市の閉庁日", "a day the city offices are closed"
    if hours.country:
        names = _holiday_names(hours.country, day.year).get(day)
        if names:
            return f"祝日 ({names[0]})", f"a national holiday ({names[1]})"
    if day.weekday() not in hours.days:
        return f"{_DAY_JA[day.weekday()]}曜日", _DAY_EN[day.weekday()]
    return None


def in_office_hours(hours: Hours, when: datetime) -> bool:
    return closed_reason(hours, when.date()) is None and hours.start <= when.time() < hours.end


def in_working_time(hours: Hours, when: datetime) -> bool:
    t = when.time()
    return in_office_hours(hours, when) and not any(a <= t < b for a, b in hours.breaks)


def describe(when: datetime) -> tuple[str, str]:
    """The moment in Japanese and English: 2026-12-05(土) 10:00, 2026-12-05 (Sat) 10:00."""
    return (
        f"{when:%Y-%m-%d}({_DAY_JA[when.weekday()]}) {when:%H:%M}",
        f"{when:%Y-%m-%d} ({_DAY_EN[when.weekday()]}) {when:%H:%M}",
    )
