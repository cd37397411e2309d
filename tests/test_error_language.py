"""Every error the tool raises has a Japanese text (the default) and an English one (--lang en).

The raise sites are read from the source, so a new error written in one language only fails
here, not in front of a user."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from helpers import run
from sm_lint import errors

PACKAGE = Path(errors.__file__).parent
# The error classes and their subclasses anywhere in the package (BinaryFile, RegexTimeout),
# and `error`, the class a shared check is handed (rules/options.one_of, YamlError.reported).
ERRORS = {"SmLintError", "InputError", "RuleError", "ConfigError", "BinaryFile", "RegexTimeout", "error"}
JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")
# English may show Japanese data as an example: "e.g. 電話番号", "such as {lemma: 聞く}".
EXAMPLE = re.compile(r"\b(e\.g\.|such as) .*")


def _literal(node: ast.expr) -> str | None:
    """The fixed text of a string or f-string argument (placeholders left out)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(v.value for v in node.values if isinstance(v, ast.Constant))
    return None


def _placeholders(node: ast.expr) -> list[str]:
    return [ast.unparse(v.value) for v in getattr(node, "values", []) if isinstance(v, ast.FormattedValue)]


def _raise_sites():
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call):
                name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
                if name in ERRORS:
                    yield f"{path.relative_to(PACKAGE)}:{node.lineno}", node


SITES = list(_raise_sites())


def test_the_raise_sites_are_found():
    assert len(SITES) > 100  # the parser above still sees them


@pytest.mark.parametrize("where,node", SITES, ids=[where for where, _ in SITES])
def test_each_error_is_written_in_japanese_and_in_english(where, node):
    assert len(node.args) == 3 and not node.keywords, "where, Japanese text, English text"
    ja, en = _literal(node.args[1]), _literal(node.args[2])
    # A text that wraps another error's text takes its Japanese half in the one and its
    # English half in the other ({exc.what} / {exc.what_en}).
    wraps = _placeholders(node.args[1]) != _placeholders(node.args[2])
    assert ja is not None and (JAPANESE.search(ja) or wraps), f"not Japanese: {ast.unparse(node.args[1])}"
    assert en is not None and en.strip(), f"no English: {ast.unparse(node.args[2])}"
    assert not JAPANESE.search(EXAMPLE.sub("", en)), f"not English: {ast.unparse(node.args[2])}"


def test_a_broken_configuration_speaks_the_language_asked_for(tmp_path):
    (tmp_path / ".sm-lint.yaml").write_text("schedule:\n  start: noon\n", encoding="utf-8")
    (tmp_path / "post.md").write_text("除雪の情報です。\n", encoding="utf-8")
    ja = run(["post.md"], cwd=tmp_path)
    en = run(["--lang", "en", "post.md"], cwd=tmp_path)
    assert ja.exit_code == en.exit_code == 2
    assert "`schedule.start` は \"08:30\" のような時刻で書いてください (値: 'noon')" in ja.stderr
    assert "`schedule.start` is a time such as \"08:30\", not 'noon'" in en.stderr
    assert not JAPANESE.search(en.stderr)


def test_input_errors_of_several_drafts_follow_lang_in_one_and_in_two_processes(tmp_path):
    for n in range(4):
        (tmp_path / f"ok{n}.md").write_text("除雪の情報です。\n", encoding="utf-8")
    (tmp_path / "broken.md").write_text("---\nplatform: [x\n---\n本文\n", encoding="utf-8")
    (tmp_path / "sjis.md").write_bytes("\x82".encode("latin-1") * 3)
    for jobs in ("1", "2"):
        en = run(["--lang", "en", "-j", jobs, "."], cwd=tmp_path)
        assert en.exit_code == 2
        assert "broken.md:2: the front matter is not valid YAML" in en.stderr  # where [ opened
        assert "sjis.md: cannot tell the encoding" in en.stderr
        ja = run(["-j", jobs, "."], cwd=tmp_path)
        assert "broken.md:2: front matter の YAML が読めません: 「[」に対応する「]」がありません" in ja.stderr
        assert "sjis.md: 文字コードを判定できません" in ja.stderr
