"""A progress bar on long runs in a terminal (stderr), never in machine formats or pipes.
rich.progress is imported only when a bar is shown, to keep short runs starting fast."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager

LONG_RUN = 50  # drafts; fewer finish before a bar would be worth drawing


def wanted(count: int, machine_format: bool, quiet: bool) -> bool:
    return count >= LONG_RUN and not machine_format and not quiet and sys.stderr.isatty()


@contextmanager
def progress(total: int, enabled: bool, label: str, color: bool | None = None) -> Iterator[Callable[[], None]]:
    """Yields `advance()`, to call once per finished draft (workers finish out of sight)."""
    if not enabled:
        yield lambda: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    console = Console(stderr=True, no_color=color is False)
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*columns, console=console, transient=True) as bar:
        task = bar.add_task(label, total=total)
        yield lambda: bar.advance(task)
