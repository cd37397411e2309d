"""`regex`: a regular expression (or a list of alternatives) on the normalized text (NFKC; `folded: true` also
lower-cases and turns katakana into hiragana). `boundary: token` keeps only matches that
start and end where tokens do, so 秘 never hits 神秘. `regex: {file: NAME}` (or a list of
names) reads the alternatives from list files in rules/lists/ (one pattern a line), so rules can share them.

`original: true` searches the body as written instead, for what NFKC would hide (𝐁𝐨𝐥𝐝 letters,
ｶﾀｶﾅ); `suggest: nfkc` then offers the match's NFKC form (Bold, カタカナ), `suggest: no-blanks`
the match without its blanks (お 知 ら せ → お知らせ)."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from sm_lint.errors import RuleError
from sm_lint.io.listfiles import list_entries, list_path
from sm_lint.rules.model import Hit, Matcher
from sm_lint.rules.registry import kind
from sm_lint.text.lazyre import lazy_compile
from sm_lint.text.saferegex import UserRegex, compile_spec

if TYPE_CHECKING:
    from sm_lint.text.analysis import Analysis

_BLANKS = lazy_compile(r"[ \u3000\t]+")
SUGGESTIONS = {
    "nfkc": lambda text: unicodedata.normalize("NFKC", text),
    "no-blanks": lambda text: _BLANKS().sub("", text),
}


class Regex(Matcher):
    def __init__(self, pattern: UserRegex, folded: bool, token_boundary: bool, group: str | int) -> None:
        self.pattern = pattern
        self.folded = folded
        self.token_boundary = token_boundary
        self.group = group

    def signs(self) -> list[tuple[str, Any]] | None:
        return [("folded" if self.folded else "text", self.pattern.sign)]

    def find(self, analysis: Analysis) -> Iterable[Hit]:
        text = analysis.folded if self.folded else analysis.text
        for m in self.pattern.finditer(text):
            start, end = m.span(self.group)
            if start == end:
                continue
            if self.token_boundary and (not analysis.starts_token(start) or not analysis.ends_token(end)):
                continue
            yield Hit(start, end)


class OriginalRegex(Matcher):
    """On the body as written: hits are mapped to the view, suggestions made from the original."""

    def __init__(self, pattern: UserRegex, group: str | int, suggest: str | None) -> None:
        self.pattern, self.group, self.suggest = pattern, group, suggest  # a name: rules are pickled

    def signs(self) -> list[tuple[str, Any]] | None:
        return [("body", self.pattern.sign)]

    def find(self, analysis: Analysis) -> Iterable[Hit]:
        draft = analysis.draft
        body, base = draft.body, draft.body_start
        for m in self.pattern.finditer(body):
            start, end = m.span(self.group)
            if start == end:
                continue
            view = analysis.view
            suggestion = SUGGESTIONS[self.suggest](body[start:end]) if self.suggest else None
            yield Hit(view.from_original(base + start), view.from_original(base + end), suggestion=suggestion)


def from_files(value: Any, where: str) -> Any:
    """`regex: {file: NAME or [NAMES]}`: the list files' lines, as alternatives; any other
    value as written."""
    if isinstance(value, dict) and set(value) == {"file"}:
        names = value["file"] if isinstance(value["file"], list) else [value["file"]]
        return [entry for name in names for entry, _ in list_entries(list_path(name, where))]
    return value


@kind("regex", options=("ignorecase", "folded", "boundary", "group", "original", "suggest"))
def compile_regex(spec: dict[str, Any], where: str) -> Regex | OriginalRegex:
    value = from_files(spec["regex"], where)
    pattern = compile_spec(value, where, "regex", bool(spec.get("ignorecase")))
    boundary = spec.get("boundary", "none")
    if boundary not in ("none", "token"):
        raise RuleError(
            where,
            f"`boundary` は none か token です (値: {boundary!r})",
            f"`boundary` is none or token, not {boundary!r}",
        )
    group = spec.get("group", 0)
    if (isinstance(group, str) and group not in pattern.groupindex) or (
        isinstance(group, int) and group > pattern.groups
    ):
        raise RuleError(where, f"正規表現にグループ {group!r} がありません", f"regex has no group {group!r}")
    group = pattern.groupindex.get(group, group)  # RE2 matches take group numbers only
    original, suggest = spec.get("original", False), spec.get("suggest")
    if not isinstance(original, bool):
        raise RuleError(where, "`original` は true か false です", "`original` is true or false")
    if suggest is not None and (not isinstance(suggest, str) or suggest not in SUGGESTIONS or not original):
        raise RuleError(
            where,
            f"`suggest` は original: true とともに {', '.join(SUGGESTIONS)} のいずれかで書きます",
            f"`suggest` is one of {', '.join(SUGGESTIONS)}, with original: true",
        )
    if original:
        if spec.get("folded") or boundary != "none":
            raise RuleError(
                where,
                "`original: true` は folded・boundary と一緒には使えません",
                "`original: true` goes with neither folded nor boundary",
            )
        return OriginalRegex(pattern, group, suggest)
    return Regex(pattern, bool(spec.get("folded")), boundary == "token", group)
