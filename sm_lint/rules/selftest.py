"""A rule's own examples, run: how the rule tests, `sm-lint explain` and the staff pages show
a rule, and how a configuration's rule packs are checked when they are loaded."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any, Protocol

from sm_lint.errors import RuleError
from sm_lint.findings import Finding
from sm_lint.io import rulecache
from sm_lint.rules.loader import pack_sources
from sm_lint.rules.model import Rule
from sm_lint.rules.sections import parse_config
from sm_lint.settings.config import Config


class TextLinter(Protocol):
    """What runs the examples: run/linter.py's Linter, which sits above the rules."""

    def lint_text(
        self,
        text: str,
        path: str = ...,
        config: Config | None = ...,
        rules: Sequence[Rule] | None = ...,
        modified: float | None = ...,
    ) -> list[Finding]: ...


def example_findings(rule: Rule, example: str, linter: TextLinter, lang: str = "ja") -> list[Finding]:
    """The rule's findings on one of its examples, read as the example says (its `config`,
    `draft` path and file date)."""
    config = getattr(example, "config", None)
    config = parse_config(config, rule.source) if config else Config()
    path = getattr(example, "path", None) or "<text>"  # an example about files names its draft
    return [
        f
        for f in linter.lint_text(
            example, path, config=config.replace(lang=lang), rules=[rule], modified=getattr(example, "modified", None)
        )
        if f.rule == rule.id
    ]


def check_examples(dirs: Sequence[Path], rules: Sequence[Rule], linter: TextLinter) -> None:
    """The examples of the rules of a configuration's `rule-dirs`, run as they are loaded: an
    `invalid` example the rule does not find, or a `valid` one it does, is a RuleError naming
    the rule and the example. The verdict is cached with the packs' files (rulecache), so an
    unchanged pack costs nothing on the next run."""
    failing = rulecache.remember("examples", pack_sources(dirs), lambda: _failing_example(rules, linter))
    if failing:
        where, rule_id, kind, shown, fires = failing
        raise RuleError(
            where,
            f"ルール {rule_id} の例 ({kind})「{shown}」で指摘が出{'ません' if fires else 'ます'}。"
            "ルールか例を直してください",
            f'rule {rule_id}: its {kind} example "{shown}" is {"not " if fires else ""}reported;'
            " fix the rule or the example",
        )


def _failing_example(rules: Sequence[Rule], linter: TextLinter) -> tuple[Any, ...]:
    """(where, rule id, kind, the example's start, whether it should fire) of the first example
    that does not do what it says; () when all do (a value the cache keeps: None is a miss)."""
    for rule in rules:
        for kind, examples, fires in (("invalid", rule.invalid, True), ("valid", rule.valid, False)):
            for example in examples:
                if bool(example_findings(rule, example, linter)) != fires:
                    shown = example if len(example) <= 40 else example[:40] + "…"
                    return rule.source, rule.id, kind, shown, fires
    return ()
