"""The one place that talks to fugashi/MeCab.

The unidic-lite dictionary is loaded explicitly so that an installed (but not downloaded)
full `unidic` package cannot break the tagger. Nodes are copied into Token values at once,
because fugashi reuses node memory on the next call.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import lru_cache

from sm_lint.textnorm import fold

# One MeCab call on about 2 MB crashes the process; stay far below it.
MAX_CHUNK = 20_000
_BREAK = re.compile(r"[。．！？!?、，,\s]")


@dataclass(frozen=True, slots=True)
class Token:
    surface: str
    lemma: str
    orth_base: str
    pos1: str
    pos2: str
    pos3: str
    pos4: str
    goshu: str
    start: int  # offsets in the analysed view
    end: int
    key: str  # folded surface and lemma, for width/kana-insensitive matching
    lemma_key: str

    @property
    def lower(self) -> str:
        """The surface, width- and case-insensitive but kana-sensitive (the view is NFKC)."""
        return self.surface.lower()


@lru_cache(maxsize=1)
def tagger():
    import fugashi
    import unidic_lite

    dicdir = unidic_lite.DICDIR
    return fugashi.Tagger(f'-r "{os.path.join(dicdir, "mecabrc")}" -d "{dicdir}"')


def _chunks(text: str):
    """Yield (offset, piece): lines, with over-long lines cut at a nearby break."""
    pos = 0
    for line in text.split("\n"):
        start = 0
        while len(line) - start > MAX_CHUNK:
            cut = start + MAX_CHUNK
            m = None
            for m in _BREAK.finditer(line, start + MAX_CHUNK // 2, cut):
                pass
            if m:
                cut = m.end()
            yield pos + start, line[start:cut]
            start = cut
        yield pos + start, line[start:]
        pos += len(line) + 1


def tokenize(text: str) -> list[Token]:
    """Tokens with offsets into `text`. NUL and CR are treated as spaces (MeCab stops at NUL)."""
    text = text.replace("\x00", " ").replace("\r", " ")
    tag = tagger()
    tokens: list[Token] = []
    for offset, piece in _chunks(text):
        if not piece.strip():
            continue
        pos = offset
        for node in tag(piece):
            start = pos + len(node.white_space)
            surface = node.surface
            end = start + len(surface)
            pos = end
            f = node.feature
            lemma = f.lemma or surface
            tokens.append(
                Token(
                    surface, lemma, f.orthBase or surface, f.pos1, f.pos2, f.pos3, f.pos4,
                    f.goshu or "", start, end, fold(surface), fold(lemma),
                )
            )
    return tokens
