"""Turning command-line paths into drafts to read: files, directories, `-` for stdin."""

from __future__ import annotations

import errno
import os
import stat
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import NamedTuple

from sm_lint.errors import InputError

DRAFT_SUFFIXES = (".md", ".markdown", ".txt")
# A post is kilobytes; a megabyte is a book. What a draft may cost (time, memory) grows with
# its size, so an untrusted repository's file over the limit is refused before it is read.
# `max-draft-size` in .sm-lint.yaml or --max-draft-size change it.
MAX_BYTES = 1 << 20


class Source(NamedTuple):
    display: str  # the path as shown in findings
    path: Path | None  # None for stdin
    error: OSError | None = None  # why it could not even be listed (an unreadable directory)
    walked: bool = False  # found in a folder, not named: skipped without a word if excluded
    within: tuple[str, ...] = ()  # real folders it must still be in when opened (see draft_roots)


class Outside(OSError):
    """A draft whose real path is outside the folder being checked: a symbolic link in a pull
    request to /etc/passwd or /proc/self/environ. It is never read."""

    def __init__(self, real: str, root: str):
        super().__init__(f"{real} is outside {root}")
        self.real, self.root = real, root

    def __reduce__(self) -> tuple[type[Outside], tuple[str, str]]:  # sent to worker processes with its source
        return Outside, (self.real, self.root)


def outside_of(path: Path, roots: tuple[str, ...]) -> Outside | None:
    return _not_in(os.path.realpath(path), roots)  # a link loop stays unresolved: reading it says ELOOP


def _not_in(real: str, roots: tuple[str, ...]) -> Outside | None:
    """An Outside for `real` (a path with no link left in it) unless it is in one of `roots`."""
    if any(real == root or real.startswith(root.rstrip(os.sep) + os.sep) for root in roots):
        return None
    return Outside(real, roots[0])


def opened_path(fd: int, path: Path) -> str:
    """The real path of the file `fd` is open on: what was opened, whatever the path names
    now. Linux and macOS say it; elsewhere the path resolved now, if it is still that file."""
    try:
        return os.readlink(f"/proc/self/fd/{fd}")
    except OSError:
        pass
    try:
        import fcntl

        return fcntl.fcntl(fd, fcntl.F_GETPATH, bytes(1024)).rstrip(b"\0").decode()  # type: ignore[attr-defined]
    except (AttributeError, ImportError, OSError):
        real, opened = os.path.realpath(path), os.fstat(fd)
        now = os.stat(real)
        if (now.st_dev, now.st_ino) != (opened.st_dev, opened.st_ino):
            raise OSError(errno.EAGAIN, "changed while it was being opened", str(path)) from None
        return real


def open_within(path: Path, within: tuple[str, ...], flags: int = os.O_RDONLY) -> int:
    """`path` opened, provided what was opened is really inside `within` (if given): checked
    on the open file, so a file or folder swapped for a link out after it was listed (by
    another user of a shared folder) is refused before a byte is read or written. O_NONBLOCK:
    a FIFO put in its place does not hang the open."""
    fd = os.open(path, flags | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    try:
        outside = _not_in(opened_path(fd, path), within) if within else None  # already real
    except BaseException:
        os.close(fd)
        raise
    if outside is not None:
        os.close(fd)
        raise outside
    return fd


def draft_roots(folder: Path, named: bool = True) -> tuple[str, ...]:
    """Where a draft (and so the images it names) may really be: its git repository, else the
    folder walked or, for a file named on the command line, the current folder or the file's
    own folder."""
    from sm_lint.io.repository import repository_root

    real = Path(os.path.realpath(folder))
    repository = repository_root(real)
    if repository is not None:
        return (str(repository),)
    return (os.path.realpath(Path.cwd()), str(real)) if named else (str(real),)


def expand(paths: list[str], stdin_name: str = "-") -> Iterator[Source]:
    """Files as given (any suffix), directories recursively (draft suffixes only), sorted.
    A file whose real path leaves the repository (see `draft_roots`) comes with an `Outside`
    error and is not read: an error when named, a notice when walked."""
    for raw in paths:
        if raw == "-":
            yield Source(stdin_name, None)
            continue
        path = Path(raw)
        # Where the path is named from, links not followed: `drafts/` or `link/` -> its folder.
        named_from = draft_roots(Path(os.path.abspath(raw)).parent, named=True)
        if path.is_dir():
            outside = outside_of(path, named_from)  # a named link to a folder elsewhere is not walked
            if outside is not None:
                yield Source(raw, path, outside)
                continue
            found: list[Path] = []
            problems: list[OSError] = []
            roots = draft_roots(path, named=False)
            # Symlinked directories are not followed (no loops, nothing outside).
            for root, dirs, files in os.walk(path, onerror=problems.append):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                found.extend(Path(root, f) for f in files if f.lower().endswith(DRAFT_SUFFIXES))
            for f in sorted(found):
                # The walk enters no linked folder, so only a file that is a link can lead out.
                yield Source(str(f), f, outside_of(f, roots) if os.path.islink(f) else None, walked=True, within=roots)
            for exc in problems:
                yield Source(str(exc.filename or path), None, exc)
        else:
            yield Source(raw, path, outside_of(path, named_from), within=named_from)


_WHY = {  # (Japanese, English)
    errno.EINVAL: (
        "通常のファイルではありません (FIFO やデバイス)。下書きのファイルを指定してください",
        "not a regular file (a FIFO or a device); give the draft's file",
    ),
    errno.ENOENT: (
        "ファイルがありません (リンク切れのシンボリックリンクかもしれません)。パスを確認してください",
        "no such file (perhaps a broken symbolic link); check the path",
    ),
    errno.ELOOP: (
        "シンボリックリンクが循環しています。リンク先を直してください",
        "the symbolic links form a loop; fix where they point",
    ),
    errno.EACCES: (
        "読み取り権限がありません。権限を確認してください",
        "no permission to read it; check its permissions",
    ),
    errno.EPERM: (
        "読み取り権限がありません。権限を確認してください",
        "no permission to read it; check its permissions",
    ),
    errno.EISDIR: ("ディレクトリです", "a directory"),
}


def not_a_draft(source: Source) -> InputError | None:
    """A file named on the command line that is no draft (a Word file, a PDF): an error, not
    a silent skip, so nobody believes it was checked. Folders are walked for drafts only."""
    if source.walked or source.path is None or source.path.suffix.lower() in DRAFT_SUFFIXES:
        return None
    kinds = ", ".join(DRAFT_SUFFIXES)
    return InputError(
        source.display,
        f"下書きとして読める形式ではありません ({kinds} のファイルを指定してください。"
        "Word などの文書は、本文をテキストか Markdown で保存してください)",
        f"not a draft sm-lint reads (give a {kinds} file; save a Word document's text as text or Markdown)",
    )


def every_draft(
    paths: list[str],
    limit: Callable[[Source], int] = lambda source: MAX_BYTES,
) -> Iterator[tuple[Source, bytes]]:
    """Each draft under `paths` with its bytes, for commands that read them all (`waivers`,
    `report`): the first that cannot be read raises its InputError, since a list or report
    that silently left a draft out would mislead."""
    for source in expand(paths):
        if source.error is not None:
            raise describe(source.error, source.display)
        refused = not_a_draft(source)
        if refused is not None:
            raise refused
        try:
            yield source, read_bytes(source, limit(source))
        except OSError as exc:
            raise describe(exc, source.display) from None


def describe(exc: OSError, display: str) -> InputError:
    """The error for a file that cannot be read: what happened and what to do, with the
    system's own reason in brackets."""
    if isinstance(exc, Outside):
        return InputError(
            display,
            f"リンク先 ({exc.real}) が確認するフォルダ ({exc.root}) の外にあるため、読みません",
            f"not read: it links to {exc.real}, outside the folder being checked ({exc.root})",
        )
    reason = exc.strerror or type(exc).__name__
    ja, en = _WHY.get(
        exc.errno or 0, (f"読めません ({exc.strerror or exc})", f"cannot be read ({exc.strerror or exc})")
    )
    return InputError(display, f"{ja} [{reason}]", f"{en} [{reason}]")


_UNITS = {"": 1, "b": 1, "k": 1 << 10, "kb": 1 << 10, "kib": 1 << 10, "m": 1 << 20, "mb": 1 << 20, "mib": 1 << 20}


def parse_size(value: object) -> int | None:
    """A size as people write it (`2MiB`, `512 KiB`, `300000`; K and M are 1024-based), in
    bytes, or None when it is not one (or not positive)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value if value > 0 else None
    text = str(value).strip().lower()
    number = text.rstrip("bikm ")
    unit = text[len(number) :].strip()
    if not number.isdigit() or unit not in _UNITS:
        return None
    return int(number) * _UNITS[unit] or None


def size_text(size: int) -> str:
    """1MiB, 512KiB, 1000B: a size as `max-draft-size` takes it."""
    for unit, shift in (("MiB", 20), ("KiB", 10)):
        if size >= 1 << shift and size % (1 << shift) == 0:
            return f"{size >> shift}{unit}"
    return f"{size}B"


def too_large(display: str, size: int | None, limit: int) -> InputError:
    """The error for a draft of `size` bytes (None: more than could be read) over `limit`."""
    ja = f"{size:,} バイト、" if size is not None else ""
    en = f"{size:,} bytes, " if size is not None else ""
    return InputError(
        display,
        f"下書きとしては大きすぎます ({ja}上限 {size_text(limit)})。投稿の下書きか確かめてください。"
        "上限は .sm-lint.yaml の max-draft-size か --max-draft-size で変えられます",
        f"too large for a draft ({en}the limit is {size_text(limit)}); check that it is a post's draft. "
        "max-draft-size in .sm-lint.yaml or --max-draft-size change the limit",
    )


def read_bytes(source: Source, limit: int = MAX_BYTES) -> bytes:
    """The draft's bytes, or InputError when there are more than `limit`: a file's size is
    checked before it is read, and no more than the limit is ever read (stdin, a growing file)."""
    if source.path is None:
        data = sys.stdin.buffer.read(limit + 1)
        if not data.strip():  # a pipe from a command that failed: nothing was checked
            raise InputError(
                source.display,
                "標準入力が空です。下書きの内容を渡してください",
                "standard input is empty: nothing was checked; pipe the draft's text",
            )
    else:
        # Opened read-only (the linter never writes a draft unless asked to fix it), and
        # checked as opened: what was listed may have been swapped since.
        fd = open_within(source.path, source.within)
        try:
            # A FIFO or device would block or never end; only regular files are drafts.
            info = os.fstat(fd)
            if not stat.S_ISREG(info.st_mode):
                raise OSError(errno.EINVAL, "not a regular file", str(source.path))
            if info.st_size > limit:
                raise too_large(source.display, info.st_size, limit)
        except BaseException:
            os.close(fd)
            raise
        with open(fd, "rb") as handle:
            data = handle.read(limit + 1)
    if len(data) > limit:
        raise too_large(source.display, None, limit)
    return data


class Reader:
    """Keeps what can be read only once (stdin) and the texts `--fix` produced; files are read
    from disk each time, so a run over an archive does not hold every draft's bytes."""

    def __init__(self) -> None:
        self.data: dict[str, bytes] = {}

    def __call__(self, source: Source, limit: int = MAX_BYTES) -> bytes:
        if source.display in self.data:
            return self.data[source.display]
        data = read_bytes(source, limit)
        if source.path is None:
            self.data[source.display] = data
        return data
