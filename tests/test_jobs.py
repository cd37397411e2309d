"""`-j N` spreads drafts over worker processes; the report must not change in any way."""

from __future__ import annotations

import json

from helpers import run
from sm_lint.runner import PARALLEL_FROM, jobs_for

DRAFTS = [
    "あのバカな客のせいで残業だ。\n",
    "---\nplatform: x\n---\n【極秘】来年度の予算案について https://bit.ly/3xAbCdE\n",
    "高田城址公園で観桜会を開きます。\n",
    "連絡は山田花子さん(090-0000-1234)まで。\n",
]


def test_parallel_run_reports_exactly_what_a_single_process_does(tmp_path):
    for n in range(40):
        (tmp_path / f"draft-{n:02d}.md").write_text(DRAFTS[n % len(DRAFTS)], encoding="utf-8")
    (tmp_path / "broken.md").write_bytes(b"\xff\xfe\x00\xd8 not text")  # an error for that file only
    one = run(["--format", "json", "-j", "1", str(tmp_path)])
    two = run(["--format", "json", "-j", "2", str(tmp_path)])
    assert one.exit_code == two.exit_code == 2
    assert json.loads(one.stdout) == json.loads(two.stdout)
    assert len({f["path"] for f in json.loads(two.stdout)}) == 30  # 3 of 4 drafts have findings
    assert one.stderr == two.stderr


def test_automatic_jobs_only_for_long_runs():
    assert jobs_for(0, PARALLEL_FROM - 1) == 1
    assert jobs_for(3, 5) == 3
    assert jobs_for(0, 100 * PARALLEL_FROM) >= 1
