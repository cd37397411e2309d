"""Normalized views of text with an offset map back to the original.

Matching must see through width variants (ﾊﾞｶ, ＢＡＫＡ) while findings point at the
original characters, so every view character remembers the original span it came from.
"""

from __future__ import annotations

import bisect
import unicodedata
from typing import NamedTuple

from sm_lint.text.draftcache import draft_cache

_KATA_TO_HIRA = {c: c - 0x60 for c in range(0x30A1, 0x30F7)}
_HALFWIDTH_VOICED = "\uff9e\uff9f"  # ﾞ ﾟ


class View(NamedTuple):
    """`text` is the normalized string; view char i came from original[starts[i]:ends[i]]."""

    text: str
    starts: tuple[int, ...] | range
    ends: tuple[int, ...] | range
    base: int = 0  # where the viewed slice starts in the original (an empty view maps there)

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        if start >= len(self.text):
            last = self.ends[-1] if self.text else self.base
            return last, last
        if end <= start:
            return self.starts[start], self.starts[start]
        return self.starts[start], self.ends[end - 1]

    def from_original(self, offset: int) -> int:
        """The first view index whose source starts at or after `offset`."""
        return bisect.bisect_left(self.starts, offset)


class _CharTable(dict[str, str]):
    """NFKC of single characters, computed once per character."""

    def __missing__(self, char: str) -> str:
        # No character normalizes to nothing, so equal lengths mean one-to-one mapping.
        result = self[char] = unicodedata.normalize("NFKC", char) or char
        return result


_CHAR_NFKC = _CharTable()


def _identity(view: str, base: int) -> View:
    return View(view, range(base, base + len(view)), range(base + 1, base + len(view) + 1), base)


def normalize(text: str, base: int = 0) -> View:
    """NFKC per character (composing half-width kana with their voiced marks).

    `base` is added to every original offset, so a view of a slice maps into the whole file.
    """
    if text.isascii() or unicodedata.is_normalized("NFKC", text):
        return _identity(text, base)
    if "\uff9e" not in text and "\uff9f" not in text:
        # Usual case: only one-to-one changes (（ → (, ～ → ~): the offsets stay the same.
        view = "".join(map(_CHAR_NFKC.__getitem__, text))
        if len(view) == len(text):
            return _identity(view, base)
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    i, n = 0, len(text)
    while i < n:
        j = i + 1
        if j < n and text[j] in _HALFWIDTH_VOICED and "\uff66" <= text[i] <= "\uff9d":
            j += 1
        piece = unicodedata.normalize("NFKC", text[i:j])
        out.append(piece)
        starts.extend([base + i] * len(piece))
        ends.extend([base + j] * len(piece))
        i = j
    return View("".join(out), tuple(starts), tuple(ends), base)


def fold_normalized(text: str) -> str:
    """`fold` for text that is already NFKC; keeps the length (lower, not casefold)."""
    lowered = text.lower()
    if len(lowered) != len(text):  # e.g. İ lowers to two characters
        lowered = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    return lowered.translate(_KATA_TO_HIRA)


@draft_cache(maxsize=1 << 16)  # called per token; surfaces and lemmas repeat a lot
def fold(text: str) -> str:
    """Comparison key: NFKC, lower case, katakana as hiragana (バカ == ばか == ﾊﾞｶ)."""
    return fold_normalized(unicodedata.normalize("NFKC", text))
