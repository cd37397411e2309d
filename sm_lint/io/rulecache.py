"""A cache of compiled rules, so a cold start skips YAML parsing and word tokenizing.

The key covers the package version, the Python version, the engine's own source files (so
each install has its own entries) and every rule and list file (path, size, modification
time): changing any of them compiles afresh. The cache holds compiled rules only, never
draft text. It is an optimisation: any problem reading or writing it only means compiling
again, and SM_LINT_NO_CACHE=1 turns it off.

An entry may keep parts of its value apart (`Apart`: a rule's matcher), each loaded only when
it is first asked for, so a cold start reads the rules a draft can need, not all of them
(issue 25). The entry's head records each part's place and MAC; a part is unpickled only once
its own MAC has been checked, and one that fails it is compiled afresh.

Entries are pickles, which run code when loaded, and the cache folder may come from
elsewhere (a restored CI cache, a shared XDG_CACHE_HOME). So an entry is unpickled only
once its MAC (keyed BLAKE2) under a per-user secret has been checked. The secret is 32 random
bytes kept outside the cache folder (`$XDG_STATE_HOME/sm-lint/cache-key`, mode 0600), so a
cache brought from elsewhere cannot carry the secret it was signed with. An entry that fails
the check (tampered, truncated, or signed under another secret) is ignored and rebuilt, with
a notice; so is a cache or key folder that another user owns or can write to.
"""

from __future__ import annotations

import contextlib
import os
import stat
import sys
import zlib
from _pickle import loads  # the C unpickler, without the pickle module around it (1-2 ms of a start)
from _thread import RLock
from collections.abc import Callable, Iterable, Iterator
from functools import cache, lru_cache
from pathlib import Path
from typing import Any, TypeVar

try:  # hashlib's own BLAKE2, without loading OpenSSL as importing hashlib does (2 ms a start)
    from _blake2 import blake2b
except ImportError:  # a Python without the built-in module
    from hashlib import blake2b

from sm_lint import __version__
from sm_lint.errors import SmLintError

T = TypeVar("T")
Place = tuple[int, int, int, bytes]  # a part's number, start, end and MAC

_ENGINE = Path(__file__).resolve().parents[1]
_MAGIC = b"sm-lint cache 2\n"
_MAC_SIZE = 32
_LENGTH = 16  # after the MAC: the lengths of the head and of the parts, 8 bytes each, signed with the head

# What went wrong with the cache in this run, for the command line to show once (a notice).
notices: list[SmLintError] = []


def tell(notice: SmLintError) -> None:
    """Add a notice, once (a worker process's too: see runner._lint_item)."""
    if notice not in notices:
        notices.append(notice)


def cache_dir() -> Path:
    if os.environ.get("SM_LINT_CACHE_DIR"):
        return Path(os.environ["SM_LINT_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "sm-lint"


def key_file() -> Path:
    base = os.environ.get("XDG_STATE_HOME") or os.path.join(os.path.expanduser("~"), ".local", "state")
    return Path(base) / "sm-lint" / "cache-key"


def _stamp(path: Path | str) -> str:
    info = os.stat(path)
    return f"{path}\0{info.st_size}\0{info.st_mtime_ns}"


def _sources(folder: str) -> Iterator[str]:
    """The engine's .py files (os.scandir: Path.rglob took 4 ms of a cold start)."""
    for entry in os.scandir(folder):
        if entry.name.endswith(".py"):
            yield entry.path
        elif entry.name != "__pycache__" and entry.is_dir():
            yield from _sources(entry.path)


@lru_cache(maxsize=1)
def _engine_stamp() -> str:
    return "\n".join([__version__, sys.version, *map(_stamp, sorted(_sources(str(_ENGINE))))])


def cache_key(files: Iterable[Path]) -> str:
    data = "\n".join([_engine_stamp(), *map(_stamp, files)])
    raw = data.encode("utf-8", "surrogatepass")
    # Two CRCs make a 64-bit name (the MAC, not the name, is what makes an entry trusted).
    return f"{zlib.crc32(raw):08x}{zlib.crc32(raw[::-1]):08x}"


def remember(name: str, files: Iterable[Path], build: Callable[[], T]) -> T:
    """`build()`, cached like the rules and kept while `files` stay as they are."""
    key = cache_key(files) + zlib.crc32(name.encode("utf-8", "surrogatepass")).to_bytes(4, "big").hex()
    value = load(key, build)
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


def _private(info: os.stat_result, writable_by_group: int = 0o022) -> bool:
    """Owned by this user and not writable by others (where the system has owners)."""
    if not hasattr(os, "geteuid"):
        return True
    return info.st_uid == os.geteuid() and not info.st_mode & writable_by_group


def _folder(path: Path, create: bool) -> bool:
    """`path` is a folder that only this user can change (made so when `create`)."""
    try:
        if create:
            path.mkdir(mode=0o700, parents=True, exist_ok=True)
        info = os.stat(path)
    except OSError:  # missing (nothing cached yet) or not ours to make: no cache
        return False
    if stat.S_ISDIR(info.st_mode) and _private(info):
        return True
    tell(
        SmLintError(
            str(path),
            "他のユーザーが所有しているか書き込めるフォルダなので、ルールのキャッシュを使いません"
            " (所有者と権限を確認してください)",
            "not using the rule cache: the folder is owned or writable by another user"
            " (check its owner and permissions)",
        )
    )
    return False


@cache
def _secret(path: Path) -> bytes | None:
    """The per-user secret that entries are signed with; made on first use."""
    if not _folder(path.parent, create=True):
        return None
    nofollow = getattr(os, "O_NOFOLLOW", 0)
    try:
        try:
            handle = os.open(path, os.O_RDONLY | nofollow)
        except FileNotFoundError:
            _make_secret(path)
            handle = os.open(path, os.O_RDONLY | nofollow)
        with open(handle, "rb") as file:
            info = os.fstat(file.fileno())
            secret = file.read(_MAC_SIZE + 1)
    except OSError:  # a read-only home, a symlink: no cache
        return None
    if _private(info, writable_by_group=0o077) and len(secret) == _MAC_SIZE:
        return secret
    tell(
        SmLintError(
            str(path),
            "キャッシュの鍵ファイルが本人だけの読み書き (0600) になっていないため、ルールのキャッシュを使いません",
            "not using the rule cache: its key file is not private to this user (mode 0600)",
        )
    )
    return None


def _make_secret(path: Path) -> None:
    """Written aside, then linked into place: two runs starting together keep the first's."""
    import tempfile

    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".cache-key-")  # mode 0600
    try:
        with open(handle, "wb") as file:
            file.write(os.urandom(_MAC_SIZE))
        with contextlib.suppress(FileExistsError):
            os.link(temporary, path)
    finally:
        os.unlink(temporary)


def _mac(secret: bytes, key: str, *payload: bytes | memoryview) -> bytes:
    """Signs the entry's name too, so that a valid entry renamed is not taken for another."""
    mac = blake2b(key.encode("ascii") + b"\0", key=secret, digest_size=_MAC_SIZE)
    for piece in payload:
        mac.update(piece)
    return mac.digest()


@lru_cache(maxsize=1)
def _install() -> str:
    """This install and version of sm-lint (and of Python), named in its entries' file names so
    each is pruned on its own: installs sharing the folder (a virtualenv per project, two
    versions side by side) evicted each other, and each run paid a miss (about 250 ms)."""
    return f"{zlib.crc32(f'{_ENGINE}{__version__}{sys.version}'.encode('utf-8', 'surrogatepass')):08x}"


def _entry(directory: Path, key: str) -> Path:
    return directory / f"rules-{_install()}-{key}.cache"


class Apart:
    """A piece of a cached value kept apart in its entry and loaded on first `get()` (see the
    module's docstring). Pickled anywhere else (to a worker process), it is its value."""

    def __init__(self, value: Any = None, shelf: _Shelf | None = None, place: Place | None = None):
        self._value, self._shelf, self._place = value, shelf, place

    def get(self) -> Any:
        # read once: another thread (a server's) may take it meanwhile; its value is set first
        shelf, place = self._shelf, self._place
        if shelf is not None and place is not None:
            self._value = shelf.take(place)
            self._shelf = self._place = None
        return self._value

    def __reduce__(self) -> tuple[Any, ...]:
        return Apart, (self.get(),)


class _Shelf:
    """The parts of one loaded entry: its bytes, checked part by part as they are taken."""

    def __init__(self, path: Path, data: bytes, start: int, secret: bytes, key: str, build: Callable[[], Any] | None):
        self.path, self.data, self.start, self.secret, self.key, self.build = path, data, start, secret, key, build
        self.fresh: list[Apart] | None = None  # the parts of the value compiled afresh, in order

    def take(self, place: Place) -> Any:
        number, start, end, mac = place
        piece = memoryview(self.data)[self.start + start : self.start + end]
        if self.fresh is None and len(piece) == end - start and _mac(self.secret, f"{self.key}.{number}", piece) == mac:
            try:
                return loads(piece)
            except Exception:  # signed by this user's sm-lint, yet unreadable: compiled afresh
                pass
        elif self.fresh is None:
            _damaged(self.path)
        with _one_at_a_time:  # one thread compiles afresh; a server's others wait for all its parts
            if self.fresh is None:
                if self.build is None:
                    raise SmLintError(str(self.path), "ルールのキャッシュを読めません", "cannot read the rule cache")
                value, fresh = self.build(), list[Apart]()
                _pickled(value, fresh)  # the parts in the order the head names them
                store(self.key, value)
                self.fresh = fresh  # whole: another thread took an empty list for it (IndexError)
        return self.fresh[number].get()


def _damaged(path: Path) -> None:
    tell(
        SmLintError(
            str(path),
            "ルールのキャッシュが壊れているか、別の環境で作られたものなので、使わずに作り直します",
            "a rule cache entry is damaged or was made elsewhere: ignored and rebuilt",
        )
    )


def load(key: str, build: Callable[[], Any] | None = None) -> Any | None:
    """The value stored under `key`, or None; `build` makes it afresh should one of its parts
    (`Apart`) turn out damaged when it is taken."""
    if os.environ.get("SM_LINT_NO_CACHE"):
        return None
    directory = cache_dir()
    if not _folder(directory, create=False):
        return None
    path = _entry(directory, key)
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError:  # not cached yet
        return None
    secret = _secret(key_file())
    if secret is None:
        return None
    # MAGIC, the head's MAC and length, the head (the value, its parts' places), the parts
    start = len(_MAGIC) + _MAC_SIZE + _LENGTH
    lengths = data[start - _LENGTH : start]
    length, rest = int.from_bytes(lengths[:8], "big"), int.from_bytes(lengths[8:], "big")
    head = memoryview(data)[start : start + length]
    # Compared plainly: the MAC is checked once per entry, no attacker can time it
    # (hmac.compare_digest would load OpenSSL at every start). The parts are checked as they
    # are read; a truncated entry is seen here.
    if len(data) != start + length + rest or data[: start - _LENGTH] != _MAGIC + _mac(secret, key, lengths, head):
        _damaged(path)
        return None
    global _loading
    # _loading is the entry being loaded: one thread at a time (a server's), and an entry
    # loaded while another is (a module imported by unpickling reads its data) in turn
    with _one_at_a_time:
        outer = _loading
        try:
            _loading = _Shelf(path, data, start + length, secret, key, build)  # what _later refers to
            value = loads(head)
        except Exception:  # signed by this user's sm-lint, yet unreadable: compiling again is the cure
            return None
        finally:
            _loading = outer
    with contextlib.suppress(OSError):  # used now: pruned last (_prune keeps the most recently used)
        os.utime(path)
    return value


_loading: _Shelf | None = None  # the entry being loaded
_one_at_a_time = RLock()


def _later(place: Place) -> Apart:
    """A part named in the head of the entry being loaded, taken when asked for (called only
    by unpickling a head, which is read only once its MAC has been checked)."""
    return Apart(shelf=_loading, place=place)


_UNUSED_SECONDS = 30 * 24 * 3600  # another install's entries not used for this long: gone


def _prune(directory: Path, keep: int = 16) -> None:
    """Keep this install's most recently used entries (a run of the built-in rules alone uses
    five) and other installs' until unused for a month. load() touches what it reads, so the
    entries every run reads outlast those of a rule pack being edited, written after each change."""
    import time

    mine = sorted(directory.glob(f"rules-{_install()}-*.cache"), key=lambda p: p.stat().st_mtime, reverse=True)
    stale = time.time() - _UNUSED_SECONDS
    others = [p for p in directory.glob("rules-*.cache") if p not in mine and p.stat().st_mtime < stale]
    # rules-*.pickle: unsigned entries of versions before issue 22, never read now
    for old in [*mine[keep:], *others, *directory.glob("rules-*.pickle")]:
        old.unlink(missing_ok=True)


def store(key: str, value: Any) -> None:
    """Write `value` under `key`, each `Apart` in it a part of its own."""
    if os.environ.get("SM_LINT_NO_CACHE"):
        return
    import tempfile

    directory = cache_dir()
    if not _folder(directory, create=True):
        return
    secret = _secret(key_file())
    if secret is None:
        return
    try:
        pieces: list[bytes] = []
        head = _pickled(value, [], secret, key, pieces)
        fd, tmp = tempfile.mkstemp(dir=directory, prefix=".rules-")
        with os.fdopen(fd, "wb") as handle:
            lengths = len(head).to_bytes(8, "big") + sum(map(len, pieces)).to_bytes(8, "big")
            handle.write(_MAGIC + _mac(secret, key, lengths, head) + lengths + head)
            handle.writelines(pieces)
        os.replace(tmp, _entry(directory, key))
        _prune(directory)
    except Exception:  # a full disk, a kind that cannot be pickled: no cache
        with contextlib.suppress(Exception):
            os.unlink(tmp)


def _pickled(
    value: Any, parts: list[Apart], secret: bytes = b"", key: str = "", pieces: list[bytes] | None = None
) -> bytes:
    """`value` pickled, each `Apart` in it pickled on its own into `pieces` (signed) and named
    in the head by its place; `parts` gets the Aparts in that order."""
    import io
    import pickle

    head = io.BytesIO()
    at = 0

    class Pickler(pickle.Pickler):
        def reducer_override(self, obj: Any) -> Any:
            nonlocal at
            if type(obj) is not Apart:
                return NotImplemented
            number = len(parts)
            parts.append(obj)
            if pieces is None:
                return _later, ((number, 0, 0, b""),)
            piece = pickle.dumps(obj.get(), protocol=pickle.HIGHEST_PROTOCOL)
            pieces.append(piece)
            at += len(piece)
            return _later, ((number, at - len(piece), at, _mac(secret, f"{key}.{number}", piece)),)

    Pickler(head, protocol=pickle.HIGHEST_PROTOCOL).dump(value)
    return head.getvalue()
