"""The pre-commit hooks, run by the real `pre-commit` with the .pre-commit-config.yaml of docs/ci.md
snippet (its placeholders replaced by a snapshot of this checkout, committed in a scratch
repository, and that commit) against a temporary git repository of drafts. pre-commit's pip builds
the hook's environment from the run's wheelhouse, never a package index (tests/wheelhouse.py)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from helpers import REPO_PLACEHOLDER, REV_PLACEHOLDER, ROOT, fenced, git, run, snapshot
from wheelhouse import offline_pip

PRE_COMMIT = shutil.which("pre-commit") or (
    str(Path(sys.executable).with_name("pre-commit")) if Path(sys.executable).with_name("pre-commit").exists() else None
)

pytestmark = pytest.mark.skipif(PRE_COMMIT is None, reason="pre-commit is not installed (pip install '.[test]')")

[SNIPPET] = [text for _, text in fenced(ROOT / "docs" / "ci.md", {"yaml"}) if ".pre-commit-config.yaml" in text]


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory) -> tuple[Path, str]:
    """This checkout as a commit in a scratch repository: pre-commit clones hooks at a commit."""
    if not (ROOT / ".git").exists():
        pytest.skip("not a git checkout (an sdist): nothing for pre-commit to clone")
    repo = tmp_path_factory.mktemp("sm-lint-hooks")
    return repo, snapshot(repo)


@pytest.fixture(scope="module")
def pre_commit_home(tmp_path_factory, wheelhouse) -> tuple[Path, Path]:
    # One hook environment for the module's runs, never the user's cache; and where its pip installs from.
    return tmp_path_factory.mktemp("pre-commit-home"), wheelhouse


def content_repo(tmp_path: Path, hook_repo, hooks: list[str] | None = None) -> Path:
    """A repository of drafts whose .pre-commit-config.yaml is the snippet of docs/ci.md (or, with
    `hooks`, the snippet running those hooks without arguments)."""
    repo, rev = hook_repo
    assert REPO_PLACEHOLDER in SNIPPET and REV_PLACEHOLDER in SNIPPET
    config = SNIPPET.replace(REPO_PLACEHOLDER, str(repo)).replace(REV_PLACEHOLDER, rev)
    if hooks:
        data = yaml.safe_load(config)
        data["repos"][0]["hooks"] = [{"id": h} for h in hooks]
        config = yaml.safe_dump(data)
    drafts = tmp_path / "drafts-repo"
    (drafts / "posts").mkdir(parents=True)
    # An old post: its finding is in the baseline the snippet names, written as docs/ci.md says.
    (drafts / "posts" / "old.md").write_text("あのバカな計画は中止になりました。\n", encoding="utf-8")
    assert run(["--write-baseline", ".sm-lint-baseline.json", "posts/"], cwd=drafts).exit_code == 0
    (drafts / "posts" / "bus.md").write_text("裏日本の冬に備えて、あのバカな計画が進んでいます。\n", encoding="utf-8")
    (drafts / "posts" / "garbage.txt").write_text("ごみの収集は朝8時30分までに出してください。\n", encoding="utf-8")
    # Not a draft: pre-commit must not pass it to the hook (types: markdown / plain-text only).
    (drafts / "tool.py").write_text("# 裏日本\n", encoding="utf-8")
    (drafts / ".pre-commit-config.yaml").write_text(config, encoding="utf-8")
    git("init", "-q", cwd=drafts)
    git("add", "-A", cwd=drafts)
    return drafts


def pre_commit(drafts: Path, home: tuple[Path, Path], *args):
    env = offline_pip({**os.environ, "PRE_COMMIT_HOME": str(home[0]), "NO_COLOR": "1"}, home[1])
    env.pop("PYTHONPATH", None)  # the hook must run from its own environment, not this checkout
    return subprocess.run(
        [PRE_COMMIT, "run", "--all-files", "--color", "never", *args],
        cwd=drafts,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )


def test_check_hook_fails_on_findings_in_drafts_only(tmp_path, hook_repo, pre_commit_home):
    drafts = content_repo(tmp_path, hook_repo)
    result = pre_commit(drafts, pre_commit_home, "sm-lint")
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "old.md" not in output  # in the baseline
    assert "posts/bus.md:1:1: エラー JP-P201" in output
    assert "posts/bus.md:1:" in output and "JP-P101" in output
    assert "tool.py" not in output and "garbage.txt:" not in output
    assert (drafts / "posts" / "bus.md").read_text(encoding="utf-8").startswith("裏日本")  # never writes


def test_fix_hook_rewrites_the_safe_terms(tmp_path, hook_repo, pre_commit_home):
    drafts = content_repo(tmp_path, hook_repo, ["sm-lint-fix"])
    result = pre_commit(drafts, pre_commit_home, "sm-lint-fix")
    output = result.stdout + result.stderr
    assert result.returncode == 1, output  # files were modified, and バカ is left to a person
    assert (drafts / "posts" / "bus.md").read_text(
        encoding="utf-8"
    ) == "日本海側の冬に備えて、あのバカな計画が進んでいます。\n"
    assert (drafts / "tool.py").read_text(encoding="utf-8") == "# 裏日本\n"
    assert "JP-P101" in output and "JP-P201" not in output


def test_check_hook_honours_exclude_and_gitignore(tmp_path, hook_repo, pre_commit_home):
    # pre-commit names each file: the configuration's exclude and .gitignore apply to them
    # as to a folder's walk (a file git ignores but tracks is still passed, and linted)
    drafts = content_repo(tmp_path, hook_repo, ["sm-lint"])
    (drafts / ".sm-lint.yaml").write_text("exclude: [posts/bus.md]\n", encoding="utf-8")
    (drafts / "archive").mkdir()
    (drafts / "archive" / "old.md").write_text("あのバカな計画は中止です。\n", encoding="utf-8")
    (drafts / ".gitignore").write_text("archive/\n", encoding="utf-8")
    git("add", "-A", cwd=drafts)
    git("add", "-f", "archive/old.md", cwd=drafts)
    result = pre_commit(drafts, pre_commit_home, "sm-lint")
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "archive/old.md:1:3: エラー JP-P101" in output  # tracked: added on purpose
    assert "posts/bus.md: .sm-lint.yaml: exclude に当たるので確認しませんでした" in output
    assert "JP-P201" not in output
