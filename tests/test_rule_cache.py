"""Compiled rules are cached between runs: they must pickle, the cache must follow the files,
and an entry someone else wrote must never run code (issue 22)."""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

from sm_lint.io import rulecache
from sm_lint.rules.loader import compile_files, default_pack_dirs, load_rules, rule_files


def test_every_bundled_rule_can_be_cached():
    # A kind built from closures would silently disable the cache (and slow every cold start).
    for rule in compile_files(rule_files(default_pack_dirs())):
        pickle.dumps(rule)


def test_cache_is_used_and_invalidated_by_a_changed_rule_file(tmp_path, monkeypatch):
    monkeypatch.setenv("SM_LINT_CACHE_DIR", str(tmp_path / "cache"))
    pack = tmp_path / "pack.yaml"
    pack.write_text(
        "rules:\n  - id: X-1\n    name: a\n    category: prohibited\n    clause: 5(5)\n"
        "    severity: error\n    message: m\n    match: {words: [雪だるま]}\n"
        "    examples: {invalid: [雪だるま], valid: [雪]}\n",
        encoding="utf-8",
    )
    (tmp_path / "cache").mkdir(mode=0o700)
    unsigned = tmp_path / "cache" / "rules-0123456789abcdef01234567.pickle"  # an earlier version's
    unsigned.write_bytes(pickle.dumps([]))
    first = load_rules([pack])
    assert len(list((tmp_path / "cache").glob("rules-*.cache"))) == 1 and not unsigned.exists()
    calls = []
    monkeypatch.setattr("sm_lint.rules.loader.compile_files", lambda files, trusted=False: calls.append(files) or [])
    assert [r.id for r in load_rules([pack])] == [r.id for r in first]  # from the cache
    assert calls == []
    pack.write_text(pack.read_text(encoding="utf-8").replace("雪だるま]", "雪だるま, 雪合戦]"), encoding="utf-8")
    os.utime(pack, ns=(1, 1))  # a different mtime even on coarse clocks
    load_rules([pack])
    assert len(calls) == 1  # compiled again


def test_cache_follows_the_list_files_the_rules_read(tmp_path, monkeypatch):
    # JP-L101 holds the host list it read from rules/lists/shorteners.txt: a host added there
    # must be found on the next run, not hidden by the rules compiled before.
    import shutil

    from sm_lint.checks.links import hostlists
    from sm_lint.io import listfiles
    from sm_lint.io.resources import rules_root

    root = tmp_path / "rules"
    shutil.copytree(rules_root(), root)
    for module in ("sm_lint.io.listfiles", "sm_lint.rules.loader"):
        monkeypatch.setattr(f"{module}.rules_root", lambda: root)
    monkeypatch.setenv("SM_LINT_CACHE_DIR", str(tmp_path / "cache"))

    def l101_hosts():
        listfiles.list_names.cache_clear()
        hostlists.load_list.cache_clear()
        [rule] = [r for r in load_rules() if r.id == "JP-L101"]
        return rule.matcher.hosts.hosts

    assert "zz-short.example" not in l101_hosts()
    with open(root / "lists" / "shorteners.txt", "a", encoding="utf-8") as handle:
        handle.write("zz-short.example\n")
    os.utime(root / "lists" / "shorteners.txt", ns=(1, 1))
    assert "zz-short.example" in l101_hosts()


def test_cache_never_holds_draft_text(tmp_path, monkeypatch, linter):
    monkeypatch.setenv("SM_LINT_CACHE_DIR", str(tmp_path))
    load_rules()
    linter.lint_text("秘密の下書き本文ユニーク文字列です。")
    for path in tmp_path.iterdir():
        assert "ユニーク文字列".encode() not in path.read_bytes()
    assert rulecache.cache_dir() == tmp_path


def test_the_front_matter_schema_is_read_once_per_process(monkeypatch):
    # Every draft's metadata checks consult it: reading it from the disk cache per draft once
    # cost the metadata rules some 80 µs a draft (bench/parts.py).
    from sm_lint.checks.post import schema

    schema.load_schema("front-matter")
    reads = []
    monkeypatch.setattr(rulecache, "cached", lambda *args: reads.append(args))
    schema.load_schema("front-matter")
    assert reads == []


class _Planted:
    """A pickle that creates `marker` when it is loaded: what an attacker would plant."""

    def __init__(self, marker: Path):
        self.marker = marker

    def __reduce__(self):
        return exec, (f"open({str(self.marker)!r}, 'w').close()",)


def _sm_lint(draft: Path, cache: Path, state: Path, *args: str):
    env = {**os.environ, "SM_LINT_CACHE_DIR": str(cache), "XDG_STATE_HOME": str(state)}
    return subprocess.run(
        [sys.executable, "-m", "sm_lint", str(draft), *args], capture_output=True, text=True, env=env, cwd=draft.parent
    )


@pytest.fixture
def warm(tmp_path):
    """A draft with a finding, and a cache filled by linting it once."""
    (tmp_path / "cache").mkdir(mode=0o700)
    (tmp_path / "state").mkdir(mode=0o700)
    draft = tmp_path / "post.md"
    draft.write_text("本日の会議で、市長がバカなことを言っていました。\n", encoding="utf-8")
    first = _sm_lint(draft, tmp_path / "cache", tmp_path / "state")
    assert first.returncode == 1 and "JP-" in first.stdout, first.stderr
    entries = [p for p in (tmp_path / "cache").iterdir() if p.name.startswith("rules-")]
    assert entries
    return draft, tmp_path / "cache", tmp_path / "state", entries, first.stdout


def _evil(marker: Path) -> bytes:
    return pickle.dumps(_Planted(marker), protocol=pickle.HIGHEST_PROTOCOL)


@pytest.mark.parametrize(
    "forge",
    [
        lambda evil, old: evil,  # a bare pickle under the entry's name
        lambda evil, old: old[: len(rulecache._MAGIC) + 32] + evil,  # another entry's header: a MAC that does not fit
        lambda evil, old: evil + old,  # a pickle stops at its STOP opcode: the rest is ignored by pickle
    ],
    ids=["bare", "copied-header", "prefixed"],
)
def test_a_planted_entry_runs_nothing_and_is_rebuilt_with_a_notice(warm, tmp_path, forge):
    draft, cache, state, entries, report = warm
    marker = tmp_path / "pwned"
    for entry in entries:
        entry.write_bytes(forge(_evil(marker), entry.read_bytes()))
    again = _sm_lint(draft, cache, state)
    assert not marker.exists()
    assert again.stdout == report and again.returncode == 1  # linted as before
    assert "ルールのキャッシュが壊れているか、別の環境で作られた" in again.stderr
    after = _sm_lint(draft, cache, state, "--lang", "en")  # rebuilt: trusted again, quietly
    assert not marker.exists() and after.stderr == "" and after.returncode == 1


def test_a_planted_part_runs_nothing_and_is_compiled_afresh_with_a_notice(warm, tmp_path):
    # A rule's matcher is a part of the entry of its own, read when a draft needs it
    # (rules/deferred.py): the draft's バカ needs some. The head stays intact and signed.
    draft, cache, state, entries, report = warm
    marker = tmp_path / "pwned"
    for entry in entries:
        data = entry.read_bytes()
        start = len(rulecache._MAGIC) + 32 + rulecache._LENGTH
        parts = start + int.from_bytes(data[start - rulecache._LENGTH : start - 8], "big")  # + the head's length
        evil = _evil(marker)
        entry.write_bytes(data[:parts] + (evil * (len(data) // len(evil) + 1))[: len(data) - parts])
    again = _sm_lint(draft, cache, state)
    assert not marker.exists()
    assert again.stdout == report and again.returncode == 1  # linted as before
    assert "ルールのキャッシュが壊れているか、別の環境で作られた" in again.stderr
    after = _sm_lint(draft, cache, state, "--lang", "en")  # rewritten: trusted again, quietly
    assert not marker.exists() and after.returncode == 1 and after.stderr == ""


def test_a_truncated_or_foreign_entry_is_ignored_and_rebuilt(warm, tmp_path):
    draft, cache, state, entries, report = warm
    biggest = max(entries, key=lambda p: p.stat().st_size)
    biggest.write_bytes(biggest.read_bytes()[:-100])
    cut = _sm_lint(draft, cache, state)
    assert cut.stdout == report
    assert (
        cut.stderr
        == f"sm-lint: {biggest}: ルールのキャッシュが壊れているか、別の環境で作られたものなので、使わずに作り直します\n"
    )
    # The same cache used under another user's secret (a CI cache restored elsewhere).
    (tmp_path / "elsewhere").mkdir(mode=0o700)
    foreign = _sm_lint(draft, cache, tmp_path / "elsewhere", "--lang", "en")
    assert foreign.returncode == 1 and "a rule cache entry is damaged or was made elsewhere" in foreign.stderr


def _shared(cache: Path) -> None:
    cache.chmod(0o777)


def _someone_elses(cache: Path) -> None:
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        pytest.skip("only root can give a folder to another user")
    os.chown(cache, 1234, 1234)


@pytest.mark.parametrize("spoil", [_shared, _someone_elses])
def test_a_cache_folder_not_the_users_alone_is_not_used(warm, tmp_path, spoil):
    draft, cache, state, entries, report = warm
    marker = tmp_path / "pwned"
    for entry in entries:
        entry.write_bytes(_evil(marker))
    spoil(cache)
    shared = _sm_lint(draft, cache, state)
    assert not marker.exists() and shared.stdout == report
    assert shared.stderr == (
        f"sm-lint: {cache}: 他のユーザーが所有しているか書き込めるフォルダなので、"
        "ルールのキャッシュを使いません (所有者と権限を確認してください)\n"
    )
    assert {p.read_bytes() for p in entries} == {_evil(marker)}  # nor written to


def test_a_key_file_others_can_read_is_not_used(warm):
    draft, cache, state, _entries, _report = warm
    key = state / "sm-lint" / "cache-key"
    assert key.stat().st_mode & 0o777 == 0o600 and len(key.read_bytes()) == 32
    key.chmod(0o644)
    shown = _sm_lint(draft, cache, state, "--lang", "en")
    assert shown.returncode == 1
    assert (
        shown.stderr
        == f"sm-lint: {key}: not using the rule cache: its key file is not private to this user (mode 0600)\n"
    )


def test_installs_sharing_the_folder_do_not_evict_each_other(tmp_path, monkeypatch):
    # Two virtualenvs (or versions) of sm-lint with one ~/.cache: each keeps its own entries.
    monkeypatch.setenv("SM_LINT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    rulecache.store("rules-of-the-first-install", ["雪"])
    for number in range(20):  # the other install: more entries than any install keeps
        monkeypatch.setattr(rulecache, "_install", lambda: "0ther1n5")
        rulecache.store(f"key{number}", ["雪"])
    monkeypatch.undo()
    monkeypatch.setenv("SM_LINT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    assert rulecache.load("rules-of-the-first-install") == ["雪"]
    assert len(list((tmp_path / "cache").glob("rules-0ther1n5-*.cache"))) == 16


def test_entries_read_by_every_run_outlast_those_of_a_pack_being_edited(tmp_path, monkeypatch):
    # Each change to a rule pack of one's own makes a new entry; the built-in rules' entry,
    # read by every run but written once, was pruned first as the oldest written.
    monkeypatch.setenv("SM_LINT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    rulecache.store("built-in", ["雪"])
    seen = set((tmp_path / "cache").glob("rules-*.cache"))
    os.utime(*seen, (0, 0))  # written long ago
    for edit in range(20):  # more edits than an install keeps entries
        assert rulecache.load("built-in") == ["雪"]
        rulecache.store(f"my-pack-after-edit-{edit}", ["除雪"])
        # each written at its own time (a second apart: no two file times alike), all long ago
        [written] = set((tmp_path / "cache").glob("rules-*.cache")) - seen
        os.utime(written, (1000 + edit, 1000 + edit))
        seen.add(written)
    assert rulecache.load("built-in") == ["雪"]
    assert len(list((tmp_path / "cache").glob("rules-*.cache"))) == 16


class _Slow:
    """Pickles only once `go` is set, after telling `started` (a value being written)."""

    def __init__(self, started, go):
        self.started, self.go = started, go

    def __reduce__(self):
        self.started.set()
        assert self.go.wait(10)
        return str, ("slow",)


def test_a_part_taken_while_another_thread_compiles_the_entry_afresh(tmp_path, monkeypatch):
    # A server's threads share the rules: one thread finds a damaged part and compiles the
    # entry afresh; another taking an intact part meanwhile got an IndexError (the list of
    # fresh parts was there, still empty, while the new value was pickled) and a notice.
    import threading

    monkeypatch.setattr(rulecache, "notices", [])  # this test's own: the damaged part is told there
    monkeypatch.setenv("SM_LINT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    key = "two-threads"
    rulecache.store(key, ["雪", "x", rulecache.Apart("高田"), rulecache.Apart("直江津")])
    entry = rulecache._entry(tmp_path / "cache", key)
    data = bytearray(entry.read_bytes())
    data[-1] ^= 0xFF  # the last part (直江津's) damaged; the first (高田's) intact
    entry.write_bytes(bytes(data))
    started, go = threading.Event(), threading.Event()
    built = lambda: ["雪", _Slow(started, go), rulecache.Apart("高田"), rulecache.Apart("直江津")]  # noqa: E731
    loaded = rulecache.load(key, built)
    assert loaded is not None
    results: dict[str, object] = {}

    def take(name: str, apart: rulecache.Apart) -> None:
        try:
            results[name] = apart.get()
        except Exception as error:  # what the other thread would have seen
            results[name] = error

    damaged = threading.Thread(target=take, args=("damaged", loaded[3]))
    damaged.start()
    assert started.wait(10)  # compiling afresh: the new value is being written
    intact = threading.Thread(target=take, args=("intact", loaded[2]))
    intact.start()
    intact.join(10)  # its own part is intact: it waits for nothing
    go.set()
    damaged.join(10)
    intact.join(10)
    assert results == {"damaged": "直江津", "intact": "高田"}
