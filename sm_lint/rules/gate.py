"""Which rules cannot fire on a draft, decided by one pass over its text and tokens.

A matcher whose every hit needs something it can name in advance says so with `signs()`:
(attribute, sign) pairs, one of which must hold for the rule to find anything.
- ("text" or "folded", RE2 source): the pattern matches somewhere in that text (the view, or
  the view folded); None where RE2 cannot read the pattern, and then the rule always runs.
- (a token attribute, a frozenset of values): some token has one of them (a word list's
  lemmas, a token sequence's anchor word).
Where none of a rule's signs holds, the rule cannot find anything and its search is skipped.
One RE2 Set per text, and one set of token values per attribute, answer that for all rules at
once: a search per rule cost a call through RE2's Python wrapper each, for every draft, and a
word list built three token indexes for words that were not there.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from sm_lint.rules.model import Rule
from sm_lint.text.saferegex import any_of

if TYPE_CHECKING:
    from sm_lint.text.analysis import Analysis

# Longer drafts are searched rule by rule: an RE2 Set runs on a DFA alone, without the
# fallback a single pattern has, and a long text is where a DFA runs out of room.
MAX_CHARS = 20_000
TEXTS = ("text", "folded")


class Gate:
    def __init__(self, rules: Sequence[Rule]):
        signs: dict[str, list[str]] = {}
        owners: dict[str, list[int]] = {}  # text attribute -> id of the rule of each sign
        self._values: dict[str, dict[str, list[int]]] = {}  # token attribute -> value -> rule ids
        gated: set[int] = set()
        for rule in rules:
            pairs = rule.matcher.signs()
            if not pairs or any(sign is None for _, sign in pairs):
                continue
            gated.add(id(rule))
            for attr, sign in pairs:
                if attr in TEXTS:
                    signs.setdefault(attr, []).append(sign)
                    owners.setdefault(attr, []).append(id(rule))
                else:
                    by_value = self._values.setdefault(attr, {})
                    for value in sign:
                        by_value.setdefault(value, []).append(id(rule))
        sets = [(attr, any_of(signs[attr]), owners[attr]) for attr in signs]
        self._sets = [(attr, match, owned) for attr, match, owned in sets if match is not None]
        # where RE2 cannot build a set, no rule is gated (every rule searches)
        self.gated = frozenset(gated) if len(self._sets) == len(sets) else frozenset()

    def closed(self, analysis: Analysis) -> frozenset[int]:
        """ids of the rules that cannot fire on this draft."""
        if not self.gated or len(analysis.text) > MAX_CHARS:
            return frozenset()
        fired: set[int] = set()  # ids of the rules whose signs hold
        for attr, match, owners in self._sets:
            matched = match(getattr(analysis, attr))
            if matched is None:  # RE2 could not tell: every rule searches
                return frozenset()
            fired.update(owners[i] for i in matched)
        for attr, by_value in self._values.items():
            for value in by_value.keys() & analysis.tokens.values(attr):
                fired.update(by_value[value])
        return self.gated - fired
