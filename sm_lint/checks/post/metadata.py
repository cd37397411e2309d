"""The post's metadata as the rules see it: front-matter values that pass the schema, with
the schema's defaults, and the platform taken from the account or the configuration when
the draft does not name one. Invalid values are left out here (the schema rules report them),
so no check ever trips over a typo."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from sm_lint.checks.post.schema import enum_value, front_matter_problems, load_schema, parse_datetime
from sm_lint.errors import ConfigError

if TYPE_CHECKING:
    from sm_lint.text.analysis import Analysis

SCHEMA = "front-matter"


def platforms() -> list[str]:
    names: list[str] = load_schema(SCHEMA)["keys"]["platform"]["enum"]
    return names


# url: the city web page named on the account page (6(1)①); plans: the fiscal years (April to
# March, named by the year they start) for which the account has an operating plan.
ACCOUNT_KEYS = ("name", "platform", "department", "url", "plans")


def check_accounts(value: dict[str, Any], where: str) -> dict[str, Any]:
    for account, spec in value.items():
        if not isinstance(spec, dict) or set(spec) - set(ACCOUNT_KEYS):
            raise ConfigError(
                where,
                f"アカウント `{account}` には {'、'.join(ACCOUNT_KEYS)} だけを書いてください",
                f"account `{account}` is a mapping of {', '.join(ACCOUNT_KEYS)}",
            )
        if not isinstance(spec.get("url", ""), str):
            raise ConfigError(
                where,
                f"アカウント `{account}`: url は市のホームページの URL (文字列) です",
                f"account `{account}`: url is the city web page's URL (a string)",
            )
        plans = spec.get("plans", [])
        if not isinstance(plans, list) or not all(isinstance(y, int) and not isinstance(y, bool) for y in plans):
            raise ConfigError(
                where,
                f"アカウント `{account}`: plans は運用計画のある年度 (2026 など) のリストです",
                f"account `{account}`: plans is a list of fiscal years with a plan, e.g. [2026]",
            )
        if spec.get("platform") not in (None, *platforms()):
            raise ConfigError(
                where,
                f"アカウント `{account}`: platform は {', '.join(platforms())} のいずれかです",
                f"account `{account}`: platform is one of {', '.join(platforms())}",
            )
    return dict(value)


def check_platforms(value: dict[str, Any], where: str) -> dict[str, Any]:
    if value.get("default") not in (None, *platforms()):
        raise ConfigError(
            where,
            f"`platforms.default` は {', '.join(platforms())} のいずれかです",
            f"`platforms.default` is one of {', '.join(platforms())}",
        )
    if value.get("line_delivery", "manager") not in ("manager", "api"):
        raise ConfigError(
            where,
            "`platforms.line_delivery` は manager (吹き出しごとに 500 字) か api (5,000 字) です",
            "`platforms.line_delivery` is manager (500 per bubble) or api (5,000)",
        )
    marker = value.get("line_marker", "---")
    if not isinstance(marker, str) or not marker.strip():
        raise ConfigError(
            where,
            "`platforms.line_marker` には吹き出しの区切りにする行の文字を書いてください",
            "`platforms.line_marker` is the text of a line between speech bubbles",
        )
    limits = value.get("limits", {})
    if not isinstance(limits, dict) or not all(
        isinstance(v, int) and not isinstance(v, bool) and v > 0 for v in limits.values()
    ):
        raise ConfigError(
            where,
            "`platforms.limits` には上限の名前ごとに正の数を書いてください",
            "`platforms.limits` maps a limit name to a positive number",
        )
    return dict(value)


def post_meta(analysis: Analysis) -> dict[str, Any]:
    """Effective values (a draft without front matter gets the defaults)."""
    return analysis.memo("post_meta", _effective)


def _effective(analysis: Analysis) -> dict[str, Any]:
    front = analysis.draft.front_matter
    schema = load_schema(SCHEMA)
    bad = {p.key for p in front_matter_problems(analysis, SCHEMA)}
    values = {k: v for k, v in front.items() if k not in bad}
    for key, spec in schema["keys"].items():
        if "default" in spec and key not in values:
            values[key] = spec["default"]
        elif "enum" in spec and key in values:  # platform: X is x to the rules
            values[key] = _enum_values(values[key], spec)
    if values.get("platform") == []:
        del values["platform"]
    if "platform" not in values:
        accounts: dict[Any, Any] = analysis.config.section("accounts")  # YAML keys: any plain value
        account = accounts.get(values.get("account"))
        platform = account.get("platform") if isinstance(account, dict) else None
        values["platform"] = platform or analysis.config.section("platforms")["default"]
    return values


def _enum_values(value: Any, spec: dict[str, Any]) -> Any:
    """The enum's own spelling of a value, or of each value of a list (in order, once each)."""
    if isinstance(value, list):
        return list(dict.fromkeys(enum_value(v, spec) for v in value))
    return enum_value(value, spec)


def scheduled(meta: dict[str, Any], zone: str) -> datetime | None:
    """`scheduled_at` as an aware datetime in `zone`; a time without an offset is local time."""
    when = parse_datetime(meta.get("scheduled_at"))
    if when is None:
        return None
    from zoneinfo import ZoneInfo  # about 1.5 ms (sysconfig): only for scheduled drafts

    tz = ZoneInfo(zone)
    try:
        return when.replace(tzinfo=tz) if when.tzinfo is None else when.astimezone(tz)
    except OverflowError:  # 9999-12-31T23:59-12:00 is past the last representable day
        return None
