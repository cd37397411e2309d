"""Configuration: `.sm-lint.yaml`, found by walking up from each draft (or `--config`).

Core keys are checked here; each area (links, privacy, schedule, ...) registers its own
section with defaults, so adding a setting never means editing a central schema by hand.
Unknown keys and bad values are errors with file and line.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable

from sm_lint.errors import ConfigError
from sm_lint.rules.model import SEVERITIES
from sm_lint.rules.registry import load_kinds
from sm_lint.yamlsafe import LineDict, YamlError, load_yaml

CONFIG_NAMES = (".sm-lint.yaml", ".sm-lint.yml")

# section name -> (defaults, validator(value, where) -> normalized value)
Validator = Callable[[Any, str], Any]
SECTIONS: dict[str, tuple[dict[str, Any], Validator | None]] = {}
OPEN_SECTIONS: set[str] = set()  # sections whose keys are names chosen by the user (e.g. account ids)


def register_section(name: str, defaults: dict[str, Any], validate: Validator | None = None,
                     open_keys: bool = False) -> None:
    SECTIONS[name] = (defaults, validate)
    if open_keys:
        OPEN_SECTIONS.add(name)


@dataclass(frozen=True)
class Config:
    path: str | None = None  # the file it came from, if any
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: dict[str, str] = field(default_factory=dict)  # rule id -> severity
    fail_on: str = "error"
    lang: str = "ja"
    sections: dict[str, Any] = field(default_factory=dict)

    def section(self, name: str) -> dict[str, Any]:
        """Settings of one area, over that area's registered defaults."""
        defaults = SECTIONS.get(name, ({}, None))[0]
        return {**defaults, **self.sections.get(name, {})}


def _strings(value: Any, where: str, key: str) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if not isinstance(value, list) or not all(isinstance(v, (str, int)) for v in value):
        raise ConfigError(where, f"`{key}` must be a list of strings")
    return tuple(str(v) for v in value)


def _choice(value: Any, where: str, key: str, choices: tuple[str, ...]) -> str:
    if value not in choices:
        raise ConfigError(where, f"`{key}` is one of {', '.join(choices)}, not {value!r}")
    return value


def parse_config(data: Any, path: str) -> Config:
    load_kinds()  # the kinds register the config sections they read
    if data is None:
        return Config(path=path)
    if not isinstance(data, LineDict):
        raise ConfigError(f"{path}:1", "the configuration is a mapping of settings")

    def at(key: str) -> str:
        return f"{path}:{data.line_of(key)}"

    core = {"select", "ignore", "severity", "fail-on", "lang"}
    config = Config(path=path)
    sections: dict[str, Any] = {}
    for key, value in data.items():
        where = at(str(key))
        if key == "select":
            config = replace(config, select=_strings(value, where, key))
        elif key == "ignore":
            config = replace(config, ignore=_strings(value, where, key))
        elif key == "severity":
            if not isinstance(value, dict):
                raise ConfigError(where, "`severity` maps rule ids to info, warning or error")
            config = replace(config, severity={
                str(k): _choice(v, where, f"severity.{k}", SEVERITIES) for k, v in value.items()
            })
        elif key == "fail-on":
            config = replace(config, fail_on=_choice(value, where, key, SEVERITIES))
        elif key == "lang":
            config = replace(config, lang=_choice(value, where, key, ("ja", "en")))
        elif key in SECTIONS:
            defaults, validate = SECTIONS[key]
            if not isinstance(value, dict):
                raise ConfigError(where, f"`{key}` must be a mapping")
            unknown = set() if key in OPEN_SECTIONS else set(value) - set(defaults)
            if unknown:
                raise ConfigError(
                    f"{path}:{value.line_of(sorted(unknown)[0]) if isinstance(value, LineDict) else data.line_of(key)}",
                    f"unknown key(s) in `{key}`: {', '.join(sorted(map(str, unknown)))}",
                )
            sections[key] = validate(value, where) if validate else dict(value)
        else:
            known = ", ".join(sorted(core | set(SECTIONS)))
            raise ConfigError(where, f"unknown setting `{key}` (known: {known})")
    return replace(config, sections=sections)


def load_config(path: Path) -> Config:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(str(path), f"cannot read the configuration: {exc}") from None
    try:
        data = load_yaml(text)
    except YamlError as exc:
        raise ConfigError(f"{path}:{exc.line}", f"not valid YAML: {exc.problem}") from None
    return parse_config(data, str(path))


@lru_cache(maxsize=256)
def find_config(directory: Path) -> Path | None:
    """The nearest .sm-lint.yaml at or above `directory`."""
    for folder in (directory, *directory.parents):
        for name in CONFIG_NAMES:
            candidate = folder / name
            if candidate.is_file():
                return candidate
    return None


@lru_cache(maxsize=64)
def config_for(directory: Path) -> Config:
    found = find_config(directory)
    return load_config(found) if found else Config()
