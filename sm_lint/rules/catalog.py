"""The guideline's clauses (rules/guideline.yaml): id, title, text; and the categories of
rules (rules/categories.yaml)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from sm_lint.errors import RuleError
from sm_lint.io import rulecache
from sm_lint.io.resources import rules_root
from sm_lint.io.yamlsafe import YamlError, load_yaml


class Clause(NamedTuple):
    id: str
    title: str
    text: str
    title_en: str
    line: int = 0  # where it is defined in guideline.yaml (an editor links the clause there)

    def title_in(self, lang: str) -> str:
        return self.title_en if lang == "en" and self.title_en else self.title


@lru_cache(maxsize=1)
def clauses() -> dict[str, Clause]:
    return rulecache.cached(rules_root() / "guideline.yaml", load_catalog)


def load_catalog(path: Path) -> dict[str, Clause]:
    try:
        data = load_yaml(path.read_text(encoding="utf-8"))
    except YamlError as exc:
        raise exc.reported(RuleError, path) from None
    result: dict[str, Clause] = {}
    for item in data.get("clauses", []) if isinstance(data, dict) else []:
        where = f"{path}:{item.line}"
        if not all(isinstance(item.get(k), str) for k in ("id", "title", "text")):
            raise RuleError(
                where,
                "条項には文字列の `id`、`title`、`text` が必要です",
                "a clause needs string `id`, `title` and `text`",
            )
        result[item["id"]] = Clause(
            item["id"], item["title"], item["text"].strip(), item.get("title_en", ""), item.line
        )
    if not result:
        raise RuleError(str(path), "`clauses:` が見つかりません", "no `clauses:` found")
    return result


@lru_cache(maxsize=1)
def categories() -> tuple[str, ...]:
    return rulecache.cached(rules_root() / "categories.yaml", _read_categories)


def _read_categories(path: Path) -> tuple[str, ...]:
    try:
        data = load_yaml(path.read_text(encoding="utf-8"))
    except YamlError as exc:
        raise exc.reported(RuleError, path) from None
    names = data.get("categories") if isinstance(data, dict) else None
    if not isinstance(names, list) or not names or not all(isinstance(n, str) and n for n in names):
        raise RuleError(
            str(path), "`categories:` にカテゴリ名のリストを書いてください", "`categories:` is a list of names"
        )
    return tuple(names)
