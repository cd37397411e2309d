"""A pattern in Python's `re` syntax spelled for the engine that runs it: RE2 (where it means
the same there) or the `regex` module, and the parts that only rule matches out (see
saferegex.py for why and when each engine runs)."""

from __future__ import annotations

import re
from typing import Any

import re2

from sm_lint.text.lazyre import lazy_compile

# Python's classes (str.isdecimal / isalnum / isspace) spelled as RE2 class bodies.
CLASSES = {
    "d": r"\p{Nd}",
    "w": r"\p{L}\p{N}_",
    "s": r"\t\n\x0b\x0c\r\x1c-\x1f\x85\p{Z}",
}
_VERBOSE = lazy_compile(r"\(\?[aiLmsux]*x")  # an inline (?x) flag
# Python's \b between a word character and another character (or an end), for `regex`.
_WORD = f"[{CLASSES['w']}]"
_BOUNDARIES = {
    "b": f"(?:(?<={_WORD})(?!{_WORD})|(?<!{_WORD})(?={_WORD}))",
    "B": f"(?:(?<={_WORD})(?={_WORD})|(?<!{_WORD})(?!{_WORD}))",
}


def to_re2(source: str) -> str | None:
    """The same pattern in RE2 syntax, or None where the meaning would differ."""
    return _translate(source, re2_syntax=True)


def for_regex_module(source: str) -> str:
    r"""The same pattern for the `regex` module: it reads \s as White_Space (not \x1c-\x1f),
    \w and \b with combining marks, and [[:alpha:]] as a POSIX class, where Python's re does
    not. A negated class inside a class (`[^\S]`) keeps the module's reading, and so does a
    verbose pattern (its comments may hold any bracket)."""
    if _VERBOSE().search(source):
        return source
    translated = _translate(source, re2_syntax=False)
    assert translated is not None  # only RE2's syntax can lack a spelling
    return translated


def _translate(source: str, re2_syntax: bool) -> str | None:
    r"""Python's \d \w \s spelled as Unicode classes, and what the target engine reads
    differently rewritten; None where RE2 cannot mean the same."""
    out: list[str] = []
    in_class = False
    i, n = 0, len(source)
    while i < n:
        c = source[i]
        if c == "\\" and i + 1 < n:
            e = source[i + 1]
            if e.lower() in CLASSES:
                body = CLASSES[e.lower()]
                if e.islower():
                    out.append(body if in_class else f"[{body}]")
                elif in_class:
                    if re2_syntax:
                        return None  # a negated class inside a class has no RE2 spelling
                    out.append(source[i : i + 2])
                else:
                    out.append(f"[^{body}]")
            elif e in "bB" and (re2_syntax or not in_class):  # in a class, \b is a backspace
                if re2_syntax:
                    return None  # RE2's word boundary is ASCII-only
                out.append(_BOUNDARIES[e])
            elif e == "Z" and re2_syntax:
                out.append(r"\z")
            elif e in "uU" and re2_syntax:  # \u20AC and \U0001F600 are RE2's \x{20AC}, \x{1F600}
                digits = 4 if e == "u" else 8
                code = source[i + 2 : i + 2 + digits]
                if len(code) != digits or not all(h in "0123456789abcdefABCDEF" for h in code):
                    return None
                out.append(f"\\x{{{code}}}")
                i += 2 + digits
                continue
            else:
                out.append(source[i : i + 2])
            i += 2
            continue
        if in_class:
            if c == "[":
                if re2_syntax:
                    return None  # RE2 reads [: as a POSIX class, Python as a literal
                out.append("\\[")
                i += 1
                continue
            if c == "]":
                in_class = False
        elif c == "[":
            in_class = True
            out.append(c)
            i += 1
            if source.startswith("^", i):
                out.append("^")
                i += 1
            if source.startswith("]", i):  # a leading ] is literal in Python
                out.append(r"\]")
                i += 1
            continue
        elif re2_syntax and (c == "$" or source.startswith("{,", i)):
            return None  # Python's $ also matches before a final newline; {,n} is literal in RE2
        out.append(c)
        i += 1
    return "".join(out)


_LOOK_AROUND = ("(?=", "(?!", "(?<=", "(?<!")


def without_assertions(source: str) -> str | None:
    """`source` without what only rules matches out: look-around groups, `$`, `\\b` and `\\B`
    (RE2 reads none of them as Python does), or None if it has none."""
    out: list[str] = []
    i, n, depth, skip_from = 0, len(source), 0, None  # depth: open groups inside a look-around
    while i < n:
        c = source[i]
        if (c == "\\" and source[i + 1 : i + 2] in ("b", "B")) or c == "$":
            i += 2 if c == "\\" else 1  # zero width: nothing to keep
            continue
        if c == "\\":
            step = 2
        elif c == "[":  # a class: up to its closing ], which may come first ([]...] or [^]...])
            j = i + 1 + source.startswith("^", i + 1)
            j += source.startswith("]", j)
            while j < n and source[j] != "]":
                j += 2 if source[j] == "\\" else 1
            step = j + 1 - i
        elif c == "(" and skip_from is None and source.startswith(_LOOK_AROUND, i):
            skip_from, depth, step = i, 1, 1
        elif c == "(" and skip_from is not None:
            depth, step = depth + 1, 1
        elif c == ")" and skip_from is not None:
            depth, step = depth - 1, 1
            if depth == 0:
                skip_from = None
                i += 1
                continue
        else:
            step = 1
        if skip_from is None:
            out.append(source[i : i + step])
        i += step
    stripped = "".join(out)
    return stripped if stripped != source and skip_from is None else None


_MAX_NEEDLES = 32  # more literals than this are no cheaper to look for than compiling the pattern


def needles(source: str, ignorecase: bool = False, most: int = _MAX_NEEDLES) -> tuple[str, ...] | None:
    """Literal strings one of which every match of `source` holds, or None where the pattern
    names none, more than `most` (a class or alternation of more), or only case-blind ones
    (Unicode case folding is more than str.lower). Read
    from Python's own parse of the pattern: a concatenation needs all its parts, so the best
    part's literals will do; an alternation needs one of its branches'; a repeat at least once
    needs its body's; anything else (classes of many characters, look-arounds, anchors,
    back-references) names nothing."""
    import warnings

    try:
        with warnings.catch_warnings():  # "possible nested set": compiling the pattern said it already
            warnings.simplefilter("ignore")
            parsed = _parser().parse(source, re.IGNORECASE if ignorecase else 0)
        if parsed.state.flags & (re.IGNORECASE | re.VERBOSE):
            return None
        found = _sequence(list(parsed), most)
    except Exception:  # a construct this reading does not know: no needles, never a wrong one
        return None
    return tuple(sorted(found)) if found else None


def _parser() -> Any:
    """Python's own parser of regexes, `re._parser` (3.11 on), with the op codes of
    `re._constants` it re-exports (LITERAL, IN, BRANCH, ...). It is private, so typeshed's `re`
    does not name it, and its public aliases `sre_parse`/`sre_constants` warn when imported.
    Any, on purpose: the value of a parsed item is shaped by its op (a code point for LITERAL, a
    4-tuple for SUBPATTERN, ...), which no stub can tie to the op; the readers below look at
    the op first."""
    from re import _parser  # type: ignore[attr-defined]  # private (see above); present from 3.11

    return _parser


def _sequence(items: list[tuple[Any, Any]], most: int) -> set[str] | None:
    """Needles of a concatenation: those of its part with the longest shortest needle, runs of
    single characters joined into one string."""
    c = _parser()

    best: set[str] | None = None
    run: list[str] = []
    for op, value in [*items, (None, None)]:
        if op is c.LITERAL:
            run.append(chr(value))
            continue
        for found in ({"".join(run)} if run else None, _part(op, value, most) if op is not None else None):
            if found and (best is None or (min(map(len, found)), -len(found)) > (min(map(len, best)), -len(best))):
                best = found
        run = []
    return best


def _part(op: Any, value: Any, most: int) -> set[str] | None:
    c = _parser()

    if op is c.IN:
        chars: set[str] = set()
        for kind, item in value:
            if kind is c.LITERAL:
                chars.add(chr(item))
            elif kind is c.RANGE and item[1] - item[0] < most:
                chars.update(map(chr, range(item[0], item[1] + 1)))
            else:  # NEGATE, CATEGORY (\d \w \s), a wide range
                return None
        return chars if len(chars) <= most else None
    if op is c.SUBPATTERN:
        _, add_flags, _, body = value
        return None if add_flags & re.IGNORECASE else _sequence(list(body), most)
    if op is c.ATOMIC_GROUP:
        return _sequence(list(value), most)
    if op is c.BRANCH:
        found: set[str] = set()
        for branch in value[1]:
            one = _sequence(list(branch), most)
            if not one:
                return None
            found |= one
        return found if len(found) <= most else None
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
        low, _, body = value
        return _sequence(list(body), most) if low >= 1 else None
    return None


def re2_literal(text: str) -> str:
    """RE2 source that matches `text` as written (RE2's own QuoteMeta)."""
    escaped: str = re2.escape(text)
    return escaped
