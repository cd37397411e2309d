"""A cold start loads only what the draft needs: the command line itself (click) and nothing
behind the subcommands or the checks until they run (issue 25; not timed)."""

from __future__ import annotations

import subprocess
import sys

import pytest

HEAVY = ("rich", "yaml", "phonenumbers", "re2", "fugashi")


def _modules_after(args: list[str], tmp_path, entry: bool = False) -> set[str]:
    """The modules loaded by a run of `sm-lint ARGS`: the click group's, or (`entry`) the
    console entry's, which ends with os._exit."""
    code = (
        "import sys\nfrom sm_lint.cli import main\ntry:\n    main(sys.argv[1:])\nexcept SystemExit:\n"
        "    print(' '.join(sorted(sys.modules)), file=sys.stderr)"
    )
    if entry:
        code = "import os, sys\nos._exit = lambda status: print(*sorted(sys.modules), file=sys.stderr)\n"
        code += "from sm_lint.cli import run\nrun()"
    done = subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)},
    )
    return set(done.stderr.split())


def _loaded_after(args: list[str], tmp_path) -> set[str]:
    """The top-level packages loaded by a run of `sm-lint ARGS`."""
    return {m.split(".")[0] for m in _modules_after(args, tmp_path)}


def test_the_plain_form_loads_no_click(tmp_path):
    """`sm-lint PATH...` (every argument a path) goes to the lint without click: cli/entry.py."""
    draft = tmp_path / "下書き.txt"
    draft.write_text("ばか野郎、電話は 090-1234-5678 まで\n", encoding="utf-8")
    loaded = _modules_after([str(draft)], tmp_path, entry=True)
    assert "sm_lint.report.full" in loaded  # findings were written
    assert not {m for m in loaded if m.split(".")[0] == "click"}
    assert "click.core" in _modules_after(["--format", "json", str(draft)], tmp_path, entry=True)  # click parses it


def test_version_loads_no_check_and_no_output_library(tmp_path):
    loaded = _loaded_after(["--version"], tmp_path)
    assert "click" in loaded  # the module ran
    assert loaded.isdisjoint(HEAVY), loaded & set(HEAVY)


def test_a_clean_plain_draft_loads_neither_yaml_nor_phone_numbers_nor_rich(tmp_path):
    draft = tmp_path / "お知らせ.txt"
    draft.write_text("【お知らせ】高田城址公園で観桜会を開きます。\n", encoding="utf-8")
    _loaded_after([str(draft)], tmp_path)  # the first run fills the rule cache (it reads YAML)
    loaded = _loaded_after([str(draft)], tmp_path)
    assert "fugashi" in loaded  # the draft was checked
    assert loaded.isdisjoint({"rich", "yaml", "phonenumbers"}), loaded


# Loaded only by what needs them, for a clean plain draft (one line, no digit, no image):
# (a module that shows the run got there, what must not be loaded). hashlib (OpenSSL) is for
# the budget key of a pattern RE2 cannot run (the rule cache signs with the built-in BLAKE2),
# json for a configuration that extends rules or a JSON report; pictures.py (the image format
# readers) for a draft that names an image; dates.py for a date rule with digits to read or an
# election rule asking the day of posting. dataclasses imports inspect (and ast, dis, tokenize):
# about a tenth of a clean draft's cold start, for the configuration's class alone (click
# imports inspect too: these are the plain form's, `sm-lint PATH`, which never loads it).
NOT_FOR_A_CLEAN_DRAFT = [
    ("fugashi", {"hashlib", "_hashlib", "json", "dataclasses", "inspect"}),
    # the matchers a draft gives nothing to find stay in the rule cache (rules/deferred.py): the
    # constructions, word lists and rare loanwords, and the kinds' modules with them
    (
        "sm_lint.text.tokenizer",
        {"sm_lint.rules.kinds.construction", "sm_lint.rules.kinds.lexicon", "sm_lint.rules.kinds.loanword"},
    ),
    # and those of the kinds that need a link, an e-mail address, a digit or a picture
    # (Matcher.draft_needs)
    (
        "sm_lint.text.tokenizer",
        {"sm_lint.rules.kinds.links", "sm_lint.rules.kinds.email_address", "sm_lint.rules.kinds.phone"},
    ),
    (
        "sm_lint.text.tokenizer",
        {"sm_lint.rules.kinds.image_file", "sm_lint.rules.kinds.alt_text", "sm_lint.rules.kinds.media_entries"},
    ),
    ("sm_lint.text.tokenizer", {"sm_lint.checks.images.pictures"}),
    ("sm_lint.rules.kinds.date_check", {"sm_lint.checks.post.dates"}),
]


@pytest.mark.parametrize(("reached", "unneeded"), NOT_FOR_A_CLEAN_DRAFT)
def test_a_clean_plain_draft_loads_only_what_it_needs(tmp_path, reached, unneeded):
    draft = tmp_path / "お知らせ.txt"
    draft.write_text("【お知らせ】高田城址公園で観桜会を開きます。\n", encoding="utf-8")
    _modules_after([str(draft)], tmp_path)  # fills the rule cache
    loaded = _modules_after([str(draft)], tmp_path, entry=True)  # `sm-lint PATH`: no click
    assert reached in loaded
    assert loaded.isdisjoint(unneeded), loaded & unneeded


def test_findings_written_to_a_pipe_load_no_rich(tmp_path):
    """rich colours a terminal; the plain text measures its Japanese with report/cells.py."""
    draft = tmp_path / "下書き.txt"
    draft.write_text("ばか野郎、電話は 090-1234-5678 まで\n", encoding="utf-8")
    _modules_after([str(draft)], tmp_path)  # fills the rule cache
    loaded = _modules_after([str(draft)], tmp_path)
    assert "sm_lint.report.full" in loaded  # findings were written, in the default output
    assert not {m for m in loaded if m.split(".")[0] == "rich"}


def test_known_characters_take_the_cells_rich_gives_them_in_every_unicode_version():
    from rich._unicode_data import VERSIONS
    from rich.cells import cell_len as rich_len
    from rich.cells import get_character_cell_size

    from sm_lint.report.cells import NARROW, WIDE, cell_len, char_cells

    known = [chr(c) for lo, hi in (*NARROW, *WIDE) for c in range(lo, hi + 1)]
    for version in VERSIONS:
        wrong = [c for c in known if get_character_cell_size(c, version) != char_cells(c)]
        assert not wrong, (version, wrong[:5])
    for text in (
        "",
        "abc",
        "【お知らせ】高田城址公園 10:00〜",
        "Ｔｅｓｔ　ｶﾀｶﾅ",
        "👍🏽 ok",
        "e\u0301",
        "\t\x07x",
        "한국어",
    ):
        assert cell_len(text) == rich_len(text), text
        assert [char_cells(c) for c in text] == [get_character_cell_size(c) for c in text], text


def test_a_draft_with_plain_front_matter_is_read_without_yaml(tmp_path):
    """Front matter of `key: value` lines (words and an ISO timestamp) needs no PyYAML."""
    draft = tmp_path / "除雪.md"
    draft.write_text(
        "---\nplatform: x\nscheduled_at: 2026-12-01T10:00:00+09:00\napproved_by: 広報対話課長\n---\n"
        "除雪の情報です。詳しくは https://www.city.joetsu.niigata.jp/site/bousai/ をご覧ください。 #上越市\n",
        encoding="utf-8",
    )
    _loaded_after([str(draft)], tmp_path)  # fills the rule cache
    loaded = _loaded_after([str(draft)], tmp_path)
    assert "fugashi" in loaded
    assert loaded.isdisjoint({"rich", "yaml", "phonenumbers"}), loaded


def test_linting_builds_none_of_the_other_commands(tmp_path):
    """score, rules, explain, config, waivers, report, serve, lsp and new load when named."""
    draft = tmp_path / "お知らせ.txt"
    draft.write_text("【お知らせ】高田城址公園で観桜会を開きます。\n", encoding="utf-8")
    loaded = _modules_after([str(draft)], tmp_path)
    assert "sm_lint.run.linter" in loaded  # the draft was linted
    assert "sm_lint.cli.commands" not in loaded
    assert "sm_lint.cli.commands" in _modules_after(["rules"], tmp_path)


def test_only_the_console_entry_makes_the_collector_rest(tmp_path):
    """Starting up makes some 30,000 lasting objects (modules, the rule cache): the console
    entry's process, which ends with its command, collects every 100,000 new objects instead
    of every 700; a library caller's collector is left as it set it."""
    import gc

    draft = tmp_path / "お知らせ.txt"
    draft.write_text("【お知らせ】高田城址公園で観桜会を開きます。\n", encoding="utf-8")
    code = "import gc, os, sys\nos._exit = lambda status: print(*gc.get_threshold(), file=sys.stderr)\n"
    for args in ([str(draft)], ["--format", "json", str(draft)]):
        done = subprocess.run(
            [sys.executable, "-c", code + "from sm_lint.cli import run\nrun()", *args],
            capture_output=True,
            text=True,
            env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)},
        )
        assert done.stderr.split() == ["100000", "10", "10"]
    before = gc.get_threshold()
    from sm_lint.app.lint import LintSettings, lint
    from sm_lint.run.options import Options

    lint(LintSettings((str(draft),), Options(no_repo_config=True), fmt="json"))
    assert gc.get_threshold() == before
