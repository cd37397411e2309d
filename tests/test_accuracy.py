"""Accuracy (7(1)②, issue 27): weekdays, era years, time ranges, past dates and the city's
phone directory, on realistic drafts; `--fix` corrects a weekday only when the year is certain."""

from __future__ import annotations

import json
import os
from datetime import datetime

from sm_lint.io.yamlsafe import load_yaml
from sm_lint.rules.sections import parse_config
from tests.helpers import run

SCHEDULED = "---\nscheduled_at: 2026-02-20T09:00\napproved_by: 広報対話課長\n---\n"
NOTICE = "3月5日（水）に高田城址公園で観桜会の準備説明会を開きます。\n"


def _touch(path, day: str) -> None:
    stamp = datetime.fromisoformat(day + "T12:00:00+09:00").timestamp()
    os.utime(path, (stamp, stamp))


def test_fix_corrects_the_weekday_of_a_scheduled_draft(tmp_path):
    (tmp_path / "post.md").write_text(SCHEDULED + NOTICE, encoding="utf-8")
    result = run(["lint", "--fix", "post.md"], cwd=tmp_path)
    assert (tmp_path / "post.md").read_text(encoding="utf-8") == SCHEDULED + NOTICE.replace("水", "木")
    assert "JP-Q101" not in result.stdout


def test_without_a_schedule_the_year_comes_from_the_file_and_the_fix_is_not_applied(tmp_path):
    post = tmp_path / "post.md"
    post.write_text(NOTICE, encoding="utf-8")
    _touch(post, "2027-02-10")  # 2027-03-05 is a Friday
    result = run(["lint", "--fix", "post.md"], cwd=tmp_path)
    assert post.read_text(encoding="utf-8") == NOTICE  # a guessed year is no certain fix
    assert "2027年3月5日 は金曜日です" in result.stdout
    assert "ファイルの更新日 (2027-02-10)" in result.stdout


def test_a_guessed_year_is_a_warning_so_an_older_notice_does_not_fail_the_run(tmp_path):
    # A 2024 bulletin (2024-03-05 was a Tuesday) read in 2026: the weekday is right for its own year.
    post = tmp_path / "post.md"
    post.write_text("3月5日（火）に高田城址公園で観桜会の準備説明会を開きます。\n", encoding="utf-8")
    _touch(post, "2026-02-10")
    result = run(["lint", "--format", "json", "post.md"], cwd=tmp_path)
    found = [(f["rule"], f["severity"]) for f in json.loads(result.stdout)["findings"]]
    assert ("JP-Q106", "warning") in found and "JP-Q101" not in {rule for rule, _ in found}
    assert result.exit_code == 0


def test_a_date_without_a_year_is_the_nearest_one_to_the_posting_day(lint):
    text = "---\nscheduled_at: 2026-12-20T09:00\n---\n1月10日（土）は上越市消防出初式です。"
    hits = [f for f in lint(text) if f.rule == "JP-Q101"]
    assert [h.message.split(" ")[0] for h in hits] == ["2027年1月10日"]


def test_weekday_with_holiday_mark_and_slash_dates(lint):
    ok = "---\nscheduled_at: 2026-04-20T09:00\n---\n4/29(水・祝)と5/3(日)は臨時窓口を開けます。"
    bad = ok.replace("5/3(日)", "5/3(月)")
    assert "JP-Q101" not in {f.rule for f in lint(ok)}
    assert [(f.rule, f.line) for f in lint(bad) if f.rule == "JP-Q101"] == [("JP-Q101", 4)]


def test_a_time_range_over_midnight_needs_its_next_day_mark(lint):
    assert "JP-Q103" in {f.rule for f in lint("除雪作業は22:00〜6:00に行います。")}
    assert "JP-Q103" not in {f.rule for f in lint("除雪作業は22:00〜翌6:00に行います。")}


def test_phone_directory_hint_names_the_office_number(lint):
    config = parse_config(
        load_yaml("directory:\n  広報対話課: 025-526-5111\n  高田図書館: [025-523-2603]\n"), ".sm-lint.yaml"
    )
    text = "お問い合わせ: 高田図書館 025-523-2630"
    hits = [f for f in lint(text, config=config) if f.rule == "JP-Q105"]
    assert len(hits) == 1 and "高田図書館 は 025-523-2603 です" in hits[0].message
    assert not [f for f in lint("お問い合わせ: 高田図書館 025-523-2603", config=config) if f.rule.startswith("JP-")]


def test_a_directory_entry_that_is_no_number_is_a_clear_error(tmp_path):
    (tmp_path / ".sm-lint.yaml").write_text("directory:\n  広報対話課: 内線1234\n", encoding="utf-8")
    (tmp_path / "post.md").write_text(NOTICE, encoding="utf-8")
    result = run(["lint", "post.md"], cwd=tmp_path)
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and "directory.広報対話課" in result.stderr and "内線1234" in result.stderr
