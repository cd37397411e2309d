"""`when:` on a rule: the rule runs only on drafts whose metadata match, e.g.
`when: {platform: x}`, `when: {kind: reply}`, `when: {use: official, approved_by: {present: false}}`.

A value is a value (equal), a list (one of) or a mapping with `present: true|false` or
`not: value-or-list`. A draft's list (platform: [x, facebook]) matches a value when one of its
items does, so `not: x` holds only for a draft with no x among them. Keys are front-matter
keys, read through sm_lint/checks/post/metadata.py (defaults applied, invalid values left out).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from sm_lint.checks.post.metadata import post_meta
from sm_lint.checks.post.schema import load_schema
from sm_lint.errors import RuleError
from sm_lint.rules.tokenpattern import Not

if TYPE_CHECKING:
    from sm_lint.text.analysis import Analysis

Test = Callable[[Any], bool]
_MISSING = object()


class _Present:
    def __init__(self, wanted: bool):
        self.wanted = wanted

    def __call__(self, value: Any) -> bool:
        return (value is not _MISSING) == self.wanted


class _OneOf:
    def __init__(self, values: list[Any]):
        self.values = values

    def __call__(self, value: Any) -> bool:
        if isinstance(value, list):  # platform: [x, facebook] is a post for X, and for Facebook
            return any(v in self.values for v in value)
        return value in self.values


def _value_test(spec: Any, where: str) -> Callable[[Any], bool]:
    if isinstance(spec, dict):
        if set(spec) == {"present"} and isinstance(spec["present"], bool):
            return _Present(spec["present"])
        if set(spec) == {"not"}:
            return Not(_value_test(spec["not"], where))
        raise RuleError(
            where,
            "`when` の条件は {present: true|false} か {not: ...} の形で書いてください",
            "a `when` condition mapping is {present: true|false} or {not: ...}",
        )
    return _OneOf(spec if isinstance(spec, list) else [spec])


class When:
    """Plain objects rather than closures, so compiled rules can be cached with pickle.
    `key` is the same for the same condition written in several rules: it is tested once
    per draft (sm_lint/engine.py)."""

    def __init__(self, tests: list[tuple[str, Callable[[Any], bool]]], key: str):
        self.tests = tests
        self.key = key

    def __call__(self, analysis: Analysis) -> bool:
        meta = post_meta(analysis)
        return all(test(meta.get(key, _MISSING)) for key, test in self.tests)


class Conditions:
    """Distinct `when:` conditions tested together on each draft. A condition reads only the
    metadata values of its keys (of some keys only whether they are there), so drafts that
    agree on those share the answers: a run has a few such combinations (platform, use,
    kind), and each is tested once instead of every condition on every draft."""

    _MOST = 1024  # combinations remembered (a run's drafts rarely have more than a handful)

    def __init__(self, conditions: list[When]):
        self.conditions = conditions
        presence: dict[str, bool] = {}  # key -> whether every condition reads only its presence
        for when in conditions:
            for key, test in when.tests:
                presence[key] = presence.get(key, True) and isinstance(test, _Present)
        self._keys = list(presence.items())
        self._answers: dict[tuple[Any, ...], list[bool]] = {}

    def __call__(self, analysis: Analysis) -> list[bool]:
        """Whether each condition holds on the draft, in order."""
        if not self.conditions:
            return []
        meta = post_meta(analysis)
        # repr: equal for equal values of the types front matter holds (str, number, bool,
        # date, list, mapping), whether hashable or not
        seen = tuple(
            key in meta if only_presence else repr(meta.get(key, _MISSING)) for key, only_presence in self._keys
        )
        answers = self._answers.get(seen)
        if answers is None:
            if len(self._answers) >= self._MOST:
                self._answers.clear()
            answers = self._answers[seen] = [when(analysis) for when in self.conditions]
        return answers


def compile_when(spec: Any, where: str) -> When | None:
    if spec is None:
        return None
    if not isinstance(spec, dict) or not spec:
        raise RuleError(
            where,
            "`when` には front matter のキーと、下書きがその条件を満たす値を「キー: 値」の形で書いてください",
            "`when` maps front-matter keys to the values a draft must have",
        )
    known = load_schema("front-matter")["keys"]
    unknown = set(spec) - set(known)
    if unknown:
        raise RuleError(
            where,
            f"`when` に知らない front matter のキーがあります: {', '.join(sorted(map(str, unknown)))}",
            f"`when` names unknown front-matter key(s): {', '.join(sorted(map(str, unknown)))}",
        )
    return When(
        [(key, _value_test(value, where)) for key, value in spec.items()],
        repr(sorted(spec.items(), key=lambda item: str(item[0]))),
    )
