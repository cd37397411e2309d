"""Turning command-line paths into drafts to read: files, directories, `-` for stdin."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

DRAFT_SUFFIXES = (".md", ".markdown", ".txt")


@dataclass(frozen=True)
class Source:
    display: str  # the path as shown in findings
    path: Path | None  # None for stdin


def expand(paths: list[str], stdin_name: str = "-") -> Iterator[Source]:
    """Files as given (any suffix), directories recursively (draft suffixes only), sorted."""
    for raw in paths:
        if raw == "-":
            yield Source(stdin_name, None)
            continue
        path = Path(raw)
        if path.is_dir():
            found = []
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                found.extend(Path(root, f) for f in files if f.lower().endswith(DRAFT_SUFFIXES))
            for f in sorted(found):
                yield Source(str(f), f)
        else:
            yield Source(raw, path)


def read_bytes(source: Source) -> bytes:
    if source.path is None:
        return sys.stdin.buffer.read()
    # Opened read-only; the linter never writes a draft unless asked to fix it.
    with open(source.path, "rb") as handle:
        return handle.read()
