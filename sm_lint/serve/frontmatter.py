"""The page's platform and account selectors write the draft's front matter: one key's
lines replaced, added or removed, everything else (comments, order, other keys) kept as
written, so the text in the box stays the draft the user is editing."""

from __future__ import annotations

import re
from typing import Any

import yaml

from sm_lint.io.document import parse_draft

_CONTINUED = re.compile(r"[ \t]|-|\r?\n|\Z")  # an indented line, a block list item or a blank line


def set_keys(text: str, values: dict[str, Any]) -> str:
    """`text` with each top-level front-matter key set to its value (None: removed). A bad
    front matter raises InputError (parse_draft's), and the text is left to the user."""
    for key, value in values.items():
        text = _set_key(text, key, value)
    return text


def add_entry(text: str, key: str, entry: dict[str, str]) -> str:
    """`text` with `entry` added at the end of the front matter's list `key` (an image
    attached on the page: `images:`); the list is written again, in YAML's block style."""
    front = parse_draft(text, "-").front_matter.get(key)
    return _set_key(text, key, [*(_plain(front) if isinstance(front, list) else []), entry])


def _plain(value: Any) -> Any:
    """The front matter's line-numbered mappings and lists as plain ones, which YAML can write."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def _set_key(text: str, key: str, value: Any) -> str:
    draft = parse_draft(text, "-")
    newline = "\r\n" if "\r\n" in text[: draft.body_start or len(text)] else "\n"
    line = yaml.safe_dump({key: value}, allow_unicode=True, default_flow_style=False, sort_keys=False).replace(
        "\n", newline
    )
    if draft.body_start == 0:  # no front matter yet
        return f"---{newline}{line}---{newline}{text}" if value is not None else text
    lines = text[: draft.body_start].splitlines(keepends=True)
    inner = lines[1:-1]  # between the two `---` lines
    start = next((i for i, s in enumerate(inner) if re.match(rf"{re.escape(key)}[ \t]*:", s)), None)
    if start is None:
        inner = [*inner, line] if value is not None else inner
    else:
        end = start + 1
        while end < len(inner) and _CONTINUED.match(inner[end]):
            end += 1
        inner[start:end] = [line] if value is not None else []
    if not any(s.strip() for s in inner):  # nothing left to say: no front matter at all
        return text[draft.body_start :]
    return "".join([lines[0], *inner, lines[-1]]) + text[draft.body_start :]
