"""`any`: the hits of several matches of any kind, as one (issue 23).

A part of a `construction` is one `match:` mapping, so one kind; `any` lets one part be found in
more than one way: a group named by a word of a list *or* described by a country's name, which
only the part of speech tells (UniDic's 名詞-固有名詞-地名-国). Each alternative is itself a
`match:` mapping with that kind's options; the hits of all of them are the hits of `any`.

    match:
      construction:
        - any:
            - {regex: {file: groups.txt}, folded: true}
            - {sequence: [{pos4: 国}, {lemma: の}]}   # ベトナムの, 中国の, ...
        - {regex: 'は|って'}
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from sm_lint.errors import RuleError
from sm_lint.rules.model import Hit, Matcher
from sm_lint.rules.registry import kind

if TYPE_CHECKING:
    from sm_lint.text.analysis import Analysis


class AnyOf(Matcher):
    def __init__(self, alternatives: tuple[Matcher, ...]) -> None:
        self.alternatives = alternatives

    def signs(self) -> list[tuple[str, Any]] | None:
        """A hit needs what one of the alternatives needs: the union, if every one can say (of
        an alternative that needs several things, a construction, one of them is enough)."""
        pairs: list[tuple[str, Any]] = []
        for alternative in self.alternatives:
            known = [g for g in alternative.sign_groups() or () if g and all(sign is not None for _, sign in g)]
            if not known:
                return None
            pairs.extend(known[0])
        return pairs

    def find(self, analysis: Analysis) -> Iterable[Hit]:
        for alternative in self.alternatives:
            yield from alternative.find(analysis)


@kind("any")
def compile_any(spec: dict[str, Any], where: str) -> AnyOf:
    from sm_lint.rules.loader import compile_match  # the loader imports the kinds

    value = spec["any"]
    if not isinstance(value, list) or len(value) < 2 or not all(isinstance(v, dict) for v in value):
        raise RuleError(
            where,
            "`any` には {regex: ...} のような match を 2 つ以上並べてください",
            "`any` is a list of two match mappings or more, such as {regex: ...}",
        )
    return AnyOf(tuple(compile_match(v, where) for v in value))
