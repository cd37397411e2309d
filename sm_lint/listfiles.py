"""List files under rules/lists/: one entry a line; blank lines and lines starting with `#`
are skipped. Word lists and host lists are read the same way."""

from __future__ import annotations

from sm_lint.errors import RuleError
from sm_lint.resources import rules_root


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
