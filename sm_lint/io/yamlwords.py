"""PyYAML's own parse problems, said in Japanese with what to do about them.

The people who write front matter and `.sm-lint.yaml` are not programmers: "mapping values are
not allowed in this context" tells them nothing. Each entry matches the problem (and, where
the problem alone is ambiguous, the context) as worded by libyaml or by PyYAML's pure-Python
parser, which word some problems differently. A problem not listed stays in English.
"""

from __future__ import annotations

import re

_QUOTE = '値全体を "…" で囲んでください'
_QUOTE_OPEN = "引用符（\" または '）が閉じていません"
_BRACKET_OPEN = "「[」に対応する「]」がありません"
_BRACE_OPEN = "「{」に対応する「}」がありません"
# (context pattern or None, problem pattern, Japanese), first match wins.
_PROBLEMS = [
    (None, r"tab character|'\\t' that cannot start", "字下げにタブが使われています。半角スペースで字下げしてください"),
    (None, r"cannot start any token", f"値の先頭に @ ` % などの記号は書けません。{_QUOTE}"),
    (
        None,
        r"mapping values are not allowed",
        "「キー: 値」の形になっていない行があります（「:」が全角、「:」の後に半角スペースがない、"
        "字下げがずれている、値の中に「: 」がある など）。"
        f"値に「: 」を含めるときは{_QUOTE}",
    ),
    (None, r"mapping keys are not allowed", f"値の先頭に「? 」は書けません。{_QUOTE}"),
    (
        None,
        r"sequence entries are not allowed",
        "この位置に「- 」の項目は書けません。リストは次の行から字下げして書いてください",
    ),
    (r"quoted scalar", r"end of stream", _QUOTE_OPEN),
    (
        r"quoted scalar",
        r"escape|hexadecimal|hexdecimal",
        "\"…\" の中の「\\」の使い方が正しくありません。「\\」を含む値は '…' で囲んでください",
    ),
    (None, r"expected ',' or '\]'", _BRACKET_OPEN),
    (None, r"expected ',' or '\}'", _BRACE_OPEN),
    (r"flow node", r"expected (the )?node content", "「[」か「{」に対応する「]」か「}」がありません"),
    (r"block node", r"expected (the )?node content", f"値の先頭に「]」や「}}」は書けません。{_QUOTE}"),
    (r"alias|anchor", r"", f"値の先頭に「*」や「&」は書けません。{_QUOTE}"),
    (None, r"undefined alias", f"値の先頭に「*」は書けません。{_QUOTE}"),
    (None, r"expected ':'", "「キー: 値」の「:」（半角のコロンと、その後の半角スペース）がない行があります"),
    (r"block collection", r"'-' indicator|expected <block end>", "リストの項目（- ）の字下げがそろっていません"),
    (
        r"block mapping",
        r"expected key|expected <block end>",
        '字下げがそろっていないか、「キー: 値」の形になっていない行があります（"…" の後に文字が続いている など）',
    ),
    (None, r"constructor for the tag", f"「!」で始まる値（タグ）は使えません。{_QUOTE}"),
]
_OPENED = {_QUOTE_OPEN, _BRACKET_OPEN, _BRACE_OPEN}
_COMPILED = [(re.compile(c) if c else None, re.compile(p), ja) for c, p, ja in _PROBLEMS]


def in_japanese(context: str | None, problem: str) -> tuple[str | None, bool]:
    """The Japanese for one of PyYAML's problems (None when it is not one we know), and
    whether the problem is something left open (a quote, a bracket): then the line where it
    opened says more than the end of the text, where PyYAML noticed."""
    for context_pattern, problem_pattern, ja in _COMPILED:
        if (context_pattern is None or context_pattern.search(context or "")) and problem_pattern.search(problem):
            return ja, ja in _OPENED
    return None, False
