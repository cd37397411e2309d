"""Every rule's own `examples`: each invalid text must fire the rule, each valid text must not."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from sm_lint.checks.images import faces
from sm_lint.settings.loader import Config, parse_config
from sm_lint.rules.loader import load_rules

RULES = load_rules()
_JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff々〆ー]+")
_PLACEHOLDER = re.compile(r"\{\w+\}")


def _lint(linter, rule, text, lang=None):
    """An example may carry the configuration it needs (`config:` in the rule's YAML)."""
    config = getattr(text, "config", None)
    config = parse_config(config, rule.source) if config else None
    if lang:
        config = replace(config or Config(), lang=lang)
    path = getattr(text, "path", None) or "<text>"  # an example about image files names its draft
    modified = getattr(text, "modified", None)  # the file date of an example about a guessed year
    return [f for f in linter.lint_text(text, path, config=config, rules=[rule], modified=modified) if f.rule == rule.id]


def _cases(kind):
    for rule in RULES:
        for i, text in enumerate(getattr(rule, kind)):
            yield pytest.param(rule, text, id=f"{rule.id}-{kind}-{i}")


@pytest.mark.parametrize("rule,text", list(_cases("invalid")))
def test_invalid_example_fires(linter, rule, text):
    if getattr(rule.matcher, "extra", None) == "faces" and not faces.available():
        pytest.skip("the faces extra (opencv-python-headless) is not installed")
    hits = _lint(linter, rule, text)
    assert hits, f"{rule.id} should fire on: {text}"


@pytest.mark.parametrize("rule,text", list(_cases("valid")))
def test_valid_example_is_quiet(linter, rule, text):
    hits = _lint(linter, rule, text)
    assert not hits, f"{rule.id} should not fire on: {text} (got {[h.match for h in hits]})"


@pytest.mark.parametrize("rule,text", list(_cases("invalid")))
def test_english_message_quotes_japanese_only_from_the_draft(linter, rule, text):
    """With --lang en, labels, notes and names in a message are English: Japanese appears
    only where the message quotes the draft itself (its match, a name, a front-matter value)."""
    for finding in _lint(linter, rule, text, lang="en"):
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
    for finding in _lint(linter, rule, text, lang="ja"):
        assert not _PLACEHOLDER.search(finding.message), finding.message
        assert finding.message == finding.message.strip(), repr(finding.message)


def test_every_rule_has_both_kinds_of_example():
    assert RULES
    for rule in RULES:
        assert rule.invalid and rule.valid, rule.id
