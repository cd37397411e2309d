"""`--format full` (default): each finding with its clause, the source line with the match
highlighted, and the suggested rewrite; a summary of counts at the end."""

from __future__ import annotations

import errno
import os
import sys
from collections import Counter

from sm_lint.i18n import t
from sm_lint.report import suggestion_text

_STYLE = {"error": "bold red", "warning": "bold yellow", "info": "bold blue"}


def _console(ctx):
    from rich.console import Console

    # rich alone would keep bold and reverse under NO_COLOR; plain text is what users expect.
    if ctx.color is False or os.environ.get("NO_COLOR"):
        console = Console(file=ctx.stream, no_color=True, highlight=False, soft_wrap=True, force_terminal=False)
    else:
        console = Console(file=ctx.stream, highlight=False, soft_wrap=True)
    console.on_broken_pipe = _reader_left
    return console


def _reader_left() -> None:
    """rich would exit with 1, which means "findings": the command line's own handling ends it."""
    raise BrokenPipeError(errno.EPIPE, os.strerror(errno.EPIPE))


# A line wider than this many terminal cells (a post written as one paragraph, a row of
# hashtags) is shown as a window: some cells before the match, the match, some cells after.
_WIDE, _BEFORE, _MATCH, _AFTER = 120, 40, 60, 40


def _cut(chars: str, cells: int, keep_end: bool = False) -> str:
    """At most `cells` terminal cells of `chars` (full-width characters take two), from its
    start or, with `keep_end`, its end; "…" marks what was left out."""
    from rich.cells import cell_len, get_character_cell_size

    if cell_len(chars) <= cells:
        return chars
    kept, used = [], 1  # the "…" takes a cell
    for char in reversed(chars) if keep_end else chars:
        used += get_character_cell_size(char)
        if used > cells:
            break
        kept.append(char)
    return "…" + "".join(reversed(kept)) if keep_end else "".join(kept) + "…"


def _source_line(f, draft):
    from rich.text import Text

    line = draft.line_text(f.line)
    start = f.column - 1
    end = f.end_column - 1 if f.end_line == f.line else len(line)
    before, match, after = line[:start], line[start:end], line[end:]
    if Text(line).cell_len > _WIDE:
        before, match, after = _cut(before, _BEFORE, keep_end=True), _cut(match, _MATCH), _cut(after, _AFTER)
    number = f"{f.line:>5} | "
    text = Text(number, style="dim")
    text.append(before)
    text.append(match, style="reverse bold")
    text.append(after)
    # A caret line for terminals without colour; full-width characters take two cells.
    pad = Text(" " * len(number) + " " * Text(before).cell_len + "^" * max(1, Text(match).cell_len))
    return Text.assemble(text, "\n", pad)


def render(findings, ctx) -> None:
    if not findings:  # a clean run prints one line; rich is not even imported
        if ctx.checked:  # nothing was read (only errors, on stderr): no claim of a clean run
            (ctx.stream or sys.stdout).write(t(ctx.lang, "clean", files=len(ctx.checked)) + "\n")
        return
    from rich.markup import escape
    from rich.text import Text

    console = _console(ctx)
    for f in findings:
        head = Text.assemble(
            (f"{f.path}:{f.line}:{f.column}", "bold"),
            ": ",
            (t(ctx.lang, f.severity), _STYLE[f.severity]),
            " ",
            (f.rule, "cyan"),
            f" [{t(ctx.lang, 'clause')} {f.clause} {f.clause_title}]",
        )
        console.print(head)
        console.print(Text("  " + f.message))
        draft = ctx.source_lines.get(f.path)
        if draft is not None:
            console.print(_source_line(f, draft))
        if f.suggestion:
            console.print(f"  [green]{escape(t(ctx.lang, 'suggestion'))}:[/]{escape(suggestion_text(f.suggestion, '    '))}")
        console.print()
    if ctx.quiet:
        return
    counts = Counter(f.severity for f in findings)
    console.print(t(ctx.lang, "summary", files=len(ctx.checked), error=counts["error"], warning=counts["warning"], info=counts["info"]))
