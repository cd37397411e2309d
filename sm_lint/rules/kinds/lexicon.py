"""`words`: a word list matched on whole tokens, by folded surface and by lemma.

Surface matches must start and end on token boundaries, so リサイクル never hits サイ and
ちびっこ never hits ちび. Lemma matches (one dictionary word only) see through spelling:
ばか, バカ, ﾊﾞｶ and 馬鹿 share the lemma 馬鹿.

`words:` is a list, or the name of a list file in rules/lists/ (one word a line), so several
rules can share a lexicon, and a lexicon can carry its own source and licence in its header.

`inflected: english` also matches a one-token English entry in its inflected forms: a token
of Latin letters that is the entry plus -s, -es, -ed, -ing, -able or 's (MILFs, fucking; a doubled
consonant before -ed or -ing too: shagged), compared case-insensitively; the entry must have
four letters or more (sex is not read in sexes, nor ero in eros).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any, NamedTuple

from sm_lint.errors import RuleError
from sm_lint.io.listfiles import list_entries, list_path
from sm_lint.rules.model import Hit, Matcher
from sm_lint.rules.registry import kind
from sm_lint.rules.tokenpattern import TokenTest, compile_token
from sm_lint.spelling import refuse_unknown_keys
from sm_lint.text.regexsyntax import re2_literal
from sm_lint.text.textnorm import fold
from sm_lint.text.tokenizer import Tokens, tokenize

if TYPE_CHECKING:
    from sm_lint.text.analysis import Analysis

_ENTRY_KEYS = {"word", "suggestion", "by", "pos1", "pos2", "pos3", "pos4", "lemma", "fix"}
_POS_KEYS = ("pos1", "pos2", "pos3", "pos4")


class Entry(NamedTuple):
    word: str
    suggestion: str | None
    first: TokenTest | None  # constraint on the first matched token
    safe: bool | None = None  # an entry's own `fix:` (safe/unsafe) over its rule's

    def hit(self, start: int, end: int) -> Hit:
        return Hit(start, end, self.suggestion, detail={"word": self.word}, safe=self.safe)


def _is_kana(text: str) -> bool:
    return all("\u3041" <= c <= "\u30ff" or c == "ー" for c in text)


def _surface_key(word: str) -> str:
    """Kana words compare kana-insensitively (バカ = ばか); a word with kanji or letters
    compares only width- and case-insensitively, so アル中 never matches ある中."""
    return fold(word) if _is_kana(unicodedata.normalize("NFKC", word)) else unicodedata.normalize("NFKC", word).lower()


def _entry_from(item: Any, defaults: dict[str, Any], where: str) -> tuple[Entry, str | None, str | None]:
    """Return the entry, its surface key (or None) and its lemma key (or None)."""
    if isinstance(item, str):
        item = {"word": item}
    if not isinstance(item, dict) or "word" not in item:
        raise RuleError(
            where,
            "`words` の各項目は語そのものか、`word:` を含む「キー: 値」の形で書いてください",
            "each entry of `words` is a word or a mapping with `word:`",
        )
    refuse_unknown_keys(
        item, sorted(_ENTRY_KEYS), where, (f"語 {item['word']!r} の項目に", f" in word entry {item['word']!r}")
    )
    word = str(item["word"]).strip()
    if not word:
        raise RuleError(where, "`words` に空の語があります", "an empty word in `words`")
    by = item.get("by", defaults.get("by", "both"))
    if by not in ("surface", "lemma", "both"):
        raise RuleError(
            where,
            f"`by` は surface、lemma、both のいずれかです (値: {by!r})",
            f"`by` is surface, lemma or both, not {by!r}",
        )
    pos = {k: item.get(k, defaults.get(k)) for k in _POS_KEYS if item.get(k, defaults.get(k))}
    first = compile_token(pos, where) if pos else None
    surface_key = _surface_key(word) if by in ("surface", "both") else None
    lemma_key = None
    if "lemma" in item:
        lemma_key = fold(str(item["lemma"]))
    elif by in ("lemma", "both"):
        tokens = tokenize(word)
        # Only one dictionary word in its base form may match by lemma: the lemmas of a
        # phrase (し+ね) occur in harmless text (するね), and a conjugated entry (死ね) would
        # match every form of its verb (死んだ).
        if len(tokens) == 1 and tokens[0].goshu and tokens[0].surface == tokens[0].orth_base:
            lemma_key = tokens[0].lemma_key
    fix = item.get("fix")
    if fix not in (None, "safe", "unsafe"):
        raise RuleError(
            where,
            f"語 {word!r} の `fix` は safe か unsafe です (値: {fix!r})",
            f"`fix` of word entry {word!r} is safe or unsafe, not {fix!r}",
        )
    safe = None if fix is None else fix == "safe"
    return Entry(word, item.get("suggestion"), first, safe), surface_key, lemma_key


# str.lower() turns a final Σ into ς by context, so a token and the whole view may disagree.
_EITHER_SIGMA = str.maketrans({"σ": "[σς]", "ς": "[σς]"})


# English inflectional endings (`inflected: english`), longest first: milfs, sluts, fucked, fucking.
_ENGLISH_ENDINGS = ("able", "'s", "ing", "es", "ed", "s")


def _english_stems(word: str) -> Iterator[str]:
    """The stems `word` (lower-case Latin letters) may be an inflected form of."""
    for ending in _ENGLISH_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 4:  # not sexes, eros
            stem = word[: -len(ending)]
            yield stem
            if ending in ("ed", "ing") and len(stem) >= 5 and stem[-1] == stem[-2]:
                yield stem[:-1]  # a doubled consonant: shagged, shagging


class Lexicon(Matcher):
    def __init__(
        self, by_surface: dict[str, list[Entry]], by_lemma: dict[str, list[Entry]], english: bool = False
    ) -> None:
        self.by_surface = by_surface
        self.by_lemma = by_lemma
        self.prefixes = {key[:n] for key in by_surface for n in range(1, len(key) + 1)}
        # one-token English entries, for their inflected forms
        self.english = {key for key in by_surface if key.isascii() and key.isalpha()} if english else set()

    def signs(self) -> list[tuple[str, Any]] | None:
        """A surface word is a run of tokens, so the folded view holds it, folded; a lemma needs
        a token with it (see sm_lint/rules/gate.py). A word with a dotted İ lowers to another length
        in a token than in the view: no sign then, the rule always runs."""
        keys = [fold(key) for key in self.by_surface]
        if any("\u0307" in key for key in keys):
            return None
        pairs: list[tuple[str, Any]] = []
        if keys:
            pairs.append(("folded", "|".join(re2_literal(key).translate(_EITHER_SIGMA) for key in keys)))
        if self.by_lemma:
            pairs.append(("lemma_key", frozenset(self.by_lemma)))
        return pairs

    def _surface_hits(self, tokens: Tokens, i: int, attr: str) -> Iterator[tuple[Entry, int]]:
        """Entries whose key equals the joined `attr` of contiguous tokens from i (read from
        the token columns: no Token is made)."""
        starts, ends = tokens.starts, tokens.ends
        joined = ""
        for j in range(i, len(tokens)):
            if j > i and starts[j] != ends[j - 1]:
                return
            joined += getattr(tokens.word(j), attr)
            if joined not in self.prefixes:
                return
            for entry in self.by_surface.get(joined, ()):
                yield entry, ends[j]

    def _inflected_hits(self, analysis: Analysis, seen: set[tuple[int, int, str]]) -> Iterator[Hit]:
        """English entries in an inflected form (`inflected: english`): each distinct token of the
        draft once, its stems looked up; the list is never walked."""
        tokens, lower = analysis.tokens, analysis.index("lower")
        for word in lower.keys() - self.by_surface.keys():
            if not (word.isascii() and word.isalpha()):
                continue
            stem = next((s for s in _english_stems(word) if s in self.english), None)
            if stem is None:
                continue
            for i in lower[word]:
                token = tokens[i]
                for entry in self.by_surface[stem]:
                    span = (token.start, token.end, entry.word)
                    if span not in seen:
                        seen.add(span)
                        yield entry.hit(token.start, token.end)

    def find(self, analysis: Analysis) -> Iterable[Hit]:
        tokens = analysis.tokens
        seen: set[tuple[int, int, str]] = set()
        lemma_index = analysis.index("lemma_key")
        for lemma in self.by_lemma.keys() & lemma_index.keys():
            for i in lemma_index[lemma]:
                token = tokens[i]
                for entry in self.by_lemma[lemma]:
                    if entry.first is None or entry.first(token):
                        seen.add((token.start, token.end, entry.word))
                        yield entry.hit(token.start, token.end)
        if self.english:
            yield from self._inflected_hits(analysis, seen)
        # Kana-folded keys (token.key) for kana words, plain lower-case surfaces otherwise.
        for attr in ("key", "lower"):
            index = analysis.index(attr)
            for first in self.prefixes & index.keys():
                for i in index[first]:
                    token = tokens[i]
                    for entry, end in self._surface_hits(tokens, i, attr):
                        span = (token.start, end, entry.word)
                        if span not in seen and (entry.first is None or entry.first(token)):
                            seen.add(span)
                            yield entry.hit(token.start, end)


@kind("words", options=("by", "inflected", *_POS_KEYS))
def compile_words(spec: dict[str, Any], where: str) -> Lexicon:
    inflected = spec.get("inflected")
    if inflected not in (None, "english"):
        raise RuleError(
            where,
            f"`inflected` は english です (値: {inflected!r})",
            f"`inflected` is english, not {inflected!r}",
        )
    words = spec["words"]
    if isinstance(words, str):
        words = [entry for entry, _ in list_entries(list_path(words, where))]
    if not isinstance(words, list) or not words:
        raise RuleError(
            where,
            "`words` は空でないリストかリストファイルの名前で書いてください",
            "`words` must be a non-empty list or the name of a list file",
        )
    by_surface: dict[str, list[Entry]] = {}
    by_lemma: dict[str, list[Entry]] = {}
    for item in words:
        entry, surface_key, lemma_key = _entry_from(item, spec, where)
        if surface_key:
            by_surface.setdefault(surface_key, []).append(entry)
        if lemma_key:
            by_lemma.setdefault(lemma_key, []).append(entry)
    return Lexicon(by_surface, by_lemma, english=inflected == "english")
