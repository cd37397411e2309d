"""Hostile YAML in front matter, configuration and rule packs is refused quickly."""

from __future__ import annotations

import re
import time

import pytest

from sm_lint.config import load_config
from sm_lint.document import parse_draft
from sm_lint.errors import ConfigError, InputError
from sm_lint.yamlsafe import MAX_DEPTH, YamlError, load_yaml

# Nine levels of ten aliases each: 10**9 strings once expanded ("billion laughs").
BOMB = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
    f"{x}: &{x} [{', '.join([f'*{p}'] * 10)}]\n" for p, x in zip("abcdefghi", "bcdefghij")
)
DEEP_FLOW = "a: " + "[" * 200_000 + "]" * 200_000  # segfaulted the C composer before
DEEP_BLOCK = "a:\n" + "".join(" " * (2 * i) + "- \n" for i in range(200))
RECURSIVE = "a: &a [1, *a]\n"
# Aliases can also multiply depth: each level nests the previous anchor 40 deep.
ALIAS_DEPTH = "a: &a " + "[" * 40 + "x" + "]" * 40 + "\nb: &b " + "[" * 40 + "*a" + "]" * 40 + "\n"


# Newer libyaml (in PyYAML 6.0.4 wheels) scans ahead and refuses very deep flow nesting itself.
DEEP_REFUSED = f"nested deeper than {MAX_DEPTH} levels|exceeded maximum nesting depth"


@pytest.mark.parametrize("source, problem", [
    (BOMB, "more than 100000 values"),
    (DEEP_FLOW, DEEP_REFUSED),
    (DEEP_BLOCK, f"nested deeper than {MAX_DEPTH} levels"),
    (RECURSIVE, "refers to its own anchor"),
    (ALIAS_DEPTH, "through aliases"),
])
def test_hostile_yaml_is_refused_fast(source, problem):
    started = time.perf_counter()
    with pytest.raises(YamlError) as info:
        load_yaml(source)
    assert re.search(problem, info.value.problem)
    assert time.perf_counter() - started < 1


def test_shared_anchors_within_limits_still_work():
    data = load_yaml("base: &b {pos1: 名詞}\nrules: [*b, *b]\n")
    assert data["rules"] == [{"pos1": "名詞"}, {"pos1": "名詞"}]


def test_python_tags_are_never_built():
    with pytest.raises(YamlError):
        load_yaml("a: !!python/object/apply:os.system ['echo hi']\n")


def test_front_matter_bomb_is_an_input_error_with_a_line():
    with pytest.raises(InputError, match=r"d\.md:\d+: front matter の YAML が読めません: more than"):
        parse_draft(f"---\n{BOMB}---\n本文です。\n", "d.md")


def test_config_bomb_is_a_config_error(tmp_path):
    path = tmp_path / ".sm-lint.yaml"
    path.write_text(DEEP_FLOW, encoding="utf-8")
    with pytest.raises(ConfigError, match=DEEP_REFUSED):
        load_config(path)
