"""`ascii-art`: a picture drawn with ASCII symbols, `ascii-art` lines or more in a row. A
screen reader reads it out symbol by symbol (スラッシュ、バックスラッシュ、アンダーバー…), and
it falls apart in a proportional font or a narrow screen (4(1)). One hit per block.

    match:
      ascii-art: 3       # lines in a row
      symbols: 0.6       # the share of a line's visible characters that are not letters or digits

The body is read as written (NFKC would turn ……, ！！！ and full-width （） into ASCII). A line
counts when it is all ASCII (a Japanese word makes it text), is not a web address, and symbols
make up `symbols` of its visible characters: words (letters side by side) and numbers keep a
line under that. A block needs 3 different symbols or more (a few lines of ... or --- are
pauses and rules, not a picture), and a block with a Markdown table's rule line (|---|---|) is
a table.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from sm_lint.errors import RuleError
from sm_lint.rules.model import Hit, Matcher
from sm_lint.rules.registry import kind
from sm_lint.text.lazyre import lazy_compile

if TYPE_CHECKING:
    from sm_lint.text.analysis import Analysis
    from sm_lint.text.textnorm import View

_TABLE_RULE = lazy_compile(r"\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)+\|?\s*")
_ADDRESS = lazy_compile(r"://|www\.", re.I)


class AsciiArt(Matcher):
    def __init__(self, lines: int, share: float) -> None:
        self.lines = lines
        self.share = share

    def _drawn(self, line: str) -> bool:
        visible = "".join(line.split())
        if not visible or not visible.isascii() or _ADDRESS().search(visible):
            return False
        return sum(not c.isalnum() for c in visible) >= self.share * len(visible)

    def find(self, analysis: Analysis) -> Iterable[Hit]:
        block: list[tuple[int, str]] = []  # (start, line) of the drawn lines in a row
        draft = analysis.draft
        start = draft.body_start
        for line in draft.body.split("\n"):
            if self._drawn(line):
                block.append((start, line))
            else:
                yield from self._report(analysis.view, block)
                block = []
            start += len(line) + 1
        yield from self._report(analysis.view, block)

    def _report(self, view: View, block: list[tuple[int, str]]) -> Iterator[Hit]:
        if len(block) < self.lines or any(_TABLE_RULE().fullmatch(line) for _, line in block):
            return
        if len({c for _, line in block for c in line if not c.isalnum() and not c.isspace()}) < 3:
            return
        end = block[-1][0] + len(block[-1][1].rstrip())
        yield Hit(view.from_original(block[0][0]), view.from_original(end), detail={"lines": str(len(block))})


@kind("ascii-art", options=("symbols",))
def compile_ascii_art(spec: dict[str, Any], where: str) -> AsciiArt:
    lines, share = spec["ascii-art"], spec.get("symbols", 0.6)
    if (
        not isinstance(lines, int)
        or isinstance(lines, bool)
        or lines < 2
        or not isinstance(share, (int, float))
        or isinstance(share, bool)
        or not 0 < share <= 1
    ):
        raise RuleError(
            where,
            "`ascii-art` は 2 以上の行数、`symbols` は 0 より大きく 1 以下の割合で書いてください",
            "`ascii-art` is a number of lines (2 or more), `symbols` a share above 0 and at most 1",
        )
    return AsciiArt(lines, share)
