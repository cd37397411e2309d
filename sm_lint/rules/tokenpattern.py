"""Token patterns: `{lemma: 聞く, pos1: 動詞}` as a predicate on one token, and lists of
them as a predicate on consecutive tokens. Shared by the sequence matcher and exceptions."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any

from sm_lint.errors import RuleError
from sm_lint.text.saferegex import compile_user
from sm_lint.text.textnorm import fold
from sm_lint.text.tokenizer import Token, Word

if TYPE_CHECKING:
    from sm_lint.text.analysis import Analysis

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

# A test on one word: called on a Token, or once on the Lexeme its occurrences share
# (Tokens.where), so it reads no offsets.
TokenTest = Callable[[Word], bool]


def _as_list(value: Any, where: str, name: str) -> list[str]:
    values = value if isinstance(value, list) else [value]
    if not values or not all(isinstance(v, (str, int)) for v in values):
        raise RuleError(
            where,
            f"`{name}` は文字列か文字列のリストで書いてください",
            f"`{name}` must be a string or a list of strings",
        )
    return [str(v) for v in values]


class FieldIn:
    """The token's attribute is one of the values."""

    __slots__ = ("attr", "values")

    def __init__(self, attr: str, values: frozenset[str]):
        self.attr, self.values = attr, values

    def __call__(self, token: Word) -> bool:
        return getattr(token, self.attr) in self.values


class SurfaceRegex:
    __slots__ = ("pattern",)

    def __init__(self, pattern: Any) -> None:  # a compiled user regex (sm_lint.text.saferegex)
        self.pattern = pattern

    def __call__(self, token: Word) -> bool:
        return self.pattern.fullmatch(token.surface) is not None


class Not:
    """The test does not hold (token patterns' `not:`, and `when:` conditions)."""

    __slots__ = ("test",)

    def __init__(self, test: TokenTest):
        self.test = test

    def __call__(self, token: Word) -> bool:
        return not self.test(token)


class AllOf:
    """All tests hold. `index` names an (attribute, values) pair every matching token has,
    so candidates can be looked up instead of scanned. Plain objects, not closures, so
    compiled rules can be cached with pickle."""

    __slots__ = ("index", "tests")

    def __init__(self, tests: tuple[TokenTest, ...], index: tuple[str, frozenset[str]] | None):
        self.tests, self.index = tests, index

    def __call__(self, token: Word) -> bool:
        return all(test(token) for test in self.tests)


def compile_token(spec: Any, where: str) -> AllOf:
    if not isinstance(spec, dict) or not spec:
        raise RuleError(
            where,
            "トークンのパターンは {lemma: 聞く, pos1: 動詞} のような「キー: 値」の形で書いてください",
            "a token pattern is a mapping such as {lemma: 聞く, pos1: 動詞}",
        )
    tests: list[TokenTest] = []
    index = None
    for name, value in spec.items():
        if name == "not":
            tests.append(Not(compile_token(value, where)))
        elif name == "regex":
            tests.append(SurfaceRegex(compile_user(str(value), where)))
        elif name in FIELDS:
            values = _as_list(value, where, name)
            wanted = frozenset(fold(v) for v in values) if name in _FOLDED else frozenset(values)
            tests.append(FieldIn(FIELDS[name], wanted))
            if name in _SELECTIVE and (index is None or _SELECTIVE.index(name) < _SELECTIVE.index(index[2])):
                index = (FIELDS[name], wanted, name)
        else:
            known = ", ".join([*FIELDS, "regex", "not"])
            raise RuleError(
                where,
                f"知らないトークンの項目 `{name}` です (使えるもの: {known})",
                f"unknown token field `{name}` (known: {known})",
            )
    return AllOf(tuple(tests), index[:2] if index else None)


def compile_tokens(spec: Any, where: str) -> list[AllOf]:
    """A pattern or a list of patterns, for consecutive tokens."""
    items = spec if isinstance(spec, list) else [spec]
    if not items:
        raise RuleError(where, "トークンの並びが空です", "an empty token sequence")
    return [compile_token(item, where) for item in items]


def candidates(test: AllOf, analysis: Analysis) -> Iterable[int]:
    """Token positions where `test` holds, ascending: looked up when the pattern names a
    word, else tried once per distinct word."""
    index = test.index
    if index is None:
        return analysis.tokens.where(test)
    attr, values = index
    by_value = analysis.index(attr)
    return sorted(i for value in values & by_value.keys() for i in by_value[value])


def match_at(tests: Sequence[TokenTest], tokens: Sequence[Token], i: int) -> bool:
    if i < 0 or i + len(tests) > len(tokens):
        return False
    return all(test(tokens[i + k]) for k, test in enumerate(tests))
