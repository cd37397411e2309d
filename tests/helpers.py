"""Running the command line in-process, in a given folder, for the CLI tests."""

from __future__ import annotations

import os
from contextlib import contextmanager
from pathlib import Path

from click.testing import CliRunner

from sm_lint.cli import main


@contextmanager
def chdir(path: Path):
    before = os.getcwd()
    os.chdir(path)
    try:
        yield
    finally:
        os.chdir(before)


def run(args: list[str], cwd: Path | None = None, stdin: str | bytes | None = None):
    """Run `sm-lint ARGS`; returns click's Result (exit_code, stdout, stderr)."""
    with chdir(cwd or Path.cwd()):
        return CliRunner().invoke(main, args, input=stdin, catch_exceptions=False)


@contextmanager
def serving(folder: Path):
    """`sm-lint serve`'s server for `folder`, answering from a thread (a fixture's body)."""
    import threading

    from sm_lint.serve.server import App
    from sm_lint.serve.session import Session

    app = App(Session(folder))
    threading.Thread(target=app.serve_forever, daemon=True).start()
    try:
        yield app
    finally:
        app.shutdown()
        app.server_close()
