"""Where a repository of drafts ends: on a pull request its files are untrusted, and sm-lint
reads and writes nothing outside it on their say (issue 22)."""

from __future__ import annotations

import os
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from sm_lint.errors import RuleError


@lru_cache(maxsize=256)
def repository_root(folder: Path) -> Path | None:
    """The git repository's root at or above the resolved `folder`: the nearest folder with a
    `.git` (a folder, or a file in a worktree or submodule)."""
    for candidate in (folder, *folder.parents):
        if (candidate / ".git").exists():
            return candidate
    return None


def inside(path: Path, root: Path) -> bool:
    """`path` is `root` or below it (both resolved)."""
    return path == root or root in path.parents


def refuse_links_out(files: Iterable[Path], folder: Path) -> None:
    """A rule or list file of a pack in `folder` that is a link out of its repository (or,
    outside any, out of `folder`) is a RuleError: it is never read."""
    real = Path(os.path.realpath(folder))
    root = repository_root(real) or real
    for path in files:
        if not inside(Path(os.path.realpath(path)), root):
            raise RuleError(
                str(path),
                f"リポジトリ ({root}) の外へのリンクなので読みません",
                f"not read: it links out of the repository ({root})",
            )
