"""Personal-information detectors shared by the privacy kinds (5(3), 6(1)①).

Each detector runs once per draft (`Analysis.memo`) because several rules combine them:
a phone number next to a private person's name is worse than either alone. Items on one
line of a post belong together: `Analysis.line_span` gives that line.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator, Sequence
from operator import attrgetter
from typing import Protocol, TypeVar


class Span(Protocol):
    """A found item's view offsets (a Name, a Phone)."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


Item = TypeVar("Item", bound=Span)


def within(found: Sequence[Item], lo: int, hi: int) -> Iterator[Item]:
    """The items of `found` (names or phones, sorted by start) that lie inside [lo, hi), in
    order. Found by a binary search: a scan of every name per line or per name made a long
    draft quadratic (a 10 MB draft spent a minute there)."""
    for k in range(bisect_left(found, lo, key=attrgetter("start")), len(found)):
        item = found[k]
        if item.start >= hi:
            return
        if item.end <= hi:
            yield item
