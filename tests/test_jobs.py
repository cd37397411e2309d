"""`-j N` spreads drafts over worker processes; the report must not change in any way."""

from __future__ import annotations

import gc
import json
import os
import re
import select
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from helpers import run
from sm_lint.run.workers import PARALLEL_FROM, cpus, jobs_for

DRAFTS = [
    "あのバカな客のせいで残業だ。\n",
    "---\nplatform: x\n---\n【極秘】来年度の予算案について https://bit.ly/3xAbCdE\n",
    "高田城址公園で観桜会を開きます。\n",
    "連絡は山田花子さん(090-0000-1234)まで。\n",
]


def test_parallel_run_reports_exactly_what_a_single_process_does(tmp_path):
    for n in range(40):
        (tmp_path / f"draft-{n:02d}.md").write_text(DRAFTS[n % len(DRAFTS)], encoding="utf-8")
    (tmp_path / "broken.md").write_bytes(b"\xff\xfe\x00\xd8 not text")  # an error for that file only
    one = run(["--format", "json", "-j", "1", str(tmp_path)])
    two = run(["--format", "json", "-j", "2", str(tmp_path)])
    assert one.exit_code == two.exit_code == 2
    assert json.loads(one.stdout) == json.loads(two.stdout)
    assert len({f["path"] for f in json.loads(two.stdout)["findings"]}) == 30  # 3 of 4 drafts have findings
    assert one.stderr == two.stderr


def test_automatic_jobs_only_for_long_runs(monkeypatch):
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0, 1, 2, 3})
    monkeypatch.setattr(os, "getloadavg", lambda: (0.1, 0.1, 0.1))  # an idle machine
    assert jobs_for(0, PARALLEL_FROM - 1) == 1
    assert jobs_for(3, 5) == 3
    assert jobs_for(0, 100 * PARALLEL_FROM) == 4


def test_automatic_jobs_only_on_the_cpus_other_work_leaves_free(monkeypatch):
    # On a machine busy with other processes a second worker only slows the run.
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0, 1})
    monkeypatch.setattr(os, "getloadavg", lambda: (11.8, 12.4, 12.1))
    assert jobs_for(0, 100 * PARALLEL_FROM) == 1
    monkeypatch.setattr(os, "getloadavg", lambda: (1.2, 1.0, 0.9))  # one CPU taken
    assert jobs_for(0, 100 * PARALLEL_FROM) == 1
    monkeypatch.setattr(os, "getloadavg", lambda: (0.3, 0.5, 0.4))
    assert jobs_for(0, 100 * PARALLEL_FROM) == 2
    assert jobs_for(2, 100 * PARALLEL_FROM) == 2  # a number asked for is kept


def test_jobs_are_capped_to_the_cpus_this_process_may_use_and_the_drafts(monkeypatch):
    # `-j 10000` from a pull request's CI settings forked ten thousand processes.
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0, 1, 2, 3})
    assert jobs_for(10_000, 5_000) == 4
    assert jobs_for(3, 2) == 2


HANGING_RUN = """
import os, sys, time
from sm_lint.run import workers
from sm_lint.run.linter import Linter
from sm_lint.io.inputs import Source

parent = os.getpid()

def hang(linter, item):
    if os.getpid() != parent:
        print(os.getpid(), flush=True)  # the worker says who it is, then takes forever
    time.sleep(3600)

workers._lint_item = hang
list(workers._forked(Linter(rules=[]), [(Source("a.md", None), b"", None)] * 4, 2))
"""


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"  # a zombie has ended
    except FileNotFoundError:
        return False


@pytest.mark.skipif(not os.path.isdir("/proc/self"), reason="reads /proc")
def test_a_worker_ends_when_its_parent_is_killed():
    parent = subprocess.Popen([sys.executable, "-c", HANGING_RUN], stdout=subprocess.PIPE, text=True)
    worker = None
    try:
        worker = int(parent.stdout.readline())
        assert _alive(worker)
        parent.kill()
        parent.wait()
        # Not a measure of speed: the worker either ends (at once, by the kernel's signal) or
        # sleeps an hour; a minute tells the two apart on the busiest machine.
        for _ in range(600):
            if not _alive(worker):
                break
            time.sleep(0.1)
        assert not _alive(worker)
    finally:
        parent.kill()
        if worker is not None and _alive(worker):
            os.kill(worker, signal.SIGKILL)


def test_a_failure_in_a_worker_process_is_one_line_and_exit_2(tmp_path, monkeypatch):
    from sm_lint.run.linter import Linter

    for n in range(160):  # ten runs: the worker surely takes one
        (tmp_path / f"draft-{n:03d}.md").write_text(DRAFTS[n % len(DRAFTS)], encoding="utf-8")
    real, parent = Linter.lint_source, os.getpid()

    def failing(self, source, data, problem=None):
        if os.getpid() != parent:  # the forked worker fails on whatever it takes
            raise ValueError("broken on purpose")
        return real(self, source, data, problem)

    monkeypatch.setattr(Linter, "lint_source", failing)
    result = run(["--format", "json", "-j", "2", str(tmp_path)])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1 and "worker: ValueError: broken on purpose" in result.stderr


def test_stdin_goes_to_the_workers_as_bytes(tmp_path):
    for n in range(20):
        (tmp_path / f"draft-{n:02d}.md").write_text(DRAFTS[2], encoding="utf-8")
    args = ["--format", "json", "--stdin-filename", "post.md", str(tmp_path), "-"]
    one, two = run([*args, "-j", "1"], stdin=DRAFTS[0]), run([*args, "-j", "2"], stdin=DRAFTS[0])
    assert one.exit_code == two.exit_code == 1
    assert json.loads(one.stdout) == json.loads(two.stdout)
    assert {f["path"] for f in json.loads(two.stdout)["findings"]} == {"post.md"}


def test_without_fork_a_spawned_pool_reports_the_same(tmp_path, monkeypatch):
    # Windows has no fork: the drafts go to a pool of freshly started workers instead.
    for n in range(20):
        (tmp_path / f"draft-{n:02d}.md").write_text(DRAFTS[n % len(DRAFTS)], encoding="utf-8")
    one = run(["--format", "json", "-j", "1", str(tmp_path)])
    monkeypatch.delattr(os, "fork")
    monkeypatch.setattr("sm_lint.run.workers._forked", None)  # would fail if it were still used
    two = run(["--format", "json", "-j", "2", str(tmp_path)])
    assert one.exit_code == two.exit_code == 1
    assert json.loads(one.stdout) == json.loads(two.stdout)


def test_context_lines_and_clean_drafts_survive_the_workers(tmp_path):
    # Workers send back only the drafts with findings; the full format still shows their
    # lines, and JUnit still lists the clean drafts as passing.
    for n in range(40):
        (tmp_path / f"draft-{n:02d}.md").write_text(DRAFTS[n % len(DRAFTS)], encoding="utf-8")
    out = {}
    for fmt in ("full", "junit"):
        one = run(["--format", fmt, "--no-color", "-j", "1", str(tmp_path)])
        two = run(["--format", fmt, "--no-color", "-j", "2", str(tmp_path)])
        assert one.exit_code == two.exit_code == 1
        assert one.stdout == two.stdout
        out[fmt] = two.stdout
    assert "あのバカな客のせいで残業だ。" in out["full"]  # the line of a finding, as context
    assert out["junit"].count('<testcase name="sm-lint"') == 10  # a passing case per clean draft


def test_a_run_keeps_the_text_of_drafts_with_findings_only(tmp_path):
    from sm_lint.io.inputs import expand
    from sm_lint.run.linter import Linter

    for n in range(8):
        (tmp_path / f"draft-{n}.md").write_text(DRAFTS[n % len(DRAFTS)], encoding="utf-8")
    for jobs in (1, 2):
        result = Linter().lint_sources(list(expand([str(tmp_path)], None)), jobs=jobs)
        assert [p[-10:] for p in result.checked] == [f"draft-{n}.md" for n in range(8)]
        assert sorted(p[-10:] for p in result.drafts) == [
            "draft-0.md",
            "draft-1.md",
            "draft-3.md",
            "draft-4.md",
            "draft-5.md",
            "draft-7.md",
        ]
        assert all(d.text in DRAFTS for d in result.drafts.values())


def test_runs_hand_out_every_draft_once_and_shrink_towards_the_end():
    from sm_lint.run.workers import _RUN, _Runs

    runs = _Runs(100, jobs=2)
    try:
        taken = []
        while run := runs.take():
            taken.append(run)
        assert not runs.take()  # and stays empty for every process that asks
    finally:
        runs.close()
    assert [i for run in taken for i in run] == list(range(100))
    sizes = [len(run) for run in taken]
    assert sizes[0] == _RUN and sizes[-1] == 1
    assert sizes == sorted(sizes, reverse=True)
    # a run is at most a quarter of what is left, so no process ends far behind the other
    assert all(len(run) <= max(1, (100 - run.start) // 4) for run in taken)


def test_the_collector_rests_while_a_large_draft_is_checked(tmp_path, monkeypatch):
    # Millions of tokens hold no cycles; full collections over them made time superlinear.
    from sm_lint.run.linter import Linter

    seen = []
    original = Linter.lint_draft
    monkeypatch.setattr(Linter, "lint_draft", lambda self, *args: seen.append(gc.isenabled()) or original(self, *args))
    small, large = tmp_path / "small.md", tmp_path / "large.md"
    small.write_text(DRAFTS[1], encoding="utf-8")
    large.write_text(DRAFTS[1] * (120_000 // len(DRAFTS[1])), encoding="utf-8")
    run(["--format", "json", "--max-draft-size", "2MB", str(small), str(large)])
    assert seen == [True, False] and gc.isenabled()


SLOW_PACK = """\
rules:
  - id: MY-001
    name: slow
    category: confidential
    clause: 5(4)
    severity: error
    message: "「{match}」"
    match:
      regex: "(a|aa)+(?!b)$"
    examples:
      invalid: [aaa]
      valid: [公開]
"""


def _slow_regex_repo(repo: Path) -> Path:
    """A repository whose own rule pack has a catastrophic regex, and 12 drafts it stalls on."""
    (repo / ".git").mkdir(parents=True)
    (repo / ".sm-lint.yaml").write_text("rule-dirs: [mine]\n", encoding="utf-8")
    (repo / "mine").mkdir()
    (repo / "mine" / "slow.yaml").write_text(SLOW_PACK, encoding="utf-8")
    for n in range(12):
        (repo / f"post{n:02d}.md").write_text("a" * 60 + "!\nこれは極秘の資料です。\n", encoding="utf-8")
    return repo


def test_a_regex_that_runs_out_of_time_is_reported_once_with_two_processes_as_with_one(tmp_path, monkeypatch):
    # Reported once, by the parent, whichever process paid the timeout (and so at whichever draft).
    from sm_lint.text import saferegex

    monkeypatch.setattr(saferegex, "MATCH_SECONDS", 0.2)
    _slow_regex_repo(tmp_path)
    one = run(["--format", "concise", "-j", "1", "."], cwd=tmp_path)
    two = run(["--format", "concise", "-j", "2", "."], cwd=tmp_path)
    assert one.exit_code == two.exit_code == 2
    assert one.stderr.count("正規表現") == 1 and one.stderr.startswith("sm-lint: post00.md: ")
    assert re.sub(r"^sm-lint: post\d\d\.md", "", two.stderr) == re.sub(r"^sm-lint: post\d\d\.md", "", one.stderr)
    assert two.stdout == one.stdout


@contextmanager
def _parent_waits_for_the_worker(monkeypatch, before: Callable[[], None]) -> Iterator[None]:
    """Each draft first calls `before` in the process that lints it; the parent's first draft
    waits for the worker's first, so on a loaded machine the parent cannot lint every draft
    before the worker has started."""
    from sm_lint.run.linter import Linter

    parent, real = os.getpid(), Linter.lint_source
    waiting, told = [], os.pipe()

    def lint_source(self, *args):
        before()
        if os.getpid() != parent:
            os.write(told[1], b".")
        elif not waiting:  # (not forever, should the worker fail before it writes)
            waiting.append(select.select([told[0]], [], [], 120))
        return real(self, *args)

    monkeypatch.setattr(Linter, "lint_source", lint_source)
    try:
        yield
    finally:
        os.close(told[0])
        os.close(told[1])


@pytest.mark.skipif(cpus() < 2, reason="needs two CPUs for two processes")
def test_a_regex_that_runs_out_of_time_is_paid_once_per_run_not_per_process(tmp_path, monkeypatch):
    # Each process disabled the pattern at its own first timeout: with -jN the limit was paid up
    # to N times (N x 5 s). The run's processes share what timed out: one timeout in all.
    from sm_lint.text import saferegex

    monkeypatch.setattr(saferegex, "MATCH_SECONDS", 0.2)
    paid, linted_by = tmp_path / "timeouts", tmp_path / "processes"  # appended to by every process

    def append(file: Path, line: str) -> None:
        fd = os.open(file, os.O_WRONLY | os.O_APPEND | os.O_CREAT)
        os.write(fd, line.encode() + b"\n")
        os.close(fd)

    timeout = saferegex.Guarded._timeout
    monkeypatch.setattr(saferegex.Guarded, "_timeout", lambda self: append(paid, "paid") or timeout(self))
    with _parent_waits_for_the_worker(monkeypatch, lambda: append(linted_by, str(os.getpid()))):
        result = run(["--format", "concise", "-j", "2", "."], cwd=_slow_regex_repo(tmp_path / "repo"))
    assert result.exit_code == 2 and result.stderr.count("正規表現") == 1, result.stderr
    assert len(set(linted_by.read_text().split())) == 2  # both processes linted drafts
    assert paid.read_text() == "paid\n"
    assert result.stdout.count("JP-C101") == 12  # the other rules checked every draft


def test_a_rule_cache_notice_given_in_a_worker_is_told_once_by_the_parent(tmp_path, monkeypatch):
    # A cache entry first loaded while linting (the holidays of a year a draft names, the
    # public suffix list at a draft's first link) may be loaded in a forked worker, whose
    # own list of notices ended with it: a damaged entry was rebuilt without a word.
    from sm_lint.io import rulecache

    monkeypatch.setattr(rulecache, "notices", [])  # this test's own, not the session's
    rulecache.store("test-worker-notice", ["祝日"])
    entry = next(rulecache.cache_dir().glob("rules-*-test-worker-notice.cache"))
    entry.write_bytes(entry.read_bytes()[:-1] + b"!")  # damaged
    parent = os.getpid()

    def loading_in_the_worker() -> None:
        if os.getpid() != parent:
            assert rulecache.load("test-worker-notice") is None

    for n in range(20):
        (tmp_path / f"draft-{n:02d}.md").write_text(DRAFTS[2], encoding="utf-8")
    with _parent_waits_for_the_worker(monkeypatch, loading_in_the_worker):
        result = run(["--format", "concise", "-j", "2", str(tmp_path)])
    entry.unlink()
    assert result.exit_code == 0
    assert result.stderr == (
        f"sm-lint: {entry}: ルールのキャッシュが壊れているか、別の環境で作られたものなので、使わずに作り直します\n"
    )


def test_linting_again_and_again_in_one_process_keeps_memory_bounded(tmp_path):
    # A library caller (or a test) that runs the command in-process loads the rules afresh each
    # time. The collector used to be frozen for the run: frozen objects are never collected, so
    # every run's rules stayed (about 3.7 MB a run; a fuzz campaign of 10,000 in-process runs
    # was killed at 24 GB).
    draft = tmp_path / "post.md"
    text = "---\ntitle: 雪まつりのお知らせ\n---\n雪まつりを開催します。詳しくは市役所まで。\n"
    draft.write_text(text, encoding="utf-8")
    script = f"""
import resource
from click.testing import CliRunner
from sm_lint.cli import main
def peak():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
for i in range(40):
    CliRunner().invoke(main, ["--format", "json", {str(draft)!r}])
    if i == 19:
        middle = peak()
print(peak() - middle)
"""
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    grown_kib = int(out.stdout)
    assert grown_kib < 20_000, f"the last 20 in-process runs grew the peak by {grown_kib} KiB"
