"""Hostile YAML in front matter, configuration and rule packs is refused quickly."""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from helpers import operations
from sm_lint.errors import ConfigError, InputError
from sm_lint.io.document import parse_draft
from sm_lint.io.yamlsafe import MAX_DEPTH, LineDict, YamlError, _flat, _loader_class, load_yaml
from sm_lint.rules.sections import load_config

# Nine levels of ten aliases each: 10**9 strings once expanded ("billion laughs").
BOMB = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
    f"{x}: &{x} [{', '.join([f'*{p}'] * 10)}]\n" for p, x in zip("abcdefghi", "bcdefghij", strict=True)
)
DEEP_FLOW = "a: " + "[" * 200_000 + "]" * 200_000  # segfaulted the C composer before
DEEP_BLOCK = "a:\n" + "".join(" " * (2 * i) + "- \n" for i in range(200))
RECURSIVE = "a: &a [1, *a]\n"
# Aliases can also multiply depth: each level nests the previous anchor 40 deep.
ALIAS_DEPTH = "a: &a " + "[" * 40 + "x" + "]" * 40 + "\nb: &b " + "[" * 40 + "*a" + "]" * 40 + "\n"


# Newer libyaml (in PyYAML 6.0.4 wheels) scans ahead and refuses very deep flow nesting itself.
DEEP_REFUSED = f"nested deeper than {MAX_DEPTH} levels|exceeded maximum nesting depth"


@pytest.mark.parametrize(
    "source, problem",
    [
        (BOMB, "more than 100000 values"),
        (DEEP_FLOW, DEEP_REFUSED),
        (DEEP_BLOCK, f"nested deeper than {MAX_DEPTH} levels"),
        (RECURSIVE, "refers to its own anchor"),
        (ALIAS_DEPTH, "through aliases"),
    ],
)
def test_hostile_yaml_is_refused_fast(source, problem, monkeypatch):
    import yaml

    def refuse():
        with pytest.raises(YamlError) as info:
            load_yaml(source)
        return info

    # Refused before anything is expanded or recursed into (BOMB expands to 10**9, DEEP_FLOW
    # recursed into crashed the composer): nothing is built, and the checks that refuse it run
    # fewer lines of sm-lint and PyYAML than reading a plain list of 1,000 values does.
    plain = "a: [" + ", ".join(["x"] * 1000) + "]"
    pyyaml = Path(yaml.__file__).parent
    reading = operations(lambda: load_yaml(plain), pyyaml)

    def built(*args, **kwargs):
        __tracebackhide__ = True  # pytest would show the node: a bomb's repr does not end
        raise AssertionError("the document was built before it was refused")

    monkeypatch.setattr(_loader_class()[0], "construct_document", built)
    info = refuse()
    assert re.search(problem, info.value.problem)
    assert operations(refuse, pyyaml) < reading
    if problem != DEEP_REFUSED:  # libyaml may refuse that one itself, in its own English
        assert info.value.problem_ja.endswith("。読み込みません")


def test_shared_anchors_within_limits_still_work():
    data = load_yaml("base: &b {pos1: 名詞}\nrules: [*b, *b]\n")
    assert data["rules"] == [{"pos1": "名詞"}, {"pos1": "名詞"}]


def test_python_tags_are_never_built():
    with pytest.raises(YamlError):
        load_yaml("a: !!python/object/apply:os.system ['echo hi']\n")


def test_front_matter_bomb_is_an_input_error_with_a_line():
    with pytest.raises(InputError) as caught:
        parse_draft(f"---\n{BOMB}---\n本文です。\n", "d.md")
    assert re.match(
        r"d\.md:\d+: front matter の YAML が読めません: エイリアスを展開すると値が 100000 個を超えます",
        caught.value.text("ja"),
    )
    assert re.match(r"d\.md:\d+: the front matter is not valid YAML: more than 100000 values", caught.value.text("en"))


def test_config_bomb_is_a_config_error(tmp_path):
    path = tmp_path / ".sm-lint.yaml"
    path.write_text(DEEP_FLOW, encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    assert re.search(DEEP_REFUSED, caught.value.text("en"))


def test_a_key_written_twice_is_refused_at_its_second_line():
    # PyYAML would keep the second and drop the first without a word
    with pytest.raises(YamlError) as caught:
        load_yaml("platform: x\napproved_by: 課長\nplatform: instagram\n", first_line=2)
    assert caught.value.line == 4
    assert caught.value.problem == "`platform` is written twice (first on line 2)"
    assert caught.value.problem_ja == "`platform` が 2 回書かれています (最初は 2 行目)"


def test_the_same_key_in_different_mappings_and_merged_keys_are_fine():
    data = load_yaml(
        "a: {name: x}\nb: {name: y}\nbase: &base {alt: 桜, people: none}\nimage: {<<: *base, people: crowd}\n"
    )
    assert data["image"] == {"alt": "桜", "people": "crowd"}  # the mapping's own key overrides the merged one


def test_a_second_section_in_the_configuration_is_a_config_error(tmp_path):
    # a `links:` block added at the end of the file would have replaced the first one whole
    path = tmp_path / ".sm-lint.yaml"
    path.write_text(
        "links:\n  also_trusted: [example.jp]\nfail-on: warning\nlinks:\n  allow: [example.com]\n", encoding="utf-8"
    )
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    assert caught.value.where == f"{path}:4"
    assert caught.value.text("ja").endswith("YAML として読めません: `links` が 2 回書かれています (最初は 1 行目)")
    assert caught.value.text("en").endswith("not valid YAML: `links` is written twice (first on line 1)")


def test_a_front_matter_key_written_twice_is_an_input_error():
    with pytest.raises(InputError, match=r"d\.md:4: front matter の YAML が読めません: `scheduled_at` が 2 回"):
        parse_draft(
            "---\nscheduled_at: 2026-12-01 10:00\nplatform: x\nscheduled_at: 2026-12-01 22:00\n---\n本文\n", "d.md"
        )


# Mistakes people make in front matter: (the draft's YAML, the line to show, words of the Japanese).
MISTAKES = [
    ("platform: x\ntitle: 告知: 冬の高田\n", 3, "「キー: 値」の形になっていない行"),  # ": " inside a value
    ("platform：x\napproved_by: 課長\n", 3, "「:」が全角"),
    ("platform: x\n\tapproved_by: 課長\n", 3, "タブ"),
    ('platform: x\ntitle: "冬の高田\napproved_by: 課長\n', 3, "引用符"),  # where the quote opened
    ("platform: [x, instagram\napproved_by: 課長\n", 2, "「]」がありません"),
    ("platform: x\ntags: [冬, 雪,\n", 4, "「]」か「}」がありません"),  # found at the end of the front matter
    ("title: ]冬の高田\n", 2, "値の先頭に「]」"),
    ("images:\n  - path: a.jpg\n   alt: 桜\n", 4, "リストの項目"),
    ("platform: x\n approved_by: 課長\n", 3, "字下げ"),
    ("title: @joetsu_city のお知らせ\n", 2, "@"),
    ("approved_by: *課長\n", 2, "「*」"),
    ('title: "C:\\Users\\x"\n', 2, "「\\」"),
]


@pytest.mark.parametrize("loader", ["libyaml", "pure Python"])
@pytest.mark.parametrize("source, line, words", MISTAKES)
def test_yaml_mistakes_are_explained_in_japanese_at_the_line_to_fix(monkeypatch, loader, source, line, words):
    import yaml

    from sm_lint.io import yamlsafe

    if loader == "pure Python":  # PyYAML words some problems differently without libyaml
        monkeypatch.delattr(yaml, "CSafeLoader")
    yamlsafe._loader_class.cache_clear()
    try:
        with pytest.raises(InputError) as caught:
            parse_draft(f"---\n{source}---\n本文\n", "d.md")
    finally:
        yamlsafe._loader_class.cache_clear()
    assert caught.value.where == f"d.md:{line}"
    ja = caught.value.text("ja")
    assert words in ja and not re.search(r"[a-z]{4}", ja.split("読めません: ")[1])  # no English left
    assert "front matter is not valid YAML: " in caught.value.text("en")


# The fast path for flat front matter (sm_lint.io.yamlsafe._flat) must read every text exactly
# as PyYAML does: values that PyYAML reads as words, dates, booleans, numbers, nulls or not
# at all, and whole texts with comments, blank lines, repeated keys and other shapes.
VALUES = [
    "x",
    "広報対話課長",
    "除雪：情報",
    "上越市 ＃タグ",
    "a  b",
    "a#b",
    "a:b",
    "tiktok",
    "youtube",
    "y",
    "n",
    "Yes please",
    "https://www.city.joetsu.niigata.jp/site/bousai/",
    "yes",
    "No",
    "on",
    "OFF",
    "TRUE",
    "null",
    "Null",
    "~",
    "",
    "2026-12-01",
    "2026-12-01T10:00:00+09:00",
    "2026-12-01T10:00:00Z",
    "2026-12-01T10:00:00-05:30",
    "2026-12-01t10:00:00",
    "2026-13-01",
    "2026-02-30T10:00:00",
    "2026-12-01T10:00",
    "2026-12-01 10:00:00",
    "２０２６-１２-０１",
    "12",
    "0x1F",
    "1_000",
    "3.5",
    ".inf",
    "-",
    "- a",
    "a: b",
    "a:",
    "a #b",
    "'quoted'",
    '"double"',
    "[a, b]",
    "{a: 1}",
    "&anchor x",
    "*alias",
    "!tag x",
    "|",
    ">",
    "%x",
    "@user",
    "`x`",
    "? x",
    "<<",
    "=",
    "a\tb",
    "x\x85y",
    "x\u2028y",
    "x\x7fy",
    "x\ufeffy",
    "😀 絵文字",
    "a [b] {c}, d",
]
SOURCES = [
    "platform: x\nscheduled_at: 2026-12-01T10:00:00+09:00\napproved_by: 広報対話課長\n",
    "# 下書き\nplatform: x\n\napproved_by: 課長\n",
    "platform: x\nplatform: facebook\n",
    "on: x\n",
    "y: x\n",
    "rule-dirs: x\n",
    "_private: x\n",
    "Key_2: x\n",
    "キー: x\n",
    "platform: x\r\napproved_by: 課長\r\n",
    "platform: x   \n",
    "platform:x\n",
    "platform:\n  - x\n",
    "platform: x\n  continued\n",
    "platform: x\n---\n",
    "platform: x # comment\n",
    "  platform: x\n",
    "platform: x\n   \n",
    "",
    "# only a comment\n",
    "platform: x",
    "platform:\n",
    "platform:   \n",
]


def _read(source: str, first_line: int = 2):
    try:
        data = load_yaml(source, first_line)
    except YamlError as exc:
        return "error", exc.line, exc.problem
    if isinstance(data, LineDict):
        return ({k: (type(v), v, getattr(v, "tzinfo", None)) for k, v in data.items()}, data.line, data.key_lines)
    return type(data), data


@pytest.mark.parametrize("source", [f"platform: x\nkey: {value}\n" for value in VALUES] + SOURCES)
def test_flat_front_matter_is_read_as_pyyaml_reads_it(source, monkeypatch):
    fast = _read(source)
    monkeypatch.setattr("sm_lint.io.yamlsafe._flat", lambda source, first_line: None)
    assert fast == _read(source)


def test_flat_front_matter_is_read_without_pyyaml():
    assert _flat(SOURCES[0], 2) == {
        "platform": "x",
        "scheduled_at": datetime(2026, 12, 1, 10, tzinfo=timezone(timedelta(hours=9))),
        "approved_by": "広報対話課長",
    }
    assert [_flat(f"key: {value}\n", 1) for value in ("yes", "12", "a: b", "'x'")] == [None] * 4
