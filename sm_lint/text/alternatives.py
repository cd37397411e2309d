"""A built-in backtracking pattern written as a list of alternatives (`regex: {file: ...}`,
`regex: [...]`), tried at one position without compiling the whole of it with `re`.

The built-in lists with look-arounds (person-verdicts.txt, casual-judgments.txt, ...) are joined
into alternations of 2,000-2,700 characters. Python's `re` compiles such a pattern in about a
millisecond and a half, most of it in pure Python: on 1,000 drafts the 54 built-in patterns
RE2 cannot run cost 0.75 G instructions to compile, a twelfth of the whole run. At a position
where the pattern's prefilter found a start (saferegex.Guarded._starts), its match is that of
its first alternative to match there. One anchored RE2 Set of the alternatives (each without
its assertions, so that it matches wherever the alternative does) tells which of them could;
those are tried in their order, one without assertions (nor `^`) on RE2 and any other on
`re`, compiled one alternative at a time, when first needed.
"""

from __future__ import annotations

import re
from typing import Any

import re2

from sm_lint.text.regexmatch import Shifted
from sm_lint.text.regexsyntax import to_re2, without_assertions

# Every RE2 pattern of sm-lint is compiled with these (saferegex.py's too, as RE2_OPTIONS).
OPTIONS = re2.Options()
OPTIONS.log_errors = False  # RE2 would print its own parse errors on stderr

# `^` (but for a class's negation) or `\A`: RE2 given the text from a position on would take
# that position for the text's start (a few escaped or literal carets are taken for one too).
_START = re.compile(r"(?<!\[)\^|\\A")


class Alternatives:
    """The alternatives of one pattern that has no group (so an alternative alone matches
    what it matches inside the whole)."""

    def __init__(self, sources: tuple[str, ...], ignorecase: bool) -> None:
        self.sources, self.ignorecase = sources, ignorecase
        self._set: Any = None  # the anchored RE2 Set, built on first use
        self._owners: list[int] = []  # the Set's pattern number -> the alternative's
        self._always: list[int] = []  # alternatives RE2 cannot tell anything of: always tried
        self._compiled: dict[int, Any] = {}  # alternative -> its compiled pattern (RE2 or re)
        self._linear: dict[int, bool] = {}  # alternative -> whether RE2 runs it as written

    def __getstate__(self) -> dict[str, Any]:
        return {**self.__dict__, "_set": None, "_owners": [], "_always": [], "_compiled": {}, "_linear": {}}

    def _build(self) -> bool:
        """The anchored Set; False where RE2 cannot build it (the caller matches as before)."""
        anchored = re2.Set.MatchSet(OPTIONS)
        try:
            for i, source in enumerate(self.sources):
                stripped = without_assertions(source)
                sign = to_re2(source if stripped is None else stripped)
                self._linear[i] = stripped is None and sign is not None and not _START.search(source)
                if sign is None:
                    self._always.append(i)
                    continue
                anchored.Add(f"(?i){sign}" if self.ignorecase else sign)
                self._owners.append(i)
            # The binding drops RE2's "DFA out of memory" and returns no match at all: the
            # empty pattern matches at every start, so its absence says the pass failed.
            anchored.Add("")
            anchored.Compile()
        except re2.error:
            return False
        self._set = anchored
        return True

    def match(self, text: str, pos: int, endpos: int) -> Any:
        """What the whole pattern's `re` match at `pos` gives (None for no match), or False
        where this cannot tell (the caller asks `re` itself)."""
        if self._set is None and not self._build():
            return False
        found = self._set.Match(text[pos:endpos]) or []
        if len(self._owners) not in found:
            return False
        for i in sorted([self._owners[k] for k in found if k < len(self._owners)] + self._always):
            hit = self._compiled_one(i).match(text, pos, endpos)
            if hit is not None:
                return hit
        return None

    def _compiled_one(self, i: int) -> Any:
        """Alternative i compiled: on RE2 if it has no assertions (a slice from `pos` is all
        it reads), else on `re` (look-arounds read the text around `pos`)."""
        compiled = self._compiled.get(i)
        if compiled is None:
            flags = re.IGNORECASE if self.ignorecase else 0
            if self._linear[i]:
                sign = to_re2(self.sources[i])
                compiled = _Anchored(re2.compile(f"(?i){sign}" if self.ignorecase else sign, OPTIONS))
            else:
                compiled = re.compile(self.sources[i], flags)
            self._compiled[i] = compiled
        return compiled


class _Anchored:
    """An RE2 pattern matched at `pos`, given only the text from there (it has no assertion
    to look before it), with its offsets in the whole text."""

    def __init__(self, compiled: Any) -> None:
        self.compiled = compiled

    def match(self, text: str, pos: int, endpos: int) -> Any:
        hit = self.compiled.match(text[pos:endpos])
        return None if hit is None else Shifted(hit, pos) if pos else hit
