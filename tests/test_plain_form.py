"""`sm-lint PATH...` without click (cli/entry.py, issue 25): every argument a path goes
straight to the lint the default command runs, with the same defaults; whatever it writes and
the exit status are what click's way gives, byte for byte."""

from __future__ import annotations

import os
import pty
import subprocess
import sys

import pytest

from sm_lint.cli.entry import plain_paths

PLAIN = "from sm_lint.cli.entry import run; run()"
# The same entry with the plain form turned off: every command line goes to click.
BY_CLICK = "import sm_lint.cli.entry as entry; entry.plain_paths = lambda args: False; entry.run()"

RUDE = "---\nplatform: x\napproved_by: 広報対話課長\n---\n窓口に来たあのバカな客のせいで残業だ。電話 090-1234-5678\n"
CLEAN = "【お知らせ】高田城址公園で観桜会を開きます。\n"


def _both(args: list[str], cwd, env, terminal: bool = False) -> tuple[tuple, tuple]:
    return _run(PLAIN, args, cwd, env, terminal), _run(BY_CLICK, args, cwd, env, terminal)


def _run(code: str, args: list[str], cwd, env, terminal: bool) -> tuple[int, bytes, bytes]:
    if not terminal:
        done = subprocess.run([sys.executable, "-c", code, *args], cwd=cwd, env=env, capture_output=True)
        return done.returncode, done.stdout, done.stderr
    parent, child = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-c", code, *args], cwd=cwd, env=env, stdout=child, stderr=subprocess.PIPE)
    os.close(child)
    out = b""
    while True:
        try:
            chunk = os.read(parent, 65536)
        except OSError:  # the terminal's other end closed
            break
        if not chunk:
            break
        out += chunk
    os.close(parent)
    err = proc.stderr.read()
    proc.stderr.close()
    return proc.wait(), out, err


@pytest.fixture
def folder(tmp_path):
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "rude.md").write_text(RUDE, encoding="utf-8")
    (tmp_path / "drafts" / "clean.txt").write_text(CLEAN, encoding="utf-8")
    (tmp_path / "configured").mkdir()
    (tmp_path / "configured" / ".sm-lint.yaml").write_text("lang: en\nignore: [JP-P101]\n", encoding="utf-8")
    (tmp_path / "configured" / "rude.md").write_text(RUDE, encoding="utf-8")
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(tmp_path), "COLUMNS": "100"}
    if "PYTHONPATH" in os.environ:  # the tree under test
        env["PYTHONPATH"] = os.environ["PYTHONPATH"]
    _run(PLAIN, ["drafts/clean.txt"], tmp_path, env, False)  # fills the rule cache once, for both
    return tmp_path, env


@pytest.mark.parametrize(
    "args",
    [
        ["drafts/rude.md"],  # findings: exit 1
        ["drafts/clean.txt"],  # clean
        ["drafts/ない.md"],  # a missing file: exit 2
        ["drafts"],  # a folder
        ["configured/rude.md"],  # a .sm-lint.yaml beside the draft
        ["drafts/clean.txt", "drafts/ない.md", "configured"],
    ],
)
def test_the_plain_form_writes_what_click_writes(folder, args):
    cwd, env = folder
    plain, by_click = _both(args, cwd, env)
    assert plain == by_click
    assert plain[1] or plain[2]  # something was said


def test_on_a_terminal_too(folder):
    cwd, env = folder
    plain, by_click = _both(["drafts/rude.md"], cwd, env, terminal=True)
    assert plain == by_click
    assert b"\x1b[" in plain[1]  # coloured: it was a terminal


@pytest.mark.parametrize(
    ("args", "plain"),
    [
        (["下書き.md"], True),
        (["a.md", "b.txt", "folder"], True),
        (["a.md", "rules"], True),  # a second argument is a path to click too
        ([], False),  # stdin or the help
        (["-"], False),
        (["a.md", "-"], False),
        (["a.md", "--format", "json"], False),
        (["--version"], False),
        (["lint", "a.md"], False),
        (["rules"], False),
        (["explain", "5-5"], False),
    ],
)
def test_which_command_lines_are_plain(args, plain):
    assert plain_paths(args) is plain


def test_a_file_named_like_a_command_is_that_command_as_before(folder):
    # `sm-lint rules` lists the rules even where a file `rules` exists (click reads the first
    # argument as a command name); `sm-lint ./rules` names the file, the plain way (a file
    # without a draft's suffix: refused, as click's way refuses it).
    cwd, env = folder
    (cwd / "rules").write_text(RUDE, encoding="utf-8")
    listed, by_click = _both(["rules"], cwd, env)
    assert listed == by_click and listed[0] == 0 and b"JP-P101" in listed[1]
    linted, by_click = _both(["./rules"], cwd, env)
    assert linted == by_click and linted[0] == 2 and b"./rules" in linted[2]
