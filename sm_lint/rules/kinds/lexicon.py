"""`words`: a word list matched on whole tokens, by folded surface and by lemma.

Surface matches must start and end on token boundaries, so リサイクル never hits サイ and
ちびっこ never hits ちび. Lemma matches (one dictionary word only) see through spelling:
ばか, バカ, ﾊﾞｶ and 馬鹿 share the lemma 馬鹿.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sm_lint.errors import RuleError
from sm_lint.rules.model import Hit
from sm_lint.rules.registry import kind
from sm_lint.rules.tokenpattern import TokenTest, compile_token
from sm_lint.textnorm import fold
from sm_lint.tokenizer import tokenize

_ENTRY_KEYS = {"word", "suggestion", "by", "pos1", "pos2", "pos3", "pos4", "lemma", "fix"}
_POS_KEYS = ("pos1", "pos2", "pos3", "pos4")


@dataclass(frozen=True)
class Entry:
    word: str
    suggestion: str | None
    first: TokenTest | None  # constraint on the first matched token
    safe: bool | None = None  # an entry's own `fix:` (safe/unsafe) over its rule's


def _entry_from(item: Any, defaults: dict[str, Any], where: str) -> tuple[Entry, str | None, str | None]:
    """Return the entry, its surface key (or None) and its lemma key (or None)."""
    if isinstance(item, str):
        item = {"word": item}
    if not isinstance(item, dict) or "word" not in item:
        raise RuleError(where, "each entry of `words` is a word or a mapping with `word:`")
    unknown = set(item) - _ENTRY_KEYS
    if unknown:
        raise RuleError(where, f"unknown key(s) in word entry {item['word']!r}: {', '.join(sorted(unknown))}")
    word = str(item["word"]).strip()
    if not word:
        raise RuleError(where, "an empty word in `words`")
    by = item.get("by", defaults.get("by", "both"))
    if by not in ("surface", "lemma", "both"):
        raise RuleError(where, f"`by` is surface, lemma or both, not {by!r}")
    pos = {k: item.get(k, defaults.get(k)) for k in _POS_KEYS if item.get(k, defaults.get(k))}
    first = compile_token(pos, where) if pos else None
    surface_key = fold(word) if by in ("surface", "both") else None
    lemma_key = None
    if "lemma" in item:
        lemma_key = fold(str(item["lemma"]))
    elif by in ("lemma", "both"):
        tokens = tokenize(word)
        # Only a single dictionary word may match by lemma: the lemmas of a multi-token
        # phrase (e.g. し+ね) also occur in harmless text (するね).
        if len(tokens) == 1 and tokens[0].goshu:  # goshu is empty for unknown words
            lemma_key = tokens[0].lemma_key
    fix = item.get("fix")
    if fix not in (None, "safe", "unsafe"):
        raise RuleError(where, f"`fix` of word entry {word!r} is safe or unsafe, not {fix!r}")
    safe = None if fix is None else fix == "safe"
    return Entry(word, item.get("suggestion"), first, safe), surface_key, lemma_key


class Lexicon:
    def __init__(self, by_surface: dict[str, list[Entry]], by_lemma: dict[str, list[Entry]]):
        self.by_surface = by_surface
        self.by_lemma = by_lemma
        self.prefixes = {key[:n] for key in by_surface for n in range(1, len(key) + 1)}

    def find(self, analysis):
        tokens = analysis.tokens
        seen: set[tuple[int, int, str]] = set()
        for i, token in enumerate(tokens):
            for entry in self.by_lemma.get(token.lemma_key, ()):
                if entry.first is None or entry.first(token):
                    seen.add((token.start, token.end, entry.word))
                    yield Hit(token.start, token.end, entry.suggestion, detail={"word": entry.word}, safe=entry.safe)
            if token.key[:1] not in self.prefixes:
                continue
            joined = ""
            for j in range(i, len(tokens)):
                if j > i and tokens[j].start != tokens[j - 1].end:
                    break
                joined += tokens[j].key
                if joined not in self.prefixes:
                    break
                for entry in self.by_surface.get(joined, ()):
                    span = (token.start, tokens[j].end, entry.word)
                    if span not in seen and (entry.first is None or entry.first(token)):
                        seen.add(span)
                        yield Hit(token.start, tokens[j].end, entry.suggestion, detail={"word": entry.word}, safe=entry.safe)


@kind("words", options=("by", *_POS_KEYS))
def compile_words(spec: dict[str, Any], where: str) -> Lexicon:
    words = spec["words"]
    if not isinstance(words, list) or not words:
        raise RuleError(where, "`words` must be a non-empty list")
    by_surface: dict[str, list[Entry]] = {}
    by_lemma: dict[str, list[Entry]] = {}
    for item in words:
        entry, surface_key, lemma_key = _entry_from(item, spec, where)
        if surface_key:
            by_surface.setdefault(surface_key, []).append(entry)
        if lemma_key:
            by_lemma.setdefault(lemma_key, []).append(entry)
    return Lexicon(by_surface, by_lemma)
