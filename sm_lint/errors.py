"""Errors that end in a one-line message and exit status 2 (never a traceback)."""

from __future__ import annotations

import errno
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path


class SmLintError(Exception):
    """A user-facing problem with an input, a rule file or the command line: `what` says it
    in Japanese, `what_en` in English (`--lang en`)."""

    def __init__(self, where: str, what: str, what_en: str):
        # Every field in args: a worker process's errors reach the parent pickled.
        super().__init__(where, what, what_en)
        self.where = where
        self.what = what
        self.what_en = what_en

    def text(self, lang: str) -> str:
        """The one line shown to the user, in `lang` (ja or en)."""
        return f"{self.where}: {self.what_en if lang == 'en' else self.what}"

    def __str__(self) -> str:
        return self.text("ja")

    # The same problem met twice (a broken rule pack fails every draft alike) is shown once.
    def __eq__(self, other: object) -> bool:
        return isinstance(other, SmLintError) and self.args == other.args

    def __hash__(self) -> int:
        return hash(self.args)


def line_in(error: SmLintError, path: str) -> int | None:
    """The line of the draft `path` that `error` points at (`path:line`), if it is in it."""
    where, _, line = error.where.rpartition(":")
    return int(line) if where == path and line.isdigit() else None


class InputError(SmLintError):
    """A draft that cannot be read or parsed."""


class RuleError(SmLintError):
    """A rule file or rule definition that is wrong."""


class ConfigError(SmLintError):
    """A configuration file or option that is wrong."""


# The system's reason for a file that cannot be read or written, in the user's words: Python's
# own text (`[Errno 13] Permission denied: '…'`) is English only and repeats the path.
_OS_REASONS = {
    errno.ENOENT: ("ファイルかフォルダーがありません", "no such file or folder"),
    errno.EACCES: ("権限がありません", "permission denied"),
    errno.EPERM: ("権限がありません", "permission denied"),
    errno.EISDIR: ("フォルダーです", "a folder"),
    errno.ENOTDIR: ("途中の名前がフォルダーではありません", "a part of the path is not a folder"),
    errno.ELOOP: ("シンボリックリンクが循環しています", "the symbolic links form a loop"),
    errno.ENOSPC: ("ディスクに空きがありません", "no space left on the disk"),
    errno.EDQUOT: ("ディスクの割り当てを超えました", "the disk quota is exceeded"),
    errno.EFBIG: ("ファイルが大きすぎます", "the file is too large"),
    errno.EROFS: ("読み取り専用の場所です", "a read-only file system"),
    errno.EIO: ("ディスクの読み書きに失敗しました", "an input/output error"),
}


def os_reason(exc: OSError) -> tuple[str, str]:
    """(Japanese, English) for an OSError, without its path (the message names the file)."""
    return _OS_REASONS.get(exc.errno or 0, (f"OS のエラー: {exc.strerror or exc}", exc.strerror or str(exc)))


def read_utf8(path: Path, what: tuple[str, str]) -> str:
    """The text of a rule pack's file (`what`: its name in Japanese and English); one that cannot
    be opened or is not UTF-8 is a RuleError saying which."""
    try:
        return path.read_text(encoding="utf-8")
    except OSError as exc:
        ja, en = os_reason(exc)
        raise RuleError(str(path), f"{what[0]}を読めません ({ja})", f"cannot read the {what[1]} ({en})") from None
    except UnicodeDecodeError as exc:
        raise RuleError(
            str(path),
            f"{what[0]}が UTF-8 ではありません (byte {exc.start})。UTF-8 で保存してください",
            f"the {what[1]} is not UTF-8 (byte {exc.start}); save it as UTF-8",
        ) from None
