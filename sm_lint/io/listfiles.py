"""List files: one entry a line; blank lines and lines starting with `#` are skipped. Word
lists and host lists are read the same way.

A list is named by its file name. The built-in ones are in rules/lists/. While a rule file of
a user's pack (`rule-dirs`) is compiled, a name is looked for first in the `lists/` folder
beside that rule file, so a pack can ship its own lists (see `pack_lists`)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache
from pathlib import Path

from sm_lint.errors import RuleError, read_utf8
from sm_lint.io.resources import rules_root

_PACK_LISTS: ContextVar[Path | None] = ContextVar("pack_lists", default=None)


def bundled(name: str) -> Path:
    """The built-in list file of this name (rules/lists/<name>)."""
    return rules_root() / "lists" / name


@lru_cache(maxsize=1)
def list_names() -> tuple[str, ...]:
    return tuple(sorted(p.name for p in bundled("").iterdir() if p.is_file()))


def list_paths() -> list[Path]:
    """Every built-in list file: compiled rules hold what they read of them (host lists), so
    the rule cache follows them too."""
    return [bundled(name) for name in list_names()]


def pack_list_paths(rule_files: Iterable[Path]) -> list[Path]:
    """The list files that user rule files can read (for the rule cache's key)."""
    from sm_lint.io.repository import refuse_links_out

    folders = sorted({path.parent / "lists" for path in rule_files})
    found = [(folder, [p for p in sorted(folder.iterdir()) if p.is_file()]) for folder in folders if folder.is_dir()]
    for folder, files in found:
        refuse_links_out(files, folder.parent)  # the pack's folder: `lists` itself may be a link
    return [p for _, files in found for p in files]


@contextmanager
def pack_lists(rule_file: Path) -> Iterator[None]:
    """List names resolve in the `lists/` folder beside `rule_file` first, within this block."""
    token = _PACK_LISTS.set(rule_file.parent / "lists")
    try:
        yield
    finally:
        _PACK_LISTS.reset(token)


def list_path(name: object, where: str) -> Path:
    """The file a rule or the configuration names as a list: a file name (never a path) in the
    current pack's lists/ or in rules/lists/; a wrong one is reported where it is written."""
    own = _PACK_LISTS.get()
    if isinstance(name, str) and name and "/" not in name and "\\" not in name and name not in (".", ".."):
        if own is not None and (own / name).is_file():
            return own / name
        if name in list_names():
            return bundled(name)
    places = f"{own} と rules/lists/" if own is not None else "rules/lists/"
    places_en = f"{own} or rules/lists/" if own is not None else "rules/lists/"
    raise RuleError(
        where,
        f"{places} に {name!r} というリストはありません (rules/lists/ にあるもの: {', '.join(list_names())})",
        f"no list {name!r} in {places_en} (rules/lists/ has: {', '.join(list_names())})",
    )


def list_entries(path: Path) -> list[tuple[str, str]]:
    """(entry, `path:line` of it) for every entry of a list file."""
    text = read_utf8(path, ("リストファイル", "list"))
    return [
        (line.strip(), f"{path}:{number}")
        for number, line in enumerate(text.splitlines(), 1)
        if line.strip() and not line.lstrip().startswith("#")
    ]
