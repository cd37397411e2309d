"""`sm-lint report PATH` (issue 27, 6) on the sample content repository examples/content-repo:
the numbers are recomputed here from the drafts' front matter and the configuration (with the
`holidays` package and the city's closed days directly, not sm-lint's schedule module), then
compared with the JSON, the terminal table, and the HTML page as Chromium draws it. The
screenshot is kept in tests/artifacts/report.png."""

from __future__ import annotations

import json
from collections import Counter
from datetime import date, datetime, time
from pathlib import Path

import holidays
import pytest
import yaml

from tests.helpers import run
from tests.test_serve_browser import ARTIFACTS, _sync_playwright, launch

REPO = Path(__file__).parent.parent / "examples" / "content-repo"
YEAR = 2026
MONTHS = [f"{YEAR + (m < 4)}-{m:02d}" for m in (*range(4, 13), 1, 2, 3)]
CLOSED = {"12-29", "12-30", "12-31", "01-01", "01-02", "01-03"}  # the default schedule.closed


def _front(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])


def _mix(when: datetime) -> str:
    day = when.date()
    if day.weekday() >= 5 or day in holidays.Japan(years=day.year) or f"{day:%m-%d}" in CLOSED:
        return "closed"
    return "in_hours" if time(8, 30) <= when.time() < time(17, 15) else "out_of_hours"


def expected() -> dict[str, dict]:
    config = yaml.safe_load((REPO / ".sm-lint.yaml").read_text(encoding="utf-8"))["accounts"]
    found: dict[str, dict] = {name: {"months": {m: Counter() for m in MONTHS}, "expired": 0} for name in config}
    for path in sorted((REPO / "drafts").rglob("*.md")):
        front = _front(path)
        when = front["scheduled_at"]  # YAML reads the timestamp as an aware datetime
        found[front["account"]]["months"][f"{when:%Y-%m}"][_mix(when)] += 1
        for waiver in (front.get("sm-lint") or {}).get("allow", []):
            found[front["account"]]["expired"] += waiver["until"] < date.today()
    for name, spec in config.items():
        found[name]["missing"] = [
            key
            for key, ok in (
                ("department", spec.get("department")),
                ("url", "city.joetsu.niigata.jp/" in (spec.get("url") or "")),
                ("plan", YEAR in spec.get("plans", [])),
            )
            if not ok
        ]
    return found


@pytest.fixture(scope="module")
def report() -> dict:
    result = run(["report", str(REPO), "--fiscal-year", str(YEAR), "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_the_sample_year_shows_what_it_was_made_to_show():
    want = expected()
    # The sample itself: a year of three accounts, one empty month, a few posts out of hours.
    assert sorted(want) == ["joetsu_bousai", "joetsu_city", "joetsu_kanko"]
    gaps = [(n, m) for n, a in want.items() for m, c in a["months"].items() if not sum(c.values())]
    assert gaps == [("joetsu_bousai", "2026-10")]
    assert sum(c["out_of_hours"] for a in want.values() for c in a["months"].values()) >= 2
    assert sum(a["expired"] for a in want.values()) == 1


def test_numbers_per_account_and_month(report):
    want = expected()
    assert report["fiscal_year"] == YEAR and report["months"] == MONTHS and report["monthly_minimum"] == 1
    assert [a["account"] for a in report["accounts"]] == list(want)  # in the configuration's order
    for account in report["accounts"]:
        mine = want[account["account"]]
        assert [m["month"] for m in account["months"]] == MONTHS
        for row in account["months"]:
            counted = mine["months"][row["month"]]
            assert (row["posts"], row["in_hours"], row["out_of_hours"], row["closed"]) == (
                sum(counted.values()),
                counted["in_hours"],
                counted["out_of_hours"],
                counted["closed"],
            ), row
        assert account["gaps"] == [m for m, c in mine["months"].items() if sum(c.values()) < 1]
        assert account["missing"] == mine["missing"]
        assert sum(w["state"] == "expired" for w in account["waivers"]) == mine["expired"]
        assert account["unscheduled"] == 0


def test_findings_by_clause_and_waivers(report):
    kanko = next(a for a in report["accounts"] if a["account"] == "joetsu_kanko")
    # The expired waiver suppresses nothing: its 「裏日本」 counts under 5(5), the waiver's own
    # error (JP-M116) under 6(1)② with the out-of-hours posts.
    assert kanko["findings_by_clause"]["5(5)"] == 1
    [waiver] = kanko["waivers"]
    assert (waiver["rule"], waiver["until"], waiver["by"], waiver["state"]) == (
        "JP-P201",
        "2026-06-30",
        "観光振興課 小林",
        "expired",
    )
    city = next(a for a in report["accounts"] if a["account"] == "joetsu_city")
    assert "5(5)" not in city["findings_by_clause"] and city["waivers"] == []


def test_a_higher_minimum_and_an_account_missing_from_the_configuration(tmp_path):
    (tmp_path / ".sm-lint.yaml").write_text(
        "accounts:\n  joetsu_city: {name: 上越市, platform: x, department: 広報対話課,"
        " url: 'https://www.city.joetsu.niigata.jp/', plans: [2026]}\n",
        encoding="utf-8",
    )
    (tmp_path / "a.md").write_text(
        "---\naccount: joetsu_city\nscheduled_at: 2026-05-12T10:00:00+09:00\n"
        "approved_by: 広報対話課長\n---\n特定健診の受付を始めました。\n",
        encoding="utf-8",
    )
    (tmp_path / "next-year.md").write_text(
        "---\naccount: joetsu_city\nscheduled_at: 2027-05-10T10:00:00+09:00\n---\n"
        "あのバカな計画のせいで説明会が長引きました。\n",
        encoding="utf-8",
    )
    (tmp_path / "b.md").write_text(
        "---\naccount: joetsu_suido\nplatform: x\n---\n水道料金のお知らせです。\n", encoding="utf-8"
    )
    data = json.loads(
        run(["report", ".", "--fiscal-year", "2026", "--monthly-minimum", "2", "--format", "json"], cwd=tmp_path).stdout
    )
    city, suido = data["accounts"]
    assert city["gaps"] == MONTHS and city["missing"] == [] and city["posts"] == 1
    assert city["drafts"] == 1 and city["findings_by_clause"] == {}  # FY 2027's post and its insult left out
    assert (suido["account"], suido["configured"], suido["unscheduled"]) == ("joetsu_suido", False, 1)
    assert suido["missing"] == ["department", "url", "plan"]


def test_terminal_table_in_japanese_and_english():
    ja = run(["report", str(REPO), "--fiscal-year", str(YEAR)])
    assert ja.exit_code == 0
    assert "■ 上越市防災 (joetsu_bousai) line 危機管理課" in ja.stdout
    assert "月 1 件に満たない月 (4(4)②): 2026-10" in ja.stdout
    assert "設定に足りないもの: 市の URL (url)" in ja.stdout and "2026年度の運用計画 (plans)" in ja.stdout
    assert "アカウント 3 件、投稿予定 59 件、最低件数に満たない月 1 件、期限切れの抑止 1 件" in ja.stdout
    en = run(["report", str(REPO), "--fiscal-year", str(YEAR), "--lang", "en"])
    assert "accounts: 3, scheduled posts: 59, months under the minimum: 1, expired waivers: 1" in en.stdout
    assert "configuration lacks: city URL (url)\n" in en.stdout and "plan for FY 2026 (plans)\n" in en.stdout
    assert "月" not in en.stdout.replace("上越", "")  # no Japanese labels, only the accounts' names
    assert len(list((REPO / "drafts").rglob("*.md"))) == 59


def test_plans_must_be_fiscal_years(tmp_path):
    (tmp_path / ".sm-lint.yaml").write_text(
        "accounts:\n  joetsu_city: {platform: x, plans: 令和8年度}\n", encoding="utf-8"
    )
    (tmp_path / "a.md").write_text("---\naccount: joetsu_city\n---\n特定健診の受付を始めました。\n", encoding="utf-8")
    result = run(["report", "."], cwd=tmp_path)
    assert result.exit_code == 2 and "plans" in result.output and "Traceback" not in result.output


def test_a_broken_draft_is_a_one_line_error(tmp_path):
    (tmp_path / "bad.md").write_text("---\naccount: [\n---\n本文\n", encoding="utf-8")
    result = run(["report", str(tmp_path)])
    assert result.exit_code == 2 and "bad.md" in result.output and "Traceback" not in result.output


def test_the_html_page_in_chromium(tmp_path):
    sync_playwright = _sync_playwright()
    page_html = run(["report", str(REPO), "--fiscal-year", str(YEAR), "--format", "html"]).stdout
    assert "<script" not in page_html and "http://" not in page_html.replace("http://www.w3.org/2000/svg", "")
    requests: list[str] = []
    with sync_playwright() as p:
        context = launch(p, tmp_path, viewport={"width": 1024, "height": 900})
        context.route("**/*", lambda r: (requests.append(r.request.url), r.abort()))
        page = context.pages[0] if context.pages else context.new_page()
        page.set_content(page_html)
        want = expected()
        for name, mine in want.items():
            section = page.locator(f"section#{name}")
            chart = section.locator("svg.chart")
            box = chart.bounding_box()
            assert box["width"] > 300 and box["height"] > 80  # drawn, at a readable size
            # One bar segment per (month, kind of time) that has posts.
            assert chart.locator("rect").count() == sum(1 for c in mine["months"].values() for n in c.values() if n)
            red = chart.locator("text.gap")
            assert red.count() == sum(1 for c in mine["months"].values() if not sum(c.values()))
        assert page.locator("section#joetsu_bousai svg.chart text.gap").text_content() == "10月"
        assert page.locator("tr.expired").count() == 1
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")  # nothing spills sideways
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "report.png"), full_page=True)
        context.close()
    assert requests == []
