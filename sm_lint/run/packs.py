"""The rule packs of a run: the built-in rules plus each configuration's `rule-dirs` (whose own
examples run when they are loaded, rules/selftest.py) and its `rules:` extensions of built-in
rules, each set loaded once (from the rule cache, io/rulecache.py), a broken one reported once
per run."""

from __future__ import annotations

from collections.abc import Sequence

from sm_lint.errors import SmLintError
from sm_lint.rules.loader import extend_rules, load_rules
from sm_lint.rules.model import Rule
from sm_lint.rules.selftest import TextLinter, check_examples
from sm_lint.settings.config import Config, PackKey


class Packs:
    def __init__(self, built_in: Sequence[Rule], linter: TextLinter | None = None):
        self.built_in = list(built_in)
        self.linter = linter  # what runs a pack's examples (lint_text)
        self._packs: dict[PackKey, list[Rule]] = {((), None): self.built_in}
        self._broken: dict[PackKey, SmLintError] = {}
        self._ids: dict[PackKey, frozenset[str]] = {}

    def pack(self, config: Config) -> list[Rule]:
        """The built-in rules plus a configuration's `rule-dirs`, with its `rules:` extensions."""
        key = config.pack_key
        if key in self._broken:  # reported once per run, not compiled again per draft
            raise self._broken[key]
        if key not in self._packs:
            try:
                rules = self.built_in
                if config.rule_dirs:
                    assert self.linter is not None, "a run's packs have its Linter, to run the packs' examples"
                    rules = load_rules(config.rule_dirs, base=rules)
                    built_in = {r.id for r in self.built_in}
                    check_examples(config.rule_dirs, [r for r in rules if r.id not in built_in], self.linter)
                if key[1] is not None:
                    rules = extend_rules(rules, config.sections["rules"], config.path or "")
                self._packs[key] = rules
            except SmLintError as exc:  # a rule file, or an extension in the configuration
                self._broken[key] = exc
                raise
        return self._packs[key]

    def ids(self, config: Config) -> frozenset[str]:
        """Every rule id of that pack, selected or not (a suppression of a rule that is not
        selected names a rule all the same)."""
        key = config.pack_key
        if key not in self._ids:
            self._ids[key] = frozenset(r.id for r in self.pack(config))
        return self._ids[key]

    def by_id(self) -> dict[str, Rule]:
        """Every rule loaded so far, built-in and from `rule-dirs`."""
        return {r.id: r for pack in self._packs.values() for r in pack}
