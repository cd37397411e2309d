"""The CI examples in docs/ci and the pre-commit hooks stay true to the command line:
valid YAML, and every sm-lint option they use exists."""

from __future__ import annotations

import shlex
from pathlib import Path

import pytest
import yaml

from sm_lint.cli import lint
from sm_lint.report import FORMATS

ROOT = Path(__file__).resolve().parent.parent
OPTIONS = {name for param in lint.params for name in getattr(param, "opts", ())}


SHELL_KEYS = ("run", "script", "after_script")  # GitHub steps, GitLab jobs


def commands(node, shell: bool = False) -> list[list[str]]:
    """Every `sm-lint ...` command in the shell steps of a parsed workflow."""
    if isinstance(node, dict):
        return [c for key, value in node.items() for c in commands(value, key in SHELL_KEYS)]
    if isinstance(node, list):
        return [c for value in node for c in commands(value, shell)]
    if shell and isinstance(node, str) and node.startswith("sm-lint "):
        return [shlex.split(node.split(">")[0])]
    return []


@pytest.mark.parametrize("name", ["github-actions.yml", "gitlab-ci.yml"])
def test_ci_examples_use_real_options(name):
    used = commands(yaml.safe_load((ROOT / "docs" / "ci" / name).read_text(encoding="utf-8")))
    assert len(used) == 2, f"the sm-lint commands of {name}: {used}"
    for words in used:
        for i, word in enumerate(words):
            if word.startswith("-"):
                assert word in OPTIONS, f"{name}: unknown option {word}"
            if words[i - 1] == "--format":
                assert word in FORMATS


def test_pre_commit_hooks_are_well_formed():
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert [h["id"] for h in hooks] == ["sm-lint", "sm-lint-fix"]
    for hook in hooks:
        assert hook["language"] == "python" and hook["types_or"] == ["markdown", "plain-text"]
        words = hook["entry"].split() + hook.get("args", [])
        assert words[0] == "sm-lint" and all(w in OPTIONS for w in words if w.startswith("-"))
