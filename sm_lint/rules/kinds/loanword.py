"""`loanword`: rare loanwords (4(1)): a reader still learning Japanese, and many older
residents, do not know インセンティブ or エビデンス, while everyone knows イベント. A word is a
loanword by UniDic's word origin (goshu 外) and in katakana; adjacent katakana tokens are one
word (ダイバー + シティ). It is rare when neither it nor each of its parts is in the `common`
list at or over the `zipf` frequency. One hit per sentence with `min` different rare loanwords or more,
over the sentence, naming them.

    match:
      loanword: {file: common-loanwords.txt}   # `word zipf` a line; a word with no number is always fine
      zipf: 3.2                                 # common from here up (about 1.6 uses per million words)
      min: 1                                    # rare loanwords in one sentence before it is reported
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from itertools import chain
from typing import TYPE_CHECKING, Any

from sm_lint.errors import RuleError
from sm_lint.io.listfiles import list_entries, list_path
from sm_lint.rules.model import Hit, Matcher
from sm_lint.rules.registry import kind

if TYPE_CHECKING:
    from sm_lint.text.analysis import Analysis
    from sm_lint.text.tokenizer import Lexeme

_KATAKANA = re.compile(r"[ァ-ヴ][ァ-ヴー]*")


def _katakana(word: Lexeme) -> bool:
    # a name (サンケイスポーツ, a team, a shop) is not the reader's vocabulary
    return _KATAKANA.fullmatch(word.surface) is not None and word.pos2 != "固有名詞"


def _key(word: str) -> str:
    return word.rstrip("ー")  # コンピューター and コンピュータ are one word


_FOREIGN = frozenset({"外"})


class Loanword(Matcher):
    def __init__(self, common: frozenset[str], least: int) -> None:
        self.common = common
        self.least = least

    def signs(self) -> list[tuple[str, Any]] | None:
        """A rare loanword is a run of katakana with a word of foreign origin (語種 外) in it."""
        return [("goshu", _FOREIGN)]

    def _known(self, word: str, parts: list[str]) -> bool:
        return _key(word) in self.common or all(_key(p) in self.common for p in parts)

    def _words(self, analysis: Analysis) -> Iterator[tuple[int, int, list[str]]]:
        """(start, end, word) of each katakana word with a loanword in it. Only the katakana
        tokens are visited, found by their distinct words: a tuple of every Token of the draft
        took 45 bytes of memory per input byte of a large draft."""
        tokens = analysis.tokens
        starts, ends, word = tokens.starts, tokens.ends, tokens.word
        run: list[int] = []  # token positions, adjacent in the text
        for i in chain(tokens.where(_katakana), (None,)):
            if i is not None and run and run[-1] == i - 1 and ends[i - 1] == starts[i]:
                run.append(i)
                continue
            if any(word(j).goshu in _FOREIGN for j in run):
                yield starts[run[0]], ends[run[-1]], [word(j).surface for j in run]
            run = [] if i is None else [i]

    def find(self, analysis: Analysis) -> Iterable[Hit]:
        rare: dict[tuple[int, int], list[str]] = {}
        text = analysis.text
        for start, end, parts in self._words(analysis):
            word = text[start:end]
            if not self._known(word, parts):
                rare.setdefault(analysis.sentence(start), []).append(word)
        for (start, end), words in rare.items():
            unique = list(dict.fromkeys(words))
            if len(unique) >= self.least:
                while end > start and text[end - 1].isspace():
                    end -= 1
                yield Hit(start, end, detail={"words": "、".join(unique), "words_en": ", ".join(unique)})


def _number(value: Any, where: str, key: str, low: float, high: float) -> float:
    if not isinstance(value, (int, float)) or isinstance(value, bool) or not low <= value <= high:
        raise RuleError(
            where, f"`{key}` は {low:g} から {high:g} までの数です", f"`{key}` is a number from {low:g} to {high:g}"
        )
    return value


@kind("loanword", options=("zipf", "min"))
def compile_loanword(spec: dict[str, Any], where: str) -> Loanword:
    source = spec["loanword"]
    if not (isinstance(source, dict) and set(source) == {"file"}):
        raise RuleError(where, "`loanword` は {file: リスト名} で書いてください", "write `loanword: {file: NAME}`")
    zipf = _number(spec.get("zipf", 3.2), where, "zipf", 0, 8)
    least = _number(spec.get("min", 1), where, "min", 1, 100)
    common = set()
    for entry, at in list_entries(list_path(source["file"], where)):
        word, _, frequency = entry.partition(" ")
        try:
            if not frequency or float(frequency) >= zipf:
                common.add(_key(word))
        except ValueError:
            raise RuleError(
                at, f"頻度は数で書いてください: {entry!r}", f"the frequency is a number: {entry!r}"
            ) from None
    return Loanword(frozenset(common), int(least))
