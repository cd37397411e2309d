"""A small schema language for YAML data written by people (rules/schema/*.yaml).

Why not JSON Schema: a problem must become a Japanese message at the line of the offending
key, YAML gives datetimes that JSON Schema has no type for, and the whole check is a few
dozen lines. `validate` never raises on the data: every problem is returned.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from sm_lint.errors import RuleError, os_reason
from sm_lint.io import rulecache
from sm_lint.io.resources import rules_root
from sm_lint.io.yamlsafe import LineDict, YamlError, load_yaml
from sm_lint.spelling import hint
from sm_lint.text.lazyre import lazy_compile

if TYPE_CHECKING:
    from sm_lint.text.analysis import Analysis

_TYPES = ("string", "integer", "boolean", "datetime", "list", "mapping")
_NAMES = {
    "string": ("文字列", "a string"),
    "integer": ("整数", "an integer"),
    "boolean": ("true/false", "true or false"),
    "datetime": ("日時 (例 2026-12-01T09:30:00+09:00)", "a date and time (e.g. 2026-12-01T09:30:00+09:00)"),
    "list": ("リスト", "a list"),
    "mapping": ("「キー: 値」の組", "a mapping"),
}


class Problem(NamedTuple):
    kind: str  # unknown | type | value | required
    key: str  # dotted path, e.g. sm-lint.allow[0].rule
    line: int
    ja: str
    en: str


# How people here write a date and time when not in ISO 8601 (after NFKC, so full-width
# digits and colons count): 2026/12/05 10:00, 2026年12月5日(土) 10時30分, 2026-12-5 9:30.
_WRITTEN = lazy_compile(
    r"(?P<y>\d{4})[-/年](?P<m>\d{1,2})[-/月](?P<d>\d{1,2})日?(?:\s*\((?P<wd>[^)]{1,3})\))?"
    r"(?:T|\s*)(?P<H>\d{1,2})(?::(?P<M>\d{2})|時(?:(?P<M2>\d{1,2})分)?)(?P<tz>Z|[+-]\d{2}:?\d{2})?"
)


def parse_datetime(value: Any) -> datetime | None:
    """A YAML timestamp, an ISO 8601 string with a time, or a date and time as written in
    Japanese (2026年12月5日 10時30分, 2026/12/05 10:00); None for anything else."""
    if isinstance(value, datetime):
        return value
    if not isinstance(value, str):
        return None
    text = unicodedata.normalize("NFKC", value).strip()
    try:
        if "T" in text or " " in text:
            return datetime.fromisoformat(text)
    except ValueError:
        pass
    m = _WRITTEN().fullmatch(text)  # already normalized: not _written, which normalizes again
    if m is None:
        return None
    try:
        when = datetime.fromisoformat(
            f"{m['y']}-{int(m['m']):02}-{int(m['d']):02}T{int(m['H']):02}:{int(m['M'] or m['M2'] or 0):02}"
            + (m["tz"] or "")
        )
    except ValueError:  # 13月, 25時
        return None
    return None if _wrong_weekday(m) else when


def _written(value: Any) -> re.Match[str] | None:
    """`value` as a date and time written the Japanese way (_WRITTEN), or None."""
    return _WRITTEN().fullmatch(unicodedata.normalize("NFKC", value).strip()) if isinstance(value, str) else None


_WEEKDAYS = "月火水木金土日"
_WEEKDAYS_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def _wrong_weekday(m: re.Match[str]) -> date | None:
    """The date, when the weekday written beside it is another: one of the two is a typo."""
    try:
        day = date(int(m["y"]), int(m["m"]), int(m["d"]))
    except ValueError:
        return None
    written = (m["wd"] or "")[:1]
    return day if written and written in _WEEKDAYS and written != _WEEKDAYS[day.weekday()] else None


def _weekday_problem(value: Any) -> tuple[str, str] | None:
    m = _written(value)
    day = _wrong_weekday(m) if m else None
    if m is None or day is None:
        return None
    return (
        f"曜日 ({m['wd']}) が日付と合いません ({day.isoformat()} は{_WEEKDAYS[day.weekday()]}曜日)。"
        "日付か曜日を直してください",
        f"the weekday ({m['wd']}) does not match the date ({day.isoformat()} is a "
        f"{_WEEKDAYS_EN[day.weekday()]}); fix one of them",
    )


def _is(value: Any, type_: str) -> bool:
    if type_ == "string":
        return isinstance(value, str)
    if type_ == "integer":
        return isinstance(value, int) and not isinstance(value, bool)
    if type_ == "boolean":
        return isinstance(value, bool)
    if type_ == "datetime":
        return parse_datetime(value) is not None
    if type_ == "list":
        return isinstance(value, list)
    return isinstance(value, dict)


def _types(spec: dict[str, Any]) -> list[str]:
    t = spec.get("type", [])
    return t if isinstance(t, list) else [t]


def enum_value(value: Any, spec: dict[str, Any]) -> Any:
    """The allowed value that `value` stands for: itself, the same in another case (X for x),
    or what `aliases` reads it as (twitter for x); None for any other value."""
    if value in spec["enum"]:
        return value
    if not isinstance(value, str):
        return None
    typed = value.strip().casefold()
    aliases = {str(k).casefold(): v for k, v in spec.get("aliases", {}).items()}
    return next((v for v in spec["enum"] if str(v).casefold() == typed), aliases.get(typed))


def _check(value: Any, spec: dict[str, Any], key: str, line: int, out: list[Problem]) -> None:
    types = _types(spec)
    if value is None or value == "":
        out.append(Problem("value", key, line, f"`{key}` に値がありません", f"`{key}` has no value"))
        return
    if types and not any(_is(value, t) for t in types):
        want_ja = " または ".join(_NAMES[t][0] for t in types)
        want_en = " or ".join(_NAMES[t][1] for t in types)
        ja, en = f"`{key}` は{want_ja}で書いてください", f"`{key}` must be {want_en}"
        if isinstance(value, date) and "datetime" in types:
            ja, en = (
                f"`{key}` に時刻がありません。{want_ja}で書いてください",
                f"`{key}` has no time: it must be {want_en}",
            )
        elif "datetime" in types and (weekday := _weekday_problem(value)):
            ja, en = f"`{key}` の{weekday[0]}", f"`{key}`: {weekday[1]}"
        out.append(Problem("type", key, line, ja, en))
        return
    # an enum holds for a text, and for each item of a list (platform: [x, facebook])
    items = value if isinstance(value, list) else [value]
    wrong = [v for v in items if enum_value(v, spec) is None] if "enum" in spec else []
    if wrong:
        choices = ", ".join(map(str, spec["enum"]))
        # the close spelling, if any, and always every value that can be written
        ja, en = hint(str(wrong[0]), spec["enum"], otherwise=("", ""))
        out.append(
            Problem(
                "value",
                key,
                line,
                f"`{key}: {wrong[0]}` は使えません{ja}。使える値: {choices}",
                f"`{key}: {wrong[0]}` is not allowed{en}; one of: {choices}",
            )
        )
        return
    if isinstance(value, list) and "items" in spec:
        for i, item in enumerate(value):
            item_line = item.line if isinstance(item, LineDict) else line
            _check(item, spec["items"], f"{key}[{i}]", item_line, out)
    if isinstance(value, dict) and ("keys" in spec or spec.get("other_keys") is False):
        _check_mapping(value, spec, key + ".", out)


def _check_mapping(data: dict[str, Any], spec: dict[str, Any], prefix: str, out: list[Problem]) -> None:
    keys: dict[str, Any] = spec.get("keys", {})
    line_of = data.line_of if isinstance(data, LineDict) else (lambda _k: 0)
    for key, value in data.items():
        name = f"{prefix}{key}"
        if key in keys:
            if keys[key]:  # an empty spec: the value is a rule's own to check
                _check(value, keys[key], name, line_of(str(key)), out)
        elif not spec.get("other_keys"):
            hint_ja, hint_en = hint(str(key), keys, prefix)
            out.append(
                Problem(
                    "unknown",
                    name,
                    line_of(str(key)),
                    f"`{name}` は知らない項目です{hint_ja}",
                    f"unknown key `{name}`{hint_en}",
                )
            )
    for key, sub in keys.items():
        if sub.get("required") and key not in data:
            name = f"{prefix}{key}"
            line = data.line if isinstance(data, LineDict) else 0
            out.append(Problem("required", name, line, f"`{name}` がありません", f"`{name}` is missing"))


def validate(data: dict[str, Any], schema: dict[str, Any]) -> list[Problem]:
    out: list[Problem] = []
    _check_mapping(data, schema, "", out)
    return out


def _check_schema(spec: Any, where: str) -> None:
    """The schema file itself is data too: fail loudly on a typo in it."""
    if not isinstance(spec, dict):
        raise RuleError(where, "スキーマの各項目は「キー: 値」の形で書いてください", "each schema entry is a mapping")
    unknown = set(spec) - {
        "type",
        "enum",
        "aliases",
        "default",
        "items",
        "keys",
        "other_keys",
        "required",
        "description",
    }
    aliases = spec.get("aliases", {})
    if not isinstance(aliases, dict) or any(v not in spec.get("enum", ()) for v in aliases.values()):
        raise RuleError(
            where,
            "スキーマの aliases には「別名: enum の値」を書いてください",
            "a schema's aliases map another name to a value of its enum",
        )
    if unknown or any(t not in _TYPES for t in _types(spec)):
        raise RuleError(
            where,
            f"スキーマの項目が正しくありません: {sorted(map(str, unknown)) or _types(spec)}",
            f"bad schema entry: {sorted(map(str, unknown)) or _types(spec)}",
        )
    if "items" in spec:
        _check_schema(spec["items"], where)
    for sub in spec.get("keys", {}).values():
        _check_schema(sub, where)


def schema_names() -> list[str]:
    return sorted(p.stem for p in (rules_root() / "schema").glob("*.yaml"))


@lru_cache(maxsize=8)
def load_schema(name: str) -> dict[str, Any]:
    return rulecache.cached(rules_root() / "schema" / f"{name}.yaml", _read_schema)


def _read_schema(path: Path) -> dict[str, Any]:
    try:
        data: dict[str, Any] = load_yaml(path.read_text(encoding="utf-8"))  # a mapping: checked below
    except YamlError as exc:
        raise exc.reported(RuleError, path) from None
    except OSError as exc:
        ja, en = os_reason(exc)
        raise RuleError(str(path), f"スキーマを読めません ({ja})", f"cannot read the schema ({en})") from None
    _check_schema(data, str(path))
    return data


def front_matter_problems(analysis: Analysis, name: str) -> list[Problem]:
    """The draft's front matter checked against schema `name`, once per draft (the effective
    metadata and each schema rule need the same list)."""
    return analysis.memo(("schema", name), _front_matter_problems)


def _front_matter_problems(analysis: Analysis, name: str) -> list[Problem]:
    return validate(analysis.draft.front_matter, load_schema(name))
