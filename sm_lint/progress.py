"""A progress bar on long runs in a terminal (stderr), never in machine formats or pipes.
rich.progress is imported only when a bar is shown, to keep short runs starting fast."""

from __future__ import annotations

import sys
from contextlib import contextmanager
from typing import Iterable, Iterator, Sequence, TypeVar

T = TypeVar("T")

LONG_RUN = 50  # drafts; fewer finish before a bar would be worth drawing


def wanted(count: int, machine_format: bool, quiet: bool) -> bool:
    return count >= LONG_RUN and not machine_format and not quiet and sys.stderr.isatty()


@contextmanager
def progress(items: Sequence[T], enabled: bool, label: str, color: bool | None = None) -> Iterator[Iterable[T]]:
    if not enabled:
        yield items
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    console = Console(stderr=True, no_color=color is False)
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*columns, console=console, transient=True) as bar:
        yield bar.track(items, total=len(items), description=label)
