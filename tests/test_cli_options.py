"""The ergonomic options: --statistics, --quiet, --exit-zero, --fail-on, --no-color,
--version, progress only on long runs in a terminal, and lazy loading of formats."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import run
from sm_lint import __version__
from sm_lint.app import progress as progress_module

ROOT = Path(__file__).resolve().parent.parent
DRAFTS = Path(__file__).parent / "fixtures" / "formats"  # its .sm-lint.yaml fixes the rules


def test_statistics_counts_per_rule_and_per_clause(tmp_path):
    (tmp_path / "a.md").write_text("外人の方へ。バカな話。またバカな話。\n", encoding="utf-8")
    (tmp_path / "b.md").write_text("【極秘】除雪計画の案です。\n", encoding="utf-8")
    result = run(
        ["--statistics", "--select", "JP-P101", "--select", "JP-P201", "--select", "JP-C101", "a.md", "b.md"],
        cwd=tmp_path,
    )
    assert result.stdout.splitlines()[:6] == [
        "ルール別:",
        "     2  JP-P101    5(5)     insult",
        "     1  JP-C101    5(4)     confidential-marker",
        "     1  JP-P201    5(5)     discriminatory-race-region",
        "条項別:",
        "     3  5(5)     不適切な発信を行わないこと",
    ]
    as_json = json.loads(run(["--statistics", "--format", "json", "--select", "JP-P101", "a.md"], cwd=tmp_path).stdout)
    assert as_json.pop("readability")["drafts"] == 1  # the plain-Japanese score (tests/test_readability.py)
    assert as_json == {
        "rules": [{"rule": "JP-P101", "name": "insult", "clause": "5(5)", "count": 2}],
        "clauses": [{"clause": "5(5)", "title": "不適切な発信を行わないこと", "count": 2}],
    }
    assert result.exit_code == 1  # statistics do not change the exit status


def test_quiet_prints_findings_only():
    loud = run(["--no-color", "bus-route.md"], cwd=DRAFTS).stdout
    quiet = run(["--no-color", "--quiet", "bus-route.md"], cwd=DRAFTS).stdout
    assert "件の下書きを確認" in loud and "--fix" in loud
    assert "件の下書きを確認" not in quiet and "--fix" not in quiet
    assert quiet == loud[: loud.index("1 件の下書きを確認")]


def test_exit_status_follows_fail_on_and_exit_zero():
    # bus-route.md has errors and one info (JP-P203 is info in that folder's configuration).
    assert run(["-q", "bus-route.md"], cwd=DRAFTS).exit_code == 1
    assert run(["-q", "--exit-zero", "bus-route.md"], cwd=DRAFTS).exit_code == 0
    assert run(["-q", "--select", "JP-P203", "bus-route.md"], cwd=DRAFTS).exit_code == 0
    assert run(["-q", "--select", "JP-P203", "--fail-on", "info", "bus-route.md"], cwd=DRAFTS).exit_code == 1
    assert run(["-q", "--exit-zero", "missing.md"], cwd=DRAFTS).exit_code == 2  # errors still count


@pytest.fixture
def colour_terminal(monkeypatch):
    """A terminal rich draws colours and live displays on, whatever the test runner's is."""
    monkeypatch.setenv("TERM", "xterm-256color")
    monkeypatch.delenv("NO_COLOR", raising=False)


def test_no_color_means_no_escape_codes(monkeypatch, colour_terminal):
    monkeypatch.setenv("FORCE_COLOR", "1")  # rich would colour even into a pipe
    assert "\x1b[" in run(["bus-route.md"], cwd=DRAFTS).stdout
    assert "\x1b[" not in run(["--no-color", "bus-route.md"], cwd=DRAFTS).stdout


def test_version():
    result = run(["--version"])
    assert result.exit_code == 0 and result.stdout.strip() == f"sm-lint, version {__version__}"


@pytest.mark.parametrize(
    "count,machine,quiet,tty,shown",
    [
        (200, False, False, True, True),
        (200, True, False, True, False),  # json, sarif, ...: never
        (200, False, True, True, False),  # --quiet
        (200, False, False, False, False),  # not a terminal (a pipe, CI logs)
        (3, False, False, True, False),  # a short run
    ],
)
def test_progress_only_on_long_runs_in_a_terminal(monkeypatch, count, machine, quiet, tty, shown):
    monkeypatch.setattr(sys, "stderr", type("Err", (io.StringIO,), {"isatty": lambda self: tty})())
    assert progress_module.wanted(count, machine, quiet) is shown


def test_progress_bar_counts_every_finished_draft(monkeypatch, colour_terminal):
    err = type("Err", (io.StringIO,), {"isatty": lambda self: True})()
    monkeypatch.setattr(sys, "stderr", err)
    with progress_module.progress(60, True, "確認中", color=False) as advance:
        for _ in range(60):
            advance()
    assert "確認中" in err.getvalue() and "60/60" in err.getvalue()


def test_a_clean_run_does_not_import_formats_or_progress_it_does_not_use():
    code = (
        "import sys\n"
        "from sm_lint.cli import main\n"
        "try:\n"
        "    main(['--format', 'concise', 'examples/clean.txt'])\n"
        "except SystemExit:\n"
        "    pass\n"
        "print(sorted(m for m in sys.modules if m.startswith(('sm_lint.report', 'rich', 'xml', 'jsonschema'))))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    assert out.strip().splitlines()[-1] == "['sm_lint.report', 'sm_lint.report.concise']"
