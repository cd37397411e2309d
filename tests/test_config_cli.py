"""`.sm-lint.yaml`: discovery by walking up, precedence (command line > file > defaults),
select/ignore by id, category and clause, per-path ignores, severity overrides, fail-on,
language, extra rule packs, `sm-lint config`, and errors that name file and line."""

from __future__ import annotations

import json
import os
import re
import textwrap
from pathlib import Path

import pytest
import yaml

from helpers import run
from sm_lint.checks.links import hostlists
from sm_lint.rules import sections
from sm_lint.settings.keys import BY_NAME, SECTIONS, TOP_NAMES, Key, Section

DRAFT = "【極秘】窓口に来たあのバカな客のせいで説明会が長引きました。\n"  # JP-C101 (5(4)) and JP-P101 (5(5))


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def rules_fired(result) -> list[str]:
    return [line.split()[2] for line in result.stdout.splitlines() if line.count(":") >= 2 and " [" in line]


def concise(args, cwd):
    return run(["--format", "concise", *args], cwd=cwd)


def test_the_nearest_configuration_wins(tmp_path):
    write(tmp_path / ".sm-lint.yaml", "ignore: [JP-P101]\n")
    write(tmp_path / "news" / ".sm-lint.yaml", "ignore: [JP-C101]\n")
    write(tmp_path / "top.md", DRAFT)
    write(tmp_path / "news" / "deep" / "post.md", DRAFT)
    assert rules_fired(concise(["top.md"], tmp_path)) == ["JP-C101"]
    # news/.sm-lint.yaml is nearer than the root one, and replaces it (no merging).
    assert rules_fired(concise(["news/deep/post.md"], tmp_path)) == ["JP-P101"]


def test_explicit_config_replaces_discovery(tmp_path):
    write(tmp_path / ".sm-lint.yaml", "ignore: [JP-P101]\n")
    write(tmp_path / "ci.yaml", "ignore: [JP-C101]\n")
    write(tmp_path / "post.md", DRAFT)
    assert rules_fired(concise(["--config", "ci.yaml", "post.md"], tmp_path)) == ["JP-P101"]


def test_command_line_select_replaces_and_ignore_adds(tmp_path):
    write(tmp_path / ".sm-lint.yaml", "select: [JP-P101]\nignore: [JP-P5]\n")
    write(tmp_path / "post.md", DRAFT + "雪が多いらしいです。\n")  # らしい: JP-P501 (hearsay)
    assert rules_fired(concise(["post.md"], tmp_path)) == ["JP-P101"]
    assert rules_fired(concise(["--select", "5(4)", "post.md"], tmp_path)) == ["JP-C101"]
    assert rules_fired(concise(["--select", "5", "post.md"], tmp_path)) == ["JP-C101", "JP-P101"]
    assert rules_fired(concise(["--select", "5", "--ignore", "confidential", "post.md"], tmp_path)) == ["JP-P101"]


@pytest.mark.parametrize(
    "setting,said",
    [
        (
            "ignore: [JP-P10l]\n",
            ".sm-lint.yaml:1: `ignore` の「JP-P10l」に当たるルールがありません (「JP-P101」の誤りでは?)",
        ),
        (
            "select: JP-C101, hersay\n",
            ".sm-lint.yaml:1: `select` の「hersay」に当たるルールがありません (「hearsay」の誤りでは?)",
        ),
        (
            "lang: ja\nper-path-ignores:\n  archive/**: [prohibitted]\n",
            ".sm-lint.yaml:3: `per-path-ignores.archive/**` の「prohibitted」に当たるルールがありません"
            " (「prohibited」の誤りでは?)",
        ),
        (
            "severity:\n  JP-P101: warning\n  JP-P1O2: info\n",
            ".sm-lint.yaml:3: `severity` の「JP-P1O2」に当たるルールがありません (「JP-P102」の誤りでは?)",
        ),
    ],
)
def test_a_setting_that_names_no_rule_points_at_its_line(tmp_path, setting, said):
    write(tmp_path / ".sm-lint.yaml", setting)
    write(tmp_path / "post.md", DRAFT)
    r = concise(["post.md"], tmp_path)
    assert r.exit_code == 2
    assert r.stderr.strip().endswith(said), r.stderr
    shown = run(["config"], cwd=tmp_path)  # `config` refuses what `lint` refuses
    assert shown.exit_code == 2 and shown.stderr.strip().endswith(said), shown.stderr


def test_selectors_in_one_text_are_split_at_commas(tmp_path):
    write(tmp_path / ".sm-lint.yaml", "ignore: JP-C101, JP-P501\n")
    write(tmp_path / "post.md", DRAFT + "雪が多いらしいです。\n")
    assert rules_fired(concise(["post.md"], tmp_path)) == ["JP-P101"]


def test_per_path_ignores_are_relative_to_the_configuration(tmp_path):
    write(
        tmp_path / ".sm-lint.yaml",
        """\
        per-path-ignores:
          "archive/**": [prohibited]
          "*/2019-*.md": [5(4)]
        """,
    )
    write(tmp_path / "archive" / "2019-01.md", DRAFT)
    write(tmp_path / "drafts" / "2019-02.md", DRAFT)
    write(tmp_path / "drafts" / "new.md", DRAFT)
    # Run from inside a subfolder: the globs still count from the configuration's folder.
    result = run(["--format", "concise", "../archive/2019-01.md", "2019-02.md", "new.md"], cwd=tmp_path / "drafts")
    fired = [line.split(":")[0] + " " + line.split()[2] for line in result.stdout.splitlines() if " [" in line]
    # archive/2019-01.md matches both globs (prohibited and 5(4) ignored): nothing left.
    assert fired == ["2019-02.md JP-P101", "new.md JP-C101", "new.md JP-P101"]


def test_exclude_skips_files_a_folder_walk_finds_and_files_named_alike(tmp_path):
    write(
        tmp_path / ".sm-lint.yaml",
        """\
        exclude: [README.md, templates, "archive/20*/**"]
        """,
    )
    for name in (
        "README.md",
        "templates/event.md",
        "archive/2019/01.md",
        "archive/notes.md",
        "drafts/README.md",
        "drafts/new.md",
    ):
        write(tmp_path / name, DRAFT)
    result = run(["."], cwd=tmp_path)
    linted = sorted({line.split(":")[0] for line in result.stdout.splitlines() if line.endswith("]")})
    # README.md matches at the top only: globs count from the configuration's folder
    assert linted == ["archive/notes.md", "drafts/README.md", "drafts/new.md"]
    assert "3 件の下書きを確認" in result.stdout
    assert result.stderr == ""  # a folder's excluded files are skipped without a word
    # named one by one, as pre-commit and editors name them: the same files are skipped, and
    # each named file that is skipped says so (nothing passes as if it had been checked)
    named = run(["--format", "concise", "README.md", "templates/event.md", "drafts/new.md", "templates"], cwd=tmp_path)
    assert {line.split(":")[0] for line in named.stdout.splitlines()} == {"drafts/new.md"}
    assert named.stderr.splitlines() == [
        "sm-lint: README.md: .sm-lint.yaml: exclude に当たるので確認しませんでした",
        "sm-lint: templates/event.md: .sm-lint.yaml: exclude に当たるので確認しませんでした",
    ]
    assert named.exit_code == 1


def _git(*args, cwd):
    import subprocess

    subprocess.run(
        ["git", *args],
        cwd=cwd,
        check=True,
        capture_output=True,
        env={
            **os.environ,
            "GIT_AUTHOR_NAME": "t",
            "GIT_AUTHOR_EMAIL": "t@example.invalid",
            "GIT_COMMITTER_NAME": "t",
            "GIT_COMMITTER_EMAIL": "t@example.invalid",
        },
    )


def test_files_git_ignores_are_not_linted_however_they_are_named(tmp_path):
    _git("init", "-q", cwd=tmp_path)
    write(tmp_path / ".gitignore", "private/\n*.bak.md\n!keep.bak.md\n")
    for name in ("private/memo.md", "posts/old.bak.md", "posts/keep.bak.md", "posts/new.md", "posts/forced.bak.md"):
        write(tmp_path / name, DRAFT)
    _git("add", "-f", "posts/forced.bak.md", cwd=tmp_path)  # tracked on purpose: linted
    walked = run(["--format", "concise", "."], cwd=tmp_path)
    assert sorted({line.split(":")[0] for line in walked.stdout.splitlines()}) == [
        "posts/forced.bak.md",
        "posts/keep.bak.md",
        "posts/new.md",
    ]
    assert walked.stderr == ""
    named = run(
        ["--format", "concise", "--lang", "en", "private/memo.md", "posts/old.bak.md", "posts/new.md"],
        cwd=tmp_path / "posts" / "..",
    )
    assert {line.split(":")[0] for line in named.stdout.splitlines()} == {"posts/new.md"}
    assert named.stderr.splitlines() == [
        "sm-lint: private/memo.md: not checked: matched by .gitignore",
        "sm-lint: posts/old.bak.md: not checked: matched by .gitignore",
    ]


def test_a_gitignore_outside_a_repository_ignores_nothing(tmp_path):
    write(tmp_path / "drafts" / ".gitignore", "*.md\n")
    write(tmp_path / "drafts" / "new.md", DRAFT)
    result = run(["--format", "concise", "drafts"], cwd=tmp_path)
    assert result.stdout.startswith("drafts/new.md:1:")


def test_severity_override_and_fail_on(tmp_path):
    write(tmp_path / ".sm-lint.yaml", "severity: {JP-P101: warning, JP-C101: info}\nfail-on: warning\n")
    write(tmp_path / "post.md", DRAFT)
    result = concise(["post.md"], tmp_path)
    assert "警告 JP-P101" in result.stdout and "情報 JP-C101" in result.stdout
    assert result.exit_code == 1  # a warning, and fail-on is warning
    assert concise(["--fail-on", "error", "post.md"], tmp_path).exit_code == 0  # the command line wins


def test_language_from_the_configuration(tmp_path):
    write(tmp_path / ".sm-lint.yaml", "lang: en\n")
    write(tmp_path / "post.md", DRAFT)
    messages = [f["message"] for f in json.loads(run(["--format", "json", "post.md"], cwd=tmp_path).stdout)["findings"]]
    assert messages[1] == 'The insulting expression "バカ" must not appear in an official post.'
    assert messages[0] == '"極秘" marks secret or internal-only information, which must not be posted.'


PACK = """\
    pack: myoko
    rules:
      - id: {id}
        name: former-city-name
        category: prohibited
        clause: 5(5)
        severity: warning
        message: 「{{match}}」は合併前の旧市名です。
        suggestion: 妙高市
        fix: safe
        match:
          words: [新井市]
        examples:
          invalid: [新井市のお知らせです。]
          valid: [妙高市のお知らせです。]
    """


def test_rule_dirs_extend_the_built_in_pack(tmp_path):
    write(tmp_path / ".sm-lint.yaml", "rule-dirs: [rules/myoko]\n")
    write(tmp_path / "rules" / "myoko" / "names.yaml", PACK.format(id="MY-001"))
    write(tmp_path / "post.md", "新井市のバカな話です。\n")
    assert rules_fired(concise(["post.md"], tmp_path)) == ["MY-001", "JP-P101"]
    # Selected and overridden like any rule.
    assert rules_fired(concise(["--select", "MY", "post.md"], tmp_path)) == ["MY-001"]
    sarif = json.loads(run(["--format", "sarif", "post.md"], cwd=tmp_path).stdout)
    assert [r["id"] for r in sarif["runs"][0]["tool"]["driver"]["rules"]] == ["MY-001", "JP-P101"]


def test_a_rule_dir_may_be_the_project_folder_its_hidden_yaml_is_not_rules(tmp_path):
    write(tmp_path / ".sm-lint.yaml", "rule-dirs: [.]\n")
    write(tmp_path / ".pre-commit-config.yaml", "repos: []\n")
    write(tmp_path / ".github" / "workflows" / "lint.yml", "on: push\n")
    write(tmp_path / "names.yaml", PACK.format(id="MY-001"))
    write(tmp_path / "post.md", "新井市のお知らせです。\n")
    result = concise(["post.md"], tmp_path)
    assert result.exit_code == 0 and rules_fired(result) == ["MY-001"]  # a warning


def test_rule_dirs_cannot_redefine_a_built_in_rule(tmp_path):
    write(tmp_path / ".sm-lint.yaml", "rule-dirs: [mine]\n")
    write(tmp_path / "mine" / "names.yaml", PACK.format(id="JP-P101"))
    write(tmp_path / "post.md", DRAFT)
    result = concise(["post.md"], tmp_path)
    assert result.exit_code == 2
    assert "ルール ID JP-P101 が重複しています" in result.stderr and "names.yaml:" in result.stderr
    result = concise(["--lang", "en", "post.md"], tmp_path)
    assert result.exit_code == 2
    assert "duplicate rule id JP-P101" in result.stderr and "names.yaml:" in result.stderr


def test_a_broken_rule_pack_is_reported_once_not_per_draft(tmp_path):
    write(tmp_path / ".sm-lint.yaml", "rule-dirs: [mine]\n")
    write(tmp_path / "mine" / "names.yaml", PACK.format(id="JP-P101"))
    for n in range(3):
        write(tmp_path / f"post{n}.md", DRAFT)
    result = concise(["post0.md", "post1.md", "post2.md"], tmp_path)
    assert result.exit_code == 2
    assert result.stderr.count("ルール ID JP-P101 が重複しています") == 1


def test_a_suppression_for_an_ignored_rule_of_a_rule_dir_is_not_unused(tmp_path):
    write(tmp_path / ".sm-lint.yaml", "rule-dirs: [rules/myoko]\nignore: [MY-001]\n")
    write(tmp_path / "rules" / "myoko" / "names.yaml", PACK.format(id="MY-001"))
    write(
        tmp_path / "post.md",
        "<!-- sm-lint-allow MY-001: 旧市名の由来を説明するため"
        " by: 広報対話課 山田 until: 2099-03-31 -->\n新井市の歴史です。\n",
    )
    assert rules_fired(concise(["post.md"], tmp_path)) == []
    # The control: an id that names no rule at all is still reported as unused.
    write(
        tmp_path / "post.md",
        "<!-- sm-lint-allow XX-999: 理由 by: 広報対話課 山田 until: 2099-03-31 -->\n新井市の歴史です。\n",
    )
    assert rules_fired(concise(["post.md"], tmp_path)) == ["JP-M111"]


LIST_PACK = """\
rules:
  - id: MY-L001
    name: myoko-short-link
    category: shortened-url
    clause: 6(1)②
    severity: error
    message: 「{match}」は妙高市の決めた短縮URLです。
    match: {link-list: %s}
    examples:
      invalid: [こちら https://mk.example.jp/abc]
      valid: [こちら https://www.city.myoko.niigata.jp/]
"""


def test_a_rule_pack_reads_its_own_lists_and_follows_their_changes(tmp_path):
    write(tmp_path / ".sm-lint.yaml", "rule-dirs: [rules/myoko]\n")
    write(tmp_path / "rules" / "myoko" / "links.yaml", LIST_PACK % "myoko-short.txt")
    own = write(tmp_path / "rules" / "myoko" / "lists" / "myoko-short.txt", "# 妙高市の短縮URL\nmk.example.jp\n")
    write(tmp_path / "post.md", "申込みは https://mk.example.jp/abc から。\nhttps://go.example.jp/x も。\n")
    assert "MY-L001" in rules_fired(concise(["post.md"], tmp_path))
    # a host added to the pack's list is found on the next run (the rule cache follows the list)
    own.write_text("mk.example.jp\ngo.example.jp\n", encoding="utf-8")
    os.utime(own, ns=(1, 1))
    hostlists.load_list.cache_clear()  # a new run is a new process: only the disk cache remains
    assert rules_fired(concise(["post.md"], tmp_path)).count("MY-L001") == 2


@pytest.mark.parametrize(
    "name,said",
    [
        ("missing.txt", "というリストはありません"),
        ("../../post.md", "というリストはありません"),  # a list is a file name, never a path
    ],
)
def test_a_rule_pack_names_only_lists_of_its_own_or_the_built_in_ones(tmp_path, name, said):
    write(tmp_path / ".sm-lint.yaml", "rule-dirs: [rules/myoko]\n")
    write(tmp_path / "rules" / "myoko" / "links.yaml", LIST_PACK % repr(name))
    write(tmp_path / "post.md", "本文\n")
    r = concise(["post.md"], tmp_path)
    assert r.exit_code == 2 and said in r.stderr and "links.yaml" in r.stderr


def test_a_rule_pack_may_name_a_built_in_list(tmp_path):
    write(tmp_path / ".sm-lint.yaml", "rule-dirs: [rules/myoko]\n")
    # its example is a host of that list: a pack's examples run when it is loaded
    pack = (LIST_PACK % "shorteners.txt").replace("https://mk.example.jp/abc", "https://bit.ly/3xAbCdE")
    write(tmp_path / "rules" / "myoko" / "links.yaml", pack)
    write(tmp_path / "post.md", "こちら https://bit.ly/3xAbCdE\n")
    assert "MY-L001" in rules_fired(concise(["post.md"], tmp_path))


@pytest.mark.parametrize(
    "text,line,problem,problem_en",
    [
        (
            "ignore: [JP-P101]\ncolour: red\n",
            2,
            "知らない設定 `colour` です (書ける項目: accounts,",
            "unknown setting `colour` (known: accounts,",
        ),
        (
            "fail_on: warning\n",
            1,
            "知らない設定 `fail_on` です (「fail-on」の誤りでは?)",
            "unknown setting `fail_on` (did you mean `fail-on`?)",
        ),
        (
            "links:\n  also_trusted: [example.jp]\n  alow: [lin.ee/x]\n",
            3,
            "`links.alow` は知らないキーです (「links.allow」の誤りでは?)",
            "unknown key `links.alow` (did you mean `links.allow`?)",
        ),
        (
            "fail-on: warning\nseverity:\n  JP-P101: fatal\n",
            2,
            "`severity.JP-P101` は info, warning, error のいずれか",
            "`severity.JP-P101` is one of",
        ),
        (
            "fail-on: sometimes\n",
            1,
            "`fail-on` は info, warning, error のいずれかです (値: 'sometimes')",
            "`fail-on` is one of",
        ),
        ("lang: fr\n", 1, "`lang` は ja, en のいずれか", "`lang` is one of"),
        (
            "select: [JP-P101]\nper-path-ignores:\n  archive/**: 5\n",
            3,
            "`per-path-ignores.archive/**` は文字列のリスト",
            "`per-path-ignores.archive/**` must be a list of strings",
        ),
        ("rule-dirs: [nowhere]\n", 1, "ルールのディレクトリがありません", "rule directory not found"),
        ("select: [JP-P101\n", 1, "YAML として読めません: 「[」に対応する「]」がありません", "not valid YAML"),
    ],
)
def test_bad_configuration_is_an_error_with_file_and_line(tmp_path, text, line, problem, problem_en):
    write(tmp_path / ".sm-lint.yaml", text)
    write(tmp_path / "post.md", DRAFT)
    result = concise(["post.md"], tmp_path)
    assert result.exit_code == 2
    assert f".sm-lint.yaml:{line}: " in result.stderr and problem in result.stderr
    english = concise(["--lang", "en", "post.md"], tmp_path)
    assert english.exit_code == 2 and f".sm-lint.yaml:{line}: {problem_en}" in english.stderr
    shown = run(["config"], cwd=tmp_path)
    assert shown.exit_code == 2 and f".sm-lint.yaml:{line}: " in shown.stderr and problem in shown.stderr
    shown = run(["config", "--lang", "en"], cwd=tmp_path)
    assert shown.exit_code == 2 and f".sm-lint.yaml:{line}: {problem_en}" in shown.stderr


def test_config_command_shows_the_effective_configuration(tmp_path, monkeypatch):
    monkeypatch.setitem(
        BY_NAME,
        "links",
        Section(
            "links",
            "",
            "",
            keys=(Key("trusted", {}, "", "", ["city.joetsu.niigata.jp"]), Key("https-only", {}, "", "", True)),
        ),
    )
    monkeypatch.delitem(sections.CHECKS, "links")  # a made-up section: kept as written
    write(
        tmp_path / ".sm-lint.yaml",
        """\
        ignore: [JP-P501]
        per-path-ignores:
          "archive/**": [prohibited]
        links:
          https-only: false
        """,
    )
    write(tmp_path / "archive" / "old.md", DRAFT)
    result = run(["config", "archive/old.md"], cwd=tmp_path)
    assert result.exit_code == 0, result.stderr
    first, _, rest = result.stdout.partition("\n")
    assert first == f"# 設定ファイル: {tmp_path / '.sm-lint.yaml'}"
    shown = yaml.safe_load(rest)
    assert shown["ignore"] == ["JP-P501", "prohibited"]  # for this draft, the per-path ignore applies
    assert shown["fail-on"] == "error" and shown["lang"] == "ja"  # defaults filled in
    assert shown["links"] == {"trusted": ["city.joetsu.niigata.jp"], "https-only": False}
    folder = yaml.safe_load(run(["config"], cwd=tmp_path).stdout.partition("\n")[2])
    assert folder["ignore"] == ["JP-P501"]


def test_config_command_without_a_file_shows_defaults(tmp_path):
    result = run(["config", str(tmp_path)], cwd=tmp_path)
    assert "(なし: 既定値)" in result.stdout.splitlines()[0]
    english = run(["config", "--lang", "en", str(tmp_path)], cwd=tmp_path)
    assert english.stdout.splitlines()[0] == "# configuration file: (none: defaults)"
    assert yaml.safe_load(result.stdout.partition("\n")[2])["select"] == []


def test_stdin_filename_finds_the_configuration(tmp_path):
    write(tmp_path / "news" / ".sm-lint.yaml", "ignore: [JP-C101]\n")
    (tmp_path / "news").mkdir(exist_ok=True)
    result = run(["--format", "concise", "--stdin-filename", "news/post.md", "-"], cwd=tmp_path, stdin=DRAFT)
    assert rules_fired(result) == ["JP-P101"]
    assert result.stdout.startswith("news/post.md:1:")


def test_rules_and_explain_include_the_configured_packs(tmp_path):
    write(tmp_path / ".sm-lint.yaml", "rule-dirs: [rules/myoko]\nlang: en\n")
    write(tmp_path / "rules" / "myoko" / "names.yaml", PACK.format(id="MY-001"))
    listed = run(["rules"], cwd=tmp_path).stdout
    # in the configuration's language (lang: en)
    assert "MY-001   warning   5(5)    prohibited        former-city-name\n" in listed and "\nJP-P101 " in listed
    assert run(["explain", "MY-001"], cwd=tmp_path).stdout.startswith("MY-001 former-city-name (prohibited, warning)")
    assert "MY-001   警告    5(5)" in run(["rules", "--lang", "ja"], cwd=tmp_path).stdout
    # The report's own words follow the configuration's language too.
    write(tmp_path / "post.md", "新井市のお知らせです。\n")
    assert "1 draft(s) checked: 0 error(s), 1 warning(s), 0 info" in run(["--no-color", "post.md"], cwd=tmp_path).stdout


def _documented_settings() -> dict:
    """Every ```yaml block of README.md and docs/ that is a `.sm-lint.yaml` (its keys are
    settings), merged: what a reader may copy into the file."""
    root = Path(__file__).resolve().parents[1]
    settings = {*TOP_NAMES, *(section.name for section in SECTIONS)}
    merged: dict = {}
    for page in [root / "README.md", *sorted((root / "docs").rglob("*.md"))]:
        for block in map(textwrap.dedent, re.findall(r"```yaml\n(.*?)```", page.read_text(encoding="utf-8"), re.S)):
            data = None if block.startswith("---") else yaml.safe_load(block)  # a draft's front matter
            if isinstance(data, dict) and set(data) <= settings:
                merged.update(data)
    return merged


def test_config_command_shows_every_documented_setting(tmp_path):
    documented = _documented_settings()
    # the documents' blocks name these; a reader who copies them gets all of them shown back
    assert {"accounts", "platforms", "schedule", "privacy", "links", "per-path-ignores", "exclude"} <= set(documented)
    (tmp_path / "rules" / "myoko").mkdir(parents=True)  # `rule-dirs` must exist
    write(tmp_path / ".sm-lint.yaml", yaml.safe_dump(documented, allow_unicode=True))
    result = run(["config"], cwd=tmp_path)
    assert result.exit_code == 0, result.stderr
    shown = yaml.safe_load(result.stdout.partition("\n")[2])
    for key, value in documented.items():
        if isinstance(value, dict):
            for name, item in value.items():  # sections may add to a default (privacy lists)
                got = shown[key][name]
                assert got == item or (isinstance(item, list) and got[len(got) - len(item) :] == item), (key, name)
        elif key == "rule-dirs":
            assert shown[key] == [str(tmp_path / d) for d in value]
        else:
            assert shown[key] == (
                value if isinstance(value, list) or key in ("fail-on", "lang", "max-draft-size") else [value]
            ), key
    # docs/staff/report.md's block, the last to name it, adds the keys `sm-lint report` checks
    assert shown["accounts"]["joetsu_city"] == {
        "name": "上越市",
        "platform": "x",
        "department": "広報対話課",
        "url": "https://www.city.joetsu.niigata.jp/",
        "plans": [2025, 2026],
    }


@pytest.mark.parametrize("where", ["/", "../../etc", "../../outside", "{outside}", "../rules/../../outside", "../link"])
def test_rule_dirs_of_a_repository_stay_in_it(tmp_path, where):
    # A pull request brings its .sm-lint.yaml: `[/]` used to walk the whole disk into /proc
    # (an internal error), `../../etc` or an absolute path read rules from anywhere.
    repo, outside = tmp_path / "repo", tmp_path / "outside"
    (repo / ".git").mkdir(parents=True)  # what marks a repository's root (a folder, or a file in a worktree)
    write(outside / "names.yaml", PACK.format(id="MY-001"))
    (repo / "rules").mkdir()
    (repo / "link").symlink_to(outside)
    write(repo / "drafts" / ".sm-lint.yaml", f"rule-dirs: [{where.format(outside=outside)}]\n")
    write(repo / "drafts" / "post.md", "新井市のお知らせです。\n")
    result = concise(["post.md"], repo / "drafts")
    assert result.exit_code == 2 and "MY-001" not in result.stdout
    assert result.stderr.startswith(
        f"sm-lint: {repo / 'drafts' / '.sm-lint.yaml'}:1: `rule-dirs` はリポジトリ ({repo}) の外を指せません: "
    )
    assert result.stderr.endswith("。ルールはリポジトリの中に置いてください\n") and result.stderr.count("\n") == 1
    english = concise(["--lang", "en", "post.md"], repo / "drafts")
    assert english.exit_code == 2 and f"`rule-dirs` may not leave the repository ({repo}): " in english.stderr


def test_rule_dirs_anywhere_in_the_repository_are_fine(tmp_path):
    (tmp_path / ".git").mkdir()
    write(tmp_path / "rules" / "names.yaml", PACK.format(id="MY-001"))
    write(tmp_path / "drafts" / ".sm-lint.yaml", "rule-dirs: [../rules]\n")
    write(tmp_path / "drafts" / "post.md", "新井市のお知らせです。\n")
    assert rules_fired(concise(["post.md"], tmp_path / "drafts")) == ["MY-001"]


@pytest.mark.parametrize(
    "linked,named", [("names.yaml", "names.yaml"), ("lists/hosts.txt", "lists/hosts.txt"), ("lists", "lists/hosts.txt")]
)  # the pack's whole lists/ folder
def test_a_rule_or_list_file_linked_out_of_the_repository_is_never_read(tmp_path, linked, named):
    repo, outside = tmp_path / "repo", tmp_path / "outside"
    (repo / ".git").mkdir(parents=True)
    write(outside / "names.yaml", PACK.format(id="MY-001"))
    write(outside / "lists" / "hosts.txt", "example.com\n")
    write(repo / "rules" / "own.yaml", PACK.format(id="MY-002"))
    if linked != "lists":
        (repo / "rules" / "lists").mkdir()
    (repo / "rules" / linked).symlink_to(outside / linked)
    write(repo / ".sm-lint.yaml", "rule-dirs: [rules]\n")
    write(repo / "post.md", "新井市のお知らせです。\n")
    result = concise(["post.md"], repo)
    assert result.exit_code == 2 and "MY-00" not in result.stdout
    assert f"sm-lint: {repo / 'rules' / named}: リポジトリ ({repo}) の外へのリンクなので読みません\n" in result.stderr
