"""List files under rules/lists/: one entry a line; blank lines and lines starting with `#`
are skipped. Word lists and host lists are read the same way."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from sm_lint.errors import RuleError
from sm_lint.resources import rules_root


@lru_cache(maxsize=1)
def list_names() -> tuple[str, ...]:
    return tuple(sorted(p.name for p in (rules_root() / "lists").iterdir() if p.is_file()))


def list_paths() -> list[Path]:
    """Every list file: compiled rules hold what they read of them (host lists), so the rule
    cache follows them too."""
    return [rules_root() / "lists" / name for name in list_names()]


def check_list_name(name, where: str) -> str:
    """A name a rule or the configuration gives for a list: a file of rules/lists/, never a
    path elsewhere; a wrong one is reported where it is written."""
    if name not in list_names():
        raise RuleError(where, f"rules/lists/ に {name!r} というリストはありません (あるもの: {', '.join(list_names())})",
                        f"no list {name!r} in rules/lists/ (known: {', '.join(list_names())})")
    return name


def list_entries(name: str) -> list[tuple[str, str]]:
    """(entry, `path:line` of it) for every entry of rules/lists/<name>."""
    path = rules_root() / "lists" / name
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise RuleError(str(path), f"リストファイルを読めません: {exc.strerror or exc}",
                        f"cannot read the list: {exc.strerror or exc}") from None
    return [(line.strip(), f"{path}:{number}") for number, line in enumerate(text.splitlines(), 1)
            if line.strip() and not line.lstrip().startswith("#")]
