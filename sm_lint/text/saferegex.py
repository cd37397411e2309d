"""Regular expressions written by users (rule packs), bounded so none can hang the linter.

The syntax is Python's `re`, checked at load so a broken pattern is a RuleError there.
A pattern then runs on RE2 (linear time, no catastrophic backtracking) when RE2 means the
same thing by it; Python's `\\d \\w \\s` are Unicode-aware, so they are rewritten as RE2
Unicode classes. What RE2 cannot do (look-arounds, back-references, `\\b`, `$`, ...) runs on
the `regex` module with a time limit. A pattern that hits it is disabled for the rest of the
run (each search of it would cost the limit again: 10 drafts took 189 s): the first timeout is
reported, later searches of it are skipped at once (RegexDisabled) and said no more. With
`--jobs`, the run's worker processes share that (regexbudget.RunBudget): a pattern's
timed-out searches are paid once per run, not once per process.

The built-in pack's own patterns are not users' data: they are reviewed, tested and fuzzed
with the code, so those RE2 cannot run go to Python's `re` (already loaded) instead of the
`regex` module, which alone cost a tenth of a cold start to import and compile with.
A backtracking pattern first asks RE2 whether it could match at all and where (see Guarded), and
patterns read from the rule cache are compiled on first use (see _Lazy).
"""

from __future__ import annotations

import re
import sys
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, TypeAlias

import re2

from sm_lint.errors import RuleError
from sm_lint.text import regexbudget
from sm_lint.text.alternatives import OPTIONS as RE2_OPTIONS  # one set of RE2 options for every pattern
from sm_lint.text.alternatives import Alternatives
from sm_lint.text.regexmatch import RegexMatch, Shifted
from sm_lint.text.regexsyntax import for_regex_module, needles, to_re2, without_assertions

MATCH_SECONDS = 5.0  # per search; a sane pattern needs milliseconds even on a 5 MB draft

_SLICE_LIMIT = 4096  # characters of a window given to RE2 as a copy
_NEEDLE_CHARS = 20_000  # texts up to this long are looked through for a pattern's needles
_STARTS = 16  # starts of a prefilter's matches a backtracking pattern is tried at (Guarded._starts)


def _shown(source: str) -> str:
    return repr(source if len(source) <= 60 else source[:57] + "...")


class RegexTimeout(RuleError):
    """A pattern ran longer than MATCH_SECONDS on one draft: it is disabled from now on."""


class RegexDisabled(RegexTimeout):
    """A search of a pattern that timed out earlier in this run: skipped, already reported."""


class _Lazy:
    """A pattern compiled at load (so a broken one is reported there) and, after the rule
    cache is read, again on first use: unpickling compiled every pattern of every rule,
    which cost a cold start more than linting a short draft."""

    _used = False  # tried at a start without compiling the whole pattern (Guarded._starts)

    def __init__(self, source: str, where: str, ignorecase: bool, bounded: bool) -> None:
        self.source, self.where, self.ignorecase, self.bounded = source, where, ignorecase, bounded
        self._compiled = self._compile()
        self.groups = self._compiled.groups
        self.groupindex = dict(self._compiled.groupindex)
        self.needles = needles(source, ignorecase)

    def _compile(self) -> Any:
        """The compiled pattern (each engine's own)."""
        raise NotImplementedError

    def __getstate__(self) -> dict[str, Any]:
        return {**self.__dict__, "_compiled": None, "_used": False}

    def _absent(self, text: str, pos: int, endpos: int) -> bool:
        """No match can lie between pos and endpos: none of the pattern's needles (literals one
        of which every match holds) is there. Asked only until the pattern is first compiled
        (or used) and on short texts: a cold start then never compiles the patterns (RE2: about
        0.3 ms each) that its draft gives nothing to find."""
        if self._compiled is not None or self._used or self.needles is None or len(text) > _NEEDLE_CHARS:
            return False
        pos = max(pos, 0)
        return not any(text.find(needle, pos, endpos) >= 0 for needle in self.needles)

    @property
    def pattern(self) -> Any:
        """The engine's own compiled pattern (re, regex or RE2: untyped or each its own type)."""
        if self._compiled is None:
            self._compiled = self._compile()
        return self._compiled


class Linear(_Lazy):
    """An RE2 pattern. RE2's Python binding encodes the whole text on every call, so a search
    between `pos` and `endpos` (done per name, per line...) is given only that slice plus the
    character before `pos` (which `^` looks at), and the match offsets are moved back. A long
    window (one search per name on a long line) would still copy it each time: those go to
    the same pattern on the time-limited engine, which searches in place."""

    def __init__(self, source: str, translated: str, where: str, ignorecase: bool, bounded: bool) -> None:
        self.translated = f"(?i){translated}" if ignorecase else translated
        self._in_place: Guarded | None = None
        super().__init__(source, where, ignorecase, bounded)  # re2.error where RE2 cannot

    def _compile(self) -> Any:
        return re2.compile(self.translated, RE2_OPTIONS)

    @property
    def sign(self) -> str:
        """RE2 source that matches somewhere in a text if this pattern does (see sm_lint/rules/gate.py)."""
        return self.translated

    def _window(self, method: str, text: str, pos: int, endpos: int) -> tuple[Any, int]:
        n = len(text)
        pos, endpos = min(max(pos, 0), n), min(max(endpos, 0), n)
        if self._absent(text, pos, endpos):
            return None, 0
        if pos == 0 and endpos == n:
            return getattr(self.pattern, method)(text), 0
        if pos > endpos:
            return None, 0
        if endpos - pos > _SLICE_LIMIT:
            if self._in_place is None:
                self._in_place = Guarded(self.source, self.where, self.ignorecase, self.bounded)
            return getattr(self._in_place, method)(text, pos, endpos), 0
        lo = max(0, pos - 1)
        return getattr(self.pattern, method)(text[lo:endpos], pos - lo), lo

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> RegexMatch | None:
        m, shift = self._window("search", text, pos, endpos)
        return Shifted(m, shift) if m and shift else m

    def match(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> RegexMatch | None:
        m, shift = self._window("match", text, pos, endpos)
        return Shifted(m, shift) if m and shift else m

    def finditer(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[RegexMatch]:
        matches, shift = self._window("finditer", text, pos, endpos)
        return (Shifted(m, shift) for m in matches) if shift else iter(matches or ())

    def fullmatch(self, text: str) -> RegexMatch | None:
        return None if self._absent(text, 0, len(text)) else self.pattern.fullmatch(text)


class Guarded(_Lazy):
    """A backtracking pattern: a user's runs on `regex` and stops every search after
    MATCH_SECONDS; the built-in pack's (`bounded=False`) runs on `re`."""

    def __init__(
        self,
        source: str,
        where: str,
        ignorecase: bool = False,
        bounded: bool = True,
        alternatives: tuple[str, ...] = (),
    ) -> None:
        self.timed_out = False  # set for the rest of the run by the first timeout
        super().__init__(source, where, ignorecase, bounded)
        # a built-in list's alternatives, matched one by one (text/alternatives.py)
        self.alternatives = (
            Alternatives(alternatives, ignorecase)
            if len(alternatives) > 1 and not bounded and not self.groups
            else None
        )
        # The pattern without its look-arounds and other assertions matches wherever the pattern
        # does (they only rule matches out), so where RE2 finds no match of it, there is none.
        stripped = without_assertions(source)
        self.prefilter = _linear(stripped, where, ignorecase, bounded) if stripped else None

    def _compile(self) -> Any:
        return _compile(self.source, self.where, self.ignorecase, self.bounded)

    @property
    def sign(self) -> str | None:
        """The prefilter's RE2 source, or None where RE2 cannot tell (back-references, for one)."""
        return self.prefilter.translated if self.prefilter is not None else None

    def __getstate__(self) -> dict[str, Any]:
        return {**super().__getstate__(), "timed_out": False}  # a new run tries it afresh

    def _timeout(self) -> RegexTimeout:
        self.timed_out = True
        return RegexTimeout(
            self.where,
            f"正規表現 {_shown(self.source)} の照合が {MATCH_SECONDS:g} 秒を超えたため中止しました。"
            "この実行の残りの下書きではこのパターンを使いません。"
            "パターンを単純にしてください (catastrophic backtracking)",
            f"regex {_shown(self.source)} ran longer than {MATCH_SECONDS:g} s on this draft and was stopped, "
            "and is not used for the rest of this run; make the pattern simpler (catastrophic backtracking)",
        )

    @property
    def key(self) -> bytes:
        """The pattern's name in a RunBudget: where it is written, what, and how."""
        return regexbudget.key(f"{self.where}\0{self.source}\0{self.ignorecase}")

    @contextmanager
    def _turn(self) -> Iterator[None]:
        """One bounded search: skipped at once if the pattern timed out earlier in this run
        (in this process or, with a RunBudget, in any), stopped and reported if it times out.
        The budget's lock is waited for as long as one search may take, and a little more: a
        worker that died holding it (or a machine loaded beyond that) leaves this process on
        its own flag, as without a budget, rather than waiting forever, and for the rest of the
        run: the wait is paid once, not by every later search."""
        if self.timed_out:
            raise RegexDisabled(self.where, "", "")
        budget = regexbudget.current()
        held = budget.lock.acquire(timeout=2 * MATCH_SECONDS + 1) if budget is not None else False
        if budget is not None and not held:
            regexbudget.share_budget(None)
        shared = budget if held else None
        try:
            if shared is not None and shared.has(self.key):  # another process paid for it
                self.timed_out = True
                raise RegexDisabled(self.where, "", "")
            try:
                yield
            except TimeoutError:
                if shared is not None:
                    shared.add(self.key)
                raise self._timeout() from None
        finally:
            if shared is not None:
                shared.lock.release()

    def _none_in(self, text: str, pos: int, endpos: int) -> bool:
        return self.prefilter is not None and self.prefilter.search(text, pos, endpos) is None

    def _bounded(self, method: str, text: str, pos: int, endpos: int) -> Any:
        if self._absent(text, pos, endpos):
            return None
        if method == "search" and not self.bounded:
            found = self._starts(text, pos, endpos, True)
            if found is not None:
                return found[0] if found else None
        if self._none_in(text, pos, endpos):
            return None
        if not self.bounded:
            return getattr(self.pattern, method)(text, pos, endpos)
        with self._turn():
            return getattr(self.pattern, method)(text, pos, endpos, timeout=MATCH_SECONDS)

    def _starts(self, text: str, pos: int, endpos: int, first: bool) -> list[RegexMatch] | None:
        """The built-in pattern's matches (only the first where `first`), tried only where a
        match of its prefilter starts: a match of the pattern starts where one of the
        prefilter does (it is the pattern without its assertions), and none starts between two
        that RE2 finds one after the other. `re` alone tries the whole pattern at every
        position of the text (a list of 80 alternatives with look-arounds: a third of a
        millisecond on a 450-character draft); here it is tried at a few. The same matches as
        `re`'s own search, in the same order. After _STARTS starts `re` goes on by itself;
        None where RE2 is not asked: no prefilter, a long window (RE2 is given a copy of it at
        each call), or an empty match (finditer's rules for what may follow one)."""
        prefilter, self._used = self.prefilter, True
        n = len(text)
        pos, endpos = min(max(pos, 0), n), min(max(endpos, 0), n)
        if prefilter is None or endpos - pos > _SLICE_LIMIT:
            return None
        found: list[RegexMatch] = []
        for _ in range(_STARTS):
            start = prefilter.search(text, pos, endpos)
            if start is None:
                return found
            hit = self._match_at(text, start.start(), endpos)
            if hit is None:
                pos = start.start() + 1
                continue
            if hit.end() == hit.start():
                return None
            found.append(hit)
            if first:
                return found
            pos = hit.end()
        if first:
            rest = self.pattern.search(text, pos, endpos)
            return [rest] if rest is not None else []
        return [*found, *self.pattern.finditer(text, pos, endpos)]

    def _match_at(self, text: str, pos: int, endpos: int) -> RegexMatch | None:
        if self.alternatives is not None:
            hit = self.alternatives.match(text, pos, endpos)
            if hit is not False:
                return hit  # type: ignore[no-any-return]
        found: RegexMatch | None = self.pattern.match(text, pos, endpos)
        return found

    def finditer(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[RegexMatch]:
        if self._absent(text, pos, endpos):
            return iter(())
        if not self.bounded:
            found = self._starts(text, pos, endpos, False)
            if found is not None:
                return iter(found)
        if self._none_in(text, pos, endpos):
            return iter(())
        if not self.bounded:
            matches: Iterator[RegexMatch] = self.pattern.finditer(text, pos, endpos)
            return matches
        return self._bounded_finditer(text, pos, endpos)

    def _bounded_finditer(self, text: str, pos: int, endpos: int) -> Iterator[RegexMatch]:
        # all found within the turn: the caller's own searches between two matches would
        # otherwise wait for a lock this search holds
        with self._turn():
            found = list(self.pattern.finditer(text, pos, endpos, timeout=MATCH_SECONDS))
        yield from found

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> RegexMatch | None:
        found: RegexMatch | None = self._bounded("search", text, pos, endpos)
        return found

    def match(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> RegexMatch | None:
        found: RegexMatch | None = self._bounded("match", text, pos, endpos)
        return found

    def fullmatch(self, text: str) -> RegexMatch | None:
        found: RegexMatch | None = self._bounded("fullmatch", text, 0, len(text))
        return found


# A user's compiled pattern: RE2 where it means the same, else a time-limited backtracking one.
UserRegex: TypeAlias = Linear | Guarded


def _compile(source: str, where: str, ignorecase: bool, bounded: bool) -> Any:
    if not bounded:
        return re.compile(source, re.IGNORECASE if ignorecase else 0)
    import regex  # only users' backtracking patterns need it

    try:
        return regex.compile(for_regex_module(source), regex.IGNORECASE if ignorecase else 0)
    except regex.error as exc:
        raise RuleError(
            where,
            f"正規表現 {_shown(source)} がコンパイルできません: {exc}",
            f"regex {_shown(source)} does not compile: {exc}",
        ) from None


_TRUSTED = False  # compiling the built-in pack (see trusted_patterns)


@contextmanager
def trusted_patterns() -> Iterator[None]:
    """Patterns compiled inside are the built-in pack's: they need no time limit."""
    global _TRUSTED
    before, _TRUSTED = _TRUSTED, True
    try:
        yield
    finally:
        _TRUSTED = before


def compile_spec(value: Any, where: str, key: str = "regex", ignorecase: bool = False) -> UserRegex:
    """A rule's regex: one pattern, or a list of alternatives (a list reads better in YAML
    than one long alternation: each item is one alternative)."""
    if isinstance(value, list) and value and all(isinstance(p, str) and p for p in value):
        alternatives, value = tuple(value), "|".join(f"(?:{p})" for p in value)
    else:
        alternatives = ()
    if not isinstance(value, str) or not value:
        raise RuleError(
            where, f"`{key}` は正規表現か正規表現のリストで書いてください", f"`{key}` must be a regex or a list of them"
        )
    return compile_user(value, where, ignorecase, alternatives)


def compile_user(source: str, where: str, ignorecase: bool = False, alternatives: tuple[str, ...] = ()) -> UserRegex:
    """A compiled pattern with finditer/search/fullmatch, groups and groupindex."""
    flags = re.IGNORECASE if ignorecase else 0
    try:
        with warnings.catch_warnings():  # "possible nested set" would print a second line
            warnings.simplefilter("ignore")
            re.compile(source, flags)
    except (re.error, OverflowError, RecursionError) as exc:
        raise RuleError(
            where,
            f"正規表現 {_shown(source)} がコンパイルできません: {exc}",
            f"regex {_shown(source)} does not compile: {exc}",
        ) from None
    linear = _linear(source, where, ignorecase, not _TRUSTED)
    # look-arounds, back-references, ...
    return linear or Guarded(source, where, ignorecase, not _TRUSTED, alternatives)


def _linear(source: str, where: str, ignorecase: bool, bounded: bool) -> Linear | None:
    """The pattern on RE2 with Python's meaning, or None where RE2 cannot run it."""
    translated = to_re2(source)
    if translated is None:
        return None
    try:
        return Linear(source, translated, where, ignorecase, bounded)
    except re2.error:
        return None
