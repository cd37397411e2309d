"""The command line end to end: inputs, exit codes, JSON, rules/explain, bad rule files."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CLEAN = "【お知らせ】高田城址公園で観桜会を開きます。夜桜のライトアップは18時からです。\n"
WARNING_ONLY = "来月から休館だそうです。\n"
ERROR = "あのバカな客のせいで残業だ。\n"


def run(*args, stdin=None, cwd=None, env=None):
    return subprocess.run(
        [sys.executable, "-m", "sm_lint", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=cwd or ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT), **(env or {})},
    )


@pytest.fixture
def drafts(tmp_path):
    (tmp_path / "clean.md").write_text(CLEAN, encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "bad.markdown").write_text(ERROR, encoding="utf-8")
    (tmp_path / "sub" / "warn.txt").write_text(WARNING_ONLY, encoding="utf-8")
    (tmp_path / "sub" / "notes.csv").write_text(ERROR, encoding="utf-8")  # not a draft suffix
    return tmp_path


def test_clean_file_exits_zero(drafts):
    r = run(str(drafts / "clean.md"))
    assert r.returncode == 0, r.stdout + r.stderr
    assert "問題は見つかりませんでした" in r.stdout


def test_error_finding_exits_one_with_clause_and_match(drafts):
    r = run(str(drafts / "sub" / "bad.markdown"), "--no-color")
    assert r.returncode == 1
    assert "bad.markdown:1:3" in r.stdout
    assert "JP-P101" in r.stdout and "5(5) 不適切な発信を行わないこと" in r.stdout
    assert "エラー 1 件" in r.stdout


def test_warning_only_exits_zero_unless_fail_on_warning(drafts):
    assert run(str(drafts / "sub" / "warn.txt")).returncode == 0
    assert run(str(drafts / "sub" / "warn.txt"), "--fail-on", "warning").returncode == 1


def test_directory_is_walked_for_draft_suffixes_only(drafts):
    r = run(str(drafts), "--format", "json")
    paths = {Path(f["path"]).name for f in json.loads(r.stdout)["findings"]}
    assert paths == {"bad.markdown", "warn.txt"}
    assert r.returncode == 1


def test_stdin_and_json_fields():
    import jsonschema

    r = run("-", "--format", "json", stdin=ERROR)
    schema = json.loads((ROOT / "sm_lint" / "report" / "findings.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(json.loads(r.stdout), schema)
    [finding] = json.loads(r.stdout)["findings"]
    assert finding["path"] == "-" and finding["match"] == "バカ"
    assert (finding["line"], finding["column"], finding["end_column"]) == (1, 3, 5)


def test_english_output():
    r = run("-", "--lang", "en", "--format", "concise", stdin=ERROR)
    assert "error JP-P101 [5(5)]" in r.stdout and 'The insulting expression "バカ"' in r.stdout


def test_select_and_ignore_by_clause_category_and_id(drafts):
    text = "【極秘】あのバカな客の件。\n"

    def rules(*args):
        return {f["rule"] for f in json.loads(run("-", "--format", "json", *args, stdin=text).stdout)["findings"]}

    assert rules() == {"JP-C101", "JP-P101"}
    assert rules("--select", "5(4)") == {"JP-C101"}
    assert rules("--ignore", "confidential") == {"JP-P101"}
    assert rules("--ignore", "JP-P1") == {"JP-C101"}
    # comma-separated, as in ruff; and a rule by its name
    assert rules("--select", "JP-C101, JP-P101") == {"JP-C101", "JP-P101"}
    assert rules("--ignore", "insult") == {"JP-C101"}


@pytest.mark.parametrize(
    "args,said",
    [
        (["--select", "JP-P10l"], "--select: 「JP-P10l」に当たるルールがありません (「JP-P101」の誤りでは?)"),
        (
            ["--ignore", "confidental"],
            "--ignore: 「confidental」に当たるルールがありません (「confidential」の誤りでは?)",
        ),
        (
            ["--select", "JP-P101,kanko"],
            "--select: 「kanko」に当たるルールがありません (ルール ID・名前・カテゴリ・条項は `sm-lint rules`",
        ),
        (["--select", "5(5"], "--select: 「5(5」に当たるルールがありません (「5(5)」の誤りでは?)"),
    ],
)
def test_a_selector_that_names_no_rule_is_exit_two_and_lints_nothing(args, said):
    r = run("-", *args, stdin="【極秘】あのバカな客の件。\n")
    assert r.returncode == 2
    assert r.stderr.startswith(f"sm-lint: {said}") and len(r.stderr.splitlines()) == 1
    assert "JP-" not in r.stdout  # a typo does not quietly select or ignore nothing


def test_missing_file_is_exit_two_with_one_line(drafts):
    r = run(str(drafts / "nope.md"), str(drafts / "clean.md"))
    assert r.returncode == 2
    assert "nope.md" in r.stderr and "Traceback" not in r.stderr
    assert "1 件の下書きを確認" in r.stdout  # the other file was still linted


def test_a_draft_named_twice_counts_once(drafts):
    r = run(str(drafts / "clean.md"), str(drafts / "clean.md"))
    assert r.returncode == 0
    assert "1 件の下書きを確認: 問題は見つかりませんでした" in r.stdout


def test_no_colour_when_not_a_terminal_or_no_color():
    assert "\x1b[" not in run("-", stdin=ERROR).stdout
    assert "\x1b[" in run("-", stdin=ERROR, env={"FORCE_COLOR": "1"}).stdout  # the control
    assert "\x1b[" not in run("-", stdin=ERROR, env={"FORCE_COLOR": "1", "NO_COLOR": "1"}).stdout
    assert "\x1b[" not in run("-", "--no-color", stdin=ERROR, env={"FORCE_COLOR": "1"}).stdout


def test_rules_lists_every_rule_and_explain_prints_the_clause():
    listing = run("rules").stdout.splitlines()
    assert listing[0].split() == ["ID", "重要度", "条項", "カテゴリ", "名前"]
    assert "JP-P101  エラー  5(5)   prohibited        insult" in listing
    out = run("explain", "5(4)").stdout
    assert "機密情報を保護すること" in out and "秘密に関する情報発信は一切行ってはいけません" in out
    out = run("explain", "JP-P201").stdout
    assert "JP-P201" in out and "人種、思想、信条等の差別" in out
    assert run("explain", "9(9)").returncode == 2


def test_explain_takes_what_people_type_and_hints_at_a_typo():
    # a rule by its name or in lower case, a clause in full-width characters
    assert run("explain", "hearsay").stdout.startswith("JP-P501 hearsay (prohibited, 警告)")
    assert run("explain", "jp-p501").stdout.startswith("JP-P501 hearsay")
    assert run("explain", "５（４）").stdout.startswith("ガイドライン 5(4) 機密情報を保護すること")
    assert run("explain", "6（1）②").stdout.startswith("ガイドライン 6(1)② 情報発信")
    wrong = run("explain", "JP-P5O1")
    assert wrong.returncode == 2 and "JP-P5O1" in wrong.stderr and "「JP-P501」の誤りでは?" in wrong.stderr
    assert "did you mean `hearsay`?" in run("explain", "--lang", "en", "hearsey").stderr


def test_explain_prints_each_example_as_an_item_keeping_its_lines():
    from sm_lint.rules.loader import load_rules

    rules = {r.id: r for r in load_rules()}
    out = run("explain", "JP-F102").stdout
    # a draft with front matter stays a readable block under its item, not one run-on line
    first = rules["JP-F102"].invalid[0].rstrip("\n").split("\n")
    assert first[0] == "---"
    assert "違反の例:\n  - ---\n" + "".join(f"    {line}\n" for line in first[1:]) + "  - " in out
    assert "問題のない例:\n  - ---\n" in out
    out = run("explain", "JP-P101").stdout
    one_line = rules["JP-P101"].invalid
    assert "違反の例:\n" + "".join(f"  - {example}\n" for example in one_line) + "問題のない例:" in out


def test_usage_error_exits_two():
    assert run("--format", "xml", "a.md").returncode == 2


@pytest.mark.parametrize("typed", ["5(5)", "5-5", "5.5", "５(５)", "５（５）", "５－５"])
def test_explain_takes_a_clause_as_people_type_it(typed):
    out = run("explain", typed)
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("ガイドライン 5(5) 不適切な発信を行わないこと\n")


def test_explain_takes_an_item_of_a_clause_without_brackets():
    assert run("explain", "6-1-2").stdout.startswith("ガイドライン 6(1)② 情報発信\n")
    assert run("explain", "7-2").stdout.startswith("ガイドライン 7(2) ")


def test_explain_help_quotes_its_examples_for_the_shell():
    # 5(5) unquoted is a shell syntax error: every example in the help and the README is quoted
    assert "sm-lint explain '5(5)'" in run("explain", "--help").stdout
    docs = "".join(page.read_text(encoding="utf-8") for page in [ROOT / "README.md", *(ROOT / "docs").rglob("*.md")])
    assert re.findall(r"sm-lint explain (\S+)", docs)
    for argument in re.findall(r"sm-lint explain ([^\s`]+)", docs):
        assert "(" not in argument or argument.startswith("'"), argument


def test_explain_shows_the_message_a_draft_gets_not_its_template():
    out = run("explain", "JP-P501").stdout
    assert "メッセージ (例の下書きでは): 「らしい」は伝聞の表現です。" in out
    assert "{" not in out.split("違反の例:")[0]
    english = run("explain", "--lang", "en", "JP-F101").stdout
    assert (
        "message (on the first example): img/undokai.jpg shows identifiable people "
        "but no consent is recorded (consent: pending)."
    ) in english
    assert "suggestion:\n  images:\n    - path: img/undokai.jpg\n      consent: obtained\n" in english


def test_rules_is_an_aligned_table_in_the_users_language_or_json():
    ja = run("rules").stdout.splitlines()
    # every column starts at the same terminal cell on every line (a kanji is two cells)
    from rich.cells import cell_len

    def starts(line):
        out, cells = [], 0
        for part in re.split(r"( {2,})", line):  # no cell holds two spaces
            if part.strip():
                out.append(cells)
            cells += cell_len(part)
        return out

    columns = [starts(line) for line in ja]
    assert len(set(map(tuple, columns))) == 1, columns[:3]
    assert {line.split()[1] for line in ja[1:]} == {"エラー", "警告", "情報"}
    en = run("rules", "--lang", "en").stdout.splitlines()
    assert en[0].split() == ["ID", "severity", "clause", "category", "name"]
    assert {line.split()[1] for line in en[1:]} == {"error", "warning", "info"}
    listed = json.loads(run("rules", "--format", "json").stdout)
    insult = next(r for r in listed if r["id"] == "JP-P101")
    assert (
        insult["severity"] == "error"
        and insult["clause"] == "5(5)"
        and insult["clause_title"] == "不適切な発信を行わないこと"
    )
    assert len(listed) == len(ja) - 1


def test_a_draft_piped_on_stdin_is_linted_without_a_path():
    out = run("--format", "concise", stdin=ERROR)
    assert out.returncode == 1
    assert out.stdout.startswith("-:1:3: エラー JP-P101 [5(5)]")
    # at a terminal (or with nothing on stdin), no path is still the help, not a wait for input
    empty = subprocess.run(
        [sys.executable, "-m", "sm_lint"],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert empty.returncode == 0 and "Usage:" in empty.stdout
    # an empty pipe (the command before it failed) is no clean draft: nothing was checked
    for args in ((), ("-",)):
        nothing = run(*args, stdin="\n")
        assert (
            nothing.returncode == 2 and nothing.stderr == "sm-lint: -: 標準入力が空です。下書きの内容を渡してください\n"
        )
