"""Political neutrality against the election calendar (issue 27): official accounts inside and
outside an election period, turnout notices, private posts of staff, and bad calendars."""

from __future__ import annotations

import os
from datetime import datetime

from sm_lint.io.yamlsafe import load_yaml
from sm_lint.rules.sections import parse_config
from tests.helpers import run

CALENDAR = """elections:
  上越市長選挙:
    告示日: 2026-10-18
    投票日: 2026-10-25
    candidates: [上越太郎, 春日花子]
    parties: [上越みらい党]
"""


def _config():
    return parse_config(load_yaml(CALENDAR), ".sm-lint.yaml")


def _post(day: str, body: str, use: str = "official") -> str:
    return f"---\nscheduled_at: {day}T10:00\nuse: {use}\napproved_by: 広報対話課長\n---\n{body}"


def _neutrality(lint, text):
    return [(f.rule, f.severity) for f in lint(text, config=_config()) if f.rule.startswith("JP-V")]


def test_naming_a_candidate_is_an_error_inside_the_period_and_a_warning_outside(lint):
    body = "本日、上越太郎さんが高田城址公園の観桜会を視察しました。"
    inside = [f for f in lint(_post("2026-10-20", body), config=_config()) if f.rule == "JP-V101"]
    assert [(f.severity, f.line) for f in inside] == [("error", 6)]
    assert "上越市長選挙" in inside[0].message and "2026-10-18〜2026-10-25" in inside[0].message
    assert _neutrality(lint, _post("2026-10-26", body)) == [("JP-V101", "warning")]
    assert _neutrality(lint, _post("2026-10-25", body)) == [("JP-V101", "error")]  # 投票日 is in the period


def test_turnout_notices_stay_clean_during_the_period(lint):
    for body in (
        "10月25日（日）は上越市長選挙の投票日です。投票所は入場券に書かれています。",
        "期日前投票のご案内: 10月19日（月）から24日（土）まで、市役所木田庁舎で投票できます。",
        "立候補者の一覧は選挙公報をご覧のうえ、投票をお願いします。",
    ):
        assert _neutrality(lint, _post("2026-10-20", body)) == [], body


def test_asking_for_votes_and_judging_a_record_on_official_accounts(lint):
    ask = _post("2026-10-20", "上越みらい党へのご支援をお願いします。")
    assert ("JP-V102", "error") in _neutrality(lint, ask)
    judge = _post("2026-09-01", "春日花子さんの子育て支援の実績は素晴らしいです。")
    assert ("JP-V103", "warning") in _neutrality(lint, judge)


def test_a_private_post_supporting_a_candidate_explains_the_local_public_service_act(lint):
    text = _post("2026-10-20", "市長選は春日花子さんを応援しています！", use="private")
    hits = [f for f in lint(text, config=_config()) if f.rule.startswith("JP-V")]
    assert [(f.rule, f.severity) for f in hits] == [("JP-V104", "warning")]
    assert "地方公務員法第36条" in hits[0].message


def test_without_a_schedule_the_period_is_judged_on_the_file_date(tmp_path):
    (tmp_path / ".sm-lint.yaml").write_text(CALENDAR, encoding="utf-8")
    post = tmp_path / "post.md"
    post.write_text("---\napproved_by: 広報対話課長\n---\n上越太郎さんが来庁しました。\n", encoding="utf-8")
    stamp = datetime.fromisoformat("2026-10-21T12:00:00+09:00").timestamp()
    os.utime(post, (stamp, stamp))
    result = run(["lint", "--format", "concise", "post.md"], cwd=tmp_path)
    assert "JP-V101" in result.stdout and "選挙期間中" in result.stdout


def test_a_calendar_whose_vote_comes_before_its_notice_is_a_clear_error(tmp_path):
    (tmp_path / ".sm-lint.yaml").write_text(CALENDAR.replace("2026-10-25", "2026-10-11"), encoding="utf-8")
    (tmp_path / "post.md").write_text("除雪情報です。\n", encoding="utf-8")
    result = run(["lint", "post.md"], cwd=tmp_path)
    assert result.exit_code == 2 and result.stderr.count("\n") == 1
    assert "投票日 (2026-10-11) が 告示日 (2026-10-18) より前です" in result.stderr
