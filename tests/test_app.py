"""The application runs a lint from a settings value: the command line only turns its
arguments into LintSettings (issue 24, item 2), so a program can run the same lint without it."""

from __future__ import annotations

import ast
import json
from pathlib import Path

import sm_lint
from sm_lint.app.lint import LintSettings, lint
from sm_lint.run.linter import Options

RUDE = "---\nplatform: x\napproved_by: 広報対話課長\n---\n窓口に来たあのバカな客のせいで残業だ。\n"


def test_a_lint_runs_from_settings_and_returns_its_exit_status(tmp_path, capsys):
    draft = tmp_path / "下書き.md"
    draft.write_text(RUDE, encoding="utf-8")
    status = lint(LintSettings((str(draft),), Options(select=("JP-P101",), no_repo_config=True), fmt="json"))
    assert status == 1
    assert [f["rule"] for f in json.loads(capsys.readouterr().out)["findings"]] == ["JP-P101"]


def test_exit_zero_and_a_missing_path_are_statuses_not_exits(tmp_path, capsys):
    draft = tmp_path / "下書き.md"
    draft.write_text(RUDE, encoding="utf-8")
    assert lint(LintSettings((str(draft),), Options(no_repo_config=True), fmt="concise", exit_zero=True)) == 0
    assert lint(LintSettings((str(tmp_path / "ない.md"),), Options(no_repo_config=True))) == 2
    assert "ない.md" in capsys.readouterr().err


def test_the_page_and_the_editors_lint_through_the_application():
    # serve/ and lsp/ call app/buffer.py, which runs the command line's Linter step, never the
    # Linter (sm_lint/run/) themselves: configuration, filtering and what is said stay the lint's.
    package = Path(sm_lint.__file__).parent
    reaching = {}
    for path in [*package.glob("serve/*.py"), *package.glob("lsp/*.py")]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            names += [a.name for a in node.names] if isinstance(node, ast.Import) else []
            reaching.update((f"{path.parent.name}/{path.name}", n) for n in names if n.startswith("sm_lint.run"))
    assert reaching == {}


# What the command line may take from below the application: values it parses with, and the
# one writer of the tool's own lines (io/echo.py), for the entry's one-line errors.
PARSING = {"__version__", "os_reason", "FORMATS", "SEVERITIES", "check_encoding", "parse_size", "selector_list", "echo"}


def test_the_command_line_only_parses():
    # Every command's work is an app/ function of a settings value (serve's and lsp's their
    # own packages'); cli/ takes nothing else from the layers below.
    package = Path(sm_lint.__file__).parent
    own = ("sm_lint.app", "sm_lint.cli", "sm_lint.serve", "sm_lint.lsp")
    taken = set()
    for path in package.glob("cli/*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):  # `import sm_lint.run.linter`: a whole module taken
                taken.update(a.name for a in node.names if a.name.startswith("sm_lint.") and not a.name.startswith(own))
                continue
            module = node.module or "" if isinstance(node, ast.ImportFrom) else ""
            if module.startswith(own):
                continue
            if module == "sm_lint" or module.startswith("sm_lint."):
                taken.update(f"{module}.{a.name}" for a in node.names if a.name not in PARSING)
    assert taken == set()


def test_the_other_commands_run_from_settings(tmp_path, capsys, monkeypatch):
    from sm_lint.app.explain import ExplainSettings, RulesSettings, explain, list_rules
    from sm_lint.app.newdraft import NewSettings, new
    from sm_lint.app.score import ScoreSettings, score
    from sm_lint.app.showconfig import ConfigSettings, show_config

    monkeypatch.chdir(tmp_path)
    assert new(NewSettings(tmp_path / "下書き.md", "x", lang="en")) == 0
    assert score(ScoreSettings((str(tmp_path / "下書き.md"),), "json")) == 0
    assert explain(ExplainSettings("5-5", "en")) == 0 and list_rules(RulesSettings("en", "json")) == 0
    assert show_config(ConfigSettings(tmp_path, lang="en")) == 0
    out = capsys.readouterr().out
    assert "draft template written" in out and '"path":' in out and "guideline 5(5)" in out and "# config" in out
    assert explain(ExplainSettings("JP-Q999", "en")) == 2 and "JP-Q999" in capsys.readouterr().err
