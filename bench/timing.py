"""The timing the bench scripts share: the best of a few runs, in milliseconds."""

from __future__ import annotations

import time


def best(repeats: int, run) -> float:
    """Best wall time of `run()` in milliseconds (the run least disturbed by the machine)."""
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return min(times) * 1000
