"""The rule packs of a run: the built-in rules plus each configuration's `rule-dirs`, each set
loaded once (from the rule cache, io/rulecache.py), and a broken one reported once per run."""

from __future__ import annotations

from pathlib import Path
from typing import Sequence

from sm_lint.errors import RuleError
from sm_lint.rules.loader import load_rules
from sm_lint.rules.model import Rule


class Packs:
    def __init__(self, built_in: Sequence[Rule]):
        self.built_in = list(built_in)
        self._packs: dict[tuple[Path, ...], list[Rule]] = {(): self.built_in}
        self._broken: dict[tuple[Path, ...], RuleError] = {}
        self._ids: dict[tuple[Path, ...], frozenset[str]] = {}

    def pack(self, rule_dirs: tuple[Path, ...]) -> list[Rule]:
        """The built-in rules plus a configuration's `rule-dirs`."""
        if rule_dirs in self._broken:  # reported once per run, not compiled again per draft
            raise self._broken[rule_dirs]
        if rule_dirs not in self._packs:
            try:
                self._packs[rule_dirs] = load_rules(rule_dirs, base=self.built_in)
            except RuleError as exc:
                self._broken[rule_dirs] = exc
                raise
        return self._packs[rule_dirs]

    def ids(self, rule_dirs: tuple[Path, ...]) -> frozenset[str]:
        """Every rule id of that pack, selected or not (a suppression of a rule that is not
        selected names a rule all the same)."""
        if rule_dirs not in self._ids:
            self._ids[rule_dirs] = frozenset(r.id for r in self.pack(rule_dirs))
        return self._ids[rule_dirs]

    def by_id(self) -> dict[str, Rule]:
        """Every rule loaded so far, built-in and from `rule-dirs`."""
        return {r.id: r for pack in self._packs.values() for r in pack}
