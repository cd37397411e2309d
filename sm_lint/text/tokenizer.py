"""The one place that talks to fugashi/MeCab.

The unidic-lite dictionary is loaded explicitly so that an installed (but not downloaded)
full `unidic` package cannot break the tagger. Nodes are copied into Token values at once,
because fugashi reuses node memory on the next call.
"""

from __future__ import annotations

import os
from array import array
from collections.abc import Callable, Iterator
from collections.abc import Sequence as SequenceABC
from functools import lru_cache
from itertools import chain
from operator import attrgetter
from typing import Any, NamedTuple, TypeAlias, overload

from sm_lint.text.draftcache import draft_cache
from sm_lint.text.lazyre import lazy_compile
from sm_lint.text.textnorm import fold

# MeCab is given at most this many characters at a time. It keeps a token's length in 16 bits
# (a token over 64 KiB comes back cut inside a character; one call on about 2 MB crashed the
# process), and a long katakana run costs it time quadratic in the piece's length (16,000
# characters: 0.6 s, 2,000: 8 ms).
MAX_CHUNK = 2_000
# MeCab groups a run of one character class (Latin letters, digits, Cyrillic, symbols...)
# into one unknown word only up to its `max-grouping-size` (24 by default); a longer run
# became one token per character: 1 MB of letters took a minute and 150 bytes of memory per
# byte. No piece is longer than this, so every run in it can be grouped.
_MAX_GROUPING = MAX_CHUNK
_AS_SPACE = str.maketrans("\x00\r\t", "   ")
_BREAK = lazy_compile(r"[。．！？!?、，,\s]")


class Lexeme(NamedTuple):
    """What a token holds but its offsets: the same for every occurrence of a word."""

    surface: str
    lemma: str
    orth_base: str
    pos1: str
    pos2: str
    pos3: str
    pos4: str
    goshu: str
    key: str  # folded surface and lemma, for width/kana-insensitive matching
    lemma_key: str
    lower: str  # the surface, width- and case-insensitive but kana-sensitive (the view is NFKC)


class Token(NamedTuple):
    """One token: its word's fields (those of `Lexeme`, in the same order), then its offsets
    in the analysed view. Made when it is read from `Tokens` (see there), from a Lexeme and
    the two offsets; written out rather than built from Lexeme's fields so that a type
    checker knows them (tests/test_tokenizer.py checks the two agree)."""

    surface: str
    lemma: str
    orth_base: str
    pos1: str
    pos2: str
    pos3: str
    pos4: str
    goshu: str
    key: str
    lemma_key: str
    lower: str
    start: int
    end: int


# What a test on one word reads: a Token, or the Lexeme shared by its occurrences.
Word: TypeAlias = Token | Lexeme

_new = tuple.__new__


class Tokens(SequenceABC[Token]):
    """A draft's tokens, stored as columns: each distinct word once (`lexemes`), and per
    token its word's number and its offsets, 12 bytes a token. A Token object per token
    (a 13-field object, about 180 bytes with its offsets) made a 10 MB draft's tokens take
    most of its 850 MB; here a Token is made only when one is read, and passes over every
    token (indexes, the gate, token patterns) work on the distinct words instead."""

    __slots__ = ("_groups", "ends", "ids", "lexemes", "starts")

    def __init__(self, lexemes: list[Lexeme], ids: array[int], starts: array[int], ends: array[int]):
        self.lexemes, self.ids, self.starts, self.ends = lexemes, ids, starts, ends
        self._groups: list[array[int]] | None = None

    def __len__(self) -> int:
        return len(self.ids)

    @overload
    def __getitem__(self, i: int) -> Token: ...
    @overload
    def __getitem__(self, i: slice) -> Tokens: ...
    def __getitem__(self, i: int | slice) -> Token | Tokens:
        if isinstance(i, slice):
            return Tokens(self.lexemes, self.ids[i], self.starts[i], self.ends[i])
        return _new(Token, self.lexemes[self.ids[i]] + (self.starts[i], self.ends[i]))

    def __iter__(self) -> Iterator[Token]:
        lexemes = self.lexemes
        for lid, start, end in zip(self.ids, self.starts, self.ends, strict=True):
            yield _new(Token, lexemes[lid] + (start, end))

    def words(self, start: int = 0, stop: int | None = None) -> Iterator[Lexeme]:
        """The Lexeme of each token from `start` to `stop`, in order (what a count over the
        words of a span reads)."""
        return map(self.lexemes.__getitem__, self.ids[start:stop])

    def word(self, i: int) -> Lexeme:
        """The Lexeme of token i."""
        return self.lexemes[self.ids[i]]

    def values(self, attr: str) -> set[str]:
        """The values of one attribute among the tokens."""
        return {getattr(lexeme, attr) for lexeme in self.lexemes}

    def _positions(self) -> list[array[int]]:
        """Token positions (ascending) of each distinct word (by its number), in one pass."""
        if self._groups is None:
            groups = [array("I") for _ in self.lexemes]
            for i, lid in enumerate(self.ids):
                groups[lid].append(i)
            self._groups = groups
        return self._groups

    def where(self, test: Callable[[Lexeme], bool]) -> array[int]:
        """Positions (ascending) of the tokens whose word passes `test` (one that reads no
        offsets: token patterns), tried once per distinct word."""
        return _merged([group for lexeme, group in zip(self.lexemes, self._positions(), strict=True) if test(lexeme)])

    def by_value(self, attr: str) -> dict[str, array[int]]:
        """Token positions (ascending) by the value of one attribute (not `index`: that is
        Sequence's own, the position of one token)."""
        by_value: dict[str, array[int]] = {}
        shared: dict[str, list[array[int]]] = {}  # values of more than one word (rare)
        for value, group in zip(map(attrgetter(attr), self.lexemes), self._positions(), strict=True):
            found = by_value.get(value)
            if found is None:
                by_value[value] = group
            else:
                shared.setdefault(value, [found]).append(group)
        for value, groups in shared.items():
            by_value[value] = _merged(groups)
        return by_value


def _merged(groups: list[array[int]]) -> array[int]:
    if len(groups) == 1:
        return groups[0]
    return array("I", sorted(chain.from_iterable(groups)))


# MeCab prints only the fields we read, one token per line: asking for them with an output
# format is about twice as fast as reading node.feature through fugashi. %pS is the white
# space MeCab skipped before the token, which keeps offsets exact.
_FIELDS = r"%f[7]\\t%f[10]\\t%f[0]\\t%f[1]\\t%f[2]\\t%f[3]\\t%f[12]"
_NODE_FORMAT = r"%pS\\t%m\\t" + _FIELDS + r"\\n"
# Unknown words may have fewer features (MeCab stops at a missing one): padded when read.
_UNK_FORMAT = r"%pS\\t%m\\t\\t\\t%f[0]\\t%f[1]\\t%f[2]\\t%f[3]\\n"
_PAD = ("",) * 8


@lru_cache(maxsize=1)
def tagger() -> Any:  # fugashi's GenericTagger (no type information)
    import fugashi
    import unidic_lite

    dicdir = unidic_lite.DICDIR
    return fugashi.GenericTagger(
        f'-r "{os.path.join(dicdir, "mecabrc")}" -d "{dicdir}" -O \'\' '
        f"--node-format={_NODE_FORMAT} --unk-format={_UNK_FORMAT} --eos-format= "
        f"--max-grouping-size={_MAX_GROUPING}"
    )


def _chunks(text: str) -> Iterator[tuple[int, str]]:
    """Yield (offset, piece): lines, with over-long lines cut at a nearby break."""
    pos = 0
    for line in text.split("\n"):
        start = 0
        while len(line) - start > MAX_CHUNK:
            cut = start + MAX_CHUNK
            m = None
            for m in _BREAK().finditer(line, start + MAX_CHUNK // 2, cut):  # noqa: B007  the last one
                pass
            if m:
                cut = m.end()
            yield pos + start, line[start:cut]
            start = cut
        yield pos + start, line[start:]
        pos += len(line) + 1


# Dictionary words are public data and repeat from draft to draft, so their parsed records are
# kept across drafts. Words the dictionary does not know (names, codes, coinages) are the
# draft's own text: those are parsed afresh each time and never kept (see draftcache).
_KNOWN: dict[str, Lexeme] = {}
_KNOWN_MAX = 1 << 16


def _lexeme(record: str) -> Lexeme:
    """Everything a token holds but its offsets, from one MeCab output line."""
    lexeme = _KNOWN.get(record)
    if lexeme is not None:
        return lexeme
    fields = record.split("\t")
    known = len(fields) == 8  # the unknown-word format has no goshu field
    if not known:
        fields = [*fields, *_PAD[len(fields) : 8]]
    surface, lemma, orth_base, pos1, pos2, pos3, pos4, goshu = fields
    lemma = lemma or surface
    lexeme = Lexeme(
        surface,
        lemma,
        orth_base or surface,
        pos1,
        pos2 or "*",
        pos3 or "*",
        pos4 or "*",
        goshu,
        fold(surface),
        fold(lemma),
        surface.lower(),
    )
    if known:
        if len(_KNOWN) >= _KNOWN_MAX:
            _KNOWN.clear()
        _KNOWN[record] = lexeme
    return lexeme


def tokenize(text: str) -> Tokens:
    """Tokens with offsets into `text`. NUL, CR and TAB are read as spaces: MeCab stops at
    NUL, and tabs separate the fields of its output."""
    text = text.translate(_AS_SPACE)
    parse = tagger().parse
    known = _KNOWN
    numbers: dict[str, int] = {}  # MeCab's record -> its word's number in this draft
    lexemes: list[Lexeme] = []
    lengths: list[int] = []
    ids, starts, ends = array("I"), array("I"), array("I")
    for offset, piece in _chunks(text):
        if not piece.strip():
            continue
        pos = offset
        for record in parse(piece).split("\n"):
            if not record:
                continue
            space, _, rest = record.partition("\t")
            lid = numbers.get(rest)
            if lid is None:
                lexeme = known.get(rest) or _lexeme(rest)
                lid = numbers[rest] = len(lexemes)
                lexemes.append(lexeme)
                lengths.append(len(lexeme.surface))
            start = pos + len(space) if space else pos
            pos = start + lengths[lid]
            ids.append(lid)
            starts.append(start)
            ends.append(pos)
    return Tokens(lexemes, ids, starts, ends)


@draft_cache(maxsize=4096)
def is_surname(word: str) -> bool:
    """Whether the dictionary has `word` as one 人名-姓 entry under any reading, not only the
    best one (根本 is read ネモト as a surname as well as コンポン). The n-best parses come one
    token a line; a line whose surface is the whole word is a one-token parse."""
    for record in tagger().nbest(word.translate(_AS_SPACE), 10).split("\n"):
        lexeme = _lexeme(record.partition("\t")[2])
        if lexeme[0] == word and lexeme[5:7] == ("人名", "姓"):
            return True
    return False
