"""What a run's user regexes may still cost, shared by its worker processes (saferegex.py):
a pattern that ran out of time in one process is skipped by all for the rest of the run, so
with `--jobs N` its time limit is paid once, not once per process."""

from __future__ import annotations

from typing import Any

_KEY, _SLOTS = 16, 1024  # a digest of each pattern; more timeouts than slots: per process again


def key(name: str) -> bytes:
    """A pattern's digest in a RunBudget, from its name (where it is written, what, and how).
    hashlib is imported here, when a pattern RE2 cannot run is searched: importing it loads
    OpenSSL (about 2 ms of a cold start that most drafts never need)."""
    import hashlib

    return hashlib.blake2b(name.encode("utf-8", "surrogatepass"), digest_size=_KEY).digest()


class RunBudget:
    """The patterns that timed out in this run, in memory shared by its worker processes (made
    by the parent before it forks them, or handed to a pool's initializer), with a lock that
    one bounded search at a time holds: a worker whose search of a pattern would start while
    another's runs waits, then finds it disabled instead of paying the limit a second time.
    Only patterns RE2 cannot run take the lock, and a sane one holds it for milliseconds."""

    def __init__(self, context: Any = None):
        import multiprocessing

        context = context or multiprocessing.get_context()
        self.lock = context.Lock()
        self.keys = context.RawArray("B", _KEY * _SLOTS)
        self.count = context.RawValue("i", 0)

    def has(self, key: bytes) -> bool:
        """Whether `key` timed out (the caller holds the lock)."""
        known = bytes(self.keys[: self.count.value * _KEY])
        return any(known[i : i + _KEY] == key for i in range(0, len(known), _KEY))

    def add(self, key: bytes) -> None:
        """Record `key` as timed out (the caller holds the lock)."""
        if self.count.value < _SLOTS:
            start = self.count.value * _KEY
            self.keys[start : start + _KEY] = key
            self.count.value += 1


_budget: RunBudget | None = None  # this run's, when it has worker processes


def share_budget(budget: RunBudget | None) -> None:
    """Use `budget` for every bounded search from now on (None: each process its own flags)."""
    global _budget
    _budget = budget


def current() -> RunBudget | None:
    return _budget
