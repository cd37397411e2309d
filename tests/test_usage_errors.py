"""A mistyped command line is one line in the user's language and exit 2, like every other
failure: click's own four lines in English are not what the staff should read."""

from __future__ import annotations

import pytest

from helpers import run
from sm_lint.report import FORMATS
from sm_lint.rules.model import SEVERITIES

DRAFT = "お知らせ.md"


@pytest.fixture
def folder(tmp_path):
    (tmp_path / DRAFT).write_text("上越市の観光情報をお届けします。\n", encoding="utf-8")
    return tmp_path


def _line(out) -> str:
    assert out.exit_code == 2
    assert "Usage:" not in out.output and "Traceback" not in out.output
    lines = out.output.splitlines()
    assert len(lines) == 1, out.output
    assert lines[0].startswith("sm-lint: ")
    return lines[0]


@pytest.mark.parametrize(
    "args, words",
    [
        (["--fail-on", "fatal", DRAFT], ["--fail-on", *SEVERITIES, "いずれか"]),
        (["--format", "html", DRAFT], ["--format", *FORMATS, "いずれか"]),
        (["--lang", "fr", DRAFT], ["--lang", "ja, en", "いずれか"]),
        (["-j", "two", DRAFT], ["-j/--jobs", "0 以上の整数"]),
        (["--jobs", "-1", DRAFT], ["-j/--jobs", "0 以上の整数"]),
        (["report", "--fiscal-year", "1800", "."], ["--fiscal-year", "1900 から 9999 までの整数"]),
        (["serve", "--port", "http"], ["--port", "0 から 65535 までの整数"]),
        (["--encodng", "cp932", DRAFT], ["--encodng というオプションはありません", "もしかして --encoding"]),
        (["--encoding", "sjis-x", DRAFT], ["--encoding", "知らない文字コード", "sjis-x"]),
        ([DRAFT, "--format"], ["--format には値を続けて"]),
        (["--fix=yes", DRAFT], ["--fix は値を取りません"]),
        (["explain"], ["WHAT を指定してください", "explain --help"]),
        (["explain", "5(5)", "JP-P101"], ["余分な引数があります (JP-P101)", "explain --help"]),
        (["config", "--lang", "fr"], ["--lang", "ja, en", "config --help"]),
    ],
)
def test_usage_errors_are_one_japanese_line(folder, args, words):
    line = _line(run(args, cwd=folder))
    for word in words:
        assert word in line
    assert "--help` で確認できます" in line


@pytest.mark.parametrize(
    "args, words",
    [
        (["--lang", "en", "--fail-on", "fatal", DRAFT], ["Invalid value for '--fail-on'", "'fatal'"]),
        (["--lang=en", "--encodng", "cp932", DRAFT], ["No such option", "--encodng", "--encoding"]),
        (["--lang", "en", "--encoding", "sjis-x", DRAFT], ["unknown encoding 'sjis-x'"]),
        (["config", "--lang", "en", "--bogus"], ["No such option", "--bogus"]),
    ],
)
def test_lang_en_keeps_the_english_wording_on_one_line(folder, args, words):
    line = _line(run(args, cwd=folder))
    for word in words:
        assert word in line
    assert "(see `" in line and "--help`)" in line
    assert not any("\u3040" <= c <= "\u30ff" for c in line)  # no kana


def test_a_usage_error_lints_nothing(folder, monkeypatch):
    from sm_lint.run.linter import Linter

    def never(*args, **kwargs):
        raise AssertionError("linted despite a usage error")

    monkeypatch.setattr(Linter, "lint_sources", never)
    _line(run(["--fail-on", "fatal", DRAFT], cwd=folder))
