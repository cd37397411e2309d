"""A plain-Japanese score per draft: the jReadability formula of Lee & Hasebe (李在鎬・長谷部陽一郎,
「日本語教育のための文章難易度に関する研究」, 早稲田日本語教育学 21, 2016), as the `jreadability`
package computes it (PyPI, MIT, Joshua Hamilton; v1.1.5 checked 2026-12-07):

    score = 11.724 − 0.056 × mean words per sentence − 0.126 × %漢語 − 0.042 × %和語
            − 0.145 × %verbs (not 非自立可能) − 0.044 × %particles

Higher is easier: 0.5–1.4 上級後半, 1.5–2.4 上級前半, 2.5–3.4 中級後半, 3.5–4.4 中級前半,
4.5–5.4 初級後半, 5.5–6.4 初級前半 (the authors' bands). It is computed here from the tokens
the analysis already has (same fugashi + unidic-lite dictionary, no second parse), and each
sentence gets its own score, so a finding can point at the sentence that pulls the draft
down. tests/test_readability.py compares it with the package on more than 20 texts.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, NamedTuple

from sm_lint.text.tokenizer import Lexeme, Tokens

if TYPE_CHECKING:
    from sm_lint.text.analysis import Analysis

# jreadability ends a sentence after these surfaces; the view is NFKC, so ？！ arrive as ?!
# (the full-width period ．arrives as ".", which cannot be told from a decimal point: not an end)
SENTENCE_ENDS = frozenset(("。", "?", "!", "？", "！", "．"))
BANDS = (
    (5.5, "初級前半", "beginner, early"),
    (4.5, "初級後半", "beginner, late"),
    (3.5, "中級前半", "intermediate, early"),
    (2.5, "中級後半", "intermediate, late"),
    (1.5, "上級前半", "advanced, early"),
    (float("-inf"), "上級後半", "advanced, late"),
)


class Sentence(NamedTuple):
    start: int  # view offsets
    end: int
    score: float
    words: int


class Readability(NamedTuple):
    score: float
    words: int
    sentences: int  # with words, by the analysis' sentence bounds (。！？ and line ends)
    worst: Sentence  # the first with the lowest score of its own (a Sentence each took 1 byte
    # of memory per input byte of a large draft, and only this one is ever shown)


def formula(n: int, sentences: int, kango: int, wago: int, verbs: int, particles: int) -> float:
    """The jReadability score of `n` words read as `sentences` sentences."""
    return (
        n / sentences * -0.056
        + 100 * kango / n * -0.126
        + 100 * wago / n * -0.042
        + 100 * verbs / n * -0.145
        + 100 * particles / n * -0.044
        + 11.724
    )


def _counts(words: Iterable[Lexeme]) -> tuple[int, int, int, int, int]:
    """漢語, 和語, verbs (not 非自立可能), particles and sentence ends among `words`."""
    kango = wago = verbs = particles = ends = 0
    for word in words:
        goshu, pos1 = word.goshu, word.pos1
        if goshu == "漢":
            kango += 1
        elif goshu == "和":
            wago += 1
        if pos1 == "動詞" and word.pos2 != "非自立可能":
            verbs += 1
        elif pos1 == "助詞":
            particles += 1
        if word.surface in SENTENCE_ENDS:
            ends += 1
    return kango, wago, verbs, particles, ends


def band(score: float, lang: str = "ja") -> str:
    return next(ja if lang == "ja" else en for floor, ja, en in BANDS if score >= floor)


def readability(analysis: Analysis) -> Readability | None:
    """The draft's score and each sentence's (None for a draft with no words)."""
    return analysis.memo("readability", _readability)


def _readability(analysis: Analysis) -> Readability | None:
    """One pass over the words of each sentence; the draft's counts are their sums."""
    tokens = analysis.tokens
    if not tokens:
        return None
    sentences = 0
    worst: Sentence | None = None
    total = [0] * 5
    for start, end in _spans(analysis):
        i, j = analysis.token_index(start), analysis.token_index(end)
        if i == j:
            continue
        counts = _counts(tokens.words(i, j))
        total = [a + b for a, b in zip(total, counts, strict=True)]
        sentences += 1
        score = formula(j - i, _sentence_count(tokens, j, counts[4]), *counts[:4])
        if worst is None or score < worst.score:
            worst = Sentence(start, end, score, j - i)
    assert worst is not None  # the tokens are in some sentence
    score = formula(len(tokens), _sentence_count(tokens, len(tokens), total[4]), *total[:4])
    return Readability(score, len(tokens), sentences, worst)


def _sentence_count(tokens: Tokens, stop: int, ends: int) -> int:
    """The sentence ends, and one more where the words up to `stop` run on without one."""
    return ends + (0 if tokens.word(stop - 1).surface in SENTENCE_ENDS else 1)


def _spans(analysis: Analysis) -> Iterator[tuple[int, int]]:
    start = 0
    for end in (*analysis.sentence_bounds, len(analysis.text)):
        if end > start:
            yield start, end
        start = end
