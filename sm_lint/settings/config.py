"""One configuration as a value (Config): the settings settings/loader.py reads from
`.sm-lint.yaml`, and what is derived from them per draft (ignores, excludes, an area's section).
"""

from __future__ import annotations

import fnmatch
from datetime import date
from pathlib import Path
from typing import Any

from sm_lint.io.inputs import MAX_BYTES
from sm_lint.memo import memo
from sm_lint.settings.keys import BY_NAME

# what decides a configuration's rules (Config.pack_key): its rule packs, its `rules:` as JSON
PackKey = tuple[tuple[Path, ...], str | None]


class Config:
    """One configuration, a frozen value (`replace` makes a changed copy). A plain class, not a
    frozen dataclass: the dataclasses module imports inspect, about a tenth of a clean draft's
    cold start (issue 25); `__eq__` and `__repr__` are a dataclass's."""

    path: str | None  # the file it came from, if any
    select: tuple[str, ...]
    ignore: tuple[str, ...]
    severity: dict[str, str]  # rule id -> severity
    fail_on: str
    lang: str
    sections: dict[str, Any]
    # glob (relative to the configuration file's folder) -> selectors ignored for those drafts
    per_path_ignores: tuple[tuple[str, tuple[str, ...]], ...]
    rule_dirs: tuple[Path, ...]  # extra rule packs, added to the built-in one
    # globs (relative to the configuration file's folder) of files a folder's walk skips
    exclude: tuple[str, ...]
    # where each setting that names rules was written ("select", "severity.JP-P101",
    # "per-path-ignores.archive/**" -> "path:line"), to point at a name that matches no rule
    origins: dict[str, str]
    max_draft_size: int  # bytes; a larger file is refused before it is read

    def __init__(
        self,
        path: str | None = None,
        select: tuple[str, ...] = (),
        ignore: tuple[str, ...] = (),
        severity: dict[str, str] | None = None,
        fail_on: str = "error",
        lang: str = "ja",
        sections: dict[str, Any] | None = None,
        per_path_ignores: tuple[tuple[str, tuple[str, ...]], ...] = (),
        rule_dirs: tuple[Path, ...] = (),
        exclude: tuple[str, ...] = (),
        origins: dict[str, str] | None = None,
        max_draft_size: int = MAX_BYTES,
    ) -> None:
        self.__dict__.update(
            path=path,
            select=select,
            ignore=ignore,
            severity={} if severity is None else severity,
            fail_on=fail_on,
            lang=lang,
            sections={} if sections is None else sections,
            per_path_ignores=per_path_ignores,
            rule_dirs=rule_dirs,
            exclude=exclude,
            origins={} if origins is None else origins,
            max_draft_size=max_draft_size,
        )

    def fields(self) -> dict[str, Any]:
        """The settings by name (what a memo keeps is not one of them)."""
        return {name: self.__dict__[name] for name in _CONFIG_FIELDS}

    def replace(self, **changes: Any) -> Config:
        return Config(**{**self.fields(), **changes})

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"cannot assign to field {name!r}: a Config is frozen (use replace)")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"cannot delete field {name!r}: a Config is frozen")

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        assert isinstance(other, Config)
        return self.fields() == other.fields()

    __hash__ = None  # type: ignore[assignment]  # its dicts are not hashable

    def __repr__(self) -> str:
        return f"Config({', '.join(f'{k}={v!r}' for k, v in self.fields().items())})"

    @property
    def pack_key(self) -> PackKey:
        """What decides the rules of this configuration: its rule packs and its extensions of
        rules (`rules:`), as a value two configurations share when their rules are the same."""
        extensions = self.sections.get("rules")
        if not extensions:  # most configurations: no json module to import for it
            return self.rule_dirs, None
        import json

        return self.rule_dirs, json.dumps(plain(extensions), sort_keys=True)

    @property
    def root(self) -> Path:
        """The folder relative paths in the configuration are resolved from."""
        return Path(self.path).resolve().parent if self.path else Path.cwd()

    def _relative(self, draft: Path) -> str:
        try:
            # the folder resolved, not the file: a symbolic link is matched by its own name (and
            # one that loops cannot be resolved)
            return (draft.absolute().parent.resolve() / draft.name).relative_to(self.root).as_posix()
        except ValueError:  # a draft outside the configuration's tree
            return draft.as_posix()

    def ignores_for(self, draft: Path | None) -> tuple[str, ...]:
        """`ignore` plus the per-path ignores whose glob matches `draft`."""
        if draft is None or not self.per_path_ignores:
            return self.ignore
        relative = self._relative(draft)
        extra = [
            s for glob, selectors in self.per_path_ignores if fnmatch.fnmatchcase(relative, glob) for s in selectors
        ]
        return (*self.ignore, *extra)

    def excludes(self, draft: Path) -> bool:
        """Whether an `exclude` glob matches `draft` or a folder it is in (`README.md`,
        `templates`, `archive/**`)."""
        if not self.exclude:
            return False
        relative = self._relative(draft)
        parts = relative.split("/")
        candidates = ["/".join(parts[:i]) for i in range(1, len(parts) + 1)]
        return any(fnmatch.fnmatchcase(c, glob) for glob in self.exclude for c in candidates)

    def section(self, name: str) -> dict[str, Any]:
        """Settings of one area, over its declared defaults (built once per configuration and
        shared: read it, never change it)."""
        return self.memo(("section", name), _section)

    # `compute(self)` once per configuration: what rules derive from settings (parsed office
    # hours, the link policy) is built once, not once per draft.
    memo = memo


_CONFIG_FIELDS = Config.__init__.__code__.co_varnames[1 : Config.__init__.__code__.co_argcount]


def _section(config: Config, name: str) -> dict[str, Any]:
    return {**BY_NAME[name].defaults, **config.sections.get(name, {})}


def plain(value: Any) -> Any:
    """Plain YAML data: the configuration keeps line numbers (LineDict), tuples and dates,
    which a safe dumper refuses (`accounts:` crashed `sm-lint config`)."""
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [plain(v) for v in value]
    if value is None or isinstance(value, (str, int, float, bool, date)):  # a date stays a YAML date
        return value
    return str(value)
