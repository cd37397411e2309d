"""`regex`: a regular expression (or a list of alternatives) on the normalized text (NFKC; `folded: true` also
lower-cases and turns katakana into hiragana). `boundary: token` keeps only matches that
start and end where tokens do, so 秘 never hits 神秘."""

from __future__ import annotations

from typing import Any

from sm_lint.errors import RuleError
from sm_lint.rules.model import Hit
from sm_lint.rules.registry import kind
from sm_lint.saferegex import compile_spec


class Regex:
    def __init__(self, pattern, folded: bool, token_boundary: bool, group: str | int):
        self.pattern = pattern
        self.folded = folded
        self.token_boundary = token_boundary
        self.group = group

    def signs(self):
        return [("folded" if self.folded else "text", self.pattern.sign)]

    def find(self, analysis):
        text = analysis.folded if self.folded else analysis.text
        for m in self.pattern.finditer(text):
            start, end = m.span(self.group)
            if start == end:
                continue
            if self.token_boundary and (
                start not in analysis.token_start_set or end not in analysis.token_end_set
            ):
                continue
            yield Hit(start, end)


@kind("regex", options=("ignorecase", "folded", "boundary", "group"))
def compile_regex(spec: dict[str, Any], where: str) -> Regex:
    pattern = compile_spec(spec["regex"], where, "regex", bool(spec.get("ignorecase")))
    boundary = spec.get("boundary", "none")
    if boundary not in ("none", "token"):
        raise RuleError(where, f"`boundary` は none か token です (値: {boundary!r})",
                        f"`boundary` is none or token, not {boundary!r}")
    group = spec.get("group", 0)
    if isinstance(group, str) and group not in pattern.groupindex or isinstance(group, int) and group > pattern.groups:
        raise RuleError(where, f"正規表現にグループ {group!r} がありません", f"regex has no group {group!r}")
    group = pattern.groupindex.get(group, group)  # RE2 matches take group numbers only
    return Regex(pattern, bool(spec.get("folded")), boundary == "token", group)
