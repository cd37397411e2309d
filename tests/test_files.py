"""Bad files are per-file errors (or notices); the other drafts are still linted."""

from __future__ import annotations

import builtins
import errno
import os

import pytest
from click.testing import CliRunner

from sm_lint.cli import main
from sm_lint.io.inputs import Source, expand, read_bytes
from sm_lint.run.linter import Linter, Options

SECRET = "これは極秘の資料です。\n"


@pytest.fixture
def folder(tmp_path):
    (tmp_path / "good.md").write_text(SECRET, encoding="utf-8")
    return tmp_path


def run(*args):
    return CliRunner().invoke(main, ["--format", "concise", "--select", "JP-C101", *map(str, args)])


def test_broken_symlink_and_symlink_loop_are_errors_and_the_rest_is_linted(folder):
    (folder / "broken.md").symlink_to(folder / "missing.md")
    (folder / "loop.md").symlink_to(folder / "loop.md")
    out = run(folder)
    assert out.exit_code == 2
    assert f"{folder / 'good.md'}:1:4:" in out.output
    assert f"{folder / 'broken.md'}: ファイルがありません" in out.output
    assert f"{folder / 'loop.md'}: シンボリックリンクが循環しています" in out.output
    assert "Traceback" not in out.output


def test_a_directory_symlink_loop_is_not_followed(folder):
    (folder / "sub").mkdir()
    (folder / "sub" / "up").symlink_to(folder)
    assert [s.display for s in expand([str(folder)])] == [str(folder / "good.md")]


def test_a_fifo_is_refused_instead_of_blocking(folder):
    os.mkfifo(folder / "pipe.md")
    out = run(folder)
    assert out.exit_code == 2
    assert f"{folder / 'pipe.md'}: 通常のファイルではありません" in out.output


def test_a_missing_path_on_the_command_line(folder):
    out = run(folder / "good.md", folder / "nope.md")
    assert out.exit_code == 2
    assert "good.md:1:4:" in out.output and "nope.md: ファイルがありません" in out.output


def test_permission_denied_is_a_per_file_error(folder, monkeypatch):
    # Root reads anything, so the refusal is simulated at the open(2) call.
    (folder / "locked.md").write_text(SECRET, encoding="utf-8")
    real_open = os.open

    def guarded(path, *args, **kwargs):
        if str(path).endswith("locked.md"):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", guarded)
    result = Linter(Options(select=("JP-C101",))).lint_sources(list(expand([str(folder)])))
    [error] = result.errors
    assert (
        error.text("ja")
        == f"{folder / 'locked.md'}: 読み取り権限がありません。権限を確認してください [Permission denied]"
    )
    assert (
        error.text("en")
        == f"{folder / 'locked.md'}: no permission to read it; check its permissions [Permission denied]"
    )
    assert [f.path for f in result.findings] == [str(folder / "good.md")]


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read a chmod 000 directory")
def test_an_unreadable_directory_is_reported(folder):
    locked = folder / "locked"
    locked.mkdir()
    locked.chmod(0)
    try:
        out = run(folder)
    finally:
        locked.chmod(0o755)
    assert out.exit_code == 2 and "locked: 読み取り権限がありません" in out.output


def test_walk_errors_become_per_file_errors(folder, monkeypatch):
    def failing_walk(top, onerror=None, **kwargs):
        onerror(PermissionError(errno.EACCES, "Permission denied", str(folder / "locked")))
        yield str(folder), [], ["good.md"]

    monkeypatch.setattr(os, "walk", failing_walk)
    sources = list(expand([str(folder)]))
    assert sources[-1].display == str(folder / "locked") and sources[-1].path is None
    result = Linter(Options(select=("JP-C101",))).lint_sources(sources)
    assert len(result.findings) == 1
    assert [e.text("ja") for e in result.errors] == [
        f"{folder / 'locked'}: 読み取り権限がありません。権限を確認してください [Permission denied]"
    ]


def test_a_binary_file_with_a_drafts_name_is_an_error_and_the_others_are_linted(folder):
    (folder / "logo.md").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    out = run(folder)
    assert out.exit_code == 2  # a file named like a draft that cannot be read is no pass
    assert f"{folder / 'logo.md'}: テキストファイルではありません" in out.output
    assert "good.md" in out.output  # the finding in good.md is still reported


def test_drafts_are_opened_read_only(folder, monkeypatch):
    modes = []
    real_open = os.open

    def spy(path, flags, *args, **kwargs):
        modes.append((str(path), flags & (os.O_RDONLY | os.O_WRONLY | os.O_RDWR)))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", spy)
    before = (folder / "good.md").stat()
    read_bytes(Source("good.md", folder / "good.md"))
    assert modes == [(str(folder / "good.md"), os.O_RDONLY)]
    after = (folder / "good.md").stat()
    assert (before.st_mtime_ns, before.st_size) == (after.st_mtime_ns, after.st_size)


def test_a_file_too_large_to_be_a_draft_is_refused_before_reading(folder, monkeypatch):
    # Drafts are opened with os.open (to check what was opened) and read through open(fd).
    opened, real_open = [], builtins.open

    def spy(file, *args, **kwargs):
        opened.append(os.readlink(f"/proc/self/fd/{file}") if isinstance(file, int) else file)
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", spy)
    out = run("--max-draft-size", "10", folder)
    assert out.exit_code == 2
    assert f"{folder / 'good.md'}: 下書きとしては大きすぎます ({len(SECRET.encode())} バイト、上限 10B)" in out.output
    assert str(folder / "good.md") not in map(str, opened)
    run(folder)  # the control: under the limit it is read
    assert str(folder / "good.md") in map(str, opened)


def test_a_folder_without_drafts_is_an_error_not_a_clean_run(tmp_path):
    (tmp_path / "photos").mkdir()
    (tmp_path / "photos" / "snow.jpg").write_bytes(b"\xff\xd8\xff\xe0")
    (tmp_path / "notes.csv").write_text("日付,件名\n", encoding="utf-8")
    out = CliRunner().invoke(main, [str(tmp_path)])
    assert out.exit_code == 2
    assert out.stderr == (
        f"sm-lint: {tmp_path} に下書き (.md, .markdown, .txt) が見つかりません。"
        "フォルダーかファイルの指定を確認してください\n"
    )
    assert out.stdout == ""
    english = CliRunner().invoke(main, ["--lang", "en", str(tmp_path)])
    assert english.exit_code == 2 and f"no drafts (.md, .markdown, .txt) found in {tmp_path}" in english.stderr


@pytest.mark.parametrize("name", ["お知らせ.docx", "広報原稿.pdf", "下書き"])
def test_a_named_file_that_is_no_draft_is_an_error_naming_it(folder, name):
    (folder / name).write_bytes(b"PK\x03\x04" + "雪まつりのお知らせ".encode())
    out = run(folder / "good.md", folder / name)
    assert out.exit_code == 2
    assert f"{folder / 'good.md'}:1:4:" in out.output  # the other drafts are still linted
    assert (
        f"sm-lint: {folder / name}: 下書きとして読める形式ではありません"
        " (.md, .markdown, .txt のファイルを指定してください"
    ) in out.stderr


def test_a_folder_skips_files_that_are_no_drafts_without_a_word(folder):
    (folder / "お知らせ.docx").write_bytes(b"PK\x03\x04")
    out = run(folder)
    assert out.exit_code == 1 and out.stderr == ""
