"""A rule's matcher kept apart in the rule cache, loaded the first time a draft could need it.

A cold start unpickled every rule's matcher (some 570 KB of word lists and patterns of the 129
built-in rules) and imported every kind's module to do so, where a one-line draft can need few
of them (issue 25, docs/performance.md). A matcher that names in advance what every hit needs
(`Matcher.sign_groups`, rules/gate.py) is therefore stored as a part of its own of the cache
entry (io/rulecache.py `Apart`), with its *needs* beside it in the entry's head: for each group
of its signs, per sign, the literals one of which every match of that sign holds (text/
regexsyntax.py `needles`), or the token values; and what the kind says a draft needs besides
(`Matcher.draft_needs`: a link, a digit). Before the gate is built (rules/engine.py), a
rule one of whose groups holds none of its needles on a draft is not searched there, and its
matcher is not loaded. Where a sign names no needles (a class of many characters, a case-blind
pattern) its group names nothing, as in the gate. The needs are never stricter than the signs:
a literal every match holds is in any text the sign matches, so a rule skipped here would have
found nothing (the gate's own guarantee; tests/test_gate.py, bench/same_findings.py).

Anything else asked of the matcher (find, review, its signs, an attribute) loads it.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from typing import TYPE_CHECKING, Any

from sm_lint.io.rulecache import Apart
from sm_lint.rules.gate import TEXTS, too_long
from sm_lint.rules.model import Matcher, Rule

if TYPE_CHECKING:
    from sm_lint.findings import Finding
    from sm_lint.rules.model import Hit
    from sm_lint.text.analysis import Analysis

# Needles per sign at most: a lexicon's sign is the alternation of its words (hundreds). Looking
# for a few thousand short strings in a short draft costs less than loading one such matcher.
_MOST = 2000

Needs = tuple[tuple[tuple[str, Any], ...], ...]  # groups of (attribute, needles or token values)


class Deferred(Matcher):
    """A matcher loaded from the rule cache on first use (see the module's docstring)."""

    def __init__(self, matcher: Matcher | Apart, needs: Needs, reviews: bool, strips: bool) -> None:
        self._apart = matcher if isinstance(matcher, Apart) else Apart(matcher)
        self.needs = needs
        self.reviews, self.strips = reviews, strips

    @property
    def matcher(self) -> Matcher:
        found: Matcher = self._apart.get()
        return found

    def find(self, analysis: Analysis) -> Iterable[Hit]:
        return self.matcher.find(analysis)

    def signs(self) -> list[tuple[str, Any]] | None:
        return self.matcher.signs()

    def sign_groups(self) -> list[list[tuple[str, Any]]] | None:
        return self.matcher.sign_groups()

    def draft_needs(self) -> list[tuple[str, Any]] | None:
        return self.matcher.draft_needs()

    def review(
        self, analysis: Analysis, findings: list[Finding], rules: Sequence[Rule], known: Collection[str]
    ) -> Iterable[Hit]:
        return self.matcher.review(analysis, findings, rules, known)

    def __getattr__(self, name: str) -> Any:
        """The kind's own attributes (what tests and tools read of a matcher)."""
        if name.startswith("__") or name == "_apart":
            raise AttributeError(name)
        return getattr(self.matcher, name)

    def __reduce__(self) -> tuple[Any, ...]:
        return Deferred, (self._apart, self.needs, self.reviews, self.strips)


def deferred(rules: Iterable[Rule]) -> list[Rule]:
    """The rules, each matcher whose signs name needles kept apart (for the rule cache)."""
    kept = []
    for rule in rules:
        needs = _needs(rule.matcher)
        if needs:
            rule = rule._replace(matcher=Deferred(rule.matcher, needs, rule.matcher.reviews, rule.matcher.strips))
        kept.append(rule)
    return kept


def _needs(matcher: Matcher) -> Needs:
    from sm_lint.text.regexsyntax import needles  # only when the rules are compiled

    groups = []
    for group in matcher.sign_groups() or ():
        pairs: list[tuple[str, Any]] = []
        for attr, sign in group:
            found: Collection[str] | None
            if attr in TEXTS:
                # "[:": an RE2 class ([[:alpha:]]) that Python's parser reads as characters
                found = needles(sign, most=_MOST) if isinstance(sign, str) and "[:" not in sign else None
            else:
                found = sign if isinstance(sign, frozenset) and sign else None
            if not found:
                break  # a sign that names nothing: so does its group
            pairs.append((attr, _joined(found)))
        else:
            if pairs:
                groups.append(tuple(pairs))
    more = matcher.draft_needs()
    if more:
        groups.append(tuple(more))
    # the group with the fewest strings first: most rules are ruled out by it
    return tuple(sorted(groups, key=lambda group: sum(len(found) for _, found in group if isinstance(found, str))))


def _joined(found: Collection[str]) -> Any:
    """Needles or token values as one string, each between NULs: one object to read from the
    cache, not thousands (the needs of the built-in rules were 80 KB of the cache's head)."""
    if not all(isinstance(item, str) and _SEP not in item for item in found):
        return frozenset(found)
    return _SEP + _SEP.join(sorted(found)) + _SEP


_SEP = "\0"


def shut(rules: Sequence[Rule], analysis: Analysis) -> frozenset[int]:
    """ids of the deferred rules among `rules` that cannot find anything on this draft: one of
    their groups has no needle in it (see the module's docstring)."""
    if too_long(analysis):
        return frozenset()
    texts: dict[str, str] = {}
    values: dict[str, set[str]] = {}
    closed = set()
    for rule in rules:
        matcher = rule.matcher
        if type(matcher) is not Deferred:
            continue
        for group in matcher.needs:
            held = False
            for attr, found in group:
                if attr in TEXTS:
                    text = texts.get(attr)
                    if text is None:
                        text = texts[attr] = TEXTS[attr](analysis)
                    strings = found[1:-1].split(_SEP) if isinstance(found, str) else found
                    held = any(needle in text for needle in strings)
                elif attr == "entity":
                    held = any(entity.kind in found for entity in analysis.entities)
                elif attr == "digits":
                    held = analysis.has_digits
                elif attr == "pictures":  # a Markdown image, or any front matter (images:, videos:)
                    held = "![" in analysis.draft.body or bool(analysis.draft.front_matter)
                else:
                    have = values.get(attr)
                    if have is None:
                        have = values[attr] = analysis.tokens.values(attr)
                    if isinstance(found, str):  # a token value is between two NULs there
                        held = any(f"{_SEP}{value}{_SEP}" in found for value in have)
                    else:
                        held = not found.isdisjoint(have)
                if held:
                    break
            if not held:
                closed.add(id(rule))
                break
    return frozenset(closed)
