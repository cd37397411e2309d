"""Worker processes: how many (`--jobs`), forked children that share the compiled rules,
or a pool of fresh processes where the system cannot fork."""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from sm_lint.errors import SmLintError
from sm_lint.io import rulecache
from sm_lint.io.inputs import Source, read_bytes
from sm_lint.text import regexbudget

if TYPE_CHECKING:  # the Linter passes itself in; importing it would make a cycle
    from sm_lint.run.linter import Linter, Options, Outcome

# Drafts per process for `--jobs 0`: with fewer, forking and warming up a process costs about
# what it saves (measured: 50 drafts take as long with -j 2 as with -j 1, 100 are 12% faster).
PARALLEL_FROM = 50


def cpus() -> int:
    """The CPUs this process may run on (a container's or taskset's share, not the machine's)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def free_cpus() -> int:
    """The CPUs not busy with other work (the last minute's load average taken from ours):
    a second process on a CPU that is already busy only slows both (issue 25)."""
    try:
        load = os.getloadavg()[0]
    except (AttributeError, OSError):  # Windows, or no load average to read
        return cpus()
    return max(1, min(cpus(), round(cpus() - load)))


def jobs_for(requested: int, count: int) -> int:
    """`--jobs 0` (the default) means: one process per PARALLEL_FROM drafts, up to every
    free CPU. A number is capped to the CPUs and the drafts: more processes than either only
    cost memory (`-j 10000` in a repository's CI settings forked ten thousand)."""
    if requested > 0:
        return max(1, min(requested, cpus(), count))
    return max(1, min(free_cpus(), count // PARALLEL_FROM))


# a draft to lint: its source, its bytes when this process read them (stdin), or why it cannot be read
Item = tuple[Source, bytes | None, SmLintError | None]


def _lint_item(linter: Linter, item: Item) -> Outcome:
    """One draft in a worker process (or in the parent's share of the work). The rule cache's
    notices given on the way (an entry loaded for the first time here, found damaged) go
    with the outcome: a worker's own list of them ends with it, and the parent tells them."""
    told = len(rulecache.notices)
    source, data, problem = item
    if data is None and problem is None:
        source, data, problem = linter.read(source, read_bytes)
    outcome = linter.lint_source(source, data, problem)
    return outcome._replace(cache_notices=tuple(rulecache.notices[told:])) if len(rulecache.notices) > told else outcome


# Drafts are handed out in runs of at most this many: long enough that taking one costs
# nothing next to linting it.
_RUN = 16


def parallel(linter: Linter, items: list[Item], jobs: int) -> Iterator[tuple[int, Outcome]]:
    """(index, outcome) pairs, as they are done, from `jobs` processes. A user's regex that
    runs out of time in one of them is disabled in all (regexbudget.RunBudget): the limit is paid
    once per run."""
    import multiprocessing

    forking = hasattr(os, "fork")
    try:
        budget: regexbudget.RunBudget | None = regexbudget.RunBudget(
            multiprocessing.get_context("fork" if forking else "spawn")
        )
    except (OSError, ImportError):  # no shared semaphores (no /dev/shm, or no sem_open): one budget per process
        budget = None
    regexbudget.share_budget(budget)  # the forked children inherit it; the pool's get it below
    try:
        if forking:
            yield from _forked(linter, items, jobs)
        else:
            yield from _pooled(linter, items, jobs, budget)
    finally:
        regexbudget.share_budget(None)


class _Runs:
    """Runs of drafts taken in turn by processes forked after it is made: the index of the
    next draft lives in shared memory, and a byte in a pipe is the token that lets one
    process at a time take a run. Runs shrink towards the end (at most a share of what is
    left), so the processes finish within about a draft of each other, not a whole run."""

    def __init__(self, count: int, jobs: int):
        import mmap

        self.count = count
        self.share = 2 * jobs  # a run is at most 1/share of the drafts left
        self.next = mmap.mmap(-1, 8)  # anonymous and shared: the children see its changes
        self.token_in, self.token_out = os.pipe()
        os.write(self.token_out, b".")

    def take(self) -> range:
        """The next run of draft indexes; empty when none is left."""
        os.read(self.token_in, 1)
        start = int.from_bytes(self.next[:8], "little")
        end = min(self.count, start + max(1, min(_RUN, (self.count - start) // self.share)))
        self.next[:8] = end.to_bytes(8, "little")
        os.write(self.token_out, b".")
        return range(start, end)

    def __iter__(self) -> Iterator[int]:
        while run := self.take():
            yield from run

    def close(self) -> None:
        os.close(self.token_in)
        os.close(self.token_out)
        self.next.close()


def _forked(linter: Linter, items: list[Item], jobs: int) -> Iterator[tuple[int, Outcome]]:
    """This process and jobs-1 forked children, which share its compiled rules and loaded
    dictionary, take runs of drafts until none is left. This process never waits idle on
    the others, and each child's outcomes cross a pipe once, when it is done: a pool's
    hand-offs and its idle parent cost `-j 2` a fifth of its time."""
    import pickle
    import signal

    runs = _Runs(len(items), jobs)
    children: list[tuple[int, int]] = []  # (pid, read end of its pipe)
    parent = os.getpid()
    try:
        for _ in range(1, jobs):
            read_end, write_end = os.pipe()
            pid = os.fork()
            if pid == 0:  # the child: lint its runs, send them, and leave without cleaning up
                # What it shares with this process stays out of its collections, so they do not
                # write to (and copy) those pages. Only here: frozen objects are never collected,
                # and this process may lint again (a library caller), the child never does.
                gc.freeze()
                _end_with(parent)
                os.close(read_end)
                signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
                status = 1
                try:
                    message: tuple[bool, list[tuple[int, Outcome]] | str]
                    try:
                        message = (True, [(i, _lint_item(linter, items[i])) for i in runs])
                    except Exception as exc:  # a bug: the parent reports it in one line
                        message = (False, f"{type(exc).__name__}: {exc}")
                    with open(write_end, "wb") as pipe:
                        pickle.dump(message, pipe, protocol=pickle.HIGHEST_PROTOCOL)
                    status = 0
                finally:
                    os._exit(status)
            os.close(write_end)
            children.append((pid, read_end))
        for i in runs:
            yield i, _lint_item(linter, items[i])
        for _pid, read_end in children:
            with open(read_end, "rb") as pipe:
                data = pipe.read()
            ok, outcomes = pickle.loads(data) if data else (False, "a worker process ended early")
            if not ok or isinstance(outcomes, str):
                raise RuntimeError(f"worker: {outcomes}")
            yield from outcomes
    finally:
        for pid, _ in children:  # all done by now, unless this process was interrupted
            try:
                os.kill(pid, signal.SIGTERM)
                os.waitpid(pid, 0)
            except (ProcessLookupError, ChildProcessError):
                pass
        runs.close()


def _end_with(parent: int) -> None:
    """Make this forked worker end when `parent` dies (SIGKILL, a CI job cancelled): nobody
    would read its work, and it would go on using the CPU. On Linux the kernel sends the
    signal (prctl PR_SET_PDEATHSIG): no thread, no polling, and it works while the worker is
    inside MeCab. Elsewhere a daemon thread checks once a second whether the parent is gone."""
    import signal

    if sys.platform.startswith("linux"):
        import ctypes

        ctypes.CDLL(None).prctl(1, signal.SIGKILL)  # 1: PR_SET_PDEATHSIG
    else:
        import threading
        import time

        def watch() -> None:
            while os.getppid() == parent:
                time.sleep(1)
            os._exit(1)

        threading.Thread(target=watch, daemon=True).start()
    if os.getppid() != parent:  # it died before the signal was asked for
        os._exit(1)


_WORKER: Linter | None = None


def _start_worker(make: Callable[[Options], Linter], options: Options, budget: regexbudget.RunBudget | None) -> None:
    import signal

    global _WORKER
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle, quietly
    regexbudget.share_budget(budget)
    _WORKER = make(options)  # compiled rules come from the rule cache


def _lint_in_worker(item: tuple[int, tuple[Source, bytes | None, SmLintError | None]]) -> tuple[int, Outcome]:
    assert _WORKER is not None  # set by the pool's initializer
    return item[0], _lint_item(_WORKER, item[1])


def _pooled(
    linter: Linter, items: list[Item], jobs: int, budget: regexbudget.RunBudget | None
) -> Iterator[tuple[int, Outcome]]:
    """Where processes cannot fork (Windows): a pool of freshly started workers."""
    import multiprocessing

    context = multiprocessing.get_context("spawn")
    with context.Pool(jobs, initializer=_start_worker, initargs=(type(linter), linter.options, budget)) as pool:
        yield from pool.imap_unordered(_lint_in_worker, enumerate(items), chunksize=_RUN)
