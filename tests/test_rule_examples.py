"""Every rule's own `examples`: each invalid text must fire the rule, each valid text must not."""

from __future__ import annotations

import re

import pytest

from helpers import lint_example
from sm_lint.checks.images import faces
from sm_lint.rules.loader import load_rules

RULES = load_rules()
_JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff々〆ー]+")
_PLACEHOLDER = re.compile(r"\{\w+\}")


def _cases(kind):
    for rule in RULES:
        for i, text in enumerate(getattr(rule, kind)):
            yield pytest.param(rule, text, id=f"{rule.id}-{kind}-{i}")


@pytest.mark.parametrize("rule,text", list(_cases("invalid")))
def test_invalid_example_fires(linter, rule, text):
    if getattr(rule.matcher, "extra", None) == "faces" and not faces.available():
        pytest.skip("the faces extra (opencv-python-headless) is not installed")
    hits = lint_example(linter, rule, text)
    assert hits, f"{rule.id} should fire on: {text}"


@pytest.mark.parametrize("rule,text", list(_cases("valid")))
def test_valid_example_is_quiet(linter, rule, text):
    hits = lint_example(linter, rule, text)
    assert not hits, f"{rule.id} should not fire on: {text} (got {[h.match for h in hits]})"


@pytest.mark.parametrize("rule,text", list(_cases("invalid")))
def test_english_message_quotes_japanese_only_from_the_draft(linter, rule, text):
    """With --lang en, labels, notes and names in a message are English: Japanese appears
    only where the message quotes the draft itself (its match, a name, a front-matter value)."""
    for finding in lint_example(linter, rule, text, lang="en"):
        own = [run for run in _JAPANESE.findall(finding.message) if run not in text]
        assert not own, f"{rule.id}: Japanese of its own in: {finding.message}"
        assert not _PLACEHOLDER.search(finding.message), finding.message
        assert finding.message == finding.message.strip(), repr(finding.message)  # an empty note
        if rule.suggestion is not None and finding.suggestion in (rule.suggestion, rule.suggestion_en):
            # The rule's own advice, not a replacement for the draft's words (日本海側 stays).
            own = [run for run in _JAPANESE.findall(finding.suggestion) if run not in text]
            assert not own, f"{rule.id}: Japanese advice in English: {finding.suggestion}"


@pytest.mark.parametrize("rule,text", list(_cases("invalid")))
def test_japanese_message_has_every_placeholder_filled(linter, rule, text):
    for finding in lint_example(linter, rule, text, lang="ja"):
        assert not _PLACEHOLDER.search(finding.message), finding.message
        assert finding.message == finding.message.strip(), repr(finding.message)


def test_every_rule_has_both_kinds_of_example():
    assert RULES
    for rule in RULES:
        assert rule.invalid and rule.valid, rule.id
