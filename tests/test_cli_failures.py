"""Every failure path is one line and a known exit status, never a traceback."""

from __future__ import annotations

import subprocess
import sys

import pytest
from click.testing import CliRunner

from sm_lint.cli import main
from sm_lint.runner import Linter


def test_ctrl_c_exits_130_quietly(tmp_path, monkeypatch):
    def interrupted(self, *args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(Linter, "lint_sources", interrupted)
    (tmp_path / "d.md").write_text("お知らせ", encoding="utf-8")
    out = CliRunner().invoke(main, [str(tmp_path / "d.md")])
    assert out.exit_code == 130
    assert out.output == ""


def test_an_unexpected_error_is_one_line_and_exit_2(tmp_path, monkeypatch):
    def broken(self, *args, **kwargs):
        raise ValueError("something nobody foresaw\nsecond line")

    monkeypatch.setattr(Linter, "lint_sources", broken)
    (tmp_path / "d.md").write_text("お知らせ", encoding="utf-8")
    out = CliRunner().invoke(main, [str(tmp_path / "d.md")])
    assert out.exit_code == 2
    assert out.output.count("\n") == 1
    assert "内部エラー (ValueError: something nobody foresaw)" in out.output
    assert "Traceback" not in out.output


@pytest.mark.parametrize("fmt", ["concise", "full", "json"])
def test_output_into_a_closed_pipe_ends_quietly(tmp_path, fmt):
    # Enough findings to fill the pipe after `head` has gone away.
    (tmp_path / "d.md").write_text("これは極秘です。\n" * 3000, encoding="utf-8")
    proc = subprocess.run(
        f"{sys.executable} -m sm_lint --format {fmt} --select JP-C101 {tmp_path / 'd.md'} | head -n 1",
        shell=True, capture_output=True, text=True, timeout=120,
    )
    assert proc.stdout.count("\n") == 1
    assert proc.stderr == ""

