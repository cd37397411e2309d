"""`sm-lint report PATH`: the city's accounts over one fiscal year, from a content repository
of drafts. Per account and month: posts scheduled (`scheduled_at`), months under the monthly
minimum (4(4)②), the posting-time mix (office hours, out of hours, days the offices are
closed, by `schedule:`); findings by clause; waivers and their expiry; and what the account's
configuration lacks (operating organisation and city URL, 6(1)①; a plan for the year).

No single draft can show these; a folder of them can. Each draft is linted once."""

from __future__ import annotations

import re
from collections import Counter
from datetime import date
from typing import TYPE_CHECKING, Any

from sm_lint.checks.post.metadata import scheduled
from sm_lint.checks.post.schedule import closed_reason, hours_of, in_office_hours
from sm_lint.io.document import read_draft
from sm_lint.io.inputs import every_draft
from sm_lint.pipeline.filter import reported
from sm_lint.report.waivers import draft_rows
from sm_lint.run.configs import draft_path
from sm_lint.run.linter import Linter

if TYPE_CHECKING:
    from sm_lint.findings import Finding

CITY_HOST = "city.joetsu.niigata.jp"
MIXES = ("in_hours", "out_of_hours", "closed")  # posting-time mix, in this order everywhere
NO_ACCOUNT = "-"  # drafts that name no account


def fiscal_year(day: date) -> int:
    """The city's fiscal year (April to March), named by the year it starts."""
    return day.year if day.month >= 4 else day.year - 1


def fiscal_months(year: int) -> list[str]:
    return [f"{year + (m < 4)}-{m:02d}" for m in (*range(4, 13), 1, 2, 3)]


def _city_url(url: Any) -> bool:
    from urllib.parse import urlsplit

    host = urlsplit(url).hostname if isinstance(url, str) else None
    return host is not None and (host == CITY_HOST or host.endswith("." + CITY_HOST))


def missing(spec: dict[str, Any] | None, year: int) -> list[str]:
    """What the account's configuration lacks: department, url (on the city's site), plan."""
    spec = spec or {}
    lacks = [] if spec.get("department") else ["department"]
    if not _city_url(spec.get("url")):
        lacks.append("url")
    if year not in (spec.get("plans") or []):
        lacks.append("plan")
    return lacks


def build(paths: list[str], today: date, year: int | None = None, minimum: int = 1) -> dict[str, Any]:
    """The report as plain data (the JSON output). A draft that cannot be read, or a broken
    configuration, raises its SmLintError (exit 2)."""
    year = fiscal_year(today) if year is None else year
    months = fiscal_months(year)
    linter = Linter()
    accounts: dict[str, dict[str, Any]] = {}  # id -> its configuration (from every config seen)
    # id -> per draft: ((month, mix) or None, findings, waivers)
    drafts: dict[str, list[tuple[tuple[str, str] | None, list[Finding], list[dict[str, Any]]]]] = {}
    for source, data in every_draft(paths, lambda s: linter.config_for(s).max_draft_size):
        config = linter.config_for(source)
        draft = read_draft(source.display, data)
        findings = linter.lint_draft(draft, config, linter.rules_for(config, draft_path(source)))
        for name, spec in config.section("accounts").items():
            accounts.setdefault(name, spec)
        hours = hours_of(config)
        front = draft.front_matter
        named = front.get("account")
        account = named if isinstance(named, str) else NO_ACCOUNT
        when = scheduled(front, hours.zone)
        slot = None
        if when is not None:
            mix = (
                "closed"
                if closed_reason(hours, when.date())
                else "in_hours"
                if in_office_hours(hours, when)
                else "out_of_hours"
            )
            slot = (f"{when:%Y-%m}", mix)
        drafts.setdefault(account, []).append((slot, findings, draft_rows(draft, today)))
    rows = []
    for name in [*accounts, *sorted(set(drafts) - set(accounts))]:  # as configured, then the unknown
        spec = accounts.get(name)
        per_month: dict[str, Counter[str]] = {m: Counter() for m in months}
        clauses: Counter[str] = Counter()
        waivers: list[dict[str, Any]] = []
        unscheduled = counted = 0
        for slot, findings, waived in drafts.get(name, []):
            if slot is None:
                unscheduled += 1
            elif slot[0] in per_month:
                per_month[slot[0]][slot[1]] += 1
            else:  # another fiscal year's post: its findings are that year's
                continue
            counted += 1
            clauses.update(f.clause for f in reported(findings))
            waivers.extend(waived)
        month_rows: list[dict[str, Any]] = [
            {"month": m, "posts": sum(c.values()), **{k: c[k] for k in MIXES}} for m, c in per_month.items()
        ]
        rows.append(
            {
                "account": name,
                "configured": spec is not None,
                "name": (spec or {}).get("name"),
                "platform": (spec or {}).get("platform"),
                "department": (spec or {}).get("department"),
                "url": (spec or {}).get("url"),
                "plans": list((spec or {}).get("plans") or []),
                "missing": missing(spec, year) if name != NO_ACCOUNT else [],
                "drafts": counted,
                "unscheduled": unscheduled,
                "posts": sum(r["posts"] for r in month_rows),
                "months": month_rows,
                "gaps": [r["month"] for r in month_rows if r["posts"] < minimum],
                "mix": {k: sum(r[k] for r in month_rows) for k in MIXES},
                "findings_by_clause": dict(sorted(clauses.items(), key=_clause_order)),
                "waivers": waivers,
            }
        )
    return {
        "fiscal_year": year,
        "months": months,
        "monthly_minimum": minimum,
        "today": today.isoformat(),
        "accounts": rows,
    }


def _clause_order(item: tuple[str, int]) -> tuple[tuple[int, ...], str]:
    """4(4) before 10(1): by the clause's numbers, not its spelling."""
    return tuple(int(n) for n in re.findall(r"\d+", item[0])), item[0]
