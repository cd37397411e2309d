"""Running the command line in-process, in a given folder, for the CLI tests; a fresh copy of
this checkout as a git repository; work counted in lines run and in characters handed to
the regex engines, never timed."""

from __future__ import annotations

import os
import shutil
import subprocess
from contextlib import contextmanager
from pathlib import Path
from types import SimpleNamespace

from click.testing import CliRunner

from sm_lint.cli import main
from sm_lint.findings import Finding
from sm_lint.rules.model import severity_rank
from sm_lint.rules.sections import parse_config
from sm_lint.settings.config import Config


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


def operations(call, *packages: Path) -> int:
    """How many lines of sm-lint's own code (and of `packages`, folders) `call()` runs: a count
    of the work done in Python that, unlike a timing, does not depend on the machine or its
    load. Work inside C (a regex engine, str.find, MeCab) counts as the one line that calls it:
    see `characters_searched` for the patterns' share of it."""
    import sys

    roots = tuple(str(p) for p in (Path(__file__).resolve().parents[1] / "sm_lint", *packages))
    count = 0

    def line(frame, event, arg):
        nonlocal count
        count += event == "line"
        return line

    previous = sys.gettrace()
    sys.settrace(lambda frame, event, arg: line if frame.f_code.co_filename.startswith(roots) else None)
    try:
        call()
    finally:
        sys.settrace(previous)
    return count


class _Searched:
    """A compiled pattern (re, regex or RE2) that adds to `tally` the characters each search
    is given: RE2's binding encodes the whole text it is handed on every call; re and regex
    read from `pos` to the end of a match, or to `endpos` where there is none."""

    def __init__(self, compiled, tally: list[int]) -> None:
        self.compiled, self.tally = compiled, tally
        self.whole = type(compiled).__module__ == "re2"

    def __getattr__(self, name):
        method = getattr(self.compiled, name)
        if name not in ("search", "match", "fullmatch", "finditer"):
            return method

        def counted(text, pos=0, endpos=None, *args, **kwargs):
            end = len(text) if endpos is None else min(max(endpos, 0), len(text))
            found = method(text, *((pos,) if endpos is None else (pos, endpos)), *args, **kwargs)
            if self.whole:
                self.tally[0] += len(text)
            elif name == "finditer" or found is None:
                self.tally[0] += max(0, end - pos)
            else:
                self.tally[0] += max(0, found.end() - pos)
            return found

        return counted


def characters_searched(call) -> int:
    """How many characters of text `call()` hands to the regex engines of sm-lint's patterns
    (the rules' and users', sm_lint.text.saferegex; the module-level ones of lazy_compile):
    the work done inside C that `operations` counts as one line. A line searched again from
    each of its items, or a whole text handed to RE2 for each small window, makes this grow
    with the square of the input."""
    import re

    from sm_lint.text import lazyre, saferegex

    tally = [0]
    lazy = saferegex._Lazy.pattern
    saferegex._Lazy.pattern = property(lambda self: _Searched(lazy.fget(self), tally))
    compiled = _lazy_patterns()
    for pattern in compiled:  # compiled again, through the counting `re` below
        pattern.cache_clear()
    lazyre.re = SimpleNamespace(compile=lambda source, flags=0: _Searched(re.compile(source, flags), tally))
    try:
        call()
    finally:
        saferegex._Lazy.pattern = lazy
        lazyre.re = re
        for pattern in compiled:
            pattern.cache_clear()
    return tally[0]


def _lazy_patterns() -> list:
    """Every pattern made by sm_lint.text.lazyre.lazy_compile so far (each an lru_cache)."""
    import functools
    import gc

    from sm_lint.text import lazyre

    return [
        f
        for f in gc.get_objects()
        if isinstance(f, functools._lru_cache_wrapper)
        and getattr(getattr(f, "__wrapped__", None), "__code__", None) is not None
        and f.__wrapped__.__code__.co_filename == lazyre.__file__
    ]


@contextmanager
def one_regime():
    """Every draft checked the same way, whatever its size and however many drafts the process
    linted before: every rule searched (the gate, and before it the rule cache's needs, skip
    rules only on drafts up to gate.MAX_CHARS characters, which 1x and 4x may fall on either
    side of) and the constructions in their warm order (they change order after a process's
    first 40 drafts). Otherwise two counts compared could be of two ways of checking."""
    from sm_lint.rules import gate
    from sm_lint.rules.kinds import construction

    saved = gate.MAX_CHARS, construction._COLD_DRAFTS
    gate.MAX_CHARS, construction._COLD_DRAFTS = -1, -1
    try:
        yield
    finally:
        gate.MAX_CHARS, construction._COLD_DRAFTS = saved


def assert_linear_work(call, small, large) -> None:
    """`call(large)` (four times the size of `small`) runs about four times as many lines of
    sm-lint's code and hands its patterns about four times as many characters, not the sixteen
    times of a quadratic step (see `operations` and `characters_searched`)."""
    with one_regime():
        call(small)  # patterns compiled
        for measure, what in ((operations, "lines"), (characters_searched, "characters of text to its patterns")):
            ratio = measure(lambda: call(large)) / max(1, measure(lambda: call(small)))
            assert ratio < 6, f"four times the input ran {ratio:.1f} times as many {what} (linear: 4, quadratic: 16)"


ROOT = Path(__file__).resolve().parent.parent


def git(*args, cwd: Path) -> str:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.invalid",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.invalid",
    }
    return subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True, text=True).stdout


def snapshot(dest: Path) -> str:
    """This checkout's tracked and new files (what a fresh clone of the work would have),
    committed in a new repository at `dest`; returns the commit."""
    listed = git("ls-files", "-z", "--cached", "--others", "--exclude-standard", cwd=ROOT)
    for name in filter(None, listed.split("\0")):
        source = ROOT / name
        if source.is_file():
            (dest / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, dest / name)
    git("init", "-q", cwd=dest)
    git("add", "-A", cwd=dest)
    git("commit", "-q", "-m", "snapshot", cwd=dest)
    return git("rev-parse", "HEAD", cwd=dest).strip()


# How the documents write the address of the city's Git server and the release to install; tests
# put a local snapshot and its commit in their place.
REPO_PLACEHOLDER = "https://<上越市のGitサーバー>/sm-lint.git"
REV_PLACEHOLDER = "<タグまたはコミット>"


def fenced(document: Path, languages: set[str]) -> list[tuple[int, str]]:
    """The fenced code blocks of a Markdown document in those languages: (line, content)."""
    from markdown_it import MarkdownIt

    return [
        (token.map[0] + 1, token.content)
        for token in MarkdownIt().parse(document.read_text(encoding="utf-8"))
        if token.type == "fence" and token.info.split()[:1] and token.info.split()[0] in languages
    ]


def lint_example(linter, rule, text, lang=None):
    """A rule's findings on one of its examples (`rule.invalid`, `rule.valid`), with what the
    example carries: the configuration it needs (`config:` in the rule's YAML), the draft it is
    read as, the file date."""
    config = getattr(text, "config", None)
    config = parse_config(config, rule.source) if config else None
    if lang:
        config = (config or Config()).replace(lang=lang)
    path = getattr(text, "path", None) or "<text>"  # an example about image files names its draft
    modified = getattr(text, "modified", None)  # the file date of an example about a guessed year
    return [
        f for f in linter.lint_text(text, path, config=config, rules=[rule], modified=modified) if f.rule == rule.id
    ]


def finding(**fields) -> Finding:
    """A finding as the filter stage hands it to the reports, with `fields` over plain defaults."""
    plain = dict(path="p", line=1, column=1, end_line=1, end_column=1, rule="R", name="n", category="prohibited")
    plain.update(clause="5(5)", clause_title="", severity="error", message="", match="", suggestion=None)
    return Finding(**{**plain, "start": 0, "end": 0, **fields})


def rule_error(folder: Path, pack: str) -> str:
    """The English text of the RuleError that loading `pack` (a rule file's YAML) raises."""
    import pytest

    from sm_lint.errors import RuleError
    from sm_lint.rules.loader import load_rules

    (folder / "pack.yaml").write_text(pack, encoding="utf-8")
    with pytest.raises(RuleError) as info:
        load_rules([folder])
    return info.value.text("en")


def one_rule(folder: Path, pack: str):
    """The one rule of `pack` (a rule file's YAML), loaded from `folder`."""
    from sm_lint.rules.loader import load_rules

    (folder / "pack.yaml").write_text(pack, encoding="utf-8")
    [rule] = load_rules([folder])
    return rule


def loud(findings):
    """(rule, match) of the findings at warning level or above: what a quiet draft must not have."""
    return [(f.rule, f.match) for f in findings if severity_rank(f.severity) >= severity_rank("warning")]
