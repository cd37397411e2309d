"""Token patterns: `{lemma: 聞く, pos1: 動詞}` as a predicate on one token, and lists of
them as a predicate on consecutive tokens. Shared by the sequence matcher and exceptions."""

from __future__ import annotations

import re
from typing import Any, Callable, Iterable

from sm_lint.errors import RuleError
from sm_lint.textnorm import fold
from sm_lint.tokenizer import Token

# YAML field -> Token attribute; surface and lemma compare folded (width/kana-insensitive).
FIELDS = {
    "surface": "key",
    "lemma": "lemma_key",
    "orthBase": "orth_base",
    "pos1": "pos1",
    "pos2": "pos2",
    "pos3": "pos3",
    "pos4": "pos4",
    "goshu": "goshu",
}
_FOLDED = {"surface", "lemma"}
_SELECTIVE = ("surface", "lemma", "orthBase")  # fields worth looking up, most selective first

TokenTest = Callable[[Token], bool]


def _as_list(value: Any, where: str, name: str) -> list[str]:
    values = value if isinstance(value, list) else [value]
    if not values or not all(isinstance(v, (str, int)) for v in values):
        raise RuleError(where, f"`{name}` must be a string or a list of strings")
    return [str(v) for v in values]


def compile_token(spec: Any, where: str) -> TokenTest:
    if not isinstance(spec, dict) or not spec:
        raise RuleError(where, "a token pattern is a mapping such as {lemma: 聞く, pos1: 動詞}")
    tests: list[TokenTest] = []
    index = None  # (attribute, values) that a matching token must have, for look-ups
    for name, value in spec.items():
        if name == "not":
            inner = compile_token(value, where)
            tests.append(lambda t, inner=inner: not inner(t))
        elif name == "regex":
            try:
                rx = re.compile(str(value))
            except re.error as exc:
                raise RuleError(where, f"bad regex {value!r}: {exc}") from None
            tests.append(lambda t, rx=rx: rx.fullmatch(t.surface) is not None)
        elif name in FIELDS:
            values = _as_list(value, where, name)
            wanted = frozenset(fold(v) for v in values) if name in _FOLDED else frozenset(values)
            attr = FIELDS[name]
            tests.append(lambda t, attr=attr, wanted=wanted: getattr(t, attr) in wanted)
            if name in _SELECTIVE and (index is None or _SELECTIVE.index(name) < _SELECTIVE.index(index[2])):
                index = (attr, wanted, name)
        else:
            known = ", ".join([*FIELDS, "regex", "not"])
            raise RuleError(where, f"unknown token field `{name}` (known: {known})")
    test = tests[0] if len(tests) == 1 else (lambda t: all(test(t) for test in tests))
    if index is not None:
        test = _with_index(test, index[0], index[1])
    return test


def _with_index(test: TokenTest, attr: str, values: frozenset[str]) -> TokenTest:
    def indexed(token) -> bool:
        return test(token)

    indexed.index = (attr, values)
    return indexed


def candidates(test: TokenTest, analysis) -> Iterable[int]:
    """Token positions where `test` may hold: looked up when the pattern names a word."""
    index = getattr(test, "index", None)
    if index is None:
        return range(len(analysis.tokens))
    attr, values = index
    by_value = analysis.index(attr)
    return sorted(i for value in values & by_value.keys() for i in by_value[value])


def compile_tokens(spec: Any, where: str) -> list[TokenTest]:
    """A pattern or a list of patterns, for consecutive tokens."""
    items = spec if isinstance(spec, list) else [spec]
    if not items:
        raise RuleError(where, "an empty token sequence")
    return [compile_token(item, where) for item in items]


def match_at(tests: list[TokenTest], tokens: tuple[Token, ...] | list[Token], i: int) -> bool:
    if i < 0 or i + len(tests) > len(tokens):
        return False
    return all(test(tokens[i + k]) for k, test in enumerate(tests))
