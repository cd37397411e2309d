"""Every failure path is one line and a known exit status, never a traceback."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from click.testing import CliRunner

from sm_lint.cli import main
from sm_lint.run.linter import Linter


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
        shell=True,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.stdout.count("\n") == 1
    assert proc.stderr == ""


def test_a_baseline_that_cannot_be_written_is_a_clear_error_not_a_crash(tmp_path):
    # Found by the robustness checks: this used to escape as FileNotFoundError.
    (tmp_path / "d.md").write_text("これは極秘です。", encoding="utf-8")
    target = tmp_path / "missing-folder" / "baseline.json"
    out = CliRunner().invoke(main, ["--write-baseline", str(target), str(tmp_path / "d.md")])
    assert out.exit_code == 2
    assert out.output == f"sm-lint: {target}: ベースラインを書き込めません (ファイルかフォルダーがありません)\n"
    out = CliRunner().invoke(main, ["--write-baseline", str(target), "--lang", "en", str(tmp_path / "d.md")])
    assert out.exit_code == 2
    assert out.output == f"sm-lint: {target}: cannot write the baseline (no such file or folder)\n"


def test_a_fix_that_cannot_be_written_is_a_clear_error_and_the_draft_is_unchanged(tmp_path, monkeypatch):
    # Root writes anywhere, so the read-only folder is simulated where the temporary file is made.
    from sm_lint.io import fix

    def read_only(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(fix, "_create", read_only)
    draft = tmp_path / "d.md"
    draft.write_text("---\nplatform: x\napproved_by: 広報対話課長\n---\n裏日本の冬です。\n", encoding="utf-8")
    before = draft.read_bytes()
    out = CliRunner().invoke(main, ["--fix", str(draft)])
    assert out.exit_code == 2
    assert f"sm-lint: {draft}: 修正を書き込めません (権限がありません)。ファイルは変更していません" in out.output
    assert "内部エラー" not in out.output and draft.read_bytes() == before
    out = CliRunner().invoke(main, ["--fix", "--lang", "en", str(draft)])
    assert f"sm-lint: {draft}: cannot write the fix (permission denied); the file is unchanged" in out.output
    assert draft.read_bytes() == before


def test_a_real_ctrl_c_in_the_middle_of_a_run_exits_130_without_a_traceback(tmp_path):
    import signal
    import time

    for i in range(100):  # far more work than 3 s, so the signal lands in the middle
        (tmp_path / f"d{i:02}.md").write_text("上越市の春祭りは四月です。極秘。\n" * 2000, encoding="utf-8")
    proc = subprocess.Popen(
        [sys.executable, "-m", "sm_lint", "--format", "concise", str(tmp_path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    time.sleep(3)
    proc.send_signal(signal.SIGINT)
    _out, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, (proc.returncode, err)
    assert "Traceback" not in err and "KeyboardInterrupt" not in err


def test_a_console_that_cannot_show_japanese_gets_escapes_not_a_crash(tmp_path):
    (tmp_path / "d.md").write_text("これは極秘です。😀\n", encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "sm_lint", "--format", "concise", "--select", "JP-C101", str(tmp_path / "d.md")],
        capture_output=True,
        env={**os.environ, "PYTHONIOENCODING": "ascii"},
        timeout=120,
    )
    assert proc.returncode == 1, proc.stderr
    assert b"\\u6975\\u79d8" in proc.stdout  # 極秘
    assert proc.stderr == b""


def _sm_lint(*args: str, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "sm_lint", *args], stderr=subprocess.PIPE, text=True, timeout=120, **kwargs
    )


@pytest.mark.parametrize(
    "lang,said",
    [
        ("ja", "出力を書き込めません (標準出力が閉じています)"),
        ("en", "cannot write output (standard output is closed)"),
    ],
)
def test_a_closed_stdout_is_exit_2_and_one_line(tmp_path, lang, said):
    # `sm-lint post.md >&-`: this was a traceback and exit 1, which means "findings".
    (tmp_path / "d.md").write_text("これは極秘です。\n", encoding="utf-8")
    closed = _sm_lint(str(tmp_path / "d.md"), "--lang", lang, preexec_fn=lambda: os.close(1))
    assert closed.returncode == 2
    assert closed.stderr == f"sm-lint: {said}\n"


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full on this system")
@pytest.mark.parametrize("fmt", ["full", "json", "github", "sarif"])
def test_a_full_disk_is_cannot_write_output_not_an_internal_error(tmp_path, fmt):
    (tmp_path / "d.md").write_text("これは極秘です。\n", encoding="utf-8")
    with open("/dev/full", "w") as full:
        ja = _sm_lint("--format", fmt, str(tmp_path / "d.md"), stdout=full)
        en = _sm_lint("--format", fmt, "--lang", "en", str(tmp_path / "d.md"), stdout=full)
    assert ja.returncode == en.returncode == 2
    assert ja.stderr == "sm-lint: 出力を書き込めません (ディスクに空きがありません)\n"
    assert en.stderr == "sm-lint: cannot write output (no space left on the disk)\n"


@pytest.mark.parametrize("fmt", ["full", "concise"])
def test_a_reader_that_goes_away_is_exit_2_not_findings(tmp_path, fmt):
    # The full format's console (rich) ended with 1, the status of a draft with findings.
    (tmp_path / "d.md").write_text("これは極秘です。\n" * 3000, encoding="utf-8")
    proc = subprocess.Popen(
        [sys.executable, "-m", "sm_lint", "--format", fmt, str(tmp_path / "d.md")],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout.readline()
    proc.stdout.close()
    assert proc.wait(timeout=120) == 2
    assert proc.stderr.read() == b""
