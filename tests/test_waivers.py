"""Waivers with an owner and a last day (issue 27): an expired waiver suppresses nothing and is
an error; `sm-lint waivers PATH` lists every waiver with its reason, owner and dates."""

from __future__ import annotations

import json

from tests.helpers import run

EXPIRED = """---
approved_by: 広報対話課長
sm-lint:
  allow:
    - rule: JP-P101
      reason: 寄せられた書き込みをそのまま示して注意を呼びかけるため
      approved_by: 広報対話課長
      by: 広報対話課 山田
      until: 2020-03-31
---
「市役所の職員は馬鹿ばかり」という書き込みが寄せられました。
"""
OPEN_INLINE = (
    "<!-- sm-lint-allow JP-P201: 歴史的な呼び名の紹介のため by: 広報対話課 佐藤 until: 2099-03-31 -->\n"
    "裏日本と呼ばれた時代の話です。\n"
)
UNDATED = "<!-- sm-lint-allow JP-P201: 歴史的な呼び名の紹介のため -->\n裏日本と呼ばれた時代の話です。\n"


def test_an_expired_waiver_is_an_error_and_the_finding_comes_back(tmp_path):
    (tmp_path / "post.md").write_text(EXPIRED, encoding="utf-8")
    result = run(["lint", "--format", "concise", "post.md"], cwd=tmp_path)
    assert result.exit_code == 1
    assert "JP-M116" in result.stdout and "2020-03-31" in result.stdout and "広報対話課 山田" in result.stdout
    assert "JP-P101" in result.stdout.replace("JP-P101 の抑止", "")  # the insult is reported again


def test_an_open_waiver_with_owner_and_date_suppresses_quietly(tmp_path):
    (tmp_path / "post.md").write_text(OPEN_INLINE, encoding="utf-8")
    result = run(["lint", "--format", "concise", "post.md"], cwd=tmp_path)
    assert result.exit_code == 0 and "JP-M11" not in result.stdout and "JP-P201" not in result.stdout


def test_a_waiver_without_owner_and_date_still_works_but_is_reported(tmp_path):
    (tmp_path / "post.md").write_text(UNDATED, encoding="utf-8")
    result = run(["lint", "--format", "concise", "post.md"], cwd=tmp_path)
    assert "JP-M115" in result.stdout and "by, until" in result.stdout
    assert "JP-P201 [" not in result.stdout  # still suppressed


def test_waivers_lists_every_waiver_with_owner_dates_and_state(tmp_path):
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "a.md").write_text(EXPIRED, encoding="utf-8")
    (tmp_path / "drafts" / "b.md").write_text(OPEN_INLINE, encoding="utf-8")
    (tmp_path / "drafts" / "c.md").write_text(UNDATED, encoding="utf-8")
    result = run(["waivers", "--format", "json", "drafts"], cwd=tmp_path)
    assert result.exit_code == 1  # one has expired
    rows = json.loads(result.stdout)
    assert [(r["path"].split("/")[-1], r["line"], r["rule"], r["by"], r["until"], r["state"]) for r in rows] == [
        ("a.md", 5, "JP-P101", "広報対話課 山田", "2020-03-31", "expired"),
        ("b.md", 1, "JP-P201", "広報対話課 佐藤", "2099-03-31", "open"),
        ("c.md", 1, "JP-P201", None, None, "undated"),
    ]
    assert rows[1]["reason"] == "歴史的な呼び名の紹介のため"  # the owner and date are not part of the reason
    table = run(["waivers", "drafts"], cwd=tmp_path)
    assert "期限切れ" in table.stdout and "広報対話課 佐藤" in table.stdout
    assert table.stdout.splitlines()[-1] == "抑止 3 件 (期限切れ 1 件、期限なし 1 件)"


def test_waivers_of_a_missing_path_is_a_one_line_error(tmp_path):
    result = run(["waivers", "nothing-here.md"], cwd=tmp_path)
    assert result.exit_code == 2 and result.stderr.count("\n") == 1 and "nothing-here.md" in result.stderr
