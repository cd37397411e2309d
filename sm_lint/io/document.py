"""Reading a draft: bytes to text, the front matter split off, a line/column index."""

from __future__ import annotations

import bisect
import re
from typing import NamedTuple

from sm_lint.errors import InputError
from sm_lint.io.encoding import decode
from sm_lint.io.yamlsafe import LineDict, YamlError, load_yaml

_FRONT_MATTER = re.compile(r"\A(?:\ufeff)?---[ \t]*\r?\n(.*?\r?\n)?---[ \t]*(?:\r?\n|\Z)", re.S)
# An opening `---` followed by a `key: value` line, never closed: the front matter's end was
# forgotten. Read as body text, its settings would silently go unchecked. (A draft that only
# begins with a `---` rule, e.g. a LINE bubble marker, is not followed by an ASCII key.)
_UNCLOSED = re.compile(r"\A(?:\ufeff)?---[ \t]*\r?\n[A-Za-z_][\w-]*:(?:[ \t]|\r?\n|\Z)")

# Two `---` rules around text that starts with no ASCII key and has no colon at all (a LINE
# bubble's heading 【お知らせ】): body text, not a front matter written wrong.
_NOT_YAML = r"\s*[^\sA-Za-z_#]"  # compiled at its first use (re caches it): most drafts never get there


class Draft(NamedTuple):
    """One draft as read: `text` is the whole original file, offsets index into it."""

    path: str
    text: str
    body_start: int
    front_matter: LineDict = LineDict()  # an empty one shared by the drafts without one: never changed
    line_starts: tuple[int, ...] = ()
    encoding: str = "utf-8"  # the codec the file was read with (a fix writes it back the same)
    modified: float | None = None  # a modification time given with the text (else the file's is read)
    within: tuple[str, ...] = ()  # real folders its images must be in (its Source's; else found from its path)

    @property
    def plain(self) -> bool:
        """A plain-text draft (.txt): its body is posted as written, HTML comments and all,
        so nothing for sm-lint may be written in it (the front matter is not posted)."""
        return self.path.lower().endswith(".txt")

    @property
    def body(self) -> str:
        return self.text[self.body_start :]

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a character offset; columns count characters."""
        line = bisect.bisect_right(self.line_starts, offset) - 1
        return line + 1, offset - self.line_starts[line] + 1

    def line_text(self, line: int) -> str:
        start = self.line_starts[line - 1]
        end = self.line_starts[line] if line < len(self.line_starts) else len(self.text)
        return self.text[start:end].rstrip("\r\n")


def line_starts(text: str) -> tuple[int, ...]:
    starts = [0]
    starts.extend(m.end() for m in re.finditer(r"\r\n|\r|\n", text))
    return tuple(starts)


def parse_draft(text: str, path: str) -> Draft:
    starts = line_starts(text)
    match = _FRONT_MATTER.match(text)
    if not match:
        if _UNCLOSED.match(text):
            raise InputError(
                f"{path}:1",
                "front matter の終わりを示す `---` の行がありません",
                "the front matter has no closing `---` line",
            )
        return Draft(path, text, 0, line_starts=starts)
    source = match.group(1) or ""
    if re.match(_NOT_YAML, source) and ":" not in source and "：" not in source:
        return Draft(path, text, 0, line_starts=starts)
    first_line = 2  # the YAML starts on the line after the opening ---
    try:
        data = load_yaml(source, first_line)
    except YamlError as exc:
        raise InputError(
            f"{path}:{exc.line}",
            f"front matter の YAML が読めません: {exc.problem_ja}",
            f"the front matter is not valid YAML: {exc.problem}",
        ) from None
    if data is None:
        data = LineDict()
    if not isinstance(data, LineDict):
        raise InputError(
            f"{path}:{first_line}",
            "front matter は「キー: 値」の形で書いてください",
            "write the front matter as `key: value` lines",
        )
    return Draft(path, text, match.end(), data, starts)


def read_draft(path: str, data: bytes, encoding: str | None = None) -> Draft:
    text, codec = decode(data, path, encoding)
    return parse_draft(text, path)._replace(encoding=codec)
