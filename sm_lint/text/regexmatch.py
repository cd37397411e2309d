"""A match of a user's pattern as the matcher kinds read it, whichever engine found it, and a
match found in a slice of the text moved back to the whole text's offsets."""

from __future__ import annotations

from typing import Any, Protocol


class RegexMatch(Protocol):
    """A match of a user's pattern, whichever engine found it (re, regex, RE2, or one moved
    back from a slice): what the matcher kinds read of it. A group is a number or a name."""

    def span(self, group: int | str = 0, /) -> tuple[int, int]: ...
    def start(self, group: int | str = 0, /) -> int: ...
    def end(self, group: int | str = 0, /) -> int: ...
    def group(self, *groups: int | str) -> Any: ...
    def groups(self, default: Any = None) -> tuple[Any, ...]: ...
    def __getitem__(self, group: int | str, /) -> Any: ...


class Shifted:
    """A match found in a slice, with offsets in the whole text."""

    __slots__ = ("match", "shift")

    def __init__(self, match: RegexMatch, shift: int) -> None:
        self.match, self.shift = match, shift

    def span(self, group: int | str = 0, /) -> tuple[int, int]:
        start, end = self.match.span(group)
        return (start, end) if start < 0 else (start + self.shift, end + self.shift)

    def start(self, group: int | str = 0, /) -> int:
        return self.span(group)[0]

    def end(self, group: int | str = 0, /) -> int:
        return self.span(group)[1]

    def group(self, *groups: int | str) -> Any:
        return self.match.group(*groups)

    def groups(self, default: Any = None) -> tuple[Any, ...]:
        return self.match.groups(default)

    def __getitem__(self, group: int | str, /) -> Any:
        return self.match[group]
