"""Rule files and `.sm-lint.yaml` are user data: any value in any setting is either an error
with its file and line or something that lints without crashing, never a Python exception.

Each kind's first rule in the built-in pack is rewritten with a value of every YAML shape in
each of its settings (and one level inside `match:`); so is every setting of the configuration
(and one level inside its sections)."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
import yaml

from sm_lint.errors import RuleError
from sm_lint.io.inputs import expand
from sm_lint.io.resources import rules_root
from sm_lint.rules.loader import load_rules
from sm_lint.run.linter import Linter, Options
from sm_lint.settings.config import Config
from sm_lint.settings.loader import effective

HOSTILE = [
    None,
    True,
    0,
    -1,
    1.5,
    "",
    "{",
    "{nope}",
    "../guideline",
    [],
    [None],
    [[1]],
    [{}],
    {},
    {"a": 1},
    {"a": [1]},
    {"a": None},
]
DRAFT = (
    "---\nplatform: line\naccount: a\nscheduled_at: 2026-12-01T22:00:00+09:00\n"
    "images:\n  - file: a.jpg\n    people: true\n---\n"
    "雪だるまです。090-1234-5678 https://bit.ly/abc https://example.com 極秘 山田太郎さん(45) 裏日本 a@gmail.com\n"
)


def _first_rule_of_each_kind() -> list[dict]:
    seen, found = set(), []
    for path in sorted((rules_root() / "joetsu").glob("*.yaml")):
        for rule in yaml.safe_load(path.read_text(encoding="utf-8"))["rules"]:
            kind = next(iter(rule["match"]))
            if kind not in seen:
                seen.add(kind)
                found.append(rule)
    return found


def _settings(rule: dict):
    for key in rule:
        if key != "examples":
            yield (key,)
    for key in rule["match"]:
        yield ("match", key)


def _cases():
    for rule in _first_rule_of_each_kind():
        for path in _settings(rule):
            yield pytest.param(rule, path, id=f"{rule['id']}-{'.'.join(path)}")


@pytest.mark.parametrize("rule,path", list(_cases()))
def test_any_value_in_any_setting_is_a_rule_error_or_a_working_rule(tmp_path: Path, monkeypatch, rule, path):
    # Each value's pack is compiled and cached as any user pack is, in a cache of this test's
    # own: its thousands of entries in the run's cache evicted the built-in rules' (it keeps 16), and the
    # next start compiled them again.
    monkeypatch.setenv("SM_LINT_CACHE_DIR", str(tmp_path / "rule-cache"))
    for value in HOSTILE:
        changed = copy.deepcopy(rule)
        *parents, last = path
        target = changed
        for key in parents:
            target = target[key]
        target[last] = value
        changed["id"] = "Z-" + rule["id"]
        # libyaml's emitter (the same YAML as yaml.safe_dump's, which took a third of this test)
        pack = yaml.dump({"rules": [changed]}, Dumper=getattr(yaml, "CSafeDumper", yaml.SafeDumper), allow_unicode=True)
        (tmp_path / "pack.yaml").write_text(pack, encoding="utf-8")
        try:
            rules = [r for r in load_rules([tmp_path]) if r.id.startswith("Z-")]
        except RuleError as exc:
            assert exc.where.startswith(str(tmp_path / "pack.yaml")), exc
            continue
        for lang in ("ja", "en"):
            Linter(rules=rules).lint_text(DRAFT, config=Config(lang=lang))


def _configuration_settings():
    for key, value in effective(Config()).items():
        yield (key,)
        if isinstance(value, dict):
            yield from ((key, inner) for inner in [*value, "unknown"])


@pytest.mark.parametrize("path", list(_configuration_settings()), ids=".".join)
def test_any_value_in_any_configuration_setting_is_an_error_or_a_working_configuration(tmp_path: Path, rules, path):
    for i, value in enumerate(HOSTILE):
        folder = tmp_path / str(i)  # a folder's configuration is read once per process
        folder.mkdir()
        config, draft = folder / ".sm-lint.yaml", folder / "post.md"
        draft.write_text(DRAFT, encoding="utf-8")
        data = {path[0]: value} if len(path) == 1 else {path[0]: {path[1]: value}}
        config.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
        for lang in ("ja", "en"):
            # The built-in rules, loaded once (conftest.py): Linter(options) loads the same ones
            # whatever the folder's configuration says, and unpickling them took 85% of this test.
            result = Linter(Options(lang=lang), rules=rules).lint_sources(list(expand([str(draft)])))
            assert all(e.where.startswith(str(config)) for e in result.errors), result.errors
