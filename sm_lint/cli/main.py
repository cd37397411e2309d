"""The command group and `sm-lint PATH...` (lint); the other commands are in commands.py."""

from __future__ import annotations

import errno
import os
import stat
import sys
from pathlib import Path

import click

from sm_lint import __version__
from sm_lint.errors import InputError, SmLintError, os_reason
from sm_lint.i18n import t
from sm_lint.report import FORMATS
from sm_lint.rules.model import SEVERITIES


class _DefaultGroup(click.Group):
    """`sm-lint draft.md` means `sm-lint lint draft.md`, as with ruff's default command."""

    def parse_args(self, ctx, args):
        if args and args[0] not in self.commands and args[0] not in ("--help", "-h", "--version"):
            args = ["lint", *args]
        elif not args:  # `cat 下書き.txt | sm-lint` lints stdin; at a terminal, the help
            args = ["lint"] if stdin_piped() else ["lint", "--help"]
        ctx.meta["sm_lint.args"] = args  # a usage error's language is read from them, if one comes
        return super().parse_args(ctx, args)

    def invoke(self, ctx):
        """Never a traceback: Ctrl-C ends with 130, output that cannot be written (a closed
        stdout, a full disk, a reader that went away) with 2, anything unexpected is one line
        and exit 2 (SM_LINT_DEBUG=1 shows the traceback)."""
        if sys.stdout is None:  # started with stdout closed (`>&-`): a report would be lost
            _cannot_write(ctx, "標準出力が閉じています", "standard output is closed")
        for stream in (sys.stdout, sys.stderr):
            # A console that cannot show a character (an emoji on a cp932 console) gets an
            # escape, not a crash halfway through the report.
            if hasattr(stream, "reconfigure"):
                stream.reconfigure(errors="backslashreplace")
        try:
            result = super().invoke(ctx)
        except click.exceptions.UsageError as exc:
            from sm_lint.cli.usage import describe

            _fail(describe(exc, ctx, ctx.meta["sm_lint.args"]))
        except (click.exceptions.ClickException, click.exceptions.Exit, click.exceptions.Abort):
            raise
        except KeyboardInterrupt:
            sys.exit(130)
        except BrokenPipeError:
            _closed_pipe()
        except SystemExit:
            _flush(ctx)
            raise
        except Exception as exc:
            if isinstance(exc, OSError) and exc.filename is None and exc.errno in _OUTPUT_ERRNOS:
                _cannot_write(ctx, *os_reason(exc))
            if os.environ.get("SM_LINT_DEBUG"):
                raise
            first = str(exc).splitlines()[0] if str(exc) else ""
            _fail(f"内部エラー ({type(exc).__name__}: {first})。"
                  "下書きとこの行を添えて報告してください / internal error, please report it")
        _flush(ctx)
        return result


def stdin_piped() -> bool:
    """A pipe or a file redirected to stdin (`cat 下書き.txt | sm-lint`, `sm-lint < 下書き.txt`):
    not a terminal, and not /dev/null or a console handle that may never end."""
    try:
        mode = os.fstat(sys.stdin.fileno()).st_mode
    except (OSError, ValueError, AttributeError):  # no stdin at all, or one with no descriptor
        return False
    return stat.S_ISFIFO(mode) or stat.S_ISREG(mode)


# What writing the report meets on a full disk, an exceeded quota or a failing device: inputs
# and files sm-lint writes are opened by name (and their errors say which), stdout is not.
_OUTPUT_ERRNOS = {errno.ENOSPC, errno.EDQUOT, errno.EIO, errno.EBADF, errno.EFBIG}


def _flush(ctx) -> None:
    """Flush now, so a reader that went away or a full disk is noticed here, not at
    interpreter exit."""
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        _closed_pipe()
    except OSError as exc:
        _cannot_write(ctx, *os_reason(exc))


def _quiet_stdout() -> None:
    """Point stdout at /dev/null, so the interpreter's final flush cannot complain."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


def _closed_pipe() -> None:
    # The reader left (`| head`): said by the exit status only, not a line on stderr. Not
    # 141 (killed by SIGPIPE) nor 1 ("findings"), which CI would take for a finished check.
    _quiet_stdout()
    sys.exit(2)


def _cannot_write(ctx, ja: str, en: str) -> None:
    from sm_lint.cli.usage import lang_of

    if sys.stdout is not None:
        _quiet_stdout()
    if lang_of(ctx.meta.get("sm_lint.args", sys.argv)) == "en":
        _fail(f"cannot write output ({en})")
    _fail(f"出力を書き込めません ({ja})")


def run() -> None:
    """The console entry (`sm-lint`, `python -m sm_lint`): `main`, then an exit that skips
    the interpreter's teardown, which freed every object of the run one by one (35 ms of a
    run over 1,000 drafts). Output is flushed first; no exit handler of ours is skipped."""
    try:
        main()
        code = 0
    except SystemExit as exc:
        code = exc.code
    if not isinstance(code, int):  # sys.exit("message"): Python's own convention
        if code is not None:
            print(code, file=sys.stderr)
        code = 0 if code is None else 1
    try:
        if sys.stdout is not None:
            sys.stdout.flush()
        sys.stderr.flush()
    except OSError:  # stderr is gone too: the status is all there is to say
        code = 2
    os._exit(code)


def _fail(message: str) -> None:
    click.echo(f"sm-lint: {message}", err=True)
    sys.exit(2)


@click.group(cls=_DefaultGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="sm-lint")
def main() -> None:
    """上越市ソーシャルメディアガイドラインに沿って SNS 投稿の下書きを確認します。"""


def _encoding_option(ctx, param, value):
    from sm_lint.io.encoding import check_encoding

    try:
        return check_encoding(value) if value else None
    except ValueError:
        from sm_lint.cli.usage import BadValue

        raise BadValue(f"知らない文字コードです: {value} (例: utf-8, cp932, euc_jp)",
                       f"unknown encoding {value!r} (e.g. utf-8, cp932, euc_jp)") from None


def _size_option(ctx, param, value):
    from sm_lint.io.inputs import parse_size

    if value is None:
        return None
    size = parse_size(value)
    if size is None:
        from sm_lint.cli.usage import BadValue

        raise BadValue(f"大きさは 2MiB や 512KiB のように書いてください: {value}",
                       f"a size such as 2MiB or 512KiB, not {value!r}")
    return size


@main.command()
@click.argument("paths", nargs=-1)
@click.option("--format", "fmt", type=click.Choice(list(FORMATS)), default="full",
              help="出力形式 / output format")
@click.option("--lang", type=click.Choice(["ja", "en"]), default=None, help="メッセージの言語 / message language")
@click.option("--config", "config_path", type=click.Path(dir_okay=False, path_type=Path),
              help="設定ファイル (既定: 下書きから上へ .sm-lint.yaml を探す) / configuration file")
@click.option("--no-repo-config", is_flag=True,
              help="リポジトリの .sm-lint.yaml を使わない (CI でプルリクエストを確認するとき) / ignore the repository's .sm-lint.yaml")
@click.option("--fail-on", type=click.Choice(SEVERITIES), default=None,
              help="この重要度以上の指摘があれば終了コード 1 / exit 1 at or above this severity")
@click.option("--select", multiple=True, help="ルール ID・カテゴリ・条項で選ぶ / select rules (id, category, clause)")
@click.option("--ignore", multiple=True, help="ルール ID・カテゴリ・条項で除く / ignore rules (id, category, clause)")
@click.option("--no-color", is_flag=True, help="色を付けない / no colour")
@click.option("--stdin-filename", default="-", help="標準入力の表示名 (設定の検索にも使う) / name of stdin, also for config lookup")
@click.option("--statistics", is_flag=True, help="ルール別・条項別の件数だけを表示 / counts per rule and clause")
@click.option("-q", "--quiet", is_flag=True, help="指摘だけを表示 (集計・進捗なし) / findings only")
@click.option("--exit-zero", is_flag=True, help="指摘があっても終了コード 0 / exit 0 even with findings")
@click.option("--baseline", type=click.Path(dir_okay=False, path_type=Path),
              help="記録済みの指摘を報告しない / do not report findings recorded in this file")
@click.option("--write-baseline", type=click.Path(dir_okay=False, path_type=Path),
              help="今の指摘をベースラインに記録 / record the current findings as the baseline")
@click.option("--fix", is_flag=True, help="安全な言い換えを適用して書き込む / apply the safe suggestions")
@click.option("--diff", is_flag=True, help="--fix の変更を差分で表示 (書き込まない) / show the fixes as a diff, write nothing")
@click.option("--encoding", callback=_encoding_option, default=None,
              help="文字コードを指定 (既定: 自動判定) / force an encoding, e.g. cp932, euc_jp")
@click.option("--max-draft-size", callback=_size_option, default=None,
              help="これより大きい下書きは読まずにエラー (既定 1MiB) / refuse drafts larger than this (default 1MiB)")
@click.option("-j", "--jobs", type=click.IntRange(min=0), default=0,
              help="並列プロセス数 (0: 下書きが多いときに CPU の数だけ) / worker processes (0: auto)")
def lint(paths, fmt, lang, config_path, no_repo_config, fail_on, select, ignore, no_color, stdin_filename,
         statistics, quiet, exit_zero, baseline, write_baseline, fix, diff, encoding, max_draft_size, jobs):
    """下書きを確認します (files, directories, - for stdin; stdin too when it is piped and no path is given)."""
    if not paths:
        if not stdin_piped():
            raise click.MissingParameter(ctx=click.get_current_context(), param=click.get_current_context().command.params[0])
        paths = ("-",)
    from sm_lint.io.inputs import DRAFT_SUFFIXES, Reader, expand
    from sm_lint.cli.progress import progress, wanted
    from sm_lint.report import MACHINE_FORMATS, ReportContext, render
    from sm_lint.run.linter import Linter, Options
    from sm_lint.run.workers import jobs_for

    from sm_lint.config import selector_list

    options = Options(config_path, selector_list(list(select), "--select", "--select"),
                      selector_list(list(ignore), "--ignore", "--ignore"), fail_on, lang,
                      None if write_baseline else baseline, encoding, max_draft_size, no_repo_config)
    if fmt == "github":  # every path said on stderr too is escaped, like the annotations
        from sm_lint.report.github import escape_stderr

        escape_stderr()
    color = False if no_color else None
    machine = fmt in MACHINE_FORMATS
    reader = Reader()
    words = lang or "ja"  # until the configuration is known
    try:
        linter = Linter(options)
        found = list(expand(list(paths), stdin_filename))
        if not found:  # a folder with no drafts: nothing checked must not look like "no problems"
            _fail(t(words, "no_drafts", paths=", ".join(paths), kinds=", ".join(DRAFT_SUFFIXES)))
        skipped = linter.skipped(found)
        sources = [s for s in found if s not in skipped]
        words = linter.report_lang(sources)  # the language of the tool's own words
        show_bar = wanted(len(sources), machine or statistics, quiet)
        with progress(len(sources), show_bar, t(words, "progress"), color) as advance:
            result = linter.lint_sources(sources, read=reader, jobs=jobs_for(jobs, len(sources)), done=advance)
        if write_baseline:
            _write_baseline(write_baseline, result, words, quiet)
        if fix or diff:
            result = _fix(linter, sources, reader, result, diff, quiet, words)
    except SmLintError as exc:
        _fail(exc.text(words))
    # With --fix on stdin the fixed text goes to stdout, so the report goes to stderr.
    stream = sys.stderr if fix and any(s.path is None for s in sources) else None
    off = tuple(linter.turned_off(sources))
    ctx = ReportContext(lang=words,
                        color=color, checked=result.checked, source_lines=result.drafts,
                        stream=stream, rules=linter.packs.by_id(), quiet=quiet, turned_off=off)
    if statistics:
        from sm_lint.pipeline.filter import reported
        from sm_lint.report.statistics import render as render_statistics

        # Counts of what is reported: suppressed findings are not problems to count.
        render_statistics(reported(result.findings), ctx, as_json=fmt in ("json", "jsonl"))
    else:
        render(fmt, result.findings, ctx)
    fixable = sum(f.fixable for f in result.findings)
    if fixable and not (machine or quiet or fix):
        click.echo(t(ctx.lang, "fixable", count=fixable), file=stream)
    if fmt != "full" or statistics or quiet:  # no summary line says it
        for item in off:
            click.echo(f"sm-lint: {item.text(words)}", err=True)
    from sm_lint.io.rulecache import notices as cache_notices  # a rule cache not used, or rebuilt

    # a file named on the command line and not linted says so; a folder's skipped files do not
    named = [InputError(s.display, f"{skipped[s]} に当たるので確認しませんでした", f"not checked: matched by {skipped[s]}")
             for s in found if s in skipped and not s.walked]
    for notice in [*cache_notices, *named, *result.notices]:
        click.echo(f"sm-lint: {notice.text(words)}", err=True)
    for error in result.errors:
        click.echo(f"sm-lint: {error.text(words)}", err=True)
    if result.errors:
        sys.exit(2)
    sys.exit(1 if result.failing and not exit_zero else 0)


def _write_baseline(path: Path, result, lang: str, quiet: bool) -> None:
    from sm_lint.pipeline.baseline import write_baseline

    count = write_baseline(path, result.findings)
    if not quiet:
        click.echo(t(lang, "baseline_written", count=count, path=path), err=True)
    for error in result.errors:
        click.echo(f"sm-lint: {error.text(lang)}", err=True)
    sys.exit(2 if result.errors else 0)


def _fix(linter, sources, reader, result, diff: bool, quiet: bool, lang: str):
    """--diff: print the changes and exit (1 if any). --fix: write them, then lint again so
    the report shows what is left, at its new position."""
    from sm_lint.io.fix import plan, unified_diff, write_atomic

    changes, problems = plan(result.findings, result.drafts, sources, reader)
    if diff:
        from sm_lint.checks.images.strip import to_strip

        images, refused = to_strip(result.findings, result.drafts, linter.packs.by_id())
        for change in changes:
            click.echo(unified_diff(change), nl=False)
        for picture in images:  # as git shows a changed binary file
            click.echo(f"Binary files a/{picture.file} and b/{picture.file} differ")
        for error in [*result.errors, *problems, *refused]:
            click.echo(f"sm-lint: {error.text(lang)}", err=True)
        sys.exit(2 if result.errors or problems or refused else 1 if changes or images else 0)
    written = []
    for change in changes:
        try:
            if change.source.path is not None:
                write_atomic(change.source.path, change.data, change.source.within)
        except SmLintError as exc:  # this file stays as it was; the others are fixed
            problems.append(exc)
            continue
        reader.data[change.source.display] = change.data
        written.append(change)
    changes = written
    images = _strip_images(linter, result, problems, tuple({root: None for s in sources for root in s.within}))
    for source in sources:
        if source.path is None:  # stdin: the text comes back on stdout, fixed or not, as editors expect
            sys.stdout.buffer.write(reader(source))
            sys.stdout.flush()
    if not quiet and changes:
        click.echo(t(lang, "fixed", count=sum(c.count for c in changes), files=len(changes)), err=True)
    if not quiet and images:
        click.echo(t(lang, "images_fixed", files=images), err=True)
    after = linter.lint_sources(sources, read=reader) if changes or images else result
    after.errors.extend(p for p in problems if p not in after.errors)
    return after


def _strip_images(linter, result, problems: list, within: tuple[str, ...]) -> int:
    """--fix on images: remove the position and the person's metadata, pixels untouched
    (sm_lint/checks/images/strip.py), in folders still inside `within` (the drafts' repositories)
    when written. The number of images written; what cannot be done goes to problems."""
    from sm_lint.errors import InputError
    from sm_lint.io.fix import write_atomic
    from sm_lint.checks.images.strip import stripped, to_strip

    images, refused = to_strip(result.findings, result.drafts, linter.packs.by_id())
    problems.extend(refused)
    written = 0
    for picture in images:
        data = stripped(picture)
        if data is None:
            problems.append(InputError(str(picture.file), f"この画像（{picture.format}）のメタデータは自動では消せません。画像編集ソフトで書き出し直してください",
                                       f"cannot remove the metadata of this {picture.format} image; export it again from an image editor"))
            continue
        try:
            write_atomic(picture.file, data, within)
            written += 1
        except SmLintError as exc:
            problems.append(exc)
    return written
