"""Analyse a draft once: normalized view, entities, tokens, sentences.

Every rule receives the same immutable Analysis; nothing downstream re-reads or re-tokenizes.
"""

from __future__ import annotations

import bisect
import re
from array import array
from functools import cached_property

from sm_lint.io.document import Draft
from sm_lint.memo import memo
from sm_lint.settings.config import Config
from sm_lint.text.extract import Entity, extract_entities
from sm_lint.text.textnorm import View, fold_normalized, normalize
from sm_lint.text.tokenizer import Tokens, tokenize

_SENTENCE_END = re.compile(r"[。！？!?\n]+")
_DIGIT = re.compile(r"\d")


class Analysis:
    """One draft, analysed: never changed once made (memos and cached properties aside)."""

    def __init__(
        self, draft: Draft, view: View, entities: tuple[Entity, ...], tokens: Tokens, config: Config = Config()
    ):
        self.draft = draft
        self.view = view  # normalized body; offsets here are "view offsets"
        self.entities = entities
        self.tokens = tokens
        self.config = config

    @property
    def text(self) -> str:
        return self.view.text

    @cached_property
    def folded(self) -> str:
        """The view folded like `fold` (already NFKC, so only case and kana change):
        same length as the view, offsets line up."""
        return fold_normalized(self.view.text)

    @cached_property
    def has_digits(self) -> bool:
        """Whether the view holds a decimal digit (any script): numbers need one."""
        return _DIGIT.search(self.view.text) is not None

    @cached_property
    def sentence_bounds(self) -> array[int]:
        """View offsets where sentences end, ascending (an array: 4 bytes an offset, not 36)."""
        return array("I", (m.end() for m in _SENTENCE_END.finditer(self.view.text)))

    def sentence(self, offset: int) -> tuple[int, int]:
        """View span of the sentence that contains `offset`."""
        ends = self.sentence_bounds
        i = bisect.bisect_right(ends, offset)
        start = ends[i - 1] if i else 0
        end = ends[i] if i < len(ends) else len(self.view.text)
        return start, end

    @cached_property
    def line_breaks(self) -> array[int]:
        return array("I", (m.start() for m in re.finditer("\n", self.view.text)))

    def line_span(self, start: int, end: int) -> tuple[int, int]:
        """View span of the line around [start, end) (binary search: scanning for the line
        per item was quadratic on a long line)."""
        breaks = self.line_breaks
        i, j = bisect.bisect_left(breaks, start), bisect.bisect_left(breaks, end)
        return (breaks[i - 1] + 1 if i else 0), (breaks[j] if j < len(breaks) else len(self.view.text))

    def starts_token(self, offset: int) -> bool:
        """Whether a token starts at `offset` (offsets ascend: a binary search)."""
        starts = self.tokens.starts
        i = bisect.bisect_left(starts, offset)
        return i < len(starts) and starts[i] == offset

    def ends_token(self, offset: int) -> bool:
        ends = self.tokens.ends
        i = bisect.bisect_left(ends, offset)
        return i < len(ends) and ends[i] == offset

    def index(self, attr: str) -> dict[str, array[int]]:
        """Token positions by the value of one attribute (key, lemma_key, lower, pos1, ...):
        built once per draft, so each rule looks up its words instead of scanning tokens."""
        return self.memo(("index", attr), _build_index)

    def token_index(self, offset: int) -> int:
        """Index of the first token starting at or after `offset`."""
        return bisect.bisect_left(self.tokens.starts, offset)

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        return self.view.to_original(start, end)

    # `compute(self)` once per draft: detectors that several rules share (names, phones).
    memo = memo


def _build_index(analysis: Analysis, attr: str) -> dict[str, array[int]]:
    return analysis.tokens.by_value(attr)


def _blank(text: str, entities: list[Entity]) -> str:
    """Hide entities from the tokenizer without moving offsets (a hashtag keeps its words).
    Entities come sorted and never overlap. Built from slices: a list of the characters cost
    some 75 bytes per kanji or kana (each its own string object)."""
    parts = []
    pos = 0
    for e in entities:
        stop = e.start + 1 if e.kind == "hashtag" else e.end
        parts.append(text[pos : e.start])
        if e.label:  # a Markdown link's text [...] stays visible to the word rules
            parts.append(" " + e.label + " " * (stop - e.start - 1 - len(e.label)))
        else:
            parts.append(" " * (stop - e.start))
        pos = stop
    parts.append(text[pos:])
    return "".join(parts)


def analyse(draft: Draft, config: Config | None = None) -> Analysis:
    view = normalize(draft.body, draft.body_start)
    entities = extract_entities(view.text)
    tokens = tokenize(_blank(view.text, entities) if entities else view.text)
    return Analysis(draft, view, tuple(entities), tokens, config or Config())
