"""The console entry (`sm-lint`, `python -m sm_lint`), without click: `sm-lint PATH...` with
every argument a path (no option, no command name, no `-`) calls the lint the default command
calls, with the settings' own defaults (app/settings.py); anything else goes to click
(cli/main.py). Importing click costs a clean draft about a quarter of its cold start
(docs/performance.md), and the plain form needs none of its parsing. The guard around a
command (never a traceback; the exit statuses of Ctrl-C and of output that cannot be written)
is here, so that both ways share it."""

from __future__ import annotations

import errno
import gc
import os
import stat
import sys
from collections.abc import Callable, Sequence
from typing import NoReturn, TypeVar

from sm_lint.errors import os_reason
from sm_lint.io.echo import echo

T = TypeVar("T")

# The other commands (sm_lint/cli/commands.py) by name, as their functions are called there:
# that module, and what each command loads, is imported only when one of them is named or the
# help lists them, so that `sm-lint 下書き.md` never builds them (issue 25: a cold start).
ELSEWHERE = {
    "score": "score",
    "rules": "list_rules",
    "explain": "explain",
    "config": "show_config",
    "waivers": "waivers",
    "report": "report",
    "serve": "serve",
    "lsp": "lsp",
    "new": "new_draft",
}


def plain_paths(args: Sequence[str]) -> bool:
    """`sm-lint PATH [PATH ...]`: the form click would read as `lint PATH...` with no option.
    A first argument that names a command is that command, as with click; `-` (stdin) and
    anything else that starts with `-` are click's, and so is shell completion and Windows,
    where click expands wildcards itself."""
    return (
        bool(args)
        and args[0] != "lint"
        and args[0] not in ELSEWHERE
        and not any(arg.startswith("-") for arg in args)
        and os.name != "nt"
        and not any(name.endswith("_COMPLETE") for name in os.environ)
    )


def lint_paths(paths: Sequence[str]) -> NoReturn:
    """What the default command does with paths and no option."""
    from sm_lint.app.lint import lint
    from sm_lint.app.settings import LintSettings

    sys.exit(lint(LintSettings(tuple(paths))))


def run() -> None:
    """The console entry: the command, then an exit that skips the interpreter's teardown,
    which freed every object of the run one by one (35 ms of a run over 1,000 drafts). Output
    is flushed first; no exit handler of ours is skipped."""
    args = sys.argv[1:]
    # The cyclic collector every 100,000 new objects, not every 700: starting up (the modules,
    # some 30,000 objects of the rule cache) set off about 100 collections of a clean draft's
    # cold start, which walked them again and again to free 2,000 objects: 8% of its
    # instructions (docs/performance.md). Only here, in a process that ends with its command;
    # a library caller's collector is its own.
    gc.set_threshold(100_000, 10, 10)
    try:
        if plain_paths(args):
            guarded(lambda: lint_paths(args), args)
        else:
            from sm_lint.cli import group

            group()()
        code: int | str | None = 0
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


def guarded(work: Callable[[], T], args: Sequence[str], passed: tuple[type[BaseException], ...] = ()) -> T:
    """Never a traceback: Ctrl-C ends with 130, output that cannot be written (a closed
    stdout, a full disk, a reader that went away) with 2, anything unexpected is one line
    and exit 2 (SM_LINT_DEBUG=1 shows the traceback). `passed`: exceptions the caller's
    framework ends the run with itself (click's)."""
    if sys.stdout is None:  # started with stdout closed (`>&-`): a report would be lost
        cannot_write(args, "標準出力が閉じています", "standard output is closed")
    for stream in (sys.stdout, sys.stderr):
        # A console that cannot show a character (an emoji on a cp932 console) gets an
        # escape, not a crash halfway through the report.
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    try:
        result = work()
    except passed:
        raise
    except KeyboardInterrupt:
        sys.exit(130)
    except BrokenPipeError:
        _closed_pipe()
    except SystemExit:
        _flush(args)
        raise
    except Exception as exc:
        if isinstance(exc, OSError) and exc.filename is None and exc.errno in _OUTPUT_ERRNOS:
            cannot_write(args, *os_reason(exc))
        if os.environ.get("SM_LINT_DEBUG"):
            raise
        first = str(exc).splitlines()[0] if str(exc) else ""
        fail(
            f"内部エラー ({type(exc).__name__}: {first})。"
            "下書きとこの行を添えて報告してください / internal error, please report it"
        )
    _flush(args)
    return result


def stdin_piped() -> bool:
    """A pipe or a file redirected to stdin (`cat 下書き.txt | sm-lint`, `sm-lint < 下書き.txt`):
    not a terminal, and not /dev/null or a console handle that may never end."""
    try:
        mode = os.fstat(sys.stdin.fileno()).st_mode
    except (OSError, ValueError, AttributeError):  # no stdin at all, or one with no descriptor
        return False
    return stat.S_ISFIFO(mode) or stat.S_ISREG(mode)


def lang_of(args: Sequence[str]) -> str:
    """`--lang en` or `--lang=en` anywhere in the arguments; Japanese otherwise."""
    for i, arg in enumerate(args):
        if arg == "--lang=en" or (arg == "--lang" and args[i + 1 : i + 2] == ["en"]):
            return "en"
    return "ja"


# What writing the report meets on a full disk, an exceeded quota or a failing device: inputs
# and files sm-lint writes are opened by name (and their errors say which), stdout is not.
_OUTPUT_ERRNOS = {errno.ENOSPC, errno.EDQUOT, errno.EIO, errno.EBADF, errno.EFBIG}


def fail(message: str) -> NoReturn:
    echo(f"sm-lint: {message}", err=True)
    sys.exit(2)


def _flush(args: Sequence[str]) -> None:
    """Flush now, so a reader that went away or a full disk is noticed here, not at
    interpreter exit."""
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        _closed_pipe()
    except OSError as exc:
        cannot_write(args, *os_reason(exc))


def _quiet_stdout() -> None:
    """Point stdout at /dev/null, so the interpreter's final flush cannot complain."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


def _closed_pipe() -> NoReturn:
    # The reader left (`| head`): said by the exit status only, not a line on stderr. Not
    # 141 (killed by SIGPIPE) nor 1 ("findings"), which CI would take for a finished check.
    _quiet_stdout()
    sys.exit(2)


def cannot_write(args: Sequence[str], ja: str, en: str) -> NoReturn:
    if sys.stdout is not None:
        _quiet_stdout()
    if lang_of(args) == "en":
        fail(f"cannot write output ({en})")
    fail(f"出力を書き込めません ({ja})")
