"""Drafts a git repository ignores (`.gitignore`, `.git/info/exclude`, the user's global
excludes): not linted, however they were named (a folder, a file, pre-commit's file list).

git answers itself (`git check-ignore --stdin`), once per repository per run: its matching
rules (negation, `**`, directory patterns, nested .gitignore files, the global excludes file)
are exactly git's, which a re-implementation (pathspec) would only approximate. A file git
tracks is never reported ignored: it was added on purpose. Outside a repository, or without
git installed, a .gitignore means nothing to git and nothing here.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

# The files whose lines say what a repository ignores, by where they are (a URI's or a path's
# end, `/`-separated): a saved one changes which drafts are checked.
IGNORE_FILES = ("/.gitignore", "/.git/info/exclude")


@lru_cache(maxsize=256)
def repository_of(folder: Path) -> Path | None:
    """The work tree holding `folder` (the nearest folder at or above it with a `.git`), or None."""
    for candidate in (folder, *folder.parents):
        if (candidate / ".git").exists():
            return candidate
    return None


def ignored(paths: Iterable[Path]) -> set[Path]:
    """The paths (as given) that git ignores."""
    by_repo: dict[Path, list[Path]] = {}
    for path in paths:
        repo = repository_of(path.absolute().parent.resolve())
        if repo is not None:
            by_repo.setdefault(repo, []).append(path)
    found: set[Path] = set()
    for repo, members in by_repo.items():
        import subprocess  # here: drafts outside any work tree never import it (3 ms of a start)

        # the file's own name in its real folder: git judges a symbolic link, not its target
        absolute = {str(p.absolute().parent.resolve() / p.name): p for p in members}
        try:
            done = subprocess.run(
                ["git", "-C", str(repo), "check-ignore", "--stdin", "-z"],
                input="\0".join(absolute).encode("utf-8", "surrogateescape") + b"\0",
                capture_output=True,
                timeout=60,
                env={**os.environ, "GIT_OPTIONAL_LOCKS": "0"},
            )
        except (OSError, subprocess.SubprocessError):  # no git: nothing is ignored
            continue
        if done.returncode not in (0, 1):  # 1: none ignored; 128: not a repository after all
            continue
        for name in done.stdout.split(b"\0"):
            named = absolute.get(name.decode("utf-8", "surrogateescape"))
            if named is not None:
                found.add(named)
    return found
