"""Rule files are user data: every mistake is `path:line: what`, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from sm_lint.errors import RuleError
from sm_lint.rules.loader import load_rules

GOOD = """\
rules:
  - id: X-001
    name: test-word
    category: prohibited
    clause: 5(5)
    severity: warning
    message: 「{match}」は使えません。
    match:
      words: [雪だるま]
    examples:
      invalid: [雪だるまを作ろう]
      valid: [雪かきをしよう]
"""


def load_text(tmp_path: Path, text: str):
    (tmp_path / "pack.yaml").write_text(text, encoding="utf-8")
    return load_rules([tmp_path])


def error_of(tmp_path, text, lang: str = "ja") -> str:
    with pytest.raises(RuleError) as info:
        load_text(tmp_path, text)
    return info.value.text(lang)


def test_a_new_rule_needs_no_python(tmp_path, linter):
    [rule] = load_text(tmp_path, GOOD)
    [finding] = linter.lint_text("みんなで雪だるまを作ろう。", rules=[rule])
    assert finding.rule == "X-001" and finding.match == "雪だるま"


@pytest.mark.parametrize(
    "change,line,needle,needle_ja",
    [
        (("severity: warning", "severity: fatal"), 6, "severity", "のいずれかです (値: 'fatal')"),
        (("clause: 5(5)", "clause: 99"), 5, "clause", "clause 99 はガイドラインの条項一覧にありません"),
        (("category: prohibited", "category: rude"), 4, "category", "知らない category です: 'rude'"),
        (("      valid: [雪かきをしよう]\n", ""), 10, "examples.valid", "`examples.valid` は文のリストで"),
        (("words: [雪だるま]", "wordz: [雪だるま]"), 8, "exactly one kind", "ちょうど 1 つを書いてください"),
        (("words: [雪だるま]", "regex: '(雪'"), 9, "does not compile", "正規表現 '(雪' がコンパイルできません"),
        (
            ("    name: test-word\n", "    name: test-word\n    colour: red\n"),
            2,
            "unknown key `colour`",
            "知らないキー `colour` があります (書ける項目: ",
        ),
        (
            ("message: 「{match}」は使えません。", "message: 「{match」"),
            7,
            "placeholder",
            "の差し込みの書き方が正しくありません",
        ),
        (
            ("  - id: X-001", "  - id: X-001\n    bad: [unclosed"),
            3,
            "not valid YAML",
            "「[」に対応する「]」がありません",
        ),  # where [ opened
        # Once an internal error when the finding was reported.
        (
            ("    name: test-word\n", "    name: test-word\n    suggestion: [雪像, 雪人形]\n"),
            4,
            "`suggestion` is a text",
            "`suggestion` は文字列で書いてください",
        ),
    ],
)
def test_broken_rule_is_reported_with_path_and_line(tmp_path, change, line, needle, needle_ja):
    for lang, expected in (("en", needle), ("ja", needle_ja)):
        message = error_of(tmp_path, GOOD.replace(*change), lang)
        assert message.startswith(f"{tmp_path / 'pack.yaml'}:{line}:"), message
        assert expected in message


def test_duplicate_ids_are_refused(tmp_path):
    (tmp_path / "other.yaml").write_text(GOOD, encoding="utf-8")
    assert "duplicate rule id X-001" in error_of(tmp_path, GOOD, "en")
    assert "ルール ID X-001 が重複しています" in error_of(tmp_path, GOOD)


def test_yaml_tags_cannot_build_python_objects(tmp_path):
    message = error_of(tmp_path, "rules: !!python/object/apply:os.system ['echo hi']\n", "en")
    assert "not valid YAML" in message


def test_broken_rule_file_on_the_command_line_is_exit_two(tmp_path):
    import subprocess
    import sys

    bad = tmp_path / "rules"
    bad.mkdir()
    (bad / "pack.yaml").write_text(GOOD.replace("severity: warning", "severity: fatal"), encoding="utf-8")
    script = (
        "import sys; from pathlib import Path; import sm_lint.rules.loader as l;"
        f"l.default_pack_dirs = lambda: [Path({str(bad)!r})];"
        "from sm_lint.cli import main; sys.argv=['sm-lint','-']; main()"
    )
    r = subprocess.run([sys.executable, "-c", script], input="テスト", capture_output=True, text=True)
    assert r.returncode == 2
    assert r.stderr.strip().count("\n") == 0 and "pack.yaml:6" in r.stderr and "Traceback" not in r.stderr


PERSON = """\
rules:
  - id: X-101
    name: name-with-age
    category: personal-info
    clause: 5(3)
    severity: info
    message: 「{match}」は氏名です。{note}
    message_en: '"{match}" is a name. {note_en}'
    match:
      person-name:
        年齢: {regex: '\\d{1,3}歳', label-en: age}
        学年: '\\d年生'
      combined: error
      note: 同じ行に{attribute}があります。
      note-en: The {attribute} is on the same line.
    examples:
      invalid: [表彰された山田花子さん（88歳）です。]
      valid: [高田公園の桜です。]
"""


def test_a_rule_gives_its_labels_and_notes_in_english(tmp_path, linter):
    from sm_lint.settings.config import Config

    [rule] = load_text(tmp_path, PERSON)
    text = "表彰された山田花子さん（88歳）です。\n鈴木一郎さんは3年生です。\n"
    en = linter.lint_text(text, rules=[rule], config=Config(lang="en"))
    ja = linter.lint_text(text, rules=[rule])
    assert [f.message for f in en] == [
        '"山田花子" is a name. The age is on the same line.',
        '"鈴木一郎" is a name. The 学年 is on the same line.',
    ]  # no label-en: its label
    assert [f.message for f in ja] == [
        "「山田花子」は氏名です。同じ行に年齢があります。",
        "「鈴木一郎」は氏名です。同じ行に学年があります。",
    ]
    assert [f.severity for f in en] == ["error", "error"]


@pytest.mark.parametrize(
    "change,needle,needle_ja",
    [
        (
            ("note-en: The {attribute} is on the same line.", "note-en: The {name} is near."),
            "`note-en` may use {attribute} only",
            "`note-en` で使える差し込みは {attribute} だけです",
        ),
        (
            ("note: 同じ行に{attribute}があります。", "note: 同じ行に{attribute があります。"),
            "`note` may use {attribute} only",
            "`note` で使える差し込みは {attribute} だけです",
        ),
        (
            ("label-en: age}", "label-en: [age]}"),
            "`person-name.年齢.label-en` is a text",
            "`person-name.年齢.label-en` は文字列で書いてください",
        ),
        (
            ("label-en: age}", "label-en: age, adjacnet: true}"),
            "unknown key `adjacnet` in `person-name.年齢` (did you mean `adjacent`?)",
            "`person-name.年齢` に知らないキー `adjacnet` があります (「adjacent」の誤りでは?)",
        ),
    ],
)
def test_broken_english_labels_and_notes_are_rule_errors(tmp_path, change, needle, needle_ja):
    assert needle in error_of(tmp_path, PERSON.replace(*change), "en")
    assert needle_ja in error_of(tmp_path, PERSON.replace(*change))
