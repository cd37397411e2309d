"""A configuration extends built-in rules (`rules: {ID: {extend: ...}}`), and a configuration's
rule packs (`rule-dirs`) run their own examples when loaded (docs/rule-packs.md)."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

from helpers import run
from sm_lint.rules import selftest

ROOT = Path(__file__).resolve().parents[1]
PAGE = (ROOT / "docs" / "rule-packs.md").read_text(encoding="utf-8")


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def block(fence: str) -> str:
    return re.findall(rf"```{fence}\n(.*?)```", PAGE, re.S)[0]


def concise(cwd: Path, *args: str):
    return run(["--format", "concise", *args, "post.md"], cwd=cwd)


def test_the_worked_example_of_extend_gives_the_findings_the_page_shows(tmp_path):
    for folder in ("without", "with"):  # a folder's configuration is read once per process
        write(tmp_path / folder / "post.md", block("markdown"))
    before = concise(tmp_path / "without")
    # Without the setting: ボケ (in ボケの花) is reported and 甲斐性なし is not, as the page says.
    assert [line.split(":")[1] for line in before.stdout.splitlines()] == ["2"] and "ボケ" in before.stdout
    write(tmp_path / "with" / ".sm-lint.yaml", block("yaml"))
    after = concise(tmp_path / "with")
    assert after.exit_code == 1 and after.stdout == block("text").split("\n```")[0]


def test_the_worked_example_of_a_path_in_extend_gives_the_finding_the_page_shows(tmp_path):
    # docs/configuration.md: a list inside the rule's match: (phrases.ask of JP-V102), by path.
    page = (ROOT / "docs" / "configuration.md").read_text(encoding="utf-8").split("## Extending a list inside")[1]
    config, draft, shown = (
        re.findall(rf"```{fence}\n(.*?)```", page, re.S)[0] for fence in ("yaml", "markdown", "text")
    )
    for folder in ("without", "with"):
        write(tmp_path / folder / "post.md", draft)
    assert concise(tmp_path / "without").stdout == ""
    write(tmp_path / "with" / ".sm-lint.yaml", config)
    assert concise(tmp_path / "with").stdout == shown


def test_extend_reaches_a_list_inside_a_list_of_entries_and_names_the_inner_lists(tmp_path):
    # JP-C106's construction: a list of entries, each with a regex: list (construction.1.regex).
    text = "rules:\n  JP-C106:\n    extend:\n      construction.1.regex: [秘密の相談中]\n"
    for folder in ("without", "with"):
        write(tmp_path / folder / "post.md", "駅前の再編は秘密の相談中です。\n")
    assert concise(tmp_path / "without").stdout == ""
    write(tmp_path / "with" / ".sm-lint.yaml", text)
    assert "JP-C106 [5(4)] 「再編は秘密の相談中」" in concise(tmp_path / "with").stdout
    write(tmp_path / "bad" / ".sm-lint.yaml", "rules:\n  JP-V102:\n    extend: {phrases.asks: [x]}\n")
    write(tmp_path / "bad" / "post.md", "新しい窓口のお知らせです。\n")
    said = concise(tmp_path / "bad", "--lang", "en")
    assert said.exit_code == 2 and "`rules.JP-V102.extend.phrases.asks`" in said.stderr
    assert "the lists this rule can extend are except (and by path: phrases.ask)" in said.stderr


def test_an_extension_applies_only_where_its_configuration_does(tmp_path):
    write(
        tmp_path / "parks" / ".sm-lint.yaml", "rules:\n  JP-P101:\n    extend:\n      except: [{phrase: [ボケの花]}]\n"
    )
    for folder in ("parks", "news"):
        write(tmp_path / folder / "post.md", "高田城址公園では、ボケの花が見ごろです。\n")
    assert concise(tmp_path / "parks").stdout == ""
    assert "JP-P101" in concise(tmp_path / "news").stdout


def test_a_wrong_extension_is_an_error_at_its_line_of_the_configuration(tmp_path):
    for i, (text, line, problem) in enumerate(
        [
            (
                "lang: ja\nrules:\n  JP-P10l:\n    extend: {words: [ろくでなし]}\n",
                3,
                "`rules.JP-P10l`: そのルールはありません (「JP-P101」の誤りでは?)",
            ),
            (
                "rules:\n  JP-P101:\n    extend: {wordz: [ろくでなし]}\n",
                2,
                "`rules.JP-P101.extend.wordz`: このルールで増やせる一覧は except, words です",
            ),
            (
                "rules:\n  JP-P101:\n    extend: {words: [{wrd: ろくでなし}]}\n",
                2,
                "`rules.JP-P101.extend`: `words` の各項目",
            ),
            ("rules:\n  JP-P101:\n    words: [ろくでなし]\n", 2, "`rules.JP-P101` は extend: の下に"),
        ]
    ):
        write(tmp_path / str(i) / ".sm-lint.yaml", text)
        write(tmp_path / str(i) / "post.md", "新しい窓口のお知らせです。\n")
        result = concise(tmp_path / str(i))
        assert result.exit_code == 2 and f".sm-lint.yaml:{line}: {problem}" in result.stderr, result.stderr
        assert "Traceback" not in result.stderr


PACK = """\
    rules:
      - id: MY-001
        name: former-city-name
        category: prohibited
        clause: 5(5)
        severity: warning
        message: 「{{match}}」は合併前の旧市名です。
        suggestion: 妙高市
        match:
          words: [新井市]
        examples:
          invalid: [{invalid}]
          valid: [{valid}]
    """


def test_a_rule_pack_whose_example_fails_is_an_error_naming_the_rule_and_the_example(tmp_path):
    write(tmp_path / ".sm-lint.yaml", "rule-dirs: [rules/myoko]\n")
    write(tmp_path / "post.md", "妙高市のお知らせです。\n")
    pack = tmp_path / "rules" / "myoko" / "names.yaml"
    # 新井 alone is not the word the rule lists: the invalid example is not reported.
    write(pack, PACK.format(invalid="新井のお知らせです。", valid="妙高市のお知らせです。"))
    result = concise(tmp_path)
    assert result.exit_code == 2
    assert f"{pack}:2: ルール MY-001 の例 (invalid)「新井のお知らせです。」で指摘が出ません" in result.stderr
    english = concise(tmp_path, "--lang", "en")
    assert (
        english.exit_code == 2
        and 'rule MY-001: its invalid example "新井のお知らせです。" is not reported' in english.stderr
    )
    write(pack, PACK.format(invalid="新井市のお知らせです。", valid="新井市役所の跡地です。"))
    result = concise(tmp_path)
    assert (
        result.exit_code == 2 and "ルール MY-001 の例 (valid)「新井市役所の跡地です。」で指摘が出ます" in result.stderr
    )
    write(pack, PACK.format(invalid="新井市のお知らせです。", valid="妙高市のお知らせです。"))
    assert concise(tmp_path).exit_code == 0


def test_a_pack_s_examples_run_once_until_its_files_change(tmp_path, monkeypatch):
    runs = []
    original = selftest._failing_example
    monkeypatch.setattr(selftest, "_failing_example", lambda rules, linter: runs.append(1) or original(rules, linter))
    write(tmp_path / ".sm-lint.yaml", "rule-dirs: [rules/myoko]\n")
    write(tmp_path / "post.md", "新井市のお知らせです。\n")
    pack = write(
        tmp_path / "rules" / "myoko" / "names.yaml",
        PACK.format(invalid="新井市のお知らせです。", valid="妙高市のお知らせです。"),
    )
    for _ in range(2):
        assert "MY-001" in concise(tmp_path).stdout
    assert len(runs) == 1
    write(pack, PACK.format(invalid="旧新井市のお知らせです。", valid="妙高市のお知らせです。"))
    assert "MY-001" in concise(tmp_path).stdout and len(runs) == 2
