"""A pull request's configuration cannot turn checks off unseen (issue 22): discovery stops at
the repository's root, every report says which rules were not checked and by which file, and
CI can refuse the repository's configuration altogether (--no-repo-config)."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from helpers import run

SARIF_SCHEMA = Path(__file__).parent / "schemas" / "sarif-schema-2.1.0.json"
FINDINGS_SCHEMA = Path(__file__).parents[1] / "sm_lint" / "report" / "findings.schema.json"
INSULT = "窓口に来たあのバカな客には困りました。\n"
IGNORE_ALL = (
    "ignore: [prohibited, confidential, shortened-url, untrusted-link, obscene-link, personal-info,\n"
    "         portrait-consent, posting-time, reply, approval, platform-limit, metadata]\n"
)


@pytest.fixture
def repo(tmp_path):
    """A content repository checked out inside a folder that has a .sm-lint.yaml of its own."""
    (tmp_path / ".sm-lint.yaml").write_text(IGNORE_ALL, encoding="utf-8")
    root = tmp_path / "content"
    (root / ".git").mkdir(parents=True)
    (root / "posts").mkdir()
    (root / "posts" / "post.md").write_text(INSULT, encoding="utf-8")
    return root


def test_a_configuration_above_the_repository_root_is_not_used(repo):
    out = run(["--format", "concise", "posts/post.md"], cwd=repo)
    assert out.exit_code == 1
    assert "posts/post.md:1:8: エラー JP-P101" in out.stdout


def test_a_git_file_marks_the_root_too(repo):
    (repo / ".git").rmdir()
    (repo / ".git").write_text("gitdir: ../.git/worktrees/content\n", encoding="utf-8")  # a worktree
    assert run(["--format", "concise", "posts/post.md"], cwd=repo).exit_code == 1


def test_ignoring_every_category_is_stated_in_the_summary_line(repo):
    (repo / ".sm-lint.yaml").write_text(IGNORE_ALL, encoding="utf-8")
    out = run(["posts/post.md"], cwd=repo)
    assert out.exit_code == 0
    assert out.stdout.splitlines()[0] == (  # then the draft's plain-Japanese score (tests/test_readability.py)
        "1 件の下書きを確認: 問題は見つかりませんでした。チェックしないルール (設定 "
        ".sm-lint.yaml): カテゴリ approval, confidential, metadata, obscene-link, personal-info, "
        "platform-limit, portrait-consent, posting-time, prohibited, reply, shortened-url, untrusted-link"
        " / 条項 4(4)②, 5(4), 5(5), 6(1)①, 6(2), 7(2)②"
    )
    english = run(["--lang", "en", "posts/post.md"], cwd=repo)
    assert "no problems found. not checked (by .sm-lint.yaml): categories approval, " in english.stdout


@pytest.mark.parametrize(
    "category,stated",
    [
        # Staff know the guideline's clauses, not sm-lint's categories: all of 5(4) is off here.
        ("confidential", "カテゴリ confidential / 条項 5(4)"),
        # 5(5) has checks outside the category (links to obscene sites): it is not said to be off.
        ("prohibited", "カテゴリ prohibited"),
    ],
)
def test_a_category_that_takes_every_check_of_a_clause_names_the_clause(repo, category, stated):
    (repo / ".sm-lint.yaml").write_text(f"ignore: [{category}]\n", encoding="utf-8")
    out = run(["posts/post.md"], cwd=repo)
    [summary] = [line for line in out.stdout.splitlines() if "件の下書きを確認" in line]
    assert summary.endswith(f"チェックしないルール (設定 .sm-lint.yaml): {stated}")


def test_select_is_stated_as_written(repo):
    (repo / ".sm-lint.yaml").write_text("select: [5(4)]\n", encoding="utf-8")
    out = run(["--lang", "en", "posts/post.md"], cwd=repo)
    assert out.exit_code == 0
    assert out.stdout.splitlines()[0].endswith(
        "no problems found. not checked (by .sm-lint.yaml): select (5(4)) leaves out every other rule"
    )


def test_single_rules_are_named_and_the_command_lines_own_choices_are_not(repo):
    (repo / ".sm-lint.yaml").write_text("ignore: [JP-P101]\n", encoding="utf-8")
    out = run(["--ignore", "5(4)", "--format", "concise", "posts/post.md"], cwd=repo)
    assert out.exit_code == 0
    # --ignore is the caller's own, in plain sight in the workflow that runs sm-lint
    assert out.stderr == "sm-lint: チェックしないルール (設定 .sm-lint.yaml): ルール JP-P101\n"


@pytest.mark.parametrize("fmt", ["json", "concise", "github", "junit"])
def test_formats_without_a_summary_say_it_on_stderr(repo, fmt):
    (repo / ".sm-lint.yaml").write_text(IGNORE_ALL, encoding="utf-8")
    out = run(["--format", fmt, "posts/post.md"], cwd=repo)
    assert out.exit_code == 0
    assert out.stderr.startswith("sm-lint: チェックしないルール (設定 .sm-lint.yaml): カテゴリ approval, ")


def test_sarif_states_it_in_the_run_properties_and_stays_valid(repo):
    (repo / ".sm-lint.yaml").write_text("ignore: [prohibited, JP-C101]\n", encoding="utf-8")
    out = run(["--format", "sarif", "posts/post.md"], cwd=repo)
    log = json.loads(out.stdout)
    jsonschema.validate(log, json.loads(SARIF_SCHEMA.read_text(encoding="utf-8")))
    assert log["runs"][0]["results"] == []
    assert log["runs"][0]["properties"]["turnedOff"] == [
        {"by": ".sm-lint.yaml", "select": [], "categories": ["prohibited"], "clauses": [], "rules": ["JP-C101"]}
    ]


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_json_states_it_beside_the_findings_and_stays_valid(repo, fmt):
    (repo / ".sm-lint.yaml").write_text("ignore: [prohibited, JP-C101]\n", encoding="utf-8")
    out = run(["--format", fmt, "posts/post.md"], cwd=repo)
    assert out.exit_code == 0
    off = [{"by": ".sm-lint.yaml", "select": [], "categories": ["prohibited"], "clauses": [], "rules": ["JP-C101"]}]
    drafts = [{"path": "posts/post.md", "findings": 0, "suppressed": 0}]  # read, and clean only for what was on
    if fmt == "json":
        report = json.loads(out.stdout)
        jsonschema.validate(report, json.loads(FINDINGS_SCHEMA.read_text(encoding="utf-8")))
        assert (report["findings"], _counts(report["drafts"]), report["turnedOff"]) == ([], drafts, off)
    else:  # no finding, then the summary line
        [line] = [json.loads(line) for line in out.stdout.splitlines()]
        assert line["summary"]["version"] == 2 and line["summary"]["turnedOff"] == off
        assert _counts(line["summary"]["drafts"]) == drafts


def _counts(drafts: list[dict]) -> list[dict]:
    """drafts[] without each draft's plain-Japanese score (tests/test_readability.py)."""
    return [{key: value for key, value in draft.items() if key != "readability"} for draft in drafts]


def test_no_repo_config_ignores_the_repositorys_file_and_keeps_a_trusted_one(repo, tmp_path):
    (repo / ".sm-lint.yaml").write_text(IGNORE_ALL, encoding="utf-8")
    out = run(["--no-repo-config", "--format", "concise", "posts/post.md"], cwd=repo)
    assert out.exit_code == 1 and "JP-P101" in out.stdout and out.stderr == ""
    trusted = tmp_path / "trusted.yaml"
    trusted.write_text("ignore: [JP-P501]\n", encoding="utf-8")
    out = run(["--no-repo-config", "--config", str(trusted), "--format", "concise", "posts/post.md"], cwd=repo)
    assert out.exit_code == 1 and "JP-P101" in out.stdout
    assert out.stderr == f"sm-lint: チェックしないルール (設定 {trusted}): ルール JP-P501\n"
