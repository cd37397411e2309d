"""`--fix` applies safe suggestions only, keeps encoding and line endings, writes atomically;
`--diff` shows the same changes and writes nothing."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

import helpers
from helpers import run
from sm_lint.errors import InputError
from sm_lint.io.fix import apply_edits, encode_like
from sm_lint.io.yamlsafe import load_yaml
from sm_lint.rules.loader import compile_rule
from sm_lint.run.linter import Linter

# 裏日本 (JP-P201) and 看護婦 (JP-P203) have safe rewrites; バカ (JP-P101) has none;
# 盲判 and 片手落ち (JP-P204) have suggestions marked `fix: unsafe` (a paraphrase, and a word
# that would need な instead of の: 不公平の対応), not drop-in words.
DRAFT = (
    "---\r\nplatform: x\r\napproved_by: 広報対話課長\r\n---\r\n"
    "裏日本の冬は看護婦さんが大変です。\r\n"
    "窓口に来たあのバカな客。\r\n"
    "申請書に盲判を押さないでください。\r\n"
    "片手落ちの対応にならないようにします。\r\n"
)
FIXED = (
    "---\r\nplatform: x\r\napproved_by: 広報対話課長\r\n---\r\n"
    "日本海側の冬は看護師さんが大変です。\r\n"
    "窓口に来たあのバカな客。\r\n"
    "申請書に盲判を押さないでください。\r\n"
    "片手落ちの対応にならないようにします。\r\n"
)


@pytest.fixture
def draft(tmp_path) -> Path:
    path = tmp_path / "post.md"
    path.write_bytes(DRAFT.encode("utf-8"))
    return path


def test_diff_shows_the_safe_fixes_and_writes_nothing(draft):
    before = draft.stat().st_mtime_ns
    result = run(["--diff", "post.md"], cwd=draft.parent)
    assert result.exit_code == 1  # there is something to fix
    diff = result.stdout_bytes.decode("utf-8")  # (click's .stdout turns CRLF into LF)
    assert "-裏日本の冬は看護婦さんが大変です。\r\n+日本海側の冬は看護師さんが大変です。\r\n" in diff
    changed = [line for line in diff.split("\n") if line[:1] in ("+", "-") and line[:3] not in ("---", "+++")]
    assert changed == ["-裏日本の冬は看護婦さんが大変です。\r", "+日本海側の冬は看護師さんが大変です。\r"]
    assert draft.read_bytes() == DRAFT.encode("utf-8") and draft.stat().st_mtime_ns == before


def test_diff_of_a_draft_named_by_its_absolute_path_has_git_style_headers(draft):
    diff = run(["--diff", str(draft)], cwd=draft.parent).stdout
    relative = str(draft).lstrip("/")
    assert diff.startswith(f"--- a/{relative}\n+++ b/{relative}\n")


def test_no_option_ever_writes_without_fix(draft):
    for args in (["post.md"], ["--format", "json", "post.md"], ["--statistics", "post.md"], ["--diff", "post.md"]):
        run(args, cwd=draft.parent)
        assert draft.read_bytes() == DRAFT.encode("utf-8")


def test_fix_writes_keeps_crlf_and_reports_what_is_left(draft):
    draft.chmod(0o640)
    result = run(["--format", "concise", "--fix", "post.md"], cwd=draft.parent)
    assert draft.read_bytes() == FIXED.encode("utf-8")
    assert stat.S_IMODE(draft.stat().st_mode) == 0o640
    assert os.listdir(draft.parent) == ["post.md"]  # no temporary file left behind
    assert "2 件を修正しました (1 ファイル)" in result.stderr
    # What is left is reported at its place in the fixed file.
    assert [line.split(": ")[0] + " " + line.split()[2] for line in result.stdout.splitlines()] == [
        "post.md:6:8 JP-P101",
        "post.md:7:5 JP-P204",
        "post.md:8:1 JP-P204",
    ]
    assert result.exit_code == 1
    again = run(["--diff", "post.md"], cwd=draft.parent)
    assert (again.exit_code, again.stdout) == (0, "")


def test_fix_lints_again_only_the_drafts_it_changed(draft, monkeypatch):
    # The draft with nothing safe to fix keeps the findings of the first lint: linting every
    # draft twice cost --fix on a content repository twice the time of a lint.
    (draft.parent / "苦情.md").write_text(
        "---\nplatform: x\napproved_by: 広報対話課長\n---\n窓口に来たあのバカな客。\n", encoding="utf-8"
    )
    linted = []
    lint_source = Linter.lint_source
    monkeypatch.setattr(
        Linter,
        "lint_source",
        lambda self, source, *rest: linted.append(source.display) or lint_source(self, source, *rest),
    )
    result = run(["--format", "concise", "--fix", "-j", "1", "post.md", "苦情.md"], cwd=draft.parent)
    assert sorted(linted) == ["post.md", "post.md", "苦情.md"]
    assert [line.split(": ")[0] + " " + line.split()[2] for line in result.stdout.splitlines()] == [
        "post.md:6:8 JP-P101",
        "post.md:7:5 JP-P204",
        "post.md:8:1 JP-P204",
        "苦情.md:5:8 JP-P101",
    ]
    assert result.exit_code == 1


@pytest.mark.parametrize(
    "encoding,data",
    [
        ("utf-8-sig", "\ufeff外人に道を聞かれました。\n"),
        ("cp932", "外人に道を聞かれました。\n"),
    ],
)
def test_fix_keeps_the_encoding(tmp_path, encoding, data):
    path = tmp_path / "post.txt"
    path.write_bytes(data.lstrip("\ufeff").encode(encoding))
    result = run(["--fix", "post.txt"], cwd=tmp_path)
    if result.exit_code == 2:  # this build cannot read the encoding at all: nothing may be written
        assert path.read_bytes() == data.lstrip("\ufeff").encode(encoding)
        pytest.skip(f"{encoding} drafts are not read by this build: {result.stderr.strip()}")
    assert path.read_bytes() == "外国人に道を聞かれました。\n".encode(encoding)


def test_fix_on_stdin_prints_the_fixed_text_and_reports_on_stderr(tmp_path):
    result = run(
        ["--fix", "--format", "concise", "--stdin-filename", "post.md", "-"],
        cwd=tmp_path,
        stdin="外人に道を聞かれました。あのバカな客。",
    )
    assert result.stdout == "外国人に道を聞かれました。あのバカな客。"
    assert result.stderr.splitlines() == [
        "1 件を修正しました (1 ファイル)",
        "post.md:1:16: エラー JP-P101 [5(5)] 侮辱的・不敬な表現「バカ」は公式の発信に使えません。",
    ]
    assert not any(tmp_path.iterdir())


def finding(start, end, fix):
    return helpers.finding(column=start + 1, end_column=end + 1, suggestion=fix, start=start, end=end, fix=fix)


def test_overlapping_edits_apply_once():
    text = "abcdef"
    fixed, count = apply_edits(text, [finding(3, 5, "X"), finding(0, 2, "Y"), finding(1, 4, "Z"), finding(0, 2, "Y")])
    assert (fixed, count) == ("YcXf", 2)


def test_fix_must_be_safe_or_unsafe():
    item = load_yaml("""\
id: T-1
name: t
category: prohibited
clause: 5(5)
severity: error
message: m
fix: always
match: {words: [外人]}
examples: {invalid: [外人], valid: [外国人]}
""")
    with pytest.raises(Exception) as info:
        compile_rule(item, Path("t.yaml"))
    assert "`fix` is safe or unsafe, not 'always'" in info.value.text("en")
    assert "`fix` は safe か unsafe です (値: 'always')" in str(info.value)


def test_encode_like_keeps_the_original_encoding_or_refuses():
    old, new = "外人の方へ\r\n", "外国人の方へ\r\n"
    for encoding in ("utf-8", "cp932", "euc-jp"):
        assert encode_like(old.encode(encoding), old, new, encoding, "p") == new.encode(encoding)
    assert encode_like(b"\xef\xbb\xbf" + old.encode(), old, new, "utf-8-sig", "p") == b"\xef\xbb\xbf" + new.encode()
    # UTF-16/32 keep their BOM and byte order, big-endian included.
    for codec, order in (("utf-16", "utf-16-be"), ("utf-16", "utf-16-le"), ("utf-32", "utf-32-be")):
        bom = {"utf-16-be": b"\xfe\xff", "utf-16-le": b"\xff\xfe", "utf-32-be": b"\x00\x00\xfe\xff"}[order]
        assert encode_like(bom + old.encode(order), old, new, codec, "p") == bom + new.encode(order)
    # Bytes that are not this text in the draft's encoding: refuse rather than guess.
    with pytest.raises(InputError, match="書き戻せない"):
        encode_like("外人の方へ\n".encode(), old, new, "utf-8", "p")
    # A replacement the file's encoding cannot hold: refuse too (髙 is not in EUC-JP).
    with pytest.raises(InputError, match="書き戻せない"):
        encode_like(old.encode("euc-jp"), old, "髙" + new, "euc-jp", "p")


def test_a_file_that_cannot_be_fixed_does_not_stop_the_others(tmp_path):
    (tmp_path / "good.md").write_bytes("裏日本の天気です。\n".encode("cp932"))
    # CP932 bytes 87 90 (NEC row 13) read as ≒, which CP932 writes back as 81 E0: this file
    # cannot be rewritten byte for byte, so it is left alone.
    (tmp_path / "odd.md").write_bytes("裏日本の".encode("cp932") + b"\x87\x90" + "天気です。\n".encode("cp932"))
    result = run(["--encoding", "cp932", "--diff", "good.md", "odd.md"], cwd=tmp_path)
    assert result.exit_code == 2
    assert "+日本海側の天気です。" in result.stdout and result.stdout.count("+++ b/") == 1
    assert "odd.md: 元の文字コードのままでは書き戻せないため、修正せずにそのままにしました" in result.stderr
    result = run(["--encoding", "cp932", "--diff", "--lang", "en", "good.md", "odd.md"], cwd=tmp_path)
    assert "odd.md: cannot fix: the file's encoding cannot be kept, so it is left unchanged" in result.stderr


def test_a_waived_finding_is_never_fixed(tmp_path):
    from sm_lint.io.fix import plan
    from sm_lint.io.inputs import Reader, Source

    path = tmp_path / "post.md"
    path.write_text("外人墓地ではなく外人の話。\n", encoding="utf-8")
    source = Source("post.md", path)
    f1, f2 = finding(0, 2, "外国人"), finding(8, 10, "外国人")
    waived = f1._replace(path="post.md", suppressed_by="承認済み: 広報対話課長 2026-11-01")
    drafts = {"post.md": type("D", (), {"text": path.read_text(encoding="utf-8"), "encoding": "utf-8"})()}
    (change,), problems = plan([waived, f2._replace(path="post.md")], drafts, [source], Reader())
    assert problems == []
    assert change.new == "外人墓地ではなく外国人の話。\n" and change.count == 1


def test_fix_upgrades_plain_http_links_to_trusted_hosts_only(tmp_path):
    draft = tmp_path / "link.md"
    draft.write_text(
        "詳しくは http://www.city.joetsu.niigata.jp/soshiki/koho/ をご覧ください。\n"
        "[市のページ](http://www.city.joetsu.niigata.jp/site/kanko/)\n",
        encoding="utf-8",
    )
    run(["--fix", "link.md"], cwd=tmp_path)
    assert draft.read_text(encoding="utf-8") == (
        "詳しくは https://www.city.joetsu.niigata.jp/soshiki/koho/ をご覧ください。\n"
        # the Markdown link is reported with its suggestion, but not rewritten
        "[市のページ](http://www.city.joetsu.niigata.jp/site/kanko/)\n"
    )


# What a pull request may put in the files --fix is run on (issue 22).


def test_fix_never_writes_through_a_symbolic_link(tmp_path):
    repo, outside = tmp_path / "repo", tmp_path / "outside.md"
    (repo / ".git").mkdir(parents=True)
    outside.write_bytes(DRAFT.encode("utf-8"))
    (repo / "post.md").write_bytes(DRAFT.encode("utf-8"))
    (repo / "out.md").symlink_to(outside)  # rewritten by `--fix repo/` before
    (repo / "same.md").symlink_to("post.md")  # inside, yet its target is for its own name to fix
    result = run(["--fix", "--format", "concise", "."], cwd=repo)
    assert result.exit_code == 2
    assert outside.read_bytes() == DRAFT.encode("utf-8")
    assert (repo / "out.md").is_symlink() and (repo / "same.md").is_symlink()
    assert (
        "sm-lint: same.md: シンボリックリンクなので修正しません (リンク先のファイルを指定してください)\n"
        in result.stderr
    )
    assert (repo / "post.md").read_bytes() == FIXED.encode("utf-8")  # fixed by its own name
    (repo / "post.md").write_bytes(DRAFT.encode("utf-8"))
    english = run(["--fix", "--lang", "en", "same.md"], cwd=repo)
    assert "sm-lint: same.md: not fixed: it is a symbolic link (name the file it points to)\n" in english.stderr


def test_fix_refuses_a_read_only_file_and_says_so(draft):
    draft.chmod(0o444)
    result = run(["--fix", str(draft)])
    assert result.exit_code == 2  # a fix asked for and not made: CI must not take it as done
    assert result.stderr.endswith(
        f"sm-lint: {draft}: 読み取り専用のファイルなので修正しません。書き込みを許可してから --fix を実行してください\n"
    )
    assert draft.read_bytes() == DRAFT.encode("utf-8") and stat.S_IMODE(draft.stat().st_mode) == 0o444
    english = run(["--fix", "--lang", "en", str(draft)])
    assert (
        f"sm-lint: {draft}: not fixed: the file is read-only; make it writable, then run --fix again\n"
        in english.stderr
    )


def test_fix_refuses_a_hard_linked_file_rather_than_split_it(draft):
    other = draft.with_name("copy.md")
    os.link(draft, other)
    result = run(["--fix", str(draft)])
    assert result.exit_code == 2
    assert f"sm-lint: {draft}: ほかの名前 (ハードリンク) と中身を共有しているため修正しません" in result.stderr
    assert draft.stat().st_nlink == 2 and os.path.samefile(draft, other)
    assert other.read_bytes() == DRAFT.encode("utf-8")


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="only root can give a file to another user")
def test_fix_keeps_the_owner_and_group(draft):
    os.chown(draft, 1234, 5678)
    draft.chmod(0o660)
    assert run(["--fix", str(draft)]).exit_code == 1  # JP-P101 is left
    info = draft.stat()
    assert (info.st_uid, info.st_gid, stat.S_IMODE(info.st_mode)) == (1234, 5678, 0o660)
    assert draft.read_bytes() == FIXED.encode("utf-8")


def test_stale_temporary_files_of_a_killed_run_are_removed(draft):
    stale = draft.with_name(f".{draft.name}.k1ll3d_x.sm-lint")
    stale.write_bytes(DRAFT[:20].encode("utf-8"))
    kept = draft.with_name(".notes.md.k1ll3d_x.sm-lint")  # another draft's: not this fix's to touch
    kept.write_bytes(b"")
    assert run(["--fix", str(draft)]).exit_code == 1
    assert not stale.exists() and kept.exists()
    assert sorted(p.name for p in draft.parent.iterdir()) == [kept.name, draft.name]


@pytest.mark.parametrize("signum,status", [("SIGTERM", 143), ("SIGINT", 130)])
def test_an_interrupted_fix_leaves_no_temporary_file(draft, signum, status):
    # A cancelled CI job gets SIGTERM: it used to leave `.post.md.XXXXXXXX.sm-lint` behind.
    import subprocess
    import sys

    code = (
        "import os, signal, sys; from sm_lint.cli import run; "  # the signal comes as the new text is written
        f"os.fsync = lambda fd: os.kill(os.getpid(), signal.{signum}); "
        "sys.argv = ['sm-lint', '--fix', sys.argv[1]]; run()"
    )
    done = subprocess.run([sys.executable, "-c", code, str(draft)], capture_output=True, text=True, timeout=120)
    assert done.returncode == status, done.stderr
    assert [p.name for p in draft.parent.iterdir()] == [draft.name]
    assert draft.read_bytes() == DRAFT.encode("utf-8")


def test_fix_does_not_write_into_a_folder_swapped_for_a_link_out_after_reading(tmp_path, monkeypatch):
    # Another user of a shared folder racing the run: the draft was read and planned inside,
    # then its folder became a link to where a file of the same name is.
    from sm_lint.io import fix

    repo, outside = tmp_path / "repo", tmp_path / "outside"
    (repo / ".git").mkdir(parents=True)
    (repo / "posts").mkdir()
    outside.mkdir()
    (repo / "posts" / "post.md").write_bytes(DRAFT.encode("utf-8"))
    (outside / "post.md").write_bytes(DRAFT.encode("utf-8"))
    planned = fix.plan

    def plan_then_swap(*args):
        found = planned(*args)
        (repo / "posts").rename(repo / "old")
        (repo / "posts").symlink_to(outside)
        return found

    monkeypatch.setattr(fix, "plan", plan_then_swap)
    result = run(["--fix", "--format", "concise", "posts/post.md"], cwd=repo)
    assert result.exit_code == 2
    assert (outside / "post.md").read_bytes() == DRAFT.encode("utf-8")
    assert [p.name for p in outside.iterdir()] == ["post.md"]  # no temporary file left there either
    assert (
        f"sm-lint: {Path('posts', 'post.md')}: フォルダが確認するフォルダ ({repo}) の外 ({outside}) にあるため"
        "修正しません\n"
    ) in result.stderr
