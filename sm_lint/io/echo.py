"""One line of the tool's own words (a notice, an error, the summary of a fix) on stdout or
stderr, written as click.echo wrote them, without importing click (a cold start of
`sm-lint PATH` does not load it: cli/entry.py). What click.echo did and this keeps: a
newline; the escape sequences of colours removed when the stream is not a terminal; a stream
whose encoding is ASCII (a misconfigured locale) written in UTF-8 instead, unknown characters
replaced; a flush after every line. Every command writes its lines here, and so does
`--format github` (report/github.py), whose stderr lines are escaped (`escape_stderr`)."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import IO, Any

_ANSI = r"\033\[[0-?]*[ -/]*[@-~]"  # click's own pattern of a colour or style sequence


def echo(message: str = "", file: IO[str] | None = None, err: bool = False, nl: bool = True) -> None:
    stream = file if file is not None else sys.stderr if err else sys.stdout
    if stream is None:  # no stream to write to (pythonw)
        return
    text = message + "\n" if nl else message
    stream, text = _beneath(stream, text)
    if not text:
        stream.flush()
        return
    if "\033" in text and not _isatty(stream):
        import re

        text = re.sub(_ANSI, "", text)
    buffer = getattr(stream, "buffer", None)
    if buffer is not None and _ascii(stream):
        stream.flush()
        buffer.write(text.encode("utf-8", "replace"))
        buffer.flush()
        return
    stream.write(text)
    stream.flush()


def _beneath(stream: Any, text: str) -> tuple[IO[str], str]:
    """The stream to write to and the text to write: escaped stderr's line is escaped here,
    then written as any other line."""
    if isinstance(stream, EscapedLines):
        return stream.stream, stream.line(text)
    return stream, text


def _isatty(stream: IO[str]) -> bool:
    try:
        return stream.isatty()
    except Exception:
        return False


def _ascii(stream: IO[str]) -> bool:
    import codecs

    try:
        return codecs.lookup(getattr(stream, "encoding", None) or "ascii").name == "ascii"
    except LookupError:
        return False


class EscapedLines:
    """A stream (stderr under `--format github`) each of whose writes is one line, escaped by
    `escape` (its newline kept): echo() escapes its line and writes it to the stream beneath
    as any other, so its UTF-8 path on an ASCII stream cannot go around the escape."""

    def __init__(self, stream: IO[str], escape: Callable[[str], str]) -> None:
        self.stream, self.escape = stream, escape

    def line(self, text: str) -> str:
        body, end = (text[:-1], "\n") if text.endswith("\n") else (text, "")
        return self.escape(body) + end

    def write(self, text: str) -> int:
        return self.stream.write(self.line(text))

    def __getattr__(self, name: str) -> Any:
        return getattr(self.stream, name)


def escape_stderr(escape: Callable[[str], str]) -> None:
    """From now on, each line written to stderr (by echo() or anything else) is escaped."""
    if not isinstance(sys.stderr, EscapedLines):
        sys.stderr = EscapedLines(sys.stderr, escape)
