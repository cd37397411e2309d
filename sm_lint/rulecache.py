"""A cache of compiled rules, so a cold start skips YAML parsing and word tokenizing.

The key covers the package version, the Python version, the engine's own source files and
every rule and list file (path, size, modification time): changing any of them compiles afresh. The
cache holds compiled rules only, never draft text. It is an optimisation: any problem
reading or writing it is ignored, and SM_LINT_NO_CACHE=1 turns it off.
"""

from __future__ import annotations

import os
import pickle
import sys
import zlib
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Iterable, TypeVar

T = TypeVar("T")

from sm_lint import __version__

_ENGINE = Path(__file__).resolve().parent


def cache_dir() -> Path:
    if os.environ.get("SM_LINT_CACHE_DIR"):
        return Path(os.environ["SM_LINT_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "sm-lint"


def _stamp(path: Path) -> str:
    stat = path.stat()
    return f"{path}\0{stat.st_size}\0{stat.st_mtime_ns}"


@lru_cache(maxsize=1)
def _engine_stamp() -> str:
    return "\n".join([__version__, sys.version, *map(_stamp, sorted(_ENGINE.rglob("*.py")))])


def cache_key(files: Iterable[Path]) -> str:
    data = "\n".join([_engine_stamp(), *map(_stamp, files)])
    raw = data.encode("utf-8", "surrogatepass")
    # Two CRCs make a 64-bit name; hashlib would cost more start-up than the whole lookup.
    return f"{zlib.crc32(raw):08x}{zlib.crc32(raw[::-1]):08x}"


def remember(name: str, files: Iterable[Path], build: Callable[[], T]) -> T:
    """`build()`, cached like the rules and kept while `files` stay as they are."""
    key = cache_key(files) + zlib.crc32(name.encode("utf-8", "surrogatepass")).to_bytes(4, "big").hex()
    value = load(key)
    if value is None:
        value = build()
        store(key, value)
    return value


def from_package(name: str, package: str, build: Callable[[], T]) -> T:
    """`build()` from an installed package's data, kept while the package stays as it is
    (an update of it is seen at once), without importing the package to find it."""
    from importlib.util import find_spec

    spec = find_spec(package)
    return remember(name, [Path(spec.origin)] if spec and spec.origin else [], build)


def cached(path: Path, build: Callable[[Path], T]) -> T:
    """`build(path)` for a bundled data file (a schema, the guideline): a run whose drafts
    need no YAML then never imports PyYAML."""
    return remember(f"{path}:{build.__qualname__}", [path], lambda: build(path))


def load(key: str) -> Any | None:
    if os.environ.get("SM_LINT_NO_CACHE"):
        return None
    try:
        with open(cache_dir() / f"rules-{key}.pickle", "rb") as handle:
            return pickle.load(handle)
    except Exception:  # a missing, stale or damaged cache only means compiling again
        return None


def _prune(directory: Path, keep: int = 16) -> None:
    """Keep the most recent few (several installs or rule sets may share the directory)."""
    caches = sorted(directory.glob("rules-*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in caches[keep:]:
        old.unlink(missing_ok=True)


def store(key: str, value: Any) -> None:
    if os.environ.get("SM_LINT_NO_CACHE"):
        return
    import tempfile

    try:
        directory = cache_dir()
        directory.mkdir(parents=True, exist_ok=True)
        data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        fd, tmp = tempfile.mkstemp(dir=directory, prefix=".rules-")
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, directory / f"rules-{key}.pickle")
        _prune(directory)
    except Exception:  # read-only home, full disk, a kind that cannot be pickled: no cache
        try:
            os.unlink(tmp)  # type: ignore[possibly-undefined]
        except Exception:
            pass
