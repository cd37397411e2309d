"""Counting a post the way each platform does (domain-notes §1).

The counted text is the body without HTML comments (they are not posted) and without
leading and trailing blank space. A measure turns it into units (start, end, cost) with
original-file offsets, so a limit check can say where the text crosses the limit.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from array import array
from collections.abc import Callable, Iterator
from functools import lru_cache
from typing import Any, NamedTuple

from sm_lint.io import rulecache
from sm_lint.io.resources import rules_root
from sm_lint.io.yamlsafe import load_yaml
from sm_lint.text.extract import BARE_BEFORE, URL_CHARS, extract_entities
from sm_lint.text.lazyre import lazy_compile
from sm_lint.text.textnorm import normalize
from sm_lint.text.urls import HOST_LABELS, is_bare

_COMMENT = re.compile(r"^[ \t]*<!--.*?-->[ \t]*(?:\r?\n|\Z)|<!--.*?-->", re.S | re.M)


class PostText(NamedTuple):
    text: str
    # original offset of each character, one past the end last: 4 bytes each (a tuple of
    # Python ints took 36 a character, 12 bytes of memory per byte of a large Japanese draft)
    offsets: array[int]


def post_text(text: str, base: int = 0) -> PostText:
    chars: list[str] = []
    offsets = array("I")
    pos = 0
    for m in [*_COMMENT.finditer(text), None]:
        stop = m.start() if m else len(text)
        chars.append(text[pos:stop])
        offsets.extend(range(base + pos, base + stop))
        pos = m.end() if m else pos
    return _trimmed("".join(chars), offsets, base)


def _trimmed(text: str, offsets: array[int], empty_at: int) -> PostText:
    """`text` without surrounding blank space, each character keeping its original offset."""
    lead = len(text) - len(text.lstrip())
    kept = text.strip()
    kept_offsets = offsets[lead : lead + len(kept)]  # a copy
    kept_offsets.append(kept_offsets[-1] + 1 if kept_offsets else empty_at)
    return PostText(kept, kept_offsets)


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


def _hashtag_spans(text: str) -> list[tuple[int, int]]:
    """Hashtags as the linter sees them (full-width ＃ included), as spans of `text`."""
    view = normalize(text)
    return [view.to_original(e.start, e.end) for e in extract_entities(view.text) if e.kind == "hashtag"]


def hashtags(post: PostText) -> Iterator[Unit]:
    for start, end in _hashtag_spans(post.text):
        yield start, end, 1


@lru_cache(maxsize=1)
def x_config() -> dict[str, Any]:
    return rulecache.cached(
        rules_root() / "platforms" / "x-weights.yaml", lambda path: load_yaml(path.read_text(encoding="utf-8"))
    )


# A pictograph with modifiers (variation selector, skin tone, tags) and ZWJ-joined partners,
# a flag (two regional indicators) or a keycap: one emoji, whatever its code points.
_PICT = (
    "\u00a9\u00ae\u203c\u2049\u2122\u2139\u2194-\u21aa\u231a-\u23ff\u24c2\u25aa-\u27bf\u2934\u2935"
    "\u2b05-\u2b55\u3030\u303d\u3297\u3299\U0001f000-\U0001faff"
)
_MOD = "\ufe0f\U0001f3fb-\U0001f3ff\U000e0020-\U000e007f"
_EMOJI = lazy_compile(
    rf"[\U0001F1E6-\U0001F1FF]{{2}}|[0-9#*]\ufe0f?\u20e3"
    rf"|[{_PICT}][{_MOD}]*(?:\u200d[{_PICT}][{_MOD}]*)+|[{_PICT}][{_MOD}]+"
)


@lru_cache(maxsize=1)
def _bare_domain() -> re.Pattern[str]:
    tlds = sorted(x_config()["bare_domain_tlds"], key=len, reverse=True)
    return re.compile(
        rf"{BARE_BEFORE}{HOST_LABELS}(?:{'|'.join(map(re.escape, tlds))})(?![A-Za-z0-9-])(?:/{URL_CHARS}*)?",
        re.I,
    )


def _x_specials(text: str) -> dict[int, tuple[int, int]]:
    """URLs (each 23) and emoji (each 2), by start index: start -> (end, cost)."""
    cfg = x_config()
    url_cost = cfg["transformed_url_length"] * cfg["scale"]
    special: dict[int, tuple[int, int]] = {}
    spans: list[tuple[int, int]] = []  # sorted (start, end) of what is already counted

    def add(start: int, end: int, cost: int) -> None:
        i = bisect.bisect_right(spans, (start, float("inf")))
        if i and spans[i - 1][1] > start:  # inside a URL (or domain) counted already
            return
        spans.insert(i, (start, end))
        special[start] = (end, cost)

    for e in extract_entities(text):
        if e.kind == "url" and (e.text.lower().startswith(("http://", "https://", "www.")) or is_bare(e.text)):
            add(e.start, e.end, url_cost)
    for m in _bare_domain().finditer(text):
        add(m.start(), m.end(), url_cost)
    for m in _EMOJI().finditer(text):
        add(m.start(), m.end(), cfg["default_weight"])
    return special


@lru_cache(maxsize=1)
def _classes() -> list[tuple[re.Pattern[str], int]]:
    """One character class per weight of the configured ranges, so C code counts them."""
    by_weight: dict[int, str] = {}
    for r in x_config()["ranges"]:
        by_weight[r["weight"]] = (
            by_weight.get(r["weight"], "") + f"{re.escape(chr(r['start']))}-{re.escape(chr(r['end']))}"
        )
    return [(re.compile(f"[{chars}]"), weight) for weight, chars in by_weight.items()]


def x_weighted(post: PostText) -> Iterator[Unit]:
    """twitter-text v3 weights, in hundredths (scale); divide the total by the scale."""
    text = post.text
    special = _x_specials(text)
    combining = unicodedata.combining
    i = 0
    while i < len(text):
        if i in special:
            end, cost = special[i]
            yield i, end, cost
            i = end
            continue
        # NFC first (twitter-text does): a base letter and its combining marks are one unit.
        j = i + 1
        while j < len(text) and combining(text[j]):
            j += 1
        yield i, j, _x_cost(text[i:j])
        i = j


@lru_cache(maxsize=4096)
def _x_cost(unit: str) -> int:
    cfg = x_config()
    cost = 0
    for ch in unicodedata.normalize("NFC", unit):
        code = ord(ch)
        cost += next((r["weight"] for r in cfg["ranges"] if r["start"] <= code <= r["end"]), cfg["default_weight"])
    return cost


def x_weighted_total(post: PostText) -> int:
    """The same sum as x_weighted, without a Python step per character."""
    cfg = x_config()
    text, special = post.text, _x_specials(post.text)
    total, gaps, i = 0, [], 0
    for start in sorted(special):
        end, cost = special[start]
        gaps.append(text[i:start])
        total += cost
        i = end
    gaps.append(text[i:])
    for gap in gaps:
        gap = unicodedata.normalize("NFC", gap)
        counted = 0
        for pattern, weight in _classes():
            n = pattern.subn("", gap)[1]
            total += n * weight
            counted += n
        total += (len(gap) - counted) * cfg["default_weight"]
    return total


MEASURES: dict[str, tuple[Measure, int]] = {  # name -> (measure, scale of its costs)
    "characters": (characters, 1),
    "utf16": (utf16_units, 1),
    "bytes": (utf8_bytes, 1),
    "hashtags": (hashtags, 1),
    "x-weighted": (x_weighted, 100),
}


# Fast totals: a draft within its limit needs no per-unit walk to find where it crosses.
TOTALS: dict[str, Callable[[PostText], int]] = {
    "characters": lambda post: len(post.text),
    "utf16": lambda post: len(post.text.encode("utf-16-le")) // 2,
    "bytes": lambda post: len(post.text.encode("utf-8", "surrogatepass")),
    "hashtags": lambda post: len(_hashtag_spans(post.text)),
    "x-weighted": x_weighted_total,
}


def crossing(units: Iterator[Unit], limit: int, scale: int = 1) -> tuple[int, int | None]:
    """(total, start index of the first unit beyond the limit or None)."""
    total, first_over = 0, None
    for start, _end, cost in units:
        total += cost
        if first_over is None and total > limit * scale:
            first_over = start
    return total // scale, first_over
