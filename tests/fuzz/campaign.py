"""A short fuzz campaign (hypothesis): every entry point that takes user input, many inputs.

    python tests/fuzz/campaign.py                 # 2000 inputs per target
    python tests/fuzz/campaign.py --examples 20000 --seed 7

Targets: drafts as text, long drafts (a piece repeated; timed, so a quadratic step fails),
long runs of one script (letters, digits, kana, emoji: up to 200,000 characters), drafts as
bytes (every encoding, random bytes, control bytes in front, stray bytes inside), YAML as
users write it, user regexes (compiled and run), the gate (a rule it skips must find
nothing), the command line on a file, and the command line on a folder of drafts and
symbolic links (inside, outside, broken, looping, to a folder, to /dev/zero). A target fails
when anything but the documented one-line error escapes, or a finding does not slice to its
match. Prints how many inputs each target tried, the smallest failing input found, and the
process's peak memory; exit 1 on any failure.
"""

from __future__ import annotations

import argparse
import contextlib
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent.parent), str(HERE.parent)]  # the repository and tests/

from click.testing import CliRunner  # noqa: E402
from fuzz.strategies import (  # noqa: E402
    ANY_CHAR,
    body,
    draft,
    draft_bytes,
    front_matter,
    lint_and_check,
    long_run,
    read_lint_and_check,
)
from hypothesis import HealthCheck, given, seed, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from sm_lint.cli import main as cli  # noqa: E402
from sm_lint.errors import InputError, RuleError  # noqa: E402
from sm_lint.io.document import parse_draft  # noqa: E402
from sm_lint.io.yamlsafe import YamlError, load_yaml  # noqa: E402
from sm_lint.rules.gate import Gate  # noqa: E402
from sm_lint.run.linter import Linter  # noqa: E402
from sm_lint.settings.config import Config  # noqa: E402
from sm_lint.text.analysis import analyse  # noqa: E402
from sm_lint.text.saferegex import Guarded, compile_user  # noqa: E402

REGEX_PIECES = [
    "a",
    "秘",
    ".",
    "*",
    "+",
    "?",
    "|",
    "(",
    ")",
    "(?:",
    "(?=",
    "(?!",
    "(?<=",
    "[",
    "]",
    "^",
    "$",
    "\\d",
    "\\w",
    "\\s",
    "\\W",
    "\\b",
    "\\1",
    "{2,}",
    "{,3}",
    "(?P<x>",
    "(?P=x)",
    "(?m:",
    "\\",
]
regex_source = st.lists(
    st.one_of(st.sampled_from(REGEX_PIECES), st.text(alphabet=ANY_CHAR, max_size=3)), min_size=1, max_size=10
).map("".join)


LONG_CHARS = 200_000
SECONDS_PER_CHAR = 50e-6  # about 5x the measured rate of a dense draft


def targets(linter: Linter, workdir: Path, fix: bool = True):
    def lint_text(text):
        lint_and_check(linter, text)

    def lint_long(args):
        # A short piece repeated into one long draft: offsets across tokenizer chunks, and
        # time that grows faster than the text (a quadratic step) shows up as a failure.
        piece, times = args
        text = (piece or "あ") * max(1, min(times, LONG_CHARS // max(1, len(piece))))
        started = time.process_time()  # this process's CPU time: other processes' load is not counted
        lint_text(text)
        seconds = time.process_time() - started
        assert seconds < 1 + len(text) * SECONDS_PER_CHAR, f"{seconds:.1f} s for {len(text)} characters"

    def lint_bytes(data):
        read_lint_and_check(linter, data)

    def user_yaml(source):
        with contextlib.suppress(YamlError):
            load_yaml(source)

    def user_regex(args):
        source, text = args
        try:
            pattern = compile_user(source, "fuzz")
        except RuleError as exc:
            assert "\n" not in str(exc)
            return
        spans = [m.span() for m in pattern.finditer(text)]
        assert all(0 <= start <= end <= len(text) for start, end in spans)
        if isinstance(pattern, Guarded):  # the RE2 prefilter must never hide a match
            assert spans == [m.span() for m in pattern.pattern.finditer(text)]

    rules = linter.rules_for(Config())
    gate = Gate(rules)

    def gate_skips_only_quiet_rules(text):
        try:
            analysis = analyse(parse_draft(text, "fuzz.md"))
        except InputError:
            return
        closed = gate.closed(analysis)
        for rule in rules:
            if id(rule) in closed:
                assert not list(rule.matcher.find(analysis)), f"{rule.id} was skipped but finds something"

    def command_line(data):
        path = workdir / "draft.md"
        path.write_bytes(data)
        out = CliRunner().invoke(cli, ["--format", "json", str(path)])
        assert out.exit_code in (0, 1, 2), out.output
        assert "Traceback" not in out.output and "内部エラー" not in out.output, out.output

    outside = workdir / "outside"
    outside.mkdir()
    (outside / "secret.md").write_text(
        "外人に道を聞かれました。\n", encoding="utf-8"
    )  # a safe fix: --fix must not write it
    link_targets = [
        outside / "secret.md",
        outside,
        Path("/dev/zero"),
        Path("/proc/self/environ"),
        Path("missing.md"),
        Path("loop.md"),
        Path("post0.md"),
        Path("sub"),
    ]

    def folder_with_links(args):
        # A folder of drafts and symbolic links as a pull request could hold them; the command
        # line on the folder and on each entry: a clean one-line outcome, and nothing outside
        # changed (--fix included).
        entries, fix_them = args
        folder = workdir / "repo"
        shutil.rmtree(folder, ignore_errors=True)
        (folder / "sub").mkdir(parents=True)
        names = []
        for n, (kind, data) in enumerate(entries):
            name = f"post{n}.md" if n % 3 else f"sub/post{n}.md"
            if kind < len(link_targets):
                (folder / name).symlink_to(link_targets[kind])
            else:
                (folder / name).write_bytes(data)
            names.append(str(folder / name))
        before = (outside / "secret.md").read_bytes()
        for paths in ([str(folder)], names):
            out = CliRunner().invoke(cli, ["--format", "concise", *(["--fix"] if fix and fix_them else []), *paths])
            assert out.exit_code in (0, 1, 2), out.output
            assert "Traceback" not in out.output and "内部エラー" not in out.output, out.output
        assert (outside / "secret.md").read_bytes() == before

    return {
        "lint_text": (lint_text, draft),
        "lint_long": (lint_long, st.tuples(body, st.integers(50, 20_000))),
        "long_run": (lint_text, long_run),
        "lint_bytes": (lint_bytes, draft_bytes),
        "user_yaml": (user_yaml, front_matter),
        "user_regex": (user_regex, st.tuples(regex_source, body)),
        "gate": (gate_skips_only_quiet_rules, draft),
        "command_line": (command_line, draft_bytes),
        "symlinks": (
            folder_with_links,
            st.tuples(
                st.lists(st.tuples(st.integers(0, len(link_targets) + 1), draft_bytes), min_size=1, max_size=6),
                st.booleans(),
            ),
        ),
    }


def run(name, check, strategy, examples: int, rng_seed: int) -> tuple[int, str | None, float]:
    tried = 0

    @seed(rng_seed)
    @settings(max_examples=examples, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(strategy)
    def case(value):
        nonlocal tried
        tried += 1
        check(value)

    started = time.perf_counter()
    try:
        case()
        failure = None
    except Exception as exc:  # the campaign reports, it does not stop
        failure = f"{type(exc).__name__}: {str(exc)[:500]}"
    return tried, failure, time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=2000, help="inputs per target")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--only", nargs="*", help="target names")
    parser.add_argument(
        "--no-fix",
        action="store_true",
        help="symlinks: never --fix (it writes through a link to a folder outside: issue 22)",
    )
    args = parser.parse_args()
    linter = Linter()
    total, failed = 0, 0
    with tempfile.TemporaryDirectory() as tmp:
        for name, (check, strategy) in targets(linter, Path(tmp), fix=not args.no_fix).items():
            if args.only and name not in args.only:
                continue
            # Long drafts cost a hundred short ones; a folder with its links, several.
            examples = max(1, args.examples // {"lint_long": 20, "long_run": 20, "symlinks": 5}.get(name, 1))
            tried, failure, seconds = run(name, check, strategy, examples, args.seed)
            total += tried
            failed += failure is not None
            status = "ok" if failure is None else f"FAILED\n    {failure}"
            print(f"{name:13} {tried:7d} inputs  {seconds:6.1f} s  {status}", flush=True)
    print(f"total         {total:7d} inputs  {failed} failing target(s)")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    print(f"peak memory   {peak:7.0f} MiB (this process, the largest input included)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
