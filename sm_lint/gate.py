"""Which rules cannot fire on a draft, decided by one RE2 pass over its text.

A matcher whose every hit comes from a search of the text with its patterns says so with
`signs()`: (attribute, pattern) pairs, the attribute naming the text searched ("text", the
view, or "folded"). Where none of a rule's patterns matches anywhere in its text, the rule
cannot find anything and its search is skipped. One RE2 Set answers that for all such rules
at once: a search per rule cost a call through RE2's Python wrapper each, for every draft.
Rules without signs, and patterns whose sign RE2 cannot read, always run.
"""

from __future__ import annotations

from typing import Sequence

from sm_lint.rules.model import Rule
from sm_lint.saferegex import any_of

# Longer drafts are searched rule by rule: an RE2 Set runs on a DFA alone, without the
# fallback a single pattern has, and a long text is where a DFA runs out of room.
MAX_CHARS = 20_000


class Gate:
    def __init__(self, rules: Sequence[Rule]):
        signs: dict[str, list[str]] = {}
        owners: dict[str, list[int]] = {}  # attribute -> id of the rule of each sign
        gated: set[int] = set()
        for rule in rules:
            pairs = rule.matcher.signs() if hasattr(rule.matcher, "signs") else None
            if not pairs or any(pattern.sign is None for _, pattern in pairs):
                continue
            gated.add(id(rule))
            for attr, pattern in pairs:
                signs.setdefault(attr, []).append(pattern.sign)
                owners.setdefault(attr, []).append(id(rule))
        self._sets = [(attr, any_of(signs[attr]), owners[attr]) for attr in signs]
        ok = all(match is not None for _, match, _ in self._sets)
        self.gated = frozenset(gated) if ok else frozenset()

    def closed(self, analysis) -> frozenset[int]:
        """ids of the rules that cannot fire on this draft."""
        if not self.gated or len(analysis.text) > MAX_CHARS:
            return frozenset()
        fired = set()
        for attr, match, owners in self._sets:
            matched = match(getattr(analysis, attr))
            if matched is None:  # RE2 could not tell: every rule searches
                return frozenset()
            fired.update(owners[i] for i in matched)
        return self.gated - fired
