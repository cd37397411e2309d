"""`readability`: the draft's plain-Japanese score (sm_lint/text/readability.py) under its target.

    match:
      readability: score
      min-words: 30       # shorter drafts are not scored: a line or two says little

The target comes from the configuration, per account where one is set:

    readability:
      target: 2.5           # the default; higher is easier (4.5: 初級後半)
      accounts:
        kosodate: 4.5       # a child-care account asks for easier text

A finding points at the sentence with the lowest score of its own, says the draft's score and
band, and what makes that sentence hard (its length, its share of 漢語).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from sm_lint.checks.post.metadata import post_meta
from sm_lint.errors import ConfigError, RuleError
from sm_lint.rules.model import Hit, Matcher
from sm_lint.rules.registry import kind
from sm_lint.text.readability import band, readability

if TYPE_CHECKING:
    from sm_lint.text.analysis import Analysis

LONG_SENTENCE = 40  # words; about 60-80 characters of Japanese


def _score(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and 0 <= value <= 10


def check_section(value: dict[str, Any], where: str) -> dict[str, Any]:
    """The `readability:` section's check (rules/sections.py hands it to the loader)."""
    accounts = value.get("accounts", {})
    if (
        not _score(value.get("target", 0))
        or not isinstance(accounts, dict)
        or not all(_score(v) for v in accounts.values())
    ):
        raise ConfigError(
            where,
            "`readability` の target と accounts の値は 0〜10 の数です（高いほどやさしい文）",
            "`readability` target and accounts values are numbers from 0 to 10 (higher is easier)",
        )
    return dict(value)


def target_for(analysis: Analysis) -> float:
    settings = analysis.config.section("readability")
    account = post_meta(analysis).get("account")
    target: float = (
        settings["accounts"].get(account, settings["target"]) if isinstance(account, str) else settings["target"]
    )
    return target


def score_facts(analysis: Analysis) -> dict[str, Any] | None:
    """The draft's score as every report gives it (lint's drafts, SARIF, summaries, statistics,
    `sm-lint score`); None for a draft with no words. Both bands: the report picks its language."""
    found = readability(analysis)
    if found is None:
        return None
    target = target_for(analysis)
    return {
        "score": round(found.score, 3),
        "band": band(found.score),
        "band_en": band(found.score, "en"),
        "target": target,
        "below_target": found.score < target,
        "words": found.words,
        "sentences": found.sentences,
    }


def _why(analysis: Analysis, start: int, end: int, words: int) -> tuple[str, str]:
    i, j = analysis.token_index(start), analysis.token_index(end)
    kango = 100 * sum(t.goshu == "漢" for t in analysis.tokens.words(i, j)) // max(1, j - i)
    if words > LONG_SENTENCE:
        return f"文が長く（{words} 語）", f"a long sentence ({words} words)"
    if kango >= 35:
        return f"漢語が多く（{kango}%）", f"many Sino-Japanese words ({kango}%)"
    return "言葉が硬く", "formal wording"


class Score(Matcher):
    def __init__(self, min_words: int) -> None:
        self.min_words = min_words

    def find(self, analysis: Analysis) -> Iterable[Hit]:
        if len(analysis.tokens) < self.min_words:  # the score's words are the tokens: not scored
            return
        found = readability(analysis)
        target = target_for(analysis)
        if found is None or found.score >= target:
            return
        worst = found.worst
        text = analysis.text
        end = worst.end
        while end > worst.start and text[end - 1].isspace():
            end -= 1
        why, why_en = _why(analysis, worst.start, end, worst.words)
        yield Hit(
            worst.start,
            end,
            detail={
                "score": f"{found.score:.1f}",
                "band": band(found.score),
                "band_en": band(found.score, "en"),
                "target": f"{target:.1f}",
                "sentence": f"{worst.score:.1f}",
                "why": why,
                "why_en": why_en,
            },
        )


@kind("readability", options=("min-words",))
def compile_readability(spec: dict[str, Any], where: str) -> Score:
    minimum = spec.get("min-words", 30)
    if spec["readability"] != "score" or not isinstance(minimum, int) or isinstance(minimum, bool) or minimum < 1:
        raise RuleError(
            where,
            "`readability: score` と、正の整数の `min-words` で書いてください",
            "write `readability: score` with a positive `min-words`",
        )
    return Score(minimum)
