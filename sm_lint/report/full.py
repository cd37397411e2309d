"""`--format full` (default): each finding with its clause, the source line with the match
highlighted, and the suggested rewrite; a summary of counts at the end.

Each draft's findings become one string and one write. Colours (rich) only on a terminal;
elsewhere (a pipe, a file, pre-commit, --no-color, NO_COLOR) the same text is put together
with string formatting, as rich would print it without colours: 2,859 `Console.print` calls
took 200–336 ms on 1,000 drafts, 20 times the JSON output."""

from __future__ import annotations

import errno
import os
import sys
from collections import Counter
from collections.abc import Sequence
from itertools import groupby
from typing import IO, TYPE_CHECKING, Any

from sm_lint.i18n import t
from sm_lint.report import score_summary, suggestion_text, turned_off_text
from sm_lint.text.lazyre import lazy_compile

if TYPE_CHECKING:
    from rich.console import Console

    from sm_lint.findings import Finding
    from sm_lint.io.document import Draft
    from sm_lint.report import ReportContext

_STYLE = {"error": "bold red", "warning": "bold yellow", "info": "bold blue"}
# What rich removes from any text it prints (rich.control.STRIP_CONTROL_CODES: bell,
# backspace, vertical tab, form feed, carriage return); the plain text removes them too.
_CONTROL = lazy_compile("[\a\b\v\f\r]")
_TAB = 8  # rich's tab stops, in cells
Part = tuple[str, str | None]  # a piece of text and its rich style


def _console(stream: IO[str]) -> Console | None:
    """A rich console that colours, or None where the text goes out plain: rich's own choice
    of a terminal (isatty, FORCE_COLOR, TTY_COMPATIBLE) decides, as it did before; rich is
    not imported for a stream that is no terminal and no variable that would make it one."""
    if not (_isatty(stream) or os.environ.get("FORCE_COLOR") or os.environ.get("TTY_COMPATIBLE")):
        return None
    from rich.console import Console

    class _Console(Console):
        def on_broken_pipe(self) -> None:
            _reader_left()

    console = _Console(file=stream, highlight=False, soft_wrap=True, emoji=False, markup=False)
    if not console.is_terminal or console.color_system is None:
        return None
    return console


def _isatty(stream: IO[str]) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):  # no such method, or a closed stream
        return False


def _reader_left() -> None:
    """rich would exit with 1, which means "findings": the command line's own handling ends it."""
    raise BrokenPipeError(errno.EPIPE, os.strerror(errno.EPIPE))


# A line wider than this many terminal cells (a post written as one paragraph, a row of
# hashtags) is shown as a window: some cells before the match, the match, some cells after.
_WIDE, _BEFORE, _MATCH, _AFTER = 120, 40, 60, 40


def _cut(chars: str, cells: int, keep_end: bool = False) -> str:
    """At most `cells` terminal cells of `chars` (full-width characters take two), from its
    start or, with `keep_end`, its end; "…" marks what was left out."""
    from sm_lint.report.cells import cell_len, char_cells

    if cell_len(chars) <= cells:
        return chars
    kept, used = [], 1  # the "…" takes a cell
    for char in reversed(chars) if keep_end else chars:
        used += char_cells(char)
        if used > cells:
            break
        kept.append(char)
    return "…" + "".join(reversed(kept)) if keep_end else "".join(kept) + "…"


def _source_line(f: Finding, draft: Draft) -> list[Part]:
    """The line of the finding with the match marked, and a caret line under the match for
    terminals without colour (full-width characters take two cells), as (text, style) parts."""
    from sm_lint.report.cells import cell_len

    line = draft.line_text(f.line)
    start = f.column - 1
    end = f.end_column - 1 if f.end_line == f.line else len(line)
    before, match, after = line[:start], line[start:end], line[end:]
    if len(line) * 2 > _WIDE and cell_len(line) > _WIDE:  # no character takes more than 2 cells
        before, match, after = _cut(before, _BEFORE, keep_end=True), _cut(match, _MATCH), _cut(after, _AFTER)
    number = f"{f.line:>5} | "
    # tabs before the match move it to rich's tab stops: the carets move with it
    indent = cell_len(_expand_tabs(number + before)) if "\t" in before else len(number) + cell_len(before)
    pad = " " * indent + "^" * max(1, cell_len(match))
    return [(number, "dim"), (before, None), (match, "reverse bold"), (after, None), ("\n" + pad + "\n", None)]


def _parts(f: Finding, ctx: ReportContext, words: dict[str, Any]) -> list[Part]:
    """One finding as (text, style) parts, a blank line after it; `words` are the tool's own
    words in the report's language (by key)."""
    parts: list[Part] = [
        (f"{f.path}:{f.line}:{f.column}", "bold"),
        (": ", None),
        (words[f.severity], _STYLE[f.severity]),
        (" ", None),
        (f.rule, "cyan"),
        (f" [{words['clause']} {f.clause} {f.clause_title}]\n  {f.message}\n", None),
    ]
    draft = ctx.source_lines.get(f.path)
    if draft is not None:
        parts += _source_line(f, draft)
    if f.suggestion:
        parts += [
            ("  ", None),
            (f"{words['suggestion']}:", "green"),
            (suggestion_text(f.suggestion, "    ") + "\n", None),
        ]
    parts.append(("\n", None))
    return parts


def _expand_tabs(line: str) -> str:
    """Tabs to spaces at rich's tab stops, counted in cells."""
    from sm_lint.report.cells import cell_len

    pieces = line.split("\t")
    out, cells = [], 0
    for piece in pieces[:-1]:
        cells += cell_len(piece) + 1
        spaces = 1 + (-cells % _TAB)
        cells += spaces - 1
        out.append(piece + " " * spaces)
    out.append(pieces[-1])
    return "".join(out)


def _plain(parts: list[Part]) -> str:
    text = "".join([chars for chars, _ in parts])
    if _CONTROL().search(text):
        text = _CONTROL().sub("", text)
    if "\t" in text:
        text = "\n".join(_expand_tabs(line) for line in text.split("\n"))
    return text


def render(findings: Sequence[Finding], ctx: ReportContext) -> None:
    stream = ctx.stream or sys.stdout
    if not findings:  # a clean run prints one line; rich is not even imported
        if ctx.checked:  # nothing was read (only errors, on stderr): no claim of a clean run
            stream.write(t(ctx.lang, "clean", files=len(ctx.checked)) + _off(ctx) + "\n" + _score(ctx))
        return
    # rich alone would keep bold and reverse under NO_COLOR; plain text is what users expect.
    console = None if ctx.color is False or os.environ.get("NO_COLOR") else _console(stream)
    if console is not None:
        from rich.text import Text

        def write(parts: list[Part]) -> None:
            console.print(Text.assemble(*((chars, style) if style else chars for chars, style in parts)), end="")
    else:

        def write(parts: list[Part]) -> None:
            stream.write(_plain(parts))

    words = {key: t(ctx.lang, key) for key in (*_STYLE, "clause", "suggestion")}
    for _, same_draft in groupby(findings, key=lambda f: f.path):
        write([part for f in same_draft for part in _parts(f, ctx, words)])
    if not ctx.quiet:
        counts = Counter(f.severity for f in findings)
        write(
            [
                (
                    t(
                        ctx.lang,
                        "summary",
                        files=len(ctx.checked),
                        error=counts["error"],
                        warning=counts["warning"],
                        info=counts["info"],
                    )
                    + _off(ctx)
                    + "\n"
                    + _score(ctx),
                    None,
                )
            ]
        )


def _score(ctx: ReportContext) -> str:
    """The plain-Japanese score line (4(1)) under the summary; none with -q."""
    line = None if ctx.quiet else score_summary(ctx)
    return line + "\n" if line else ""


def _off(ctx: ReportContext) -> str:
    """Rules not checked, after the summary (with -q they go to stderr instead: see cli)."""
    return "" if ctx.quiet else turned_off_text(ctx)
