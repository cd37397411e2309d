"""`sequence`: consecutive tokens, each described by a token pattern.

Used where part of speech decides: 伝聞 そう (名詞-助動詞語幹) but not 様態 そう (形状詞-助動詞語幹),
助動詞 らしい but not 接尾辞 らしい.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from sm_lint.rules.model import Hit, Matcher
from sm_lint.rules.registry import kind
from sm_lint.rules.tokenpattern import AllOf, candidates, compile_tokens, match_at

if TYPE_CHECKING:
    from sm_lint.text.analysis import Analysis


class Sequence(Matcher):
    def __init__(self, tests: list[AllOf]) -> None:
        self.tests = tests
        # Look candidates up by the first element that names a word (e.g. the やがる of
        # 動詞 + やがる), not by a part of speech that every other token has.
        self.anchor = next((k for k, t in enumerate(tests) if t.index is not None), 0)

    def signs(self) -> list[tuple[str, Any]] | None:
        """The anchor's word: some token must have it (see sm_lint/rules/gate.py)."""
        index = self.tests[self.anchor].index
        return [index] if index is not None else None

    def find(self, analysis: Analysis) -> Iterable[Hit]:
        tokens = analysis.tokens
        n, k = len(self.tests), self.anchor
        for i in candidates(self.tests[k], analysis):
            if match_at(self.tests, tokens, i - k):
                yield Hit(tokens[i - k].start, tokens[i - k + n - 1].end)


@kind("sequence")
def compile_sequence(spec: dict[str, Any], where: str) -> Sequence:
    return Sequence(compile_tokens(spec["sequence"], where))
