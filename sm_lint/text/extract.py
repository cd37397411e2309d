"""Links, e-mail addresses, @mentions and #hashtags, found before tokenizing.

Patterns run on the normalized view (so ｈｔｔｐｓ：／／ is seen as https://) and stop at the
first character that cannot be part of the item, so 「https://example.jp/です。」 ends before です.
"""

from __future__ import annotations

import bisect
import re
from typing import NamedTuple

from sm_lint.text.lazyre import lazy_compile
from sm_lint.text.urls import BARE_HOST, is_bare

URL_CHARS = r"[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]"
# A host label may be in any script (上越市.jp, xn--…); the last label is either all ASCII or
# all non-ASCII, so 「https://example.jpです」 stops before です.
_LABEL = r"[^\W_](?:[\w-]*[^\W_])?"
_LAST_LABEL = r"(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?|(?:(?![A-Za-z0-9_])\w)+)"
_HOST = rf"(?:\[[0-9A-Fa-f:.]+\]|(?:{_LABEL}\.)*{_LAST_LABEL}\.?)"
_USERINFO = r"[A-Za-z0-9\-._~!$&'()*+,;=:%]+@"
_WEB = rf"(?:(?:https?|ftp)://(?:{_USERINFO})?|(?=www\.)){_HOST}(?::\d{{1,5}})?(?:[/?#]{URL_CHARS}*)?"
_OTHER = rf"(?:javascript|vbscript|data|file):{URL_CHARS}+"
_URL = lazy_compile(rf"(?<![A-Za-z0-9@./\-])(?:{_WEB}|{_OTHER})", re.I)
# Not after a letter, an @ or # (mail, mention, hashtag), or a dot, slash or hyphen (inside a
# longer name): 「申込みはbit.ly/3xAbCdEから」 still starts at b.
BARE_BEFORE = r"(?<![A-Za-z0-9@#＃＠$_./\-])"
_BARE = lazy_compile(rf"{BARE_BEFORE}{BARE_HOST}/{URL_CHARS}*")
# [label](target "title") — the target is checked, the whole link is reported.
# The label stops at another `[` (as in CommonMark, "[a [b](url)" links only "b"): otherwise
# every `[` of a long line without `]` rescans the rest of it (quadratic).
_MARKDOWN = lazy_compile(
    r"\[(?P<label>[^\[\]\n]*)\]\(\s*<?(?P<target>[^\s()<>]*(?:\([^\s()]*\)[^\s()<>]*)*)>?(?:\s+\"[^\"\n]*\")?\s*\)"
)
_EMAIL = lazy_compile(r"(?<![A-Za-z0-9._%+\-])[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}")
_MENTION = lazy_compile(r"(?<![A-Za-z0-9_@])@[A-Za-z0-9_]{1,30}(?![A-Za-z0-9_@])")
_HASHTAG = lazy_compile(r"(?<![\w&#])#(?!\s)[\w\u30fc\u30fb]+")
_TRAILING = ".,;:!?'\"*"


class Entity(NamedTuple):
    kind: str  # url | email | mention | hashtag
    text: str  # for a Markdown link: its target
    start: int  # view offsets
    end: int
    label: str | None = None  # the visible text of a Markdown link


def _trim_url(text: str) -> str:
    """Drop trailing punctuation and a closing bracket that the URL did not open."""
    while text:
        last = text[-1]
        if (
            last in _TRAILING
            or (last == ")" and text.count("(") < text.count(")"))
            or (last == "]" and text.count("[") < text.count("]"))
        ):
            text = text[:-1]
        else:
            break
    return text


class _Spans:
    """Disjoint spans kept sorted, so an overlap test is a binary search, not a scan: a draft
    with tens of thousands of hashtags took minutes with a scan. A pattern's matches come in
    order and never overlap each other, so they are checked against the earlier patterns' spans
    only and join them in one merge when the pattern is done (an insert per match moved the
    whole list: 80,000 entities took 4 s)."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.pending: list[tuple[int, int]] = []

    def free(self, start: int, end: int) -> bool:
        # Disjoint and sorted, so the last span starting before `end` has the largest end.
        i = bisect.bisect_left(self.starts, end) - 1
        return i < 0 or self.ends[i] <= start

    def add(self, start: int, end: int) -> None:
        self.pending.append((start, end))

    def commit(self) -> None:
        """The current pattern is done: its spans count for the next ones."""
        if self.pending:
            spans = sorted([*zip(self.starts, self.ends, strict=True), *self.pending])
            self.starts, self.ends = [s for s, _ in spans], [e for _, e in spans]
            self.pending = []


def extract_entities(view: str) -> list[Entity]:
    found: list[Entity] = []
    taken = _Spans()
    free = taken.free

    # Each pattern runs only where its sign is present (most drafts have no link at all).
    for m in _MARKDOWN().finditer(view) if "](" in view else ():
        target = m.group("target")
        if _URL().fullmatch(target):
            found.append(Entity("url", target, m.start(), m.end(), m.group("label")))
            taken.add(*m.span())
    taken.commit()
    for m in _URL().finditer(view) if ":" in view or "www." in view.lower() else ():
        text = _trim_url(m.group())
        if len(text) <= len("https:") or not free(m.start(), m.start() + len(text)):
            continue
        found.append(Entity("url", text, m.start(), m.start() + len(text)))
        taken.add(m.start(), m.start() + len(text))
    taken.commit()
    for m in _BARE().finditer(view) if "/" in view else ():
        text = _trim_url(m.group())
        if free(m.start(), m.start() + len(text)) and is_bare(text):
            found.append(Entity("url", text, m.start(), m.start() + len(text)))
            taken.add(m.start(), m.start() + len(text))
    taken.commit()
    for kind, pattern, sign in (("email", _EMAIL, "@"), ("mention", _MENTION, "@"), ("hashtag", _HASHTAG, "#")):
        for m in pattern().finditer(view) if sign in view else ():
            if free(m.start(), m.end()):
                found.append(Entity(kind, m.group(), m.start(), m.end()))
                taken.add(m.start(), m.end())
        taken.commit()
    found.sort(key=lambda e: e.start)
    return found
