"""`when:` on a rule: the rule runs only on drafts whose metadata match, e.g.
`when: {platform: x}`, `when: {kind: reply}`, `when: {use: official, approved_by: {present: false}}`.

A value is a value (equal), a list (one of) or a mapping with `present: true|false` or
`not: value-or-list`. Keys are front-matter keys, read through sm_lint/metadata.py (defaults
applied, invalid values left out).
"""

from __future__ import annotations

from typing import Any, Callable

from sm_lint.errors import RuleError
from sm_lint.metadata import post_meta
from sm_lint.schema import load_schema

Test = Callable[[Any], bool]
_MISSING = object()


def _value_test(spec: Any, where: str) -> Callable[[Any], bool]:
    if isinstance(spec, dict):
        if set(spec) == {"present"} and isinstance(spec["present"], bool):
            wanted = spec["present"]
            return lambda v: (v is not _MISSING) == wanted
        if set(spec) == {"not"}:
            inner = _value_test(spec["not"], where)
            return lambda v: not inner(v)
        raise RuleError(where, "a `when` condition mapping is {present: true|false} or {not: ...}")
    if isinstance(spec, list):
        return lambda v: v in spec
    return lambda v: v == spec


def compile_when(spec: Any, where: str) -> Test | None:
    if spec is None:
        return None
    if not isinstance(spec, dict) or not spec:
        raise RuleError(where, "`when` maps front-matter keys to the values a draft must have")
    known = load_schema("front-matter")["keys"]
    unknown = set(spec) - set(known)
    if unknown:
        raise RuleError(where, f"`when` names unknown front-matter key(s): {', '.join(sorted(map(str, unknown)))}")
    tests = [(key, _value_test(value, where)) for key, value in spec.items()]

    def test(analysis) -> bool:
        meta = post_meta(analysis)
        return all(t(meta.get(key, _MISSING)) for key, t in tests)

    return test
