"""`id-number`: identification numbers as a Presidio-style recognizer: a digit pattern, an
optional check digit (`checksum: my-number | luhn`) and context words within `window`
characters. `require` says what makes a hit: the checksum, the context, or either.
The number itself is digits: a draft without a digit is not searched (nor its patterns compiled)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from sm_lint.checks.privacy.checksums import CHECKSUMS
from sm_lint.errors import RuleError
from sm_lint.rules import grading
from sm_lint.rules.model import Hit, Matcher
from sm_lint.rules.options import one_of
from sm_lint.rules.registry import kind
from sm_lint.text.lazyre import lazy_compile
from sm_lint.text.saferegex import UserRegex
from sm_lint.text.textnorm import fold

if TYPE_CHECKING:
    from sm_lint.text.analysis import Analysis

_NOT_DIGIT = lazy_compile(r"\D")
_REQUIRE = ("checksum", "context", "either", "both")


class IdNumberMatcher(Matcher):
    def __init__(
        self,
        pattern: UserRegex,
        checksum: Callable[[str], bool] | None,
        context: list[str],
        window: int,
        require: str,
    ) -> None:
        self.pattern = pattern
        self.checksum = checksum
        self.context = context
        self.window = window
        self.require = require

    def _accepts(self, valid: bool, keyword: bool) -> bool:
        # a name, not a function, so compiled rules stay picklable (the rule cache)
        return {"checksum": valid, "context": keyword, "either": valid or keyword, "both": valid and keyword}[
            self.require
        ]

    def signs(self) -> list[tuple[str, Any]] | None:
        return [("text", self.pattern.sign)]

    def find(self, analysis: Analysis) -> Iterable[Hit]:
        if not analysis.has_digits:
            return
        text = analysis.folded
        # digits inside a link or mail address are a page or mailbox id (…/1234567890123.html)
        inside = [(e.start, e.end) for e in analysis.entities if e.kind in ("url", "email")]
        for m in self.pattern.finditer(analysis.text):
            start, end = m.span()
            if any(a < end and start < b for a, b in inside):
                continue
            digits = _NOT_DIGIT().sub("", m.group())
            valid = self.checksum is not None and self.checksum(digits)
            near = text[max(0, start - self.window) : min(len(text), end + self.window)]
            keyword = any(word in near for word in self.context)
            if self._accepts(valid, keyword):
                yield Hit(start, end)


@kind("id-number", options=("checksum", "context", "window", "require"))
def compile_id_number(spec: dict[str, Any], where: str) -> IdNumberMatcher:
    pattern = grading.pattern(spec["id-number"], where, "id-number")
    name = spec.get("checksum")
    if name is not None:
        one_of(name, CHECKSUMS, where, "checksum")
    context = spec.get("context", [])
    if not isinstance(context, list) or not all(isinstance(w, str) and w for w in context):
        raise RuleError(where, "`context` は語のリストで書いてください", "`context` is a list of words")
    require = spec.get("require", "checksum" if name else "context")
    if require not in _REQUIRE:
        raise RuleError(
            where,
            f"`require` は checksum、context、either、both のいずれかです (値: {require!r})",
            f"`require` is checksum, context, either or both, not {require!r}",
        )
    if require != "context" and name is None:
        raise RuleError(
            where, f"`require: {require}` には `checksum` の指定が必要です", f"`require: {require}` needs a `checksum`"
        )
    if require != "checksum" and not context:
        raise RuleError(
            where, f"`require: {require}` には `context` の語が必要です", f"`require: {require}` needs `context` words"
        )
    return IdNumberMatcher(
        pattern,
        CHECKSUMS.get(name) if name else None,
        [fold(w) for w in context],
        grading.window(spec, where, default=40),
        require,
    )
