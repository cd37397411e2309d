"""Where a repository of drafts ends: on a pull request its files are untrusted, and sm-lint
reads and writes nothing outside it on their say (issue 22)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path


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
