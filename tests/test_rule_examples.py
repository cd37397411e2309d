"""Every rule's own `examples`: each invalid text must fire the rule, each valid text must not."""

from __future__ import annotations

import pytest

from sm_lint.config import parse_config
from sm_lint.rules.loader import load_rules

RULES = load_rules()


def _lint(linter, rule, text):
    """An example may carry the configuration it needs (`config:` in the rule's YAML)."""
    config = getattr(text, "config", None)
    config = parse_config(config, rule.source) if config else None
    return [f for f in linter.lint_text(text, config=config, rules=[rule]) if f.rule == rule.id]


def _cases(kind):
    for rule in RULES:
        for i, text in enumerate(getattr(rule, kind)):
            yield pytest.param(rule, text, id=f"{rule.id}-{kind}-{i}")


@pytest.mark.parametrize("rule,text", list(_cases("invalid")))
def test_invalid_example_fires(linter, rule, text):
    hits = _lint(linter, rule, text)
    assert hits, f"{rule.id} should fire on: {text}"


@pytest.mark.parametrize("rule,text", list(_cases("valid")))
def test_valid_example_is_quiet(linter, rule, text):
    hits = _lint(linter, rule, text)
    assert not hits, f"{rule.id} should not fire on: {text} (got {[h.match for h in hits]})"


def test_every_rule_has_both_kinds_of_example():
    assert RULES
    for rule in RULES:
        assert rule.invalid and rule.valid, rule.id
