"""Compiled rules are cached between runs: they must pickle, and the cache must follow the files."""

from __future__ import annotations

import os
import pickle

from sm_lint import rulecache
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
    first = load_rules([pack])
    assert len(list((tmp_path / "cache").glob("rules-*.pickle"))) == 1
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

    from sm_lint import hostlists, listfiles
    from sm_lint.resources import rules_root

    root = tmp_path / "rules"
    shutil.copytree(rules_root(), root)
    for module in ("sm_lint.listfiles", "sm_lint.rules.loader"):
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
    from sm_lint import schema

    schema.load_schema("front-matter")
    reads = []
    monkeypatch.setattr(rulecache, "cached", lambda *args: reads.append(args))
    schema.load_schema("front-matter")
    assert reads == []
