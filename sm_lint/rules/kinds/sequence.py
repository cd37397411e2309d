"""`sequence`: consecutive tokens, each described by a token pattern.

Used where part of speech decides: 伝聞 そう (名詞-助動詞語幹) but not 様態 そう (形状詞-助動詞語幹),
助動詞 らしい but not 接尾辞 らしい.
"""

from __future__ import annotations

from typing import Any

from sm_lint.rules.model import Hit
from sm_lint.rules.registry import kind
from sm_lint.rules.tokenpattern import compile_tokens, match_at


class Sequence:
    def __init__(self, tests):
        self.tests = tests

    def find(self, analysis):
        tokens = analysis.tokens
        n = len(self.tests)
        first = self.tests[0]
        for i, token in enumerate(tokens):
            if first(token) and match_at(self.tests, tokens, i):
                yield Hit(token.start, tokens[i + n - 1].end)


@kind("sequence")
def compile_sequence(spec: dict[str, Any], where: str) -> Sequence:
    return Sequence(compile_tokens(spec["sequence"], where))
