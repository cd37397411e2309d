"""One line of the tool's own words (a notice, an error, the summary of a fix) on stdout or
stderr, written as click.echo wrote them, without importing click (a cold start of
`sm-lint PATH` does not load it: cli/entry.py). What click.echo did and this keeps: a
newline; the escape sequences of colours removed when the stream is not a terminal; a stream
whose encoding is ASCII (a misconfigured locale) written in UTF-8 instead, unknown characters
replaced; a flush after every line."""

from __future__ import annotations

import sys
from typing import IO

_ANSI = r"\033\[[0-?]*[ -/]*[@-~]"  # click's own pattern of a colour or style sequence


def echo(message: str = "", file: IO[str] | None = None, err: bool = False, nl: bool = True) -> None:
    stream = file if file is not None else sys.stderr if err else sys.stdout
    if stream is None:  # no stream to write to (pythonw)
        return
    text = message + "\n" if nl else message
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
