"""Counting a post the way each platform does (domain-notes §1).

The counted text is the body without HTML comments (they are not posted) and without
leading and trailing blank space. A measure turns it into units (start, end, cost) with
original-file offsets, so a limit check can say where the text crosses the limit.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, Iterator

from sm_lint.extract import extract_entities
from sm_lint.resources import rules_root
from sm_lint.yamlsafe import load_yaml

_COMMENT = re.compile(r"^[ \t]*<!--.*?-->[ \t]*(?:\r?\n|\Z)|<!--.*?-->", re.S | re.M)


@dataclass(frozen=True)
class PostText:
    text: str
    offsets: tuple[int, ...]  # original offset of each character; one past the end last


def post_text(text: str, base: int = 0) -> PostText:
    chars: list[str] = []
    offsets: list[int] = []
    pos = 0
    for m in [*_COMMENT.finditer(text), None]:
        stop = m.start() if m else len(text)
        chars.append(text[pos:stop])
        offsets.extend(range(base + pos, base + stop))
        pos = m.end() if m else pos
    return _trimmed("".join(chars), offsets, base)


def _trimmed(text: str, offsets: list[int] | tuple[int, ...], empty_at: int) -> PostText:
    """`text` without surrounding blank space, each character keeping its original offset."""
    lead = len(text) - len(text.lstrip())
    kept = text.strip()
    kept_offsets = tuple(offsets[lead:lead + len(kept)])
    return PostText(kept, kept_offsets + ((kept_offsets[-1] + 1,) if kept_offsets else (empty_at,)))


def split_lines(post: PostText, marker: str) -> list[PostText]:
    """LINE speech bubbles: the parts between lines that are exactly `marker`."""
    parts, start = [], 0
    for m in re.finditer(rf"^[ \t]*{re.escape(marker)}[ \t]*$", post.text, re.M):
        parts.append((start, m.start()))
        start = m.end()
    parts.append((start, len(post.text)))
    bubbles = [_trimmed(post.text[a:b], post.offsets[a:b], post.offsets[a]) for a, b in parts]
    return [b for b in bubbles if b.text]  # a marker at the start or end makes no empty bubble


Unit = tuple[int, int, int]  # start, end (indices into PostText.text), cost
Measure = Callable[[PostText], Iterator[Unit]]


def characters(post: PostText) -> Iterator[Unit]:
    for i in range(len(post.text)):
        yield i, i + 1, 1


def utf16_units(post: PostText) -> Iterator[Unit]:
    for i, ch in enumerate(post.text):
        yield i, i + 1, 2 if ord(ch) > 0xFFFF else 1


def utf8_bytes(post: PostText) -> Iterator[Unit]:
    for i, ch in enumerate(post.text):
        yield i, i + 1, len(ch.encode("utf-8"))


def hashtags(post: PostText) -> Iterator[Unit]:
    for e in extract_entities(post.text):
        if e.kind == "hashtag":
            yield e.start, e.end, 1


@lru_cache(maxsize=1)
def x_config() -> dict:
    return load_yaml((rules_root() / "platforms" / "x-weights.yaml").read_text(encoding="utf-8"))


# A pictograph with modifiers (variation selector, skin tone, tags) and ZWJ-joined partners,
# a flag (two regional indicators) or a keycap: one emoji, whatever its code points.
_PICT = "\u00a9\u00ae\u203c\u2049\u2122\u2139\u2194-\u21aa\u231a-\u23ff\u24c2\u25aa-\u27bf\u2934\u2935\u2b05-\u2b55\u3030\u303d\u3297\u3299\U0001f000-\U0001faff"
_MOD = "\ufe0f\U0001f3fb-\U0001f3ff\U000e0020-\U000e007f"
_EMOJI = re.compile(
    rf"[\U0001F1E6-\U0001F1FF]{{2}}|[0-9#*]\ufe0f?\u20e3"
    rf"|[{_PICT}][{_MOD}]*(?:\u200d[{_PICT}][{_MOD}]*)+|[{_PICT}][{_MOD}]+"
)


@lru_cache(maxsize=1)
def _bare_domain() -> re.Pattern:
    tlds = sorted(x_config()["bare_domain_tlds"], key=len, reverse=True)
    return re.compile(
        r"(?<![A-Za-z0-9@$#＃＠_./-])(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+(?:"
        + "|".join(re.escape(t) for t in tlds)
        + r")(?![A-Za-z0-9-])(?:/[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]*)?",
        re.I,
    )


def x_weighted(post: PostText) -> Iterator[Unit]:
    """twitter-text v3 weights, in hundredths (scale); divide the total by the scale."""
    cfg = x_config()
    text = post.text
    special: dict[int, tuple[int, int]] = {}  # start -> (end, cost)
    for e in extract_entities(text):
        if e.kind == "url" and e.text.lower().startswith(("http://", "https://", "www.")):
            special[e.start] = (e.end, cfg["transformed_url_length"] * cfg["scale"])
    for m in _bare_domain().finditer(text):
        if not any(s <= m.start() < end for s, (end, _) in special.items()):
            special[m.start()] = (m.end(), cfg["transformed_url_length"] * cfg["scale"])
    for m in _EMOJI.finditer(text):
        if not any(s <= m.start() < end for s, (end, _) in special.items()):
            special[m.start()] = (m.end(), cfg["default_weight"])
    ranges = [(r["start"], r["end"], r["weight"]) for r in cfg["ranges"]]
    i = 0
    while i < len(text):
        if i in special:
            end, cost = special[i]
            yield i, end, cost
            i = end
            continue
        # NFC first (twitter-text does): a base letter and its combining marks are one unit.
        j = i + 1
        while j < len(text) and unicodedata.combining(text[j]):
            j += 1
        cost = 0
        for ch in unicodedata.normalize("NFC", text[i:j]):
            code = ord(ch)
            cost += next((w for a, b, w in ranges if a <= code <= b), cfg["default_weight"])
        yield i, j, cost
        i = j


MEASURES: dict[str, tuple[Measure, int]] = {  # name -> (measure, scale of its costs)
    "characters": (characters, 1),
    "utf16": (utf16_units, 1),
    "bytes": (utf8_bytes, 1),
    "hashtags": (hashtags, 1),
    "x-weighted": (x_weighted, 100),
}


def crossing(units: Iterator[Unit], limit: int, scale: int = 1) -> tuple[int, int | None]:
    """(total, start index of the first unit beyond the limit or None)."""
    total, first_over = 0, None
    for start, _end, cost in units:
        total += cost
        if first_over is None and total > limit * scale:
            first_over = start
    return total // scale, first_over
