"""`construction`: signals that must occur together in one stretch of a draft (issue 23).

Each of `parts` is itself a `match:` mapping of any kind (`words`, `regex`, `sequence`,
`phone`, ...); the construction fires where every part has a hit within the same `within`
scope, and none of `unless` has a hit in that scope. Judgment then rests on the combination
(a person + a negative evaluation, an act + an evasion, a policy + a deliberation state without
a publication state), not on one word.

    match:
      construction:
        - {words: [あの人, 来庁者]}          # part 1
        - {regex: 'うざ|キモ'}               # part 2
      within: sentence      # sentence (default) | line | draft | a number of characters
      ordered: true         # parts in the order written (default false); `phrase`: in that
                            # order, or a later part right before the first in one noun phrase
                            # (only nouns, affixes, な and の between: 図々しい客, わがままな態度の客,
                            # but not 臆病な保護犬も、少しずつ人: the dog is the one judged)
      unless:               # none of these in the same scope (or in `unless_within`)
        - {words: [公表]}
      unless_within: draft  # default: the same as `within`
      report: 2             # the part whose hit is reported (1-based); default: the whole stretch
      adjacent: [2]         # with ordered: these parts begin right where the part before ends

`adjacent` ties a part to the one before it, with nothing between, where the order alone would
let any words stand between them: a group word and the particle that makes it the topic
(障害者は, not 障害者スポーツ大会、今年は).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from sm_lint.errors import RuleError
from sm_lint.rules.model import Hit, Matcher
from sm_lint.rules.registry import kind

if TYPE_CHECKING:
    from sm_lint.text.analysis import Analysis
    from sm_lint.text.tokenizer import Token

_SCOPES = ("sentence", "line", "draft")
_ORDERS = (True, False, "phrase")
Scope = str | int  # one of _SCOPES, or a number of characters either side


def _parts(value: Any, where: str, key: str) -> tuple[Matcher, ...]:
    from sm_lint.rules.loader import compile_match  # the loader imports the kinds

    if not isinstance(value, list) or not value or not all(isinstance(v, dict) for v in value):
        raise RuleError(
            where,
            f"`{key}` は {{words: [...]}} のような match の並びで書いてください",
            f"`{key}` is a list of match mappings such as {{words: [...]}}",
        )
    return tuple(compile_match(v, where) for v in value)


_COLD_DRAFTS = 40  # as GATE_FROM in rules/engine.py: what a short run (a cold start) pays for


def _size(part: Matcher) -> int:
    """How much a part's search costs, roughly: the length of the patterns it names in advance
    (a word list's token values cost nothing to look up); a part that names nothing, 500."""
    groups = part.sign_groups()
    if not groups:
        return 500
    return sum(len(sign) if isinstance(sign, str) else 0 for group in groups for _, sign in group)


class Construction(Matcher):
    def __init__(
        self,
        parts: tuple[Matcher, ...],
        unless: tuple[Matcher, ...],
        within: Scope,
        unless_within: Scope,
        ordered: bool | str,
        report: int | None,
        adjacent: frozenset[int] = frozenset(),
    ) -> None:
        self.parts, self.unless, self.within, self.unless_within = parts, unless, within, unless_within
        self.ordered, self.report, self.adjacent = ordered, report, adjacent
        # The order parts are searched in (the hits are the same whatever it is). The first
        # drafts of a process: the smallest pattern first, so that a draft without its hit
        # never compiles (RE2, on first use) the long lists of the others; a cold start
        # compiled 21 of them, up to 4,600 characters, for a one-line clean draft. Then the
        # last part first, usually the judgment or the state, which most drafts lack: on 1,000
        # drafts smallest-first searched the commoner parts in vain (16.6 G instructions
        # against 11.1 G). The switch is where the engine's gate starts (rules/engine.py).
        self._cold_order = sorted(range(len(parts)), key=lambda n: (_size(parts[n]), -n))
        self._warm_order = list(reversed(range(len(parts))))
        self._searched = 0  # drafts, in this process

    def sign_groups(self) -> list[list[tuple[str, Any]]] | None:
        """Every part must hit, so each part's signs are needed, every group of them: a draft
        with people in it but no judgment of one skips the search (a part that names nothing
        in advance adds no group)."""
        groups = [group for part in self.parts for group in part.sign_groups() or ()]
        return groups or None

    @staticmethod
    def _scope(within: Scope, analysis: Analysis, hit: Hit) -> tuple[int, int]:
        if within == "sentence":
            return analysis.sentence(hit.start)
        if within == "line":
            return analysis.line_span(hit.start, hit.start)
        if isinstance(within, str):  # "draft"
            return 0, len(analysis.text)
        return max(0, hit.start - within), hit.end + within

    @staticmethod
    def _in_phrase(token: Token) -> bool:
        """A word of a noun phrase: a noun, an affix, the attributive な or the particle の (a
        modifier and the noun it modifies)."""
        return (
            token.pos1 in ("名詞", "接尾辞", "接頭辞")
            or (token.pos1 == "助動詞" and token.surface == "な")
            or (token.pos1 == "助詞" and token.surface == "の")
        )

    def _placed(self, h: Hit, anchor: Hit, lo: int, after: int, phrase_from: int) -> bool:
        """Whether a later part's hit stands where the order allows; `phrase_from`: the start of
        the last word before the anchor that is no word of a noun phrase (-1: none), so that
        only words of one noun phrase lie between a hit that ends after it and the anchor."""
        if self.ordered is False:
            return lo <= h.start
        if h.start >= after:
            return True
        return self.ordered == "phrase" and phrase_from < h.end <= anchor.start

    def _first(
        self, found: list[Hit], starts: list[int], reach: int, number: int, chosen: list[Hit], **at: int
    ) -> Hit | None:
        """The first hit of part `number` (in the order of `found`) that may join `chosen` (the
        anchor first) in the anchor's scope: only the hits from where it may begin are
        looked at (bisect), none after the first that fits, so an anchor costs the hits of its
        scope, not every hit of the draft (that was quadratic in a long draft's judgments)."""
        anchor, lo, hi, phrase_from = chosen[0], at["lo"], at["hi"], at["phrase_from"]
        after = max(c.end for c in chosen)
        adjacent = number in self.adjacent
        if adjacent or self.ordered is True:
            begin = after
        elif self.ordered == "phrase":  # one that ends by phrase_from (none longer than reach) may not
            begin = phrase_from - reach + 1
        else:
            begin = lo
        for i in range(bisect_left(starts, max(lo, begin)), len(found)):
            h = found[i]
            if h.start > hi or (adjacent and h.start != after):
                return None  # and so are the hits after it
            if (
                h.end <= hi
                and self._placed(h, anchor, lo, after, phrase_from)
                and not any(h.start < c.end and c.start < h.end for c in chosen)
            ):
                return h
        return None

    def find(self, analysis: Analysis) -> Iterable[Hit]:
        # Every part must hit: stop at the first that has none (cold order, then warm: __init__).
        hits: list[list[Hit]] = [[] for _ in self.parts]
        self._searched += 1
        for n in self._cold_order if self._searched <= _COLD_DRAFTS else self._warm_order:
            found = sorted((h for h in self.parts[n].find(analysis) if h.end > h.start), key=lambda h: (h.start, h.end))
            if not found:
                return
            hits[n] = found
        starts = [[h.start for h in found] for found in hits]
        reach = [max(h.end - h.start for h in found) for found in hits]  # each part's longest hit
        vetoes = sorted((h for part in self.unless for h in part.find(analysis)), key=lambda h: (h.start, h.end))
        veto_starts = [v.start for v in vetoes]
        # the stretches reported so far: never overlapping, so sorted by start they are by end too
        reported_starts: list[int] = []
        reported_ends: list[int] = []
        tokens, k, phrase_from = analysis.tokens, 0, -1
        for anchor in hits[0]:
            lo, hi = self._scope(self.within, analysis, anchor)
            if self.ordered == "phrase":  # the anchors come in order: each token is looked at once
                while k < len(tokens) and tokens[k].start < anchor.start:
                    if not self._in_phrase(tokens[k]):
                        phrase_from = tokens[k].start
                    k += 1
            stretch = self._stretch(analysis, hits, starts, reach, anchor, lo, hi, phrase_from, vetoes, veto_starts)
            if stretch is None:
                continue
            start, end = stretch
            # one stretch once: not again as part of a longer one (わがままな態度の客 and
            # わがままな態度の客の相手 are one judgment)
            i = bisect_left(reported_starts, start)
            if (i > 0 and reported_ends[i - 1] > start) or (i < len(reported_starts) and reported_starts[i] < end):
                # Unordered, the anchor may have paired with the hits of the stretch reported
                # before it (a second matter on the line with the first one's state): pair it
                # again with hits after that stretch only (ninth pass), once, so an anchor costs
                # two searches at most.
                if self.ordered is not False or i == 0 or reported_ends[i - 1] > anchor.start:
                    continue
                stretch = self._stretch(
                    analysis, hits, starts, reach, anchor, reported_ends[i - 1], hi, phrase_from, vetoes, veto_starts
                )
                if stretch is None:
                    continue
                start, end = stretch
                i = bisect_left(reported_starts, start)
                if (i > 0 and reported_ends[i - 1] > start) or (i < len(reported_starts) and reported_starts[i] < end):
                    continue
            reported_starts.insert(i, start)
            reported_ends.insert(i, end)
            yield Hit(start, end)

    def _stretch(
        self,
        analysis: Analysis,
        hits: list[list[Hit]],
        starts: list[list[int]],
        reach: list[int],
        anchor: Hit,
        lo: int,
        hi: int,
        phrase_from: int,
        vetoes: list[Hit],
        veto_starts: list[int],
    ) -> tuple[int, int] | None:
        """The stretch (or the reported part) of the anchor with the first hit of each later part
        that may join it between lo and hi, or None: a part has none there, or a veto."""
        chosen = [anchor]
        for number in range(2, len(hits) + 1):
            n = number - 1
            pick = self._first(hits[n], starts[n], reach[n], number, chosen, lo=lo, hi=hi, phrase_from=phrase_from)
            if pick is None:
                return None
            chosen.append(pick)
        start, end = min(h.start for h in chosen), max(h.end for h in chosen)
        v_lo, v_hi = self._scope(self.unless_within, analysis, Hit(start, end))
        if _vetoed(vetoes, veto_starts, v_lo, v_hi):
            return None
        if self.report is not None:
            return chosen[self.report - 1].start, chosen[self.report - 1].end
        return start, end


def _vetoed(vetoes: list[Hit], starts: list[int], lo: int, hi: int) -> bool:
    """Whether a veto (sorted by start) lies within lo..hi: only those that start there are looked at."""
    for i in range(bisect_left(starts, lo), len(vetoes)):
        if vetoes[i].start > hi:
            return False
        if vetoes[i].end <= hi:
            return True
    return False


def _within(value: Any, where: str, key: str) -> Scope:
    if not (value in _SCOPES or (isinstance(value, int) and not isinstance(value, bool) and value > 0)):
        raise RuleError(
            where,
            f"`{key}` は {', '.join(_SCOPES)} か正の文字数です (値: {value!r})",
            f"`{key}` is {', '.join(_SCOPES)} or a positive number of characters, not {value!r}",
        )
    scope: Scope = value  # checked above
    return scope


@kind("construction", options=("within", "ordered", "unless", "unless_within", "report", "adjacent"))
def compile_construction(spec: dict[str, Any], where: str) -> Construction:
    parts = _parts(spec["construction"], where, "construction")
    if len(parts) < 2:
        raise RuleError(
            where, "`construction` には 2 つ以上の部分を書いてください", "`construction` needs two parts or more"
        )
    unless = _parts(spec["unless"], where, "unless") if "unless" in spec else ()
    within = _within(spec.get("within", "sentence"), where, "within")
    unless_within = _within(spec.get("unless_within", within), where, "unless_within")
    report = spec.get("report")
    if report is not None and not (
        isinstance(report, int) and not isinstance(report, bool) and 1 <= report <= len(parts)
    ):
        raise RuleError(
            where,
            f"`report` は 1 から {len(parts)} までの部分の番号です (値: {report!r})",
            f"`report` is a part number from 1 to {len(parts)}, not {report!r}",
        )
    ordered = spec.get("ordered", False)
    if ordered not in _ORDERS or (ordered in (0, 1) and not isinstance(ordered, bool)):
        raise RuleError(
            where,
            f"`ordered` は true、false か phrase です (値: {ordered!r})",
            f"`ordered` is true, false or phrase, not {ordered!r}",
        )
    adjacent = spec.get("adjacent", [])
    if not (
        isinstance(adjacent, list)
        and all(isinstance(n, int) and not isinstance(n, bool) and 2 <= n <= len(parts) for n in adjacent)
        and (not adjacent or ordered)
    ):
        raise RuleError(
            where,
            f"`adjacent` は ordered とともに、2 から {len(parts)} までの部分の番号の並びです (値: {adjacent!r})",
            f"`adjacent` is a list of part numbers from 2 to {len(parts)}, with ordered, not {adjacent!r}",
        )
    return Construction(parts, unless, within, unless_within, ordered, report, frozenset(adjacent))
