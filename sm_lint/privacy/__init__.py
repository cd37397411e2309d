"""Personal-information detectors shared by the privacy kinds (5(3), 6(1)①).

Each detector runs once per draft (`Analysis.memo`) because several rules combine them:
a phone number next to a private person's name is worse than either alone.
"""

import bisect
import re

from sm_lint.draftcache import draft_cache


@draft_cache(maxsize=2)
def _line_breaks(text: str) -> list[int]:
    return [m.start() for m in re.finditer("\n", text)]


def line_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The line around text[start:end]: items on one line of a post belong together.
    A binary search over the draft's line breaks: scanning for them per item was quadratic
    on a long line."""
    breaks = _line_breaks(text)
    i, j = bisect.bisect_left(breaks, start), bisect.bisect_left(breaks, end)
    return (breaks[i - 1] + 1 if i else 0), (breaks[j] if j < len(breaks) else len(text))
