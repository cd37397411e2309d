"""Huge drafts, NUL bytes, hostile file names, no network, no draft text left in any cache."""

from __future__ import annotations

import gc
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from helpers import assert_linear_work, run
from sm_lint.cli import main
from sm_lint.io.inputs import expand
from sm_lint.run.linter import Linter, Options
from sm_lint.text.tokenizer import MAX_CHUNK


def test_a_long_line_without_newline_is_linted_in_pieces_with_exact_offsets(linter):
    # One line of ~6 tokenizer chunks, a NUL every sentence (pasted from a PDF), a CR, and
    # a secret marking past every chunk boundary: nothing after a NUL may be lost.
    sentence = "上越市の春祭りは四月に開催します\x00"
    head = sentence * (6 * MAX_CHUNK // len(sentence))
    text = head + "\rこれは極秘の資料です。" + "ｱｲｳｴｵ" * 100
    findings = [f for f in linter.lint_text(text) if f.rule == "JP-C101"]
    start = text.index("極秘")
    assert [(f.start, f.end, f.match, f.line, f.column) for f in findings] == [
        (start, start + 2, "極秘", 2, 4)  # the lone CR starts line 2
    ]


def test_text_after_a_nul_is_still_checked(rule_ids):
    assert "JP-C101" in rule_ids("お知らせです。\x00\x00これは極秘の資料です。")


def test_several_megabytes_of_text_do_not_crash_mecab(linter):
    # ~2 MB without a single line break: one MeCab call on this would crash the process.
    text = "あ" * 700_000
    # (one 700,000-character sentence is hard to read: only the 4(1) rules may say so)
    assert [f for f in linter.lint_text(text) if f.category != "accessibility"] == []


def test_no_network_while_linting_every_kind_of_draft(tmp_path, monkeypatch):
    attempts = []

    def refuse(*args, **kwargs):
        attempts.append(args)
        raise OSError("network access blocked by the test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    draft = (
        "---\ntitle: お知らせ\nplatform: x\n---\n"
        "詳しくは https://www.city.joetsu.niigata.jp/ と bit.ly/abc と ｈｔｔｐｓ：／／ｅｘａｍｐｌｅ．ｃｏｍ を、"
        "問い合わせは info@example.com か @joetsu_city へ。#上越市 これは極秘です。\n"
    )
    for codec in ("utf-8", "utf-8-sig", "utf-16", "cp932", "euc_jp", "iso2022_jp"):
        (tmp_path / f"{codec}.md").write_bytes(draft.encode(codec))
    (tmp_path / "plain.txt").write_text("お知らせ\x00です。" * 5000, encoding="utf-8")
    (tmp_path / "image.md").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (tmp_path / "bad-yaml.md").write_text("---\na: [\n---\n本文\n", encoding="utf-8")
    out = CliRunner().invoke(main, ["--format", "json", str(tmp_path)])
    assert attempts == []
    assert out.exit_code == 2  # bad-yaml.md; every other draft was linted
    assert out.output.count('"rule": "JP-C101"') == 6


def _cached_reprs() -> str:
    """Everything held by the functools caches in sm_lint's modules, as text."""
    held = []
    for name, module in list(sys.modules.items()):
        if not name.startswith("sm_lint"):
            continue
        for obj in vars(module).values():
            if hasattr(obj, "cache_info"):
                held.extend(repr(ref) for ref in gc.get_referents(obj) if isinstance(ref, dict))
    return "\n".join(held)


def test_caches_never_hold_draft_text(tmp_path):
    # Katakana unknown to the dictionary stays one token, so a cache of surfaces would hold it.
    marker = "".join(chr(0x30A1 + (i * 7) % 80) for i in range(8))
    (tmp_path / "d.md").write_text(f"今日は{marker}が来ました。極秘です。\n", encoding="utf-8")
    result = Linter(Options()).lint_sources(list(expand([str(tmp_path)])))
    assert result.findings  # the draft really was analysed
    assert marker not in _cached_reprs()


def test_tens_of_thousands_of_entities_take_linear_time():
    # Found by the robustness checks: the overlap test scanned every earlier entity, so
    # 20,000 hashtags took 6 s and 80,000 would take minutes.
    from sm_lint.text.extract import extract_entities

    piece = "#上越 @joetsu_city https://example.jp/#x mail@example.jp "
    assert_linear_work(extract_entities, piece * 500, piece * 2_000)  # the scan ran 16 times the lines
    entities = extract_entities(piece * 10_000)
    assert [e.kind for e in entities[:4]] == ["hashtag", "mention", "url", "email"]
    assert len(entities) == 40_000  # the #x inside the URL is not a hashtag of its own


def test_many_photos_on_one_long_line_take_linear_time(linter):
    # Found by the robustness checks: each 写真 searched its whole line again (11 s here).
    assert_linear_work(linter.lint_text, "写真に写っている" * 2_000, "写真に写っている" * 8_000)
    # nobody is named: nothing to report but that one 64,000-character sentence is hard to read
    assert [f for f in linter.lint_text("写真に写っている" * 8_000) if f.category != "accessibility"] == []


class _Unsearchable(str):
    def _scan(self, *args):
        raise AssertionError("the text was searched")

    find = rfind = index = rindex = count = split = splitlines = _scan


def test_line_span_on_a_long_line():
    # Found by the robustness checks: a scan per item made a long line quadratic; the line
    # breaks are now found once per draft and each item looks its line up.
    from sm_lint.io.document import parse_draft
    from sm_lint.text.analysis import analyse

    text = "上越市" * 20_000 + "\n次の行"
    analysis = analyse(parse_draft(text, "long.md"))
    analysis.line_breaks  # noqa: B018  # found once, here
    # Looking a line up reads no text (a scan from each item to its line's ends was quadratic).
    analysis.view = analysis.view._replace(text=_Unsearchable(analysis.view.text))
    assert {analysis.line_span(i, i + 1) for i in range(0, 60_000, 10)} == {(0, 60_000)}
    assert analysis.line_span(60_001, 60_002) == (60_001, len(text))


def test_a_long_line_of_open_brackets_takes_linear_time():
    # Found by the robustness checks: the Markdown-link label rescanned the rest of the line
    # from every `[` (40,000 of them took 5 s). That scan is inside Python's re, where no
    # count of work reaches: what keeps it linear is that a label stops at the next `[`, so
    # the attempt from each `[` reads one character. Then of a line of them that ends in a
    # link, only the last `[` opens it (the rescan made the first one open it).
    from sm_lint.text.extract import extract_entities

    assert extract_entities("[" * 50_000) == []
    line = "[" * 50_000 + "](https://example.jp/)"
    assert [(e.kind, e.start, e.label) for e in extract_entities(line)] == [("url", 49_999, "")]
    link = extract_entities("詳細は[a [説明](https://example.jp/)へ")
    assert [(e.kind, e.text, e.start) for e in link] == [("url", "https://example.jp/", 6)]


def test_file_names_cannot_forge_workflow_commands_on_stdout_or_stderr(tmp_path):
    # A pull request may name its files: with `--format github` the runner reads commands from
    # both streams, and stderr printed paths raw, so this name wrote a working ::error line.
    forged = "\n::error title=X::forged\n"
    (tmp_path / f"a{forged}.md").write_text("これは極秘です。\n", encoding="utf-8")  # a finding: stdout
    broken = tmp_path / f"b{forged}"  # a folder whose configuration is wrong: an error on stderr
    broken.mkdir()
    (broken / ".sm-lint.yaml").write_text("fail-on: sometimes\n", encoding="utf-8")
    (broken / "post.md").write_text("除雪のお知らせです。\n", encoding="utf-8")
    runs = [
        subprocess.run(
            [sys.executable, "-m", "sm_lint", "--format", "github", *args], capture_output=True, text=True, timeout=120
        )
        for args in (
            [str(tmp_path), str(tmp_path / f"c{forged}.md")],  # and a named file that is missing
            ["--baseline", str(tmp_path / f"d{forged}.json"), str(tmp_path / f"a{forged}.md")],
        )
    ]
    for out in runs:
        assert out.returncode == 2
        # The runner takes a line for a command when it starts with `::` (leading spaces aside).
        for line in [*out.stdout.splitlines(), *out.stderr.splitlines()]:
            assert line.lstrip().startswith(("::error file=", "::warning file=", "::notice file=", "sm-lint: ")), line
        assert "%0A::error title=X::forged%0A" in out.stderr
    assert f"file={tmp_path / 'a'}%0A%3A%3Aerror title=X%3A%3Aforged%0A.md,line=1," in runs[0].stdout


def test_file_names_cannot_forge_workflow_commands_on_an_ascii_stderr(tmp_path):
    # sm-lint's own lines on a stream whose encoding is ASCII (a misconfigured locale) are
    # written as UTF-8 bytes to the stream beneath: that path went around the escape.
    forged = "\n::error title=X::forged\n"
    out = subprocess.run(
        [sys.executable, "-m", "sm_lint", "--format", "github", str(tmp_path / f"c{forged}.md")],
        capture_output=True,
        env={**os.environ, "PYTHONIOENCODING": "ascii"},
        timeout=120,
    )
    assert out.returncode == 2
    stderr = out.stderr.decode("utf-8")
    assert [line for line in stderr.splitlines() if not line.startswith("sm-lint: ")] == []
    assert "%0A::error title=X::forged%0A.md: ファイルがありません" in stderr


def _linked_out(tmp_path):
    """A repository whose posts/ holds a draft, a link to it and a link to a file outside
    (`post.md -> /etc/passwd` in a pull request; here a file of our own outside the tree)."""
    outside = tmp_path / "outside" / "secret.txt"
    outside.parent.mkdir()
    outside.write_text("TOKEN=これは極秘です。\n", encoding="utf-8")  # would be JP-C101, with its line shown
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)  # a repository's root
    (repo / "posts").mkdir()
    (repo / "posts" / "ok.md").write_text("除雪のお知らせです。\n", encoding="utf-8")
    (repo / "posts" / "alias.md").symlink_to("ok.md")  # inside: read as usual
    (repo / "posts" / "post.md").symlink_to(outside)
    return repo, outside


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_link_out_of_the_repository_is_a_notice_in_a_walk_and_never_read(tmp_path, jobs):
    repo, outside = _linked_out(tmp_path)
    result = run(["-j", jobs, "posts"], cwd=repo)
    assert result.exit_code == 0  # the drafts inside are clean; the link is only a notice
    assert result.stdout.splitlines()[0] == "2 件の下書きを確認: 問題は見つかりませんでした"  # then the scores
    assert result.stderr == (
        f"sm-lint: {Path('posts', 'post.md')}: リンク先 ({outside}) が確認するフォルダ ({repo})"
        " の外にあるため、読みません\n"
    )
    assert "TOKEN" not in result.stdout + result.stderr


@pytest.mark.parametrize("fix", [[], ["--fix"]])
def test_a_named_link_to_a_folder_outside_is_exit_2_and_neither_walked_nor_fixed(tmp_path, fix):
    # Found by the fuzz campaign: `sm-lint --fix repo/linked` walked the folder a link leads to
    # and rewrote its drafts (what a file list of a pull request can name: the link itself).
    repo, outside = _linked_out(tmp_path)
    draft = outside.parent / "post.md"
    draft.write_text("詳しくは http://www.city.joetsu.niigata.jp/ をご覧ください。これは極秘です。\n", encoding="utf-8")
    before = draft.read_bytes()
    (repo / "linked").symlink_to(outside.parent, target_is_directory=True)
    for named in ("linked", "linked/"):
        result = run([*fix, "--lang", "en", named], cwd=repo)
        assert result.exit_code == 2, result.stdout + result.stderr
        assert f"not read: it links to {outside.parent}, outside the folder being checked ({repo})" in result.stderr
        assert "TOKEN" not in result.stdout + result.stderr and "極秘" not in result.stdout
        assert draft.read_bytes() == before


def test_a_named_link_out_of_the_repository_is_exit_2_and_never_read(tmp_path):
    repo, outside = _linked_out(tmp_path)
    result = run(["--lang", "en", "posts/post.md", "posts/alias.md"], cwd=repo)
    assert result.exit_code == 2
    assert (
        result.stderr
        == f"sm-lint: posts/post.md: not read: it links to {outside}, outside the folder being checked ({repo})\n"
    )
    assert "TOKEN" not in result.stdout + result.stderr and "1 draft(s) checked" in result.stdout
    # Outside any repository, a named file may be where it is, or anywhere under the current folder.
    (repo / ".git").rmdir()
    named = [str(repo / "posts" / "alias.md"), str(repo / "posts" / "ok.md")]
    assert run(named, cwd=tmp_path / "outside").exit_code == 0
    assert run(["posts/post.md"], cwd=repo).exit_code == 2


def _swapped_after_listing(monkeypatch, swap) -> None:
    """`swap()` runs once the drafts are listed, before any is read: another user of a shared
    folder racing the run (time of check to time of use)."""
    from sm_lint.io import inputs

    listed = inputs.expand

    def expand(*args):
        found = list(listed(*args))
        swap()
        return iter(found)

    monkeypatch.setattr(inputs, "expand", expand)


def _two_drafts_and_secrets(tmp_path):
    repo, outside = tmp_path / "repo", tmp_path / "outside"
    (repo / ".git").mkdir(parents=True)
    (repo / "posts").mkdir()
    outside.mkdir()
    for name in ("a.md", "b.md"):
        (repo / "posts" / name).write_text("除雪のお知らせです。\n", encoding="utf-8")
        (outside / name).write_text("TOKEN=これは極秘です。\n", encoding="utf-8")
    return repo, outside


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_draft_swapped_for_a_link_out_after_listing_is_not_read(tmp_path, monkeypatch, jobs):
    repo, outside = _two_drafts_and_secrets(tmp_path)
    draft = repo / "posts" / "b.md"
    _swapped_after_listing(monkeypatch, lambda: draft.unlink() or draft.symlink_to(outside / "b.md"))
    walked = run(["-j", jobs, "posts"], cwd=repo)
    assert walked.exit_code == 0  # as for a link found listing: a notice in a walk
    assert walked.stdout.splitlines()[0] == "1 件の下書きを確認: 問題は見つかりませんでした"  # then the score
    assert walked.stderr == (
        f"sm-lint: {Path('posts', 'b.md')}: リンク先 ({outside / 'b.md'}) が確認するフォルダ ({repo})"
        " の外にあるため、読みません\n"
    )
    draft.unlink()
    draft.write_text("除雪のお知らせです。\n", encoding="utf-8")
    named = run(["--lang", "en", "-j", jobs, "posts/a.md", "posts/b.md"], cwd=repo)
    assert named.exit_code == 2
    assert (
        named.stderr
        == f"sm-lint: posts/b.md: not read: it links to {outside / 'b.md'}, outside the folder being checked ({repo})\n"
    )
    assert "TOKEN" not in walked.stdout + named.stdout and "極秘" not in walked.stdout + named.stdout


def test_a_folder_swapped_for_a_link_out_after_listing_is_not_read(tmp_path, monkeypatch):
    repo, outside = _two_drafts_and_secrets(tmp_path)
    posts = repo / "posts"

    def swap():
        posts.rename(repo / "old")
        posts.symlink_to(outside)

    _swapped_after_listing(monkeypatch, swap)
    result = run(["--format", "concise", "posts"], cwd=repo)
    assert result.exit_code == 0 and result.stdout == "", result.stderr
    assert result.stderr == "".join(
        f"sm-lint: {Path('posts', name)}: リンク先 ({outside / name}) が確認するフォルダ ({repo})"
        " の外にあるため、読みません\n"
        for name in ("a.md", "b.md")
    )
