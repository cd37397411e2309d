"""Configuration: `.sm-lint.yaml`, found by walking up from each draft to the repository's
root (or `--config`; `--no-repo-config` uses none of the repository's).

The keys, their defaults and the check of each area's section are declared in
settings/keys.py; each top-level setting is read into Config by the reader its declaration
names (READERS here), so a key is added in the declaration, not in a chain of names here. Unknown keys and bad
values are errors with file and line.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple

from sm_lint.errors import ConfigError, InputError, RuleError, SmLintError, os_reason
from sm_lint.io.encoding import decode
from sm_lint.io.inputs import parse_size, size_text
from sm_lint.io.yamlsafe import LineDict, YamlError, load_yaml
from sm_lint.settings.config import Config, plain
from sm_lint.settings.keys import BY_NAME, SECTIONS, SEVERITIES, TOP, TOP_BY_NAME, TOP_NAMES, Key
from sm_lint.spelling import hint

CONFIG_NAMES = (".sm-lint.yaml", ".sm-lint.yml")
# An area's check of its section: (the section as written, "path:line") -> the section's value,
# or ConfigError. The layer that owns the areas hands them in by section name
# (rules/sections.py): settings/ sits below them and imports none.
SectionCheck = Callable[[Any, str], Any]
SectionChecks = Mapping[str, SectionCheck]


def one_of(value: Any, choices: Iterable[str], where: str, key: str, error: type[SmLintError] = RuleError) -> str:
    """An option that names one of `choices` (a list or mapping from YAML names none);
    `error` is ConfigError for the configuration's own settings."""
    choices = tuple(choices)
    if not isinstance(value, str) or value not in choices:
        raise error(
            where,
            f"`{key}` は {', '.join(choices)} のいずれかです (値: {value!r})",
            f"`{key}` is one of {', '.join(choices)}, not {value!r}",
        )
    return value


def string_list(value: Any, where: str, key: str) -> tuple[str, ...]:
    """A setting that is a list of texts (one text is a list of one). YAML reads some bare
    texts as numbers or dates (0255265111, 2026-12-02): they are texts here."""
    if isinstance(value, str):
        return (value,)
    if not isinstance(value, list) or not all(isinstance(v, (str, int, date)) for v in value):
        raise ConfigError(where, f"`{key}` は文字列のリストで書いてください", f"`{key}` must be a list of strings")
    return tuple(str(v) for v in value)


def selector_list(value: Any, where: str, key: str) -> tuple[str, ...]:
    """Rule selectors: a list, or one text, where commas also separate (JP-P101,JP-C101), as
    on the command line."""
    return tuple(part.strip() for item in string_list(value, where, key) for part in item.split(",") if part.strip())


def check_rules(value: Any, where: str) -> Any:
    """`rules:`: rule id -> {extend: {a list of the rule's match: or `except`, by its path -> more entries}}.
    Kept as written (with its lines): the rule packs check the ids and lists (rules/loader.py)."""
    for rule_id, spec in value.items():
        at = f"{where.rsplit(':', 1)[0]}:{value.line_of(str(rule_id))}" if isinstance(value, LineDict) else where
        if (
            not isinstance(spec, dict)
            or set(spec) != {"extend"}
            or not isinstance(spec["extend"], dict)
            or not spec["extend"]
            or not all(isinstance(v, list) and v for v in spec["extend"].values())
        ):
            raise ConfigError(
                at,
                f"`rules.{rule_id}` は extend: の下に、加える一覧の名前 (words、except など) と"
                "項目のリストを書いてください",
                f"`rules.{rule_id}` is extend: with a list name (words, except, ...) and the entries to add",
            )
    return value


class _At(NamedTuple):
    """Where a top-level setting is being read: its `path:line`, its declaration, the file,
    and the origins of the rule names written in the file (a reader adds its own)."""

    where: str
    key: Key
    path: str
    origins: dict[str, str]


def _selectors(value: Any, at: _At) -> tuple[str, ...]:
    return selector_list(value, at.where, at.key.name)


def _texts(value: Any, at: _At) -> tuple[str, ...]:
    return string_list(value, at.where, at.key.name)


def _choice(value: Any, at: _At) -> str:
    return one_of(value, at.key.schema["enum"], at.where, at.key.name, ConfigError)


def _severities(value: Any, at: _At) -> dict[str, str]:
    if not isinstance(value, dict):
        raise ConfigError(
            at.where,
            "`severity` にはルール ID ごとに info、warning、error のいずれかを書いてください",
            "`severity` maps rule ids to info, warning or error",
        )
    at.origins.update(
        (f"severity.{k}", f"{at.path}:{value.line_of(str(k))}")  # type: ignore[attr-defined]  # a LineDict
        for k in value
    )
    return {str(k): one_of(v, SEVERITIES, at.where, f"severity.{k}", ConfigError) for k, v in value.items()}


def _per_path(value: Any, at: _At) -> tuple[tuple[str, tuple[str, ...]], ...]:
    if not isinstance(value, dict):
        raise ConfigError(
            at.where,
            "`per-path-ignores` にはパスのパターン (例: archive/**) とそこで除くルールを書いてください",
            "`per-path-ignores` maps a glob (e.g. archive/**) to rules to ignore there",
        )
    read = []
    for glob, selectors in value.items():
        line = f"{at.path}:{value.line_of(str(glob))}"  # type: ignore[attr-defined]  # a LineDict
        read.append((str(glob), selector_list(selectors, line, f"per-path-ignores.{glob}")))
        at.origins[f"per-path-ignores.{glob}"] = line
    return tuple(read)


def _rule_dirs(value: Any, at: _At) -> tuple[Path, ...]:
    from sm_lint.io.repository import inside, repository_root

    where = at.where
    root = Path(at.path).resolve().parent
    dirs = tuple(root / d for d in string_list(value, where, at.key.name))
    # A configuration comes with the drafts (a pull request): its rules stay in its repository
    # (or, outside any, its own folder), never ../../etc, /proc or another user's files.
    repository = repository_root(root) or root
    leaving = [str(d) for d in dirs if not inside(d.resolve(), repository)]
    if leaving:
        raise ConfigError(
            where,
            f"`rule-dirs` はリポジトリ ({repository}) の外を指せません: {', '.join(leaving)}。"
            "ルールはリポジトリの中に置いてください",
            f"`rule-dirs` may not leave the repository ({repository}): {', '.join(leaving)}; keep rule packs inside it",
        )
    missing = [str(d) for d in dirs if not d.exists()]
    if missing:
        raise ConfigError(
            where,
            f"ルールのディレクトリがありません: {', '.join(missing)}",
            f"rule directory not found: {', '.join(missing)}",
        )
    return dirs


def draft_size(value: Any, where: str) -> int:
    """`max-draft-size` (and --max-draft-size): bytes, or a size such as 2MiB or 512KiB."""
    size = parse_size(value)
    if size is None:
        raise ConfigError(
            where,
            f"`max-draft-size` は 2MiB や 512KiB のような大きさで書いてください (値: {value!r})",
            f"`max-draft-size` is a size such as 2MiB or 512KiB, not {value!r}",
        )
    return size


def _size(value: Any, at: _At) -> int:
    return draft_size(value, at.where)


def _same(value: Any) -> Any:
    return value


# The readers the declaration names (settings/keys.py, Key.read): (read the value into the
# Config field, show the field as `sm-lint config` does).
READERS: dict[str, tuple[Callable[[Any, _At], Any], Callable[[Any], Any]]] = {
    "selectors": (_selectors, list),
    "texts": (_texts, list),
    "choice": (_choice, _same),
    "severities": (_severities, dict),
    "per-path": (_per_path, lambda read: {glob: list(selectors) for glob, selectors in read}),
    "folders": (_rule_dirs, lambda read: [str(d) for d in read]),
    "size": (_size, size_text),
}


def parse_config(data: Any, path: str, checks: SectionChecks) -> Config:
    if data is None:
        return Config(path=path)
    if not isinstance(data, LineDict):
        raise ConfigError(
            f"{path}:1",
            "設定ファイルは「設定名: 値」の形で書いてください",
            "the configuration is a mapping of settings",
        )

    def at(key: str) -> str:
        return f"{path}:{data.line_of(key)}"

    fields: dict[str, Any] = {}
    sections: dict[str, Any] = {}
    origins: dict[str, str] = {}
    for key, value in data.items():
        where = origins[str(key)] = at(str(key))
        declared = TOP_BY_NAME.get(key)
        if declared is not None and declared.read is not None:
            fields[declared.field] = READERS[declared.read][0](value, _At(where, declared, path, origins))
        elif key in BY_NAME:
            section = BY_NAME[key]
            if not isinstance(value, dict):
                raise ConfigError(where, f"`{key}` は「キー: 値」の形で書いてください", f"`{key}` must be a mapping")
            unknown = set() if section.open else set(value) - set(section.defaults)
            if unknown:
                first = sorted(map(str, unknown))[0]
                ja, en = hint(first, section.defaults, f"{key}.")
                raise ConfigError(
                    f"{path}:{value.line_of(first) if isinstance(value, LineDict) else data.line_of(key)}",
                    f"`{key}.{first}` は知らないキーです{ja}",
                    f"unknown key `{key}.{first}`{en}",
                )
            check = checks.get(key)
            sections[key] = check(value, where) if check else dict(value)
        else:
            ja, en = hint(str(key), sorted({*TOP_NAMES, *BY_NAME}))
            raise ConfigError(where, f"知らない設定 `{key}` です{ja}", f"unknown setting `{key}`{en}")
    return Config(path=path, sections=sections, origins=origins, **fields)


def effective(config: Config) -> dict[str, Any]:
    """The configuration as `sm-lint config` shows it: every declared setting, in the order
    of the declaration, defaults filled in."""
    shown = {key.name: READERS[key.read][1](getattr(config, key.field)) for key in TOP if key.read is not None}
    for section in SECTIONS:
        shown[section.name] = config.section(section.name)
    data: dict[str, Any] = plain(shown)
    return data


def load_config(path: Path, checks: SectionChecks) -> Config:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        ja, en = os_reason(exc)
        raise ConfigError(
            str(path), f"設定ファイルを読めません ({ja})", f"cannot read the configuration ({en})"
        ) from None
    try:  # as drafts are: Notepad's UTF-8 with BOM and CP932 files are read too
        text, _ = decode(raw, str(path))
    except InputError:
        raise ConfigError(
            str(path),
            "設定ファイルの文字コードが分かりません。UTF-8 で保存してください",
            "cannot tell the configuration's encoding; save it as UTF-8",
        ) from None
    try:
        data = load_yaml(text)
    except YamlError as exc:
        raise exc.reported(ConfigError, path) from None
    return parse_config(data, str(path), checks)


@lru_cache(maxsize=256)
def find_config(directory: Path) -> Path | None:
    """The nearest .sm-lint.yaml at or above `directory`, up to the root of the git repository
    it is in: a file above that (a shared folder, a home directory) belongs to someone else
    and could turn checks off unseen."""
    for folder in (directory, *directory.parents):
        for name in CONFIG_NAMES:
            candidate = folder / name
            if candidate.is_file():
                return candidate
        if (folder / ".git").exists():  # a folder, or a file in a worktree or submodule
            return None
    return None
