"""The one declaration of `.sm-lint.yaml` keys (sm_lint/settings/keys.py) and what is generated
from it: the JSON Schema shipped for editors, the keys page, the loader's keys and defaults."""

from __future__ import annotations

import ast
import json
import re
import subprocess
import sys
import textwrap
from datetime import date
from pathlib import Path

import jsonschema
import pytest
import yaml

from sm_lint.io.yamlsafe import load_yaml
from sm_lint.rules.sections import CHECKS, parse_config
from sm_lint.settings import generate, keys
from sm_lint.settings.config import Config
from sm_lint.settings.keys import SECTIONS, TOP, TOP_NAMES
from sm_lint.settings.loader import effective

ROOT = Path(__file__).resolve().parents[1]


def _json_data(value):
    """What an editor validates: YAML dates are texts there."""
    return json.loads(json.dumps(value, default=lambda v: v.isoformat() if isinstance(v, date) else str(v)))


def test_the_shipped_schema_and_the_keys_page_are_current():
    assert generate.SCHEMA_PATH.read_text(encoding="utf-8") == generate.schema_text(), (
        "run `python -m sm_lint.settings.generate`"
    )
    assert (ROOT / generate.PAGE).read_text(encoding="utf-8") == generate.page_text(), (
        "run `python -m sm_lint.settings.generate`"
    )
    jsonschema.Draft7Validator.check_schema(json.loads(generate.SCHEMA_PATH.read_text(encoding="utf-8")))


def _example_configurations():
    """Every `.sm-lint.yaml` of the repository and every ```yaml block of README.md and docs/
    whose keys are all settings (what a reader may copy into the file)."""
    known = {*TOP_NAMES, *(s.name for s in SECTIONS)}
    for path in sorted(ROOT.glob("**/.sm-lint.y*ml")):
        if ".venv" not in path.parts:
            yield path.relative_to(ROOT).as_posix(), yaml.safe_load(path.read_text(encoding="utf-8"))
    for page in [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]:
        blocks = re.findall(r"```yaml\n(.*?)```", page.read_text(encoding="utf-8"), re.S)
        for i, block in enumerate(map(textwrap.dedent, blocks)):
            data = None if block.startswith("---") else yaml.safe_load(block)  # a draft's front matter
            if isinstance(data, dict) and data and set(data) <= known:
                yield f"{page.relative_to(ROOT).as_posix()}#{i}", data


EXAMPLES = list(_example_configurations())


def test_there_are_example_configurations_to_validate():
    names = [name for name, _ in EXAMPLES]
    assert "examples/content-repo/.sm-lint.yaml" in names and any(n.startswith("docs/configuration.md#") for n in names)


@pytest.mark.parametrize("name,data", EXAMPLES, ids=[name for name, _ in EXAMPLES])
def test_every_example_configuration_is_valid_under_the_schema(name, data):
    schema = json.loads(generate.SCHEMA_PATH.read_text(encoding="utf-8"))
    jsonschema.validate(_json_data(data), schema)


@pytest.mark.parametrize(
    "text,path",
    [
        ("lang: fr\n", ["lang"]),
        ("links:\n  alow: [lin.ee/x]\n", ["links"]),
        ("schedule:\n  days: [mon, funday]\n", ["schedule", "days", 1]),
        ("accounts:\n  kosodate: {platform: myspace}\n", ["accounts", "kosodate", "platform"]),
        ("readability:\n  target: 12\n", ["readability", "target"]),
        ("fail-on: sometimes\n", ["fail-on"]),
    ],
)
def test_the_schema_refuses_what_the_loader_refuses(tmp_path, text, path):
    """An editor underlines the same mistakes `sm-lint` reports (file and line)."""
    from sm_lint.errors import ConfigError

    with pytest.raises(ConfigError):
        parse_config(load_yaml(text), str(tmp_path / ".sm-lint.yaml"))
    schema = json.loads(generate.SCHEMA_PATH.read_text(encoding="utf-8"))
    errors = list(jsonschema.Draft7Validator(schema).iter_errors(yaml.safe_load(text)))
    assert errors and any(list(e.absolute_path)[: len(path)] == path[: len(e.absolute_path)] for e in errors)


def test_every_key_is_declared_documented_and_shown_by_sm_lint_config():
    page = (ROOT / generate.PAGE).read_text(encoding="utf-8")
    shown = effective(Config())
    assert list(shown) == [*TOP_NAMES, *(s.name for s in SECTIONS)]
    assert sorted(CHECKS) == sorted(s.name for s in SECTIONS)  # each area checks its section (rules/sections.py)
    for key in TOP:
        assert key.ja and key.en and f"| `{key.name}` |" in page
        assert shown[key.name] == key.default, key.name  # the loader's defaults are the declared ones
    for section in SECTIONS:
        assert section.ja and section.en and f"## `{section.name}`" in page
        assert shown[section.name] == section.defaults
        for key in section.keys:
            assert key.ja and key.en and f"| `{section.name}.{key.name}` |" in page


def test_reading_the_declaration_imports_no_area():
    """The keys are known without importing the areas (no registration by import)."""
    code = (
        "import sys; import sm_lint.settings.keys, sm_lint.settings.loader; "
        "print(sorted(m for m in sys.modules if m.startswith('sm_lint.') and not m.startswith('sm_lint.settings')"
        " and m not in ('sm_lint.errors', 'sm_lint.memo', 'sm_lint.spelling') and not m.startswith('sm_lint.io')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


@pytest.fixture
def rules_copy(tmp_path, monkeypatch):
    """A copy of rules/ that the city's values and the categories are read from."""
    import shutil

    from sm_lint.io import resources
    from sm_lint.rules import catalog
    from sm_lint.settings import keys

    root = shutil.copytree(ROOT / "rules", tmp_path / "rules")
    monkeypatch.setattr(resources, "rules_root", lambda: root)
    monkeypatch.setattr(catalog, "rules_root", lambda: root)
    for cached in (keys.city_values, catalog.categories):
        cached.cache_clear()
    yield root
    for cached in (keys.city_values, catalog.categories):
        cached.cache_clear()


def test_the_city_s_values_and_the_categories_are_data(rules_copy):
    from sm_lint.errors import RuleError
    from sm_lint.rules.loader import compile_rule
    from sm_lint.rules.registry import load_kinds
    from sm_lint.settings import keys

    city = rules_copy / "city.yaml"
    # Another city's hall: its number is the default allowed one, and the loader checks the schedule against its hours.
    city.write_text(
        city.read_text(encoding="utf-8").replace("025-526-5111", "0255-72-3131").replace('"17:15"', '"17:30"'),
        encoding="utf-8",
    )
    assert keys.BY_NAME["privacy"].defaults["allowed_phones"] == ["0255-72-3131"]
    assert effective(Config())["schedule"]["end"] == "17:30"
    categories = rules_copy / "categories.yaml"
    categories.write_text(categories.read_text(encoding="utf-8") + "  - tourism\n", encoding="utf-8")
    rule = load_yaml(
        textwrap.dedent("""\
        - id: MY-T001
          name: old-name
          category: tourism
          clause: 5(5)
          severity: info
          message: 「{match}」は旧名です。
          match: {words: [高田公園]}
          examples: {invalid: [高田公園の桜です。], valid: [高田城址公園の桜です。]}
        """)
    )[0]
    load_kinds()
    assert compile_rule(rule, rules_copy / "joetsu" / "tourism.yaml").category == "tourism"
    city.write_text("privacy: {allowed_phones: []}\n", encoding="utf-8")
    keys.city_values.cache_clear()
    with pytest.raises(RuleError, match="CITY"):
        keys.city_values()


def test_the_loader_reads_each_top_level_key_by_its_declared_reader():
    # No chain of key names in the loader: a declared key names its reader and its Config field.
    from sm_lint.settings import loader

    assert [k.name for k in TOP if k.read not in loader.READERS or k.field not in Config().fields()] == []
    tree = ast.parse(Path(loader.__file__).read_text(encoding="utf-8"))
    assert {n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and n.value in TOP_NAMES} == set()


def test_a_top_level_key_takes_the_values_its_declaration_allows(monkeypatch):
    lang = keys.TOP_BY_NAME["lang"]
    monkeypatch.setitem(keys.TOP_BY_NAME, "lang", lang._replace(schema={"enum": ["ja", "en", "ko"]}))
    assert parse_config(load_yaml("lang: ko\n"), ".sm-lint.yaml").lang == "ko"


def test_a_configuration_is_a_frozen_value():
    # A plain class, not a dataclass (issue 25: the dataclasses module cost every cold start),
    # that behaves as the frozen dataclass did: equal by its settings, changed by a copy.
    config = Config(lang="en", severity={"JP-P101": "info"})
    assert config == Config(lang="en", severity={"JP-P101": "info"}) != Config()
    assert Config().severity == {} and Config().severity is not Config().severity
    config.section("privacy")  # a memo is kept beside the settings, not among them
    changed = config.replace(fail_on="warning")
    assert (changed.fail_on, changed.lang, changed.severity) == ("warning", "en", {"JP-P101": "info"})
    assert "_memo" not in changed.__dict__ and changed == Config(**{**config.fields(), "fail_on": "warning"})
    with pytest.raises(AttributeError):
        config.lang = "ja"  # type: ignore[misc]
    assert repr(Config()).startswith("Config(path=None, select=(), ignore=(), severity={}, fail_on='error'")
