"""`--fix` / `--diff`: apply the safe suggestions (findings with `fix`) to the drafts.

Nothing is written unless `--fix` is given. A fixed file keeps its encoding (the new text is
encoded the way the original bytes were, checked by a round trip) and its line endings
(edits replace matched text only, which never spans a line break), and is written atomically:
a temporary file in the same folder, then a rename over the original. A pull request chooses
its files, so a symbolic link, a read-only file and a hard-linked one are refused, not
written (see write_atomic).
"""

from __future__ import annotations

import codecs
import contextlib
import difflib
import fnmatch
import glob
import os
import secrets
import signal
import stat
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from types import FrameType
from typing import NoReturn

from sm_lint.errors import InputError, SmLintError, os_reason
from sm_lint.findings import Finding
from sm_lint.io.document import Draft
from sm_lint.io.inputs import Outside, Reader, Source, describe, open_within

# A BOM-led UTF-16/32 file is written back with the same BOM and byte order.
_BYTE_ORDERS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


@dataclass(frozen=True)
class Change:
    source: Source
    old: str
    new: str
    data: bytes  # the new text, encoded like the original
    count: int  # edits applied


def apply_edits(text: str, findings: Iterable[Finding]) -> tuple[str, int]:
    """Apply each finding's `fix`, left to right; an edit overlapping an earlier one is skipped
    (a later run picks it up if it still applies)."""
    edits = sorted({(f.start, f.end, f.fix) for f in findings if f.fix is not None})
    parts, position, count = [], 0, 0
    for start, end, replacement in edits:
        if start < position:
            continue
        parts.append(text[position:start])
        parts.append(replacement)
        position = end
        count += 1
    parts.append(text[position:])
    return "".join(parts), count


def encode_like(original: bytes, old: str, new: str, codec: str, where: str) -> bytes:
    """`new` in the codec the draft was read with (Draft.encoding), provided `old` comes back
    to exactly the original bytes that way; otherwise the file is left alone."""
    prefix = b""
    if codec in ("utf-16", "utf-32"):
        prefix, codec = next(((bom, c) for bom, c in _BYTE_ORDERS if original.startswith(bom)), (b"", codec))
    try:
        if prefix + old.encode(codec) == original:
            return prefix + new.encode(codec)
    except UnicodeEncodeError:
        pass
    raise InputError(
        where,
        "元の文字コードのままでは書き戻せないため、修正せずにそのままにしました",
        "cannot fix: the file's encoding cannot be kept, so it is left unchanged",
    )


def plan(
    findings: Iterable[Finding], drafts: dict[str, Draft], sources: Iterable[Source], reader: Reader
) -> tuple[list[Change], list[SmLintError]]:
    """The changes the safe fixes would make, one per draft that has any, and one line for
    each draft that cannot be fixed (the others still are)."""
    by_path: dict[str, list[Finding]] = {}
    for f in findings:
        if f.fixable:
            by_path.setdefault(f.path, []).append(f)
    changes: list[Change] = []
    problems: list[SmLintError] = []
    for source in sources:
        fixes = by_path.get(source.display)
        if not fixes:
            continue
        draft = drafts[source.display]
        new, count = apply_edits(draft.text, fixes)
        try:
            data = encode_like(reader(source), draft.text, new, draft.encoding, source.display)
        except OSError as exc:  # gone, or swapped for a link out, since it was linted
            problems.append(describe(exc, source.display))
            continue
        except InputError as exc:
            problems.append(exc)
            continue
        changes.append(Change(source, draft.text, new, data, count))
    return changes, problems


def unified_diff(change: Change) -> str:
    name = change.source.display.lstrip("/")  # a/tmp/x.md, as git writes an absolute path
    lines = difflib.unified_diff(
        change.old.splitlines(keepends=True), change.new.splitlines(keepends=True), f"a/{name}", f"b/{name}"
    )
    return "".join(line if line.endswith(("\n", "\r")) else line + "\n\\ No newline at end of file\n" for line in lines)


def write_atomic(path: Path, data: bytes, within: tuple[str, ...] = ()) -> None:
    """Replace the file's bytes: never through a symbolic link, never a read-only or
    hard-linked file, keeping its owner and mode; no temporary file is left behind, even when
    the run is interrupted (Ctrl-C, SIGTERM) or one from a run that was killed is there.
    All of it happens in the folder opened once and checked to be really inside `within`
    (see open_within): a folder swapped for a link since the draft was read cannot send the
    write elsewhere."""
    try:
        folder = _open_folder(path.parent, within)
        try:
            name = path.name if folder is not None else str(path)
            info = os.stat(name, dir_fd=folder, follow_symlinks=False)
            _refuse_to_replace(path, info, os.access(name, os.W_OK, dir_fd=folder))
            _remove_stale_temporaries(path, folder)
            with _interruptible():
                _replace(path, data, info, folder)
        finally:
            if folder is not None:
                os.close(folder)
    except Outside as exc:
        raise InputError(
            str(path),
            f"フォルダが確認するフォルダ ({exc.root}) の外 ({exc.real}) にあるため修正しません",
            f"not fixed: its folder is {exc.real}, outside the folder being checked ({exc.root})",
        ) from None
    except OSError as exc:  # a read-only folder or a full disk: say so, the draft is untouched
        ja, en = os_reason(exc)
        raise InputError(
            str(path),
            f"修正を書き込めません ({ja})。ファイルは変更していません",
            f"cannot write the fix ({en}); the file is unchanged",
        ) from None


def _open_folder(folder: Path, within: tuple[str, ...]) -> int | None:
    """The folder, opened; None where folders cannot be opened (Windows): paths are used."""
    if os.open not in os.supports_dir_fd:
        return None
    return open_within(folder, within, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))


def _refuse_to_replace(path: Path, info: os.stat_result, writable: bool) -> None:
    if stat.S_ISLNK(info.st_mode):  # its target may be anywhere: a pull request chose it
        raise InputError(
            str(path),
            "シンボリックリンクなので修正しません (リンク先のファイルを指定してください)",
            "not fixed: it is a symbolic link (name the file it points to)",
        )
    if not info.st_mode & 0o222 or not writable:
        raise InputError(
            str(path),
            "読み取り専用のファイルなので修正しません。書き込みを許可してから --fix を実行してください",
            "not fixed: the file is read-only; make it writable, then run --fix again",
        )
    if info.st_nlink > 1:
        # Replacing the file would split it from its other names (they would keep the old
        # text); writing it in place could leave every name half-written if interrupted.
        raise InputError(
            str(path),
            "ほかの名前 (ハードリンク) と中身を共有しているため修正しません"
            " (置き換えるとリンクが切れ、その場で書き換えると中断したときに壊れるため)",
            "not fixed: the file has other names (hard links); replacing it would split them,"
            " and writing it in place could leave it half-written if interrupted",
        )


def _temporary_names(path: Path, folder: int | None) -> str:
    """`.NAME.*.sm-lint` beside the file: its name in `folder`, or its path without one."""
    return f".{path.name}.{{}}.sm-lint" if folder is not None else str(path.parent / f".{path.name}.{{}}.sm-lint")


def _remove_stale_temporaries(path: Path, folder: int | None) -> None:
    """`.NAME.XXXXXXXX.sm-lint` files that a killed run (SIGKILL) could not remove."""
    stale = f".{glob.escape(path.name)}.????????.sm-lint"
    for entry in os.listdir(folder if folder is not None else path.parent):
        if fnmatch.fnmatchcase(entry, stale):
            with contextlib.suppress(FileNotFoundError):
                os.unlink(entry if folder is not None else path.parent / entry, dir_fd=folder)


@contextmanager
def _interruptible() -> Iterator[None]:
    """SIGTERM (a CI job cancelled, `kill`) ends the run as an exception, like Ctrl-C, so that
    the temporary file is removed on the way out; exit status 143, as a shell reports it."""

    def terminated(signum: int, frame: FrameType | None) -> NoReturn:
        raise SystemExit(128 + signum)

    try:
        previous = signal.signal(signal.SIGTERM, terminated)
    except ValueError:  # not the main thread: signals are not ours to handle
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _create(pattern: str, folder: int | None) -> tuple[int, str]:
    """A new temporary file (mode 0600), never an existing name nor through a link."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    while True:
        name = pattern.format(secrets.token_hex(4))
        try:
            return os.open(name, flags, 0o600, dir_fd=folder), name
        except FileExistsError:
            continue


def _replace(path: Path, data: bytes, info: os.stat_result, folder: int | None) -> None:
    temporary = None
    try:
        handle, temporary = _create(_temporary_names(path, folder), folder)
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            if hasattr(os, "fchown") and (info.st_uid, info.st_gid) != (os.geteuid(), os.getegid()):
                _keep_owner(path, out.fileno(), info)
            os.fsync(out.fileno())
        # after chown, which clears set-id bits
        os.chmod(temporary, stat.S_IMODE(info.st_mode), dir_fd=folder)
        os.replace(temporary, path.name if folder is not None else path, src_dir_fd=folder, dst_dir_fd=folder)
    except BaseException:
        if temporary is not None:
            with contextlib.suppress(FileNotFoundError):  # already renamed into place
                os.unlink(temporary, dir_fd=folder)
        raise


def _keep_owner(path: Path, fd: int, info: os.stat_result) -> None:
    try:
        os.fchown(fd, info.st_uid, info.st_gid)
    except PermissionError:
        raise InputError(
            str(path),
            "持ち主を保ったまま書き換えられないため修正しません (ほかのユーザーのファイルです)",
            "not fixed: its owner and group cannot be kept (it belongs to another user)",
        ) from None
