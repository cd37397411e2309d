"""Which rules cannot fire on a draft, decided by one pass over its text and tokens.

A matcher whose every hit needs something it can name in advance says so with `signs()`:
(attribute, sign) pairs, one of which must hold for the rule to find anything; or, where it
needs several things at once (a construction's parts), with `sign_groups()`: a group of such pairs
per thing, each of which must have a pair that holds.
- ("text", "folded" or "body", RE2 source): the pattern matches somewhere in that text (the
  view, the view folded, or the body as written); None where RE2 cannot read the pattern: its group names nothing, and a
  rule with no other group always runs.
- (a token attribute, a frozenset of values): some token has one of them (a word list's
  lemmas, a token sequence's anchor word).
Where none of a rule's signs holds (in one of its groups), the rule cannot find anything and its
search is skipped.
One RE2 Set per text, and one set of token values per attribute, answer that for all rules at
once: a search per rule cost a call through RE2's Python wrapper each, for every draft, and a
word list built three token indexes for words that were not there.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

import re2

from sm_lint.rules.model import Rule
from sm_lint.text.alternatives import OPTIONS as RE2_OPTIONS

if TYPE_CHECKING:
    from sm_lint.text.analysis import Analysis

# Longer drafts are searched rule by rule: an RE2 Set runs on a DFA alone, without the
# fallback a single pattern has, and a long text is where a DFA runs out of room.
MAX_CHARS = 20_000


def too_long(analysis: Analysis) -> bool:
    """A draft longer than MAX_CHARS: every rule searches it (the gate, and before the gate the
    rule cache's needs, rules/deferred.py, skip none)."""
    return max(len(analysis.text), len(analysis.draft.body)) > MAX_CHARS


TEXTS: dict[str, Callable[[Analysis], str]] = {
    "text": lambda analysis: analysis.text,
    "folded": lambda analysis: analysis.folded,
    "body": lambda analysis: analysis.draft.body,
}


def _usable(attr: str, sign: object) -> bool:
    """A sign the gate can test. Not a pattern with several bounded gaps (`.{0,8}`, `[^。]{0,20}`):
    in one RE2 Set with the others, a gap multiplies the DFA's states by the alternatives around
    it, and with issue 23's acts and verdicts (10 to 49 gaps) the set ran out of room and
    crawled: on dev rows the whole lint took 2.5 times as long. Such a group names nothing; the
    rule's other groups gate it."""
    if sign is None or attr not in TEXTS or not isinstance(sign, str):
        return sign is not None
    return sign.count("{0,") < 3


def any_of(signs: list[str]) -> Callable[[str], list[int] | None] | None:
    """One RE2 pass telling which of `signs` (RE2 sources, see `sign`) match somewhere in a
    text: a function text -> list of their indexes, or None for a text RE2 could not finish.
    None instead of the function where RE2 cannot build the set (too large for its memory)."""
    found = re2.Set.SearchSet(RE2_OPTIONS)
    try:
        for sign in signs:
            found.Add(sign)
        # The binding drops RE2's "DFA out of memory" and returns no match at all: a sign that
        # matches at the very end of every text proves that the pass got there.
        end = found.Add(r"\z")
        found.Compile()
    except re2.error:
        return None

    def match(text: str) -> list[int] | None:
        matched: list[int] = found.Match(text) or []
        return [i for i in matched if i != end] if end in matched else None

    return match


class Gate:
    def __init__(self, rules: Sequence[Rule]):
        # Each group of signs a rule needs (Matcher.sign_groups) gets a number; a rule stays open
        # where each of its groups has a sign that holds. A sign shared by several groups
        # (a word list in several constructions) is searched once.
        signs: dict[str, dict[str, list[int]]] = {}  # text attribute -> RE2 source -> groups
        self._values: dict[str, dict[str, list[int]]] = {}  # token attribute -> value -> groups
        self._needs: list[tuple[int, range]] = []  # (id of a gated rule, the numbers of its groups)
        count = 0
        for rule in rules:
            groups = [g for g in rule.matcher.sign_groups() or () if g and all(_usable(attr, sign) for attr, sign in g)]
            if not groups:
                continue
            self._needs.append((id(rule), range(count, count + len(groups))))
            for pairs in groups:
                for attr, sign in pairs:
                    if attr in TEXTS:
                        signs.setdefault(attr, {}).setdefault(sign, []).append(count)
                    else:
                        by_value = self._values.setdefault(attr, {})
                        for value in sign:
                            by_value.setdefault(value, []).append(count)
                count += 1
        sets = [(attr, any_of(list(by_sign)), list(by_sign.values())) for attr, by_sign in signs.items()]
        self._sets = [(attr, match, owned) for attr, match, owned in sets if match is not None]
        # where RE2 cannot build a set, no rule is gated (every rule searches)
        self.gated = frozenset(rule for rule, _ in self._needs) if len(self._sets) == len(sets) else frozenset()

    def closed(self, analysis: Analysis) -> frozenset[int]:
        """ids of the rules that cannot fire on this draft."""
        if not self.gated or too_long(analysis):
            return frozenset()
        held: set[int] = set()  # the groups with a sign that holds
        for attr, match, owners in self._sets:
            matched = match(TEXTS[attr](analysis))
            if matched is None:  # RE2 could not tell: every rule searches
                return frozenset()
            for i in matched:
                held.update(owners[i])
        for attr, by_value in self._values.items():
            for value in by_value.keys() & analysis.tokens.values(attr):
                held.update(by_value[value])
        return frozenset(rule for rule, groups in self._needs if not held.issuperset(groups))
