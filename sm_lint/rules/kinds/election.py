"""`election`: political neutrality around elections (5 前文 公平・中立性; 7(1)① 地方公務員法),
against the election calendar of the configuration.

    match:
      election: mention          # a candidate or party of the configured `elections`
      election: ask              # `phrases` in a sentence that names a candidate or party
      election: [ask, judge]     # several checks at once (each with its own `phrases`)
      names: '\\w{1,6}候補'        # optional: more candidate/party names, as a regex (besides the configured ones)
      phrases: {ask: '...', judge: '...'}   # the words of each check, regex or list of them
      outside: warning           # optional: the severity outside every election period

The day a draft is posted is its `scheduled_at`, else the file's modification date, else
today (sm_lint/checks/post/dates.py); the period of an election runs from its 告示日 (or 公示日) to its
投票日, both included. A turnout notice (投票日のお知らせ, 期日前投票の案内) names no
candidate and no party, so none of these checks fire on it.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING, Any, TypedDict

from sm_lint.errors import ConfigError, RuleError
from sm_lint.rules.model import SEVERITIES, Hit, Matcher
from sm_lint.rules.options import one_of
from sm_lint.rules.registry import kind
from sm_lint.settings.loader import string_list
from sm_lint.text.saferegex import UserRegex, compile_spec

if TYPE_CHECKING:
    from sm_lint.settings.config import Config
    from sm_lint.text.analysis import Analysis

_START_KEYS = ("告示日", "公示日")  # 告示 for local elections, 公示 for national ones
_VOTE = "投票日"
_KEYS = {*_START_KEYS, _VOTE, "candidates", "parties"}


class Period(TypedDict):
    """One election of the configuration's `elections:`, checked and read."""

    start: date
    end: date
    candidates: tuple[str, ...]
    parties: tuple[str, ...]


def _day(value: Any, where: str, key: str) -> date:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise ConfigError(
            where,
            f"`{key}` は 2026-10-25 のような日付で書いてください (値: {value!r})",
            f"`{key}` is a date such as 2026-10-25, not {value!r}",
        ) from None


def _calendar_of(value: dict[str, Any], where: str) -> dict[str, Period]:
    """Election name -> start, end, candidates, parties: the settings checked and read."""
    checked: dict[str, Period] = {}
    for name, spec in value.items():
        at = f"elections.{name}"
        if (
            not isinstance(spec, dict)
            or set(spec) - _KEYS
            or not any(k in spec for k in _START_KEYS)
            or _VOTE not in spec
        ):
            raise ConfigError(
                where,
                f"`{at}` には 告示日 (または 公示日)、投票日 と、あれば candidates、parties を書いてください",
                f"`{at}` has {_START_KEYS[0]} (or {_START_KEYS[1]}) and {_VOTE}, and optionally candidates and parties",
            )
        start_key = next(k for k in _START_KEYS if k in spec)
        start, end = _day(spec[start_key], where, f"{at}.{start_key}"), _day(spec[_VOTE], where, f"{at}.{_VOTE}")
        if end < start:
            raise ConfigError(
                where,
                f"`{at}`: 投票日 ({end}) が {start_key} ({start}) より前です",
                f"`{at}`: {_VOTE} ({end}) is before {start_key} ({start})",
            )
        checked[str(name)] = {
            "start": start,
            "end": end,
            "candidates": string_list(spec.get("candidates", []), where, f"{at}.candidates"),
            "parties": string_list(spec.get("parties", []), where, f"{at}.parties"),
        }
    return checked


def check_elections(value: dict[str, Any], where: str) -> dict[str, Any]:
    _calendar_of(value, where)
    return dict(value)  # kept as written, for `sm-lint config`


def calendar(config: Config) -> dict[str, Period]:
    return config.memo("elections.calendar", lambda c: _calendar_of(c.section("elections"), "elections"))


def _names(config: Config) -> tuple[str, ...]:
    import unicodedata

    found = {
        unicodedata.normalize("NFKC", n) for e in calendar(config).values() for n in (*e["candidates"], *e["parties"])
    }
    return tuple(sorted(found, key=len, reverse=True))  # 上越太郎 before 上越 when both are listed


def _period(analysis: Analysis) -> tuple[str, date, date] | None:
    """The configured election whose period holds the day the draft is posted."""
    from sm_lint.checks.post.dates import reference  # only for a draft an election rule reads

    day = reference(analysis).day
    for name, e in calendar(analysis.config).items():
        if e["start"] <= day <= e["end"]:
            return name, e["start"], e["end"]
    return None


class Election(Matcher):
    def __init__(
        self, checks: tuple[str, ...], names: UserRegex | None, phrases: dict[str, UserRegex], outside: str | None
    ) -> None:
        self.checks, self.names, self.phrases, self.outside = checks, names, phrases, outside

    def _named(self, analysis: Analysis) -> list[tuple[int, int]]:
        text = analysis.text
        spans: list[tuple[int, int]] = []
        for name in analysis.config.memo("elections.names", _names):
            start = text.find(name)
            while start != -1:
                if not any(a <= start < b for a, b in spans):
                    spans.append((start, start + len(name)))
                start = text.find(name, start + len(name))
        if self.names is not None:
            spans.extend(m.span() for m in self.names.finditer(text) if not any(a <= m.start() < b for a, b in spans))
        return sorted(spans)

    def find(self, analysis: Analysis) -> Iterable[Hit]:
        named = self._named(analysis)
        if not named:
            return
        period = _period(analysis)
        detail = (
            {
                "period": f"「{period[0]}」の選挙期間中 ({period[1]}〜{period[2]})",
                "period_en": f"during the election period of {period[1]} to {period[2]}",
            }
            if period
            else {"period": "選挙期間外", "period_en": "outside an election period"}
        )
        severity = None if period or self.outside is None else self.outside
        reported: set[tuple[int, int]] = set()
        for check in self.checks:
            if check == "mention":
                if self.names is None:  # configured names only: a generic title is no name
                    spans = [
                        s
                        for s in named
                        if analysis.text[s[0] : s[1]] in analysis.config.memo("elections.names", _names)
                    ]
                else:
                    spans = named
                for span in spans:
                    if span not in reported:
                        reported.add(span)
                        yield Hit(*span, severity=severity, detail={**detail, "name": analysis.text[span[0] : span[1]]})
                continue
            for start, end in named:
                sentence = analysis.sentence(start)
                if sentence in reported:
                    continue
                phrase = self.phrases[check].search(analysis.text, sentence[0], sentence[1])
                if phrase:
                    reported.add(sentence)
                    yield Hit(
                        phrase.start(),
                        phrase.end(),
                        severity=severity,
                        detail={**detail, "name": analysis.text[start:end]},
                    )


_CHECKS = ("mention", "ask", "judge")


@kind("election", options=("names", "phrases", "outside"))
def compile_election(spec: dict[str, Any], where: str) -> Election:
    value = spec["election"]
    checks = tuple(one_of(c, _CHECKS, where, "election") for c in (value if isinstance(value, list) else [value]))
    phrases = spec.get("phrases", {})
    if not isinstance(phrases, dict) or set(phrases) - set(_CHECKS):
        raise RuleError(where, "`phrases` は ask、judge ごとの正規表現です", "`phrases` maps ask and judge to regexes")
    missing = [c for c in checks if c != "mention" and c not in phrases]
    if missing:
        raise RuleError(
            where,
            f"`phrases` に {', '.join(missing)} の語句を書いてください",
            f"`phrases` needs the words of {', '.join(missing)}",
        )
    compiled = {c: compile_spec(p, where, f"phrases.{c}") for c, p in phrases.items()}
    names = compile_spec(spec["names"], where, "names") if "names" in spec else None
    outside = one_of(spec["outside"], SEVERITIES, where, "outside") if "outside" in spec else None
    return Election(checks, names, compiled, outside)
