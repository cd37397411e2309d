"""The staff pages in Japanese (docs/staff/) and `sm-lint new`: the pages are what
sm_lint.app.staffdocs builds from the schema and the rule catalogue (so they cannot drift), every
key and every rule is on them, their YAML is read by sm-lint without a metadata finding, and
`sm-lint new` writes such a draft and never overwrites a file."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from helpers import run
from sm_lint.app.newdraft import platforms
from sm_lint.app.staffdocs import front_matter_page, pages
from sm_lint.checks.post.schema import load_schema
from sm_lint.rules.loader import load_rules

STAFF = Path(__file__).resolve().parents[1] / "docs" / "staff"
ACCOUNTS = """\
accounts:
  joetsu_city: {name: 上越市, platform: x, department: 広報対話課}
  joetsu_line: {name: 上越市 LINE, platform: line, department: 広報対話課}
"""
METADATA_PROBLEMS = ("JP-M101", "JP-M102", "JP-M103", "JP-M105", "JP-F101", "JP-F102")


def test_the_committed_pages_are_what_the_generator_writes():
    for name, text in pages().items():
        committed = (STAFF / name).read_text(encoding="utf-8")
        assert committed == text, f"docs/staff/{name} is stale: run `python -m sm_lint.app.staffdocs docs/staff`"


def test_every_front_matter_key_is_described_with_its_values():
    page = (STAFF / "front-matter.md").read_text(encoding="utf-8")
    for key, spec in load_schema("front-matter")["keys"].items():
        assert spec.get("description"), f"{key}: add a Japanese description to rules/schema/front-matter.yaml"
        row = next(line for line in page.splitlines() if line.startswith(f"| `{key}` |"))
        assert all(f"`{value}`" in row for value in spec.get("enum", [])), row
    for platform in platforms():
        assert f"`platform: {platform}`" in page
    for key in ("path", "alt", "people", "consent"):
        assert f"| `{key}` |" in page
    assert "`obtained`, `not-required`, `pending`, `none`" in page


def test_every_rule_is_on_the_findings_page_with_a_message_a_draft_gets():
    page = (STAFF / "findings.md").read_text(encoding="utf-8")
    for rule in load_rules():
        assert f"### {rule.id} " in page, rule.id
    assert not re.search(r"指摘の例: .*\{\w+\}", page)  # messages rendered, no template left


def _yaml_blocks(page: str, fence: str) -> list[str]:
    return re.findall(rf"```{fence}\n(.*?)```", page, re.S)


def test_the_examples_of_the_reference_are_read_without_a_metadata_finding(tmp_path, linter):
    from sm_lint.io.yamlsafe import load_yaml
    from sm_lint.rules.sections import parse_config

    config = parse_config(load_yaml(ACCOUNTS), str(tmp_path / ".sm-lint.yaml"))
    page = front_matter_page()
    drafts = _yaml_blocks(page, "markdown")
    assert len(drafts) == len(platforms())
    consent = _yaml_blocks(page, "yaml")
    assert len(consent) == 1
    for draft in [*drafts, f"---\napproved_by: 広報対話課長\n{consent[0]}---\n運動会のようすです。\n"]:
        uncommented = re.sub(r"^# ?", "", draft, flags=re.M)  # the optional keys, used as written
        for text in (draft, uncommented):
            found = [
                (f.rule, f.message)
                for f in linter.lint_text(text, "下書き.md", config=config)
                if f.rule in METADATA_PROBLEMS
            ]
            # an example account of a platform the configuration does not list is the only finding
            assert all(rule == "JP-M103" for rule, _ in found) and ("account: joetsu_city" not in text or not found), (
                found
            )


def test_new_writes_a_draft_for_the_platform_and_account(tmp_path):
    (tmp_path / ".sm-lint.yaml").write_text(ACCOUNTS, encoding="utf-8")
    result = run(["new", "下書き.md", "--platform", "x", "--account", "joetsu_city"], cwd=tmp_path)
    assert result.exit_code == 0, result.stderr
    assert (
        result.stdout
        == "下書き.md: 下書きのひな形を作りました。本文を書いたら `sm-lint 下書き.md` で確認してください\n"
    )
    text = (tmp_path / "下書き.md").read_text(encoding="utf-8")
    assert text.startswith("---\nplatform: x\naccount: joetsu_city\n")
    checked = run(["--format", "concise", "下書き.md"], cwd=tmp_path)
    assert not [line for line in checked.stdout.splitlines() if any(r in line for r in METADATA_PROBLEMS)]
    # the platform is the account's when only the account is given
    assert run(["new", "line.txt", "--account", "joetsu_line"], cwd=tmp_path).exit_code == 0
    assert (tmp_path / "line.txt").read_text(encoding="utf-8").startswith("---\nplatform: line\naccount: joetsu_line\n")


def test_new_never_overwrites_a_file(tmp_path):
    draft = tmp_path / "下書き.md"
    draft.write_text("書きかけの本文\n", encoding="utf-8")
    result = run(["new", "下書き.md", "--platform", "x"], cwd=tmp_path)
    assert result.exit_code == 2
    assert (
        result.stderr
        == "sm-lint: 下書き.md: 同じ名前のファイルがあります。上書きはしません。別の名前を指定してください\n"
    )
    assert draft.read_text(encoding="utf-8") == "書きかけの本文\n"


def test_new_in_a_folder_that_does_not_exist_says_so_in_the_users_language(tmp_path):
    # It said 「ファイルを作れません (No such file or directory)」: the OS's English, and not which folder.
    result = run(["new", "行事/下書き.md", "--platform", "x"], cwd=tmp_path)
    assert result.exit_code == 2
    assert result.stderr == "sm-lint: 行事/下書き.md: フォルダー 行事 がありません。先にフォルダーを作ってください\n"


@pytest.mark.parametrize(
    "args,problem",
    [
        (
            ["--platform", "x", "--account", "joetsu_citty"],
            "アカウント `joetsu_citty` は設定の accounts にありません (「joetsu_city」の誤りでは?)",
        ),
        (
            ["--platform", "instagram", "--account", "joetsu_city"],
            "アカウント `joetsu_city` の投稿先は x です (--platform instagram とは違います)",
        ),
        (["--platform", "twiter"], "知らない投稿先 `twiter` です"),
        ([], "投稿先を --platform で指定してください (x, instagram"),
    ],
)
def test_new_refuses_a_choice_the_checks_would_report(tmp_path, args, problem):
    (tmp_path / ".sm-lint.yaml").write_text(ACCOUNTS, encoding="utf-8")
    result = run(["new", "下書き.md", *args], cwd=tmp_path)
    assert result.exit_code == 2 and problem in result.stderr, result.stderr
    assert not (tmp_path / "下書き.md").exists()


def test_new_refuses_a_name_that_is_no_draft(tmp_path):
    result = run(["new", "--lang", "en", "お知らせ.docx", "--platform", "x"], cwd=tmp_path)
    assert result.exit_code == 2
    assert result.stderr == "sm-lint: お知らせ.docx: a draft's name ends in .md, .markdown, .txt\n"


def test_lsp_without_its_extra_says_how_to_install_it_from_the_citys_copy(monkeypatch):
    # It said `pip install 'sm-lint[lsp]'`, which installs whatever PyPI holds under that name:
    # sm-lint is not published there (README.md).
    import sys

    monkeypatch.setitem(sys.modules, "sm_lint.lsp.server", None)  # pygls not installed
    result = run(["lsp"])
    assert result.exit_code == 2
    assert "sm-lint[" not in result.stderr
    assert "sm-lint のフォルダーで pip install '.[lsp]' (docs/editors.md)" in result.stderr
