"""`except:` entries: phrases or token contexts in which a rule must not fire.

- `phrase: [アホウドリ]`   the hit overlaps one of these phrases (compared folded)
- `sentence: 'によると'`   the hit's sentence matches this regex (a named source, say)
- `before: {pos1: 名詞}`   the tokens right before the hit match (one pattern or a list)
- `after: [{lemma: の}, {lemma: 方}]`  the tokens right after the hit match
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from sm_lint.errors import RuleError
from sm_lint.rules.model import Hit
from sm_lint.rules.tokenpattern import compile_tokens, match_at
from sm_lint.text.saferegex import compile_user
from sm_lint.text.textnorm import fold

if TYPE_CHECKING:
    from sm_lint.text.analysis import Analysis

Exception_ = Callable[[Any, Hit], bool]


class Phrase:
    """The hit overlaps one of these phrases."""

    def __init__(self, value: Any, where: str):
        phrases = value if isinstance(value, list) else [value]
        if not phrases or not all(isinstance(p, str) and p for p in phrases):
            raise RuleError(
                where, "`phrase` は語句か語句のリストで書いてください", "`phrase` is a phrase or a list of phrases"
            )
        self.keys = [fold(p) for p in phrases]

    def __call__(self, analysis: Analysis, hit: Hit) -> bool:
        text = analysis.folded
        # An occurrence within these bounds is one that overlaps the hit.
        return any(text.find(key, max(0, hit.start - len(key) + 1), hit.end + len(key) - 1) != -1 for key in self.keys)


class Sentence:
    """The hit's sentence matches a regex (e.g. it names its source)."""

    def __init__(self, value: Any, where: str):
        self.pattern = compile_user(str(value), f"{where} (`sentence`)")

    def __call__(self, analysis: Analysis, hit: Hit) -> bool:
        start, end = analysis.sentence(hit.start)
        return self.pattern.search(analysis.text, start, end) is not None


class Before:
    """The tokens right before the hit match."""

    def __init__(self, value: Any, where: str):
        self.tests = compile_tokens(value, where)

    def __call__(self, analysis: Analysis, hit: Hit) -> bool:
        return match_at(self.tests, analysis.tokens, analysis.token_index(hit.start) - len(self.tests))


class After(Before):
    """The tokens right after the hit match."""

    def __call__(self, analysis: Analysis, hit: Hit) -> bool:
        return match_at(self.tests, analysis.tokens, analysis.token_index(hit.end))


_KINDS: dict[str, Callable[[Any, str], Exception_]] = {
    "phrase": Phrase,
    "sentence": Sentence,
    "before": Before,
    "after": After,
}


def compile_exceptions(spec: Any, where: str) -> tuple[Exception_, ...]:
    if spec is None:
        return ()
    if not isinstance(spec, list):
        raise RuleError(where, "`except` はリストで書いてください", "`except` must be a list")
    result: list[Exception_] = []
    for item in spec:
        if not isinstance(item, dict) or len(item) != 1 or next(iter(item)) not in _KINDS:
            raise RuleError(
                where,
                f"`except` の各項目には次のキーを 1 つだけ書いてください: {', '.join(_KINDS)}",
                f"each `except` entry has one key of: {', '.join(_KINDS)}",
            )
        ((name, value),) = item.items()
        result.append(_KINDS[name](value, where))
    return tuple(result)
