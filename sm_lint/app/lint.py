"""`sm-lint PATH...`: what the command line asked for (a LintSettings value) → the drafts
read, linted and filtered (run/) → the report (report/) → the exit status. The command line
only builds the settings (cli/main.py); this is the rest."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from sm_lint.app.settings import LintSettings as LintSettings  # re-exported: serve and lsp build it
from sm_lint.errors import InputError, SmLintError
from sm_lint.i18n import t
from sm_lint.io.echo import echo
from sm_lint.run.options import Options as Options  # the settings' part for the Linter (serve and lsp build it too)

if TYPE_CHECKING:
    from sm_lint.io.inputs import Source
    from sm_lint.rules.model import Rule
    from sm_lint.run.linter import Linter, Result


def linter_for(settings: LintSettings, rules: Sequence[Rule] | None = None) -> Linter:
    """The Linter of a lint run, of the page of `serve` and of `lsp` alike (app/buffer.py)."""
    from sm_lint.run.linter import Linter

    return Linter(settings.options, rules=rules)


def not_checked(source: Source, reason: str) -> InputError:
    """What is said of a draft named (on the command line, in an editor) and not linted."""
    return InputError(source.display, f"{reason} に当たるので確認しませんでした", f"not checked: matched by {reason}")


def failed(message: str) -> int:
    """A command that cannot do its work: one line on stderr, exit status 2."""
    echo(f"sm-lint: {message}", err=True)
    return 2


def lint(settings: LintSettings) -> int:
    """Run the lint the settings describe; returns the exit status (0 clean, 1 findings that
    fail, 2 an error)."""
    from sm_lint.app.progress import progress, wanted
    from sm_lint.io.inputs import DRAFT_SUFFIXES, Reader, expand
    from sm_lint.report import MACHINE_FORMATS, ReportContext, render
    from sm_lint.run.workers import jobs_for

    s = settings
    if s.fmt == "github":  # every path said on stderr too is escaped, like the annotations
        from sm_lint.report.github import escape_stderr

        escape_stderr()
    color = False if s.no_color else None
    machine = s.fmt in MACHINE_FORMATS
    reader = Reader()
    words = s.options.lang or "ja"  # until the configuration is known
    try:
        linter = linter_for(s)
        found = list(expand(list(s.paths), s.stdin_filename))
        if not found:  # a folder with no drafts: nothing checked must not look like "no problems"
            return failed(t(words, "no_drafts", paths=", ".join(s.paths), kinds=", ".join(DRAFT_SUFFIXES)))
        skipped = linter.skipped(found)
        sources = [source for source in found if source not in skipped]
        words = linter.report_lang(sources)  # the language of the tool's own words
        show_bar = wanted(len(sources), machine or s.statistics, s.quiet)
        with progress(len(sources), show_bar, t(words, "progress"), color) as advance:
            result = linter.lint_sources(sources, read=reader, jobs=jobs_for(s.jobs, len(sources)), done=advance)
        if s.write_baseline:
            return _write_baseline(s.write_baseline, result, words, s.quiet)
        if s.diff:
            from sm_lint.app.fix import show_diff

            return show_diff(linter, sources, reader, result, words)
        if s.fix:
            from sm_lint.app.fix import fix

            result = fix(linter, sources, reader, result, s.quiet, words)
    except SmLintError as exc:
        return failed(exc.text(words))
    # With --fix on stdin the fixed text goes to stdout, so the report goes to stderr.
    stream = sys.stderr if s.fix and any(source.path is None for source in sources) else None
    off = tuple(linter.turned_off(sources))
    ctx = ReportContext(
        lang=words,
        color=color,
        checked=result.checked,
        source_lines=result.drafts,
        stream=stream,
        rules=linter.packs.by_id(),
        quiet=s.quiet,
        turned_off=off,
    )
    if s.statistics:
        from sm_lint.pipeline.filter import reported
        from sm_lint.report.statistics import render as render_statistics

        # Counts of what is reported: suppressed findings are not problems to count.
        render_statistics(reported(result.findings), ctx, as_json=s.fmt in ("json", "jsonl"))
    else:
        render(s.fmt, result.findings, ctx)
    fixable = sum(f.fixable for f in result.findings)
    if fixable and not (machine or s.quiet or s.fix):
        echo(t(ctx.lang, "fixable", count=fixable), file=stream)
    if s.fmt != "full" or s.statistics or s.quiet:  # no summary line says it
        for item in off:
            echo(f"sm-lint: {item.text(words)}", err=True)
    from sm_lint.io.rulecache import notices as cache_notices  # a rule cache not used, or rebuilt

    # a file named on the command line and not linted says so; a folder's skipped files do not
    named = [not_checked(source, skipped[source]) for source in found if source in skipped and not source.walked]
    for notice in [*cache_notices, *named, *result.notices]:
        echo(f"sm-lint: {notice.text(words)}", err=True)
    for error in result.errors:
        echo(f"sm-lint: {error.text(words)}", err=True)
    if result.errors:
        return 2
    return 1 if result.failing and not s.exit_zero else 0


def _write_baseline(path: Path, result: Result, lang: str, quiet: bool) -> int:
    from sm_lint.pipeline.baseline import write_baseline

    count = write_baseline(path, result.findings)
    if not quiet:
        echo(t(lang, "baseline_written", count=count, path=path), err=True)
    for error in result.errors:
        echo(f"sm-lint: {error.text(lang)}", err=True)
    return 2 if result.errors else 0
