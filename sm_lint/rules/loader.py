"""Loading rule packs: YAML files, validated, compiled once.

A broken file is reported as `path:line: what is wrong`; nothing here trusts the data.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path
from typing import Any

from sm_lint.errors import ConfigError, RuleError, read_utf8
from sm_lint.io import rulecache
from sm_lint.io.listfiles import list_paths, pack_list_paths, pack_lists
from sm_lint.io.repository import refuse_links_out
from sm_lint.io.resources import rules_root
from sm_lint.io.yamlsafe import LineDict, YamlError, load_yaml
from sm_lint.rules.catalog import categories, clauses
from sm_lint.rules.conditions import compile_when
from sm_lint.rules.deferred import deferred
from sm_lint.rules.exceptions import compile_exceptions
from sm_lint.rules.model import SEVERITIES, Matcher, Rule, example_from
from sm_lint.rules.options import one_of, optional_text
from sm_lint.rules.registry import KINDS, load_kinds
from sm_lint.spelling import hint, refuse_unknown_keys
from sm_lint.text.saferegex import trusted_patterns

_REQUIRED = ("id", "name", "category", "clause", "severity", "message", "match", "examples")
_OPTIONAL = ("message_en", "suggestion", "suggestion_en", "description", "except", "when", "fix")
FIXES = ("safe", "unsafe")


def default_pack_dirs() -> list[Path]:
    return [rules_root() / "joetsu"]


def rule_files(dirs: Iterable[Path]) -> list[Path]:
    files: list[Path] = []
    for directory in dirs:
        if directory.is_file():
            files.append(directory)
        elif directory.is_dir():
            # Hidden files and folders are not rules (.sm-lint.yaml, .pre-commit-config.yaml, .github/).
            found = sorted(
                p
                for p in directory.rglob("*.y*ml")
                if p.suffix in (".yaml", ".yml")
                and not any(part.startswith(".") for part in p.relative_to(directory).parts)
            )
            refuse_links_out(found, directory)
            files.extend(found)
        else:
            raise RuleError(str(directory), "ルールのディレクトリが見つかりません", "rule directory not found")
    return files


def _check_message(text: Any, where: str, key: str) -> str:
    if not isinstance(text, str) or not text.strip():
        raise RuleError(where, f"`{key}` は空でない文字列で書いてください", f"`{key}` must be a non-empty string")
    import string  # only when compiling rules (a cache miss)

    try:
        names = {name for _, name, _, _ in string.Formatter().parse(text) if name}
    except ValueError as exc:
        raise RuleError(
            where, f"`{key}` の差し込みの書き方が正しくありません: {exc}", f"`{key}` has a bad placeholder: {exc}"
        ) from None
    # A matcher may add its own detail fields, so only malformed placeholders are fatal here.
    if any(not name.isidentifier() for name in names):
        raise RuleError(
            where,
            f"`{key}` の差し込みは {{match}} のような名前だけで書いてください",
            f"`{key}` placeholders are plain names such as {{match}}",
        )
    return text


def _examples(spec: Any, where: str, folder: Path) -> tuple[tuple[str, ...], tuple[str, ...]]:
    if not isinstance(spec, dict):
        raise RuleError(
            where,
            "`examples` には `invalid:` (検出されるべき文) と `valid:` (検出されてはいけない文) が必要です",
            "`examples` needs `invalid:` (texts that must fire) and `valid:` (texts that must not)",
        )
    result = []
    for key in ("invalid", "valid"):
        items = spec.get(key)
        if not isinstance(items, list) or not items:
            raise RuleError(
                where,
                f"`examples.{key}` は文のリストで書いてください (空にはできません)",
                f"`examples.{key}` must be a non-empty list of texts",
            )
        result.append(tuple(_example_text(item, where, key, folder) for item in items))
    return result[0], result[1]


def _example_text(item: Any, where: str, key: str, folder: Path) -> str:
    """A text, or {text, repeat, times, after, config, draft, modified}: `repeat` × `times` for
    a text too long to write out (length limits), `config` for a check that needs settings
    (accounts), `draft` for the file the example is read as, relative to the rule file (its
    images lie beside it), `modified` for the file date a check that guesses the year reads
    (so the example does not depend on the day the tests run)."""
    if isinstance(item, str):
        return item
    if (
        isinstance(item, dict)
        and set(item) <= {"text", "repeat", "times", "after", "config", "draft", "modified"}
        and isinstance(item.get("repeat", ""), str)
        and isinstance(item.get("times", 1), int)
        and all(isinstance(item.get(k, ""), str) for k in ("text", "after", "draft"))
        and isinstance(item.get("config", {}), dict)
        and isinstance(item.get("modified", date.min), date)
        and not isinstance(item.get("modified"), datetime)
    ):
        recipe = item.get("text", ""), item.get("repeat", ""), item.get("times", 1), item.get("after", "")
        example = example_from(*recipe)
        if "repeat" in item:
            example.recipe = recipe
        example.config = item.get("config")
        example.path = str(folder / item["draft"]) if item.get("draft") else None
        if "modified" in item:  # noon in Japan, so the day is the same in any time zone setting
            example.modified = datetime.combine(item["modified"], time(12), timezone(timedelta(hours=9))).timestamp()
        return example
    raise RuleError(
        where,
        f"`examples.{key}` の各項目は文か {{text, repeat, times, after, config, draft, modified}} の形で"
        "書いてください (modified は 2026-02-10 のような日付)",
        f"`examples.{key}` items are texts or {{text, repeat, times, after, config, draft, modified}}"
        " (modified: a date such as 2026-02-10)",
    )


def compile_match(spec: Any, where: str) -> Matcher:
    """A `match:` mapping (one kind and its options) compiled to its matcher."""
    if not isinstance(spec, dict):
        raise RuleError(
            where,
            "`match` は {words: [...]} のような「キー: 値」の形で書いてください",
            "`match` must be a mapping such as {words: [...]}",
        )
    kinds = [k for k in spec if k in KINDS]
    if len(kinds) != 1:
        raise RuleError(
            where,
            f"`match` には次の種類のうちちょうど 1 つを書いてください: {', '.join(sorted(KINDS))}",
            f"`match` needs exactly one kind of: {', '.join(sorted(KINDS))}",
        )
    compiler, options = KINDS[kinds[0]]
    if isinstance(spec, LineDict):
        where = f"{where.rsplit(':', 1)[0]}:{spec.line_of(kinds[0])}"
    unknown = set(spec) - options - {kinds[0]}
    if unknown:
        raise RuleError(
            where,
            f"`{kinds[0]}` に知らないオプションがあります: {', '.join(sorted(map(str, unknown)))}",
            f"unknown option(s) for `{kinds[0]}`: {', '.join(sorted(map(str, unknown)))}",
        )
    return compiler(spec, where)


def compile_rule(item: Any, path: Path) -> Rule:
    line = item.line if isinstance(item, LineDict) else 0
    where = f"{path}:{line}"
    if not isinstance(item, dict):
        raise RuleError(
            where,
            "ルールは id、name、category、clause などを持つ「キー: 値」の形で書いてください",
            "each rule is a mapping with id, name, category, clause, ...",
        )
    missing = [k for k in _REQUIRED if k not in item]
    if missing:
        raise RuleError(
            where,
            f"ルール {item.get('id', '?')} に必要な項目がありません: {', '.join(missing)}",
            f"rule {item.get('id', '?')} is missing: {', '.join(missing)}",
        )
    refuse_unknown_keys(item, (*_REQUIRED, *_OPTIONAL), where)

    def at(key: str) -> str:
        return f"{path}:{item.line_of(key)}" if isinstance(item, LineDict) else where

    rule_id = item["id"]
    if not isinstance(rule_id, str) or not rule_id.strip() or " " in rule_id:
        raise RuleError(
            at("id"),
            "`id` は空白を含まないコードで書いてください (例: JP-P101)",
            "`id` must be a code without spaces, e.g. JP-P101",
        )
    if item["category"] not in categories():
        raise RuleError(
            at("category"),
            f"知らない category です: {item['category']!r} (使えるもの: {', '.join(categories())})",
            f"unknown category {item['category']!r} (one of: {', '.join(categories())})",
        )
    if str(item["clause"]) not in clauses():
        raise RuleError(
            at("clause"),
            f"clause {item['clause']!r} はガイドラインの条項一覧にありません",
            f"clause {item['clause']!r} is not in the guideline catalogue",
        )
    one_of(item["severity"], SEVERITIES, at("severity"), "severity")
    if item.get("fix", "unsafe") not in FIXES:
        raise RuleError(
            at("fix"),
            f"`fix` は safe か unsafe です (値: {item['fix']!r})",
            f"`fix` is safe or unsafe, not {item['fix']!r}",
        )
    message_en = item.get("message_en")
    invalid, valid = _examples(item["examples"], at("examples"), path.parent)
    return Rule(
        id=rule_id,
        name=str(item["name"]),
        category=item["category"],
        clause=str(item["clause"]),
        severity=item["severity"],
        message=_check_message(item["message"], at("message"), "message"),
        message_en=_check_message(message_en, at("message_en"), "message_en") if message_en else None,
        suggestion=optional_text(item.get("suggestion"), at("suggestion"), "suggestion"),
        suggestion_en=optional_text(item.get("suggestion_en"), at("suggestion_en"), "suggestion_en"),
        description=optional_text(item.get("description"), at("description"), "description"),
        matcher=compile_match(item["match"], at("match")),
        exceptions=compile_exceptions(item.get("except"), at("except")),
        valid=valid,
        invalid=invalid,
        source=where,
        when=compile_when(item.get("when"), at("when")),
        fix=item.get("fix"),
    )


def _items(path: Path) -> list[Any]:
    """The rule mappings of a rule file, as written."""
    try:
        data = load_yaml(read_utf8(path, ("ルールファイル", "rule file")))
    except YamlError as exc:
        raise exc.reported(RuleError, path) from None
    if not isinstance(data, dict) or not isinstance(data.get("rules"), list):
        raise RuleError(
            f"{path}:1",
            "ルールファイルは `rules:` のリストを持つ「キー: 値」の形で書いてください",
            "a rule file is a mapping with a `rules:` list",
        )
    refuse_unknown_keys(data, ("rules", "pack", "description"), f"{path}:1", ("最上位に", " at the top level"))
    rules: list[Any] = data["rules"]
    return rules


def load_file(path: Path) -> list[Rule]:
    return [compile_rule(item, path) for item in _items(path)]


def extend_rules(rules: list[Rule], extensions: Any, config_path: str) -> list[Rule]:
    """`rules` with a configuration's `rules: {ID: {extend: {...}}}` applied: each list named
    under `extend:` (a list of the rule's `match:` or `except`, by its path: `words`,
    `phrases.ask`, `construction.1.regex`) gets the entries after its own, and the rule is
    compiled again from its file, as if they had been written there."""
    by_id = {rule.id: rule for rule in rules}
    for rule_id, spec in extensions.items():
        where = f"{config_path}:{extensions.line_of(str(rule_id))}" if isinstance(extensions, LineDict) else config_path
        if rule_id not in by_id:
            ja, en = hint(str(rule_id), by_id)
            raise ConfigError(
                where, f"`rules.{rule_id}`: そのルールはありません{ja}", f"`rules.{rule_id}`: no such rule{en}"
            )
        path = Path(by_id[rule_id].source.rsplit(":", 1)[0])
        item = next(i for i in _items(path) if isinstance(i, dict) and i.get("id") == rule_id)
        try:
            by_id[rule_id] = compile_rule(_extended(item, spec["extend"], f"rules.{rule_id}.extend", where), path)
        except RuleError as exc:  # an added entry the rule cannot read: the configuration's mistake
            raise ConfigError(
                where, f"`rules.{rule_id}.extend`: {exc.what}", f"`rules.{rule_id}.extend`: {exc.what_en}"
            ) from None
    return sorted(by_id.values(), key=lambda r: r.id)


def _lists(value: Any, path: str = "") -> list[str]:
    """The paths of the lists in `value` (a rule's match: or except:), as `extend:` names them:
    keys and positions (0 the first) joined by dots: words, phrases.ask, construction.1.regex."""
    if isinstance(value, dict):
        inner = [(str(k), v) for k, v in value.items()]
    elif isinstance(value, list):
        inner = [(str(i), v) for i, v in enumerate(value)]
    else:
        return []
    found = [path] if isinstance(value, list) and path else []
    for step, v in inner:
        found += _lists(v, f"{path}.{step}" if path else step)
    return found


def _with_more(value: Any, steps: list[str], entries: list[Any]) -> Any:
    """`value` with `entries` after the list at `steps`, copied along the way: the rule's own
    data is never changed, and a copy keeps the lines errors point at."""
    if not steps:
        return [*value, *entries]
    copied = copy.copy(value)
    if isinstance(value, list):
        at: Any = int(steps[0])
    else:
        at = next(k for k in value if str(k) == steps[0])
    copied[at] = _with_more(value[at], steps[1:], entries)
    return copied


def _extended(item: Any, extend: dict[str, Any], key: str, where: str) -> Any:
    match = item["match"]
    lists = [*(_lists(item.get("except") or [], "except") or ["except"]), *_lists(match)]
    unknown = [name for name in extend if name not in lists]
    if unknown:
        top = ", ".join(p for p in lists if "." not in p)
        nested = [p for p in lists if "." in p]  # by path: many in a long list of entries
        shown = ", ".join(nested[:6]) + (f" … (+{len(nested) - 6})" if len(nested) > 6 else "")
        by_path = (f" (道筋で: {shown})", f" (and by path: {shown})") if nested else ("", "")
        raise ConfigError(
            where,
            f"`{key}.{unknown[0]}`: このルールで増やせる一覧は {top} です{by_path[0]}",
            f"`{key}.{unknown[0]}`: the lists this rule can extend are {top}{by_path[1]}",
        )
    item = copy.copy(item)
    for name, entries in extend.items():
        if name == "except" and not item.get("except"):
            item["except"] = list(entries)
        elif name == "except" or name.startswith("except."):
            item["except"] = _with_more(item["except"], name.split(".")[1:], entries)
        else:
            item["match"] = _with_more(item["match"], name.split("."), entries)
    return item


def load_rules(dirs: Iterable[Path] | None = None, base: Iterable[Rule] = ()) -> list[Rule]:
    """The rules of `dirs` (default: the built-in pack) added to `base`, ids unique. The
    compiled rules of the files are cached between runs."""
    files = rule_files(default_pack_dirs() if dirs is None else dirs)
    compiled = rulecache.remember(
        "rules", pack_sources(dirs, files), lambda: deferred(compile_files(files, trusted=dirs is None))
    )
    return _merged([*base, *compiled])


def pack_sources(dirs: Iterable[Path] | None, files: list[Path] | None = None) -> list[Path]:
    """Every file the rules of `dirs` (None: the built-in pack) are compiled from: the key
    of their cache entries."""
    files = rule_files(default_pack_dirs() if dirs is None else dirs) if files is None else files
    own_lists = pack_list_paths(files) if dirs is not None else []
    return [rules_root() / "guideline.yaml", rules_root() / "categories.yaml", *list_paths(), *own_lists, *files]


def compile_files(files: list[Path], trusted: bool = False) -> list[Rule]:
    """Compile rule files; `trusted` only for the built-in pack (see sm_lint.text.saferegex)."""
    load_kinds()
    if trusted:
        with trusted_patterns():
            return _merged([rule for path in files for rule in load_file(path)])
    rules = []
    for path in files:
        with pack_lists(path):  # a user pack's own lists/ beside its rule file
            rules.extend(load_file(path))
    return _merged(rules)


def _merged(rules: Iterable[Rule]) -> list[Rule]:
    by_id: dict[str, Rule] = {}
    for rule in rules:
        if rule.id in by_id:
            raise RuleError(
                rule.source,
                f"ルール ID {rule.id} が重複しています (最初の定義: {by_id[rule.id].source})",
                f"duplicate rule id {rule.id} (first defined at {by_id[rule.id].source})",
            )
        by_id[rule.id] = rule
    return sorted(by_id.values(), key=lambda r: r.id)
