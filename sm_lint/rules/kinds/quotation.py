"""`quotation`: a long quotation needs its source and licence (5(3) 著作権).

    match:
      quotation: 100     # a Markdown blockquote (> lines) or 「…」 of this many characters or more

Each long quotation, in order, takes one entry of the front matter's `quotes:` list
(`{source: ..., license: ...}`); a long quotation with no such entry, and an entry that lacks
`source:` or `license:`, are reported.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from sm_lint.errors import RuleError
from sm_lint.io.yamlsafe import LineDict
from sm_lint.rules.model import Hit, Matcher
from sm_lint.rules.registry import kind

if TYPE_CHECKING:
    from sm_lint.text.analysis import Analysis

_BLOCKQUOTE = re.compile(r"(?:^[ \t]*>[^\n]*(?:\n|$))+", re.M)
_BRACKETED = re.compile(r"「([^「」\n]+)」")


def _credited(entry: Any) -> bool:
    return isinstance(entry, dict) and all(
        isinstance(entry.get(k), str) and entry[k].strip() for k in ("source", "license")
    )


class Quotation(Matcher):
    def __init__(self, min_chars: int) -> None:
        self.min_chars = min_chars

    def find(self, analysis: Analysis) -> Iterable[Hit]:
        front = analysis.draft.front_matter
        entries = front.get("quotes") if isinstance(front, dict) else None
        entries = entries if isinstance(entries, list) else []
        for entry in entries:
            if not _credited(entry):
                yield Hit(
                    line=entry.line if isinstance(entry, LineDict) else front.line_of("quotes"),
                    detail={"what": "quotes", "what_en": "quotes"},
                )
        text = analysis.text
        spans = [
            m.span()
            for m in _BLOCKQUOTE.finditer(text)
            if len(re.sub(r"^[ \t]*>\s?|\s", "", m.group(), flags=re.M)) >= self.min_chars
        ]
        spans += [
            m.span()
            for m in _BRACKETED.finditer(text)
            if len(m.group(1)) >= self.min_chars and not any(a <= m.start() < b for a, b in spans)
        ]
        for start, end in sorted(spans)[len(entries) :]:
            yield Hit(
                start,
                end if text[end - 1 : end] != "\n" else end - 1,
                detail={
                    "what": f"{self.min_chars} 字以上の引用",
                    "what_en": f"a quotation of {self.min_chars} characters or more",
                },
            )


@kind("quotation")
def compile_quotation(spec: dict[str, Any], where: str) -> Quotation:
    value = spec["quotation"]
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        raise RuleError(
            where,
            "`quotation` には長い引用とみなす文字数を正の数で書いてください",
            "`quotation` is the number of characters from which a quotation is long",
        )
    return Quotation(value)
