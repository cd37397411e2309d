"""The rule authors' page of matcher kinds (docs/kinds.md): it is what sm_lint.app.staffdocs writes
(so every kind is on it, with its description, options and a shipped rule as worked example),
and its YAML blocks, loaded as a rule pack of their own the way a city's pack is loaded, are
rules whose examples behave: each invalid text fires the rule, each valid text does not."""

from __future__ import annotations

import re

import pytest

from helpers import ROOT, fenced, lint_example
from sm_lint.app.staffdocs import kinds_page
from sm_lint.rules.loader import compile_files
from sm_lint.rules.registry import KINDS

PAGE = ROOT / "docs" / "kinds.md"


def test_the_committed_page_is_what_the_generator_writes():
    assert PAGE.read_text(encoding="utf-8") == kinds_page(), (
        "docs/kinds.md is stale: run `python -m sm_lint.app.staffdocs docs/staff`"
    )


def test_every_kind_has_a_section_with_a_worked_example():
    text = PAGE.read_text(encoding="utf-8")
    for name in KINDS:
        section = text.partition(f'<a id="{name}"></a>')[2]
        assert re.search(rf"`{re.escape(name)}` options: .*Worked example", section), name


@pytest.fixture(scope="module")
def documented_rules(tmp_path_factory):
    """The page's blocks as one rule file of a pack beside the built-in one (examples that read
    a draft's pictures name them as ../examples/..., from the pack's folder)."""
    rules = tmp_path_factory.mktemp("rules")
    (rules / "examples").symlink_to(ROOT / "rules" / "examples")
    blocks = [text for _, text in fenced(PAGE, {"yaml"})]
    pack = rules / "documented" / "kinds.yaml"
    pack.parent.mkdir()
    body = "".join("".join(f"  {line}\n" if line else "\n" for line in block.splitlines()) for block in blocks)
    pack.write_text(f"pack: documented\nrules:\n{body}", encoding="utf-8")
    compiled = compile_files([pack])
    assert len(compiled) == len(blocks)
    return compiled


def test_the_worked_examples_behave(linter, documented_rules):
    wrong = []
    for rule in documented_rules:
        wrong += [f"{rule.id} should fire on: {text}" for text in rule.invalid if not lint_example(linter, rule, text)]
        wrong += [f"{rule.id} should not fire on: {text}" for text in rule.valid if lint_example(linter, rule, text)]
    assert wrong == []
