"""Safe YAML loading for data written by users (front matter, config, rule packs).

Only plain data types are built (never Python objects), the C parser is used when present,
and every mapping remembers the lines of itself and its keys so errors can point at them.
PyYAML is imported on first use: a draft without front matter never pays for it.
Hostile shapes are refused before anything is built: deep nesting (the C composer recurses
and overflows the C stack, killing the process), alias bombs (a few lines that expand to
billions of nodes for whoever walks the data) and recursive aliases.
"""

from __future__ import annotations

import re
from datetime import UTC
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from sm_lint.errors import SmLintError

if TYPE_CHECKING:
    from datetime import date, datetime

    from yaml import MappingNode, Node, ScalarNode
    from yaml.events import Event


class YamlError(Exception):
    """Not valid YAML: `line` is 1-based in the file, `problem` says what is wrong, and
    `problem_ja` says it in Japanese where we know it (sm_lint.io.yamlwords), else in English."""

    def __init__(self, line: int, problem: str, problem_ja: str | None = None):
        super().__init__(f"{line}: {problem}")
        self.line = line
        self.problem = problem
        self.problem_ja = problem_ja or problem

    def reported(self, error: type[SmLintError], path: object) -> SmLintError:
        """This problem as a data file's one-line error (configuration, rules, schema, clauses)."""
        return error(
            f"{path}:{self.line}", f"YAML として読めません: {self.problem_ja}", f"not valid YAML: {self.problem}"
        )


class LineDict(dict[Any, Any]):
    """A mapping from YAML with `line` (its own) and `key_lines` (each key's), 1-based."""

    def __init__(self, line: int = 0) -> None:
        super().__init__()
        self.line = line
        self.key_lines: dict[str, int] = {}

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line)


@lru_cache(maxsize=1)
def _loader_class() -> tuple[type[Any], type[Exception]]:
    import yaml

    if TYPE_CHECKING:  # the two loaders' stubs share SafeLoader's constructor methods
        from yaml import SafeLoader as Base
    else:
        Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # SafeLoader if built without libyaml

    class Loader(Base):
        first_line = 1

    def construct_mapping(loader: Loader, node: MappingNode) -> LineDict:
        result = LineDict(loader.first_line + node.start_mark.line)
        _refuse_duplicate_keys(node, loader.first_line)
        loader.flatten_mapping(node)
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            if not isinstance(key, (str, int, float, bool)) and key is not None:
                raise _problem(
                    "a mapping key must be a plain value",
                    "マッピングのキーは文字列や数などの単純な値で書いてください",
                    key_node.start_mark,
                )
            result[key] = loader.construct_object(value_node, deep=True)
            result.key_lines[str(key)] = loader.first_line + key_node.start_mark.line
        return result

    def construct_timestamp(loader: Loader, node: ScalarNode) -> Any:
        """2026-13-01 looks like a date but is none: keep the text (a schema reports it)."""
        try:
            return loader.construct_yaml_timestamp(node)
        except ValueError:
            return loader.construct_scalar(node)

    Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, construct_mapping)
    Loader.add_constructor("tag:yaml.org,2002:timestamp", construct_timestamp)
    return Loader, yaml.YAMLError


def _refuse_duplicate_keys(node: MappingNode, first_line: int) -> None:
    """A key written twice (a second `links:` added at the end of a configuration, a template's
    `scheduled_at:` left in): PyYAML keeps the last and drops the first without a word. Keys
    merged in with `<<` may be overridden; only keys written in the mapping itself count."""
    import yaml

    seen: dict[tuple[str, str], int] = {}
    for key_node, _ in node.value:
        if not isinstance(key_node, yaml.ScalarNode) or key_node.tag == "tag:yaml.org,2002:merge":
            continue
        key = (key_node.tag, key_node.value)
        if key in seen:
            first = first_line + seen[key]
            raise _problem(
                f"`{key_node.value}` is written twice (first on line {first})",
                f"`{key_node.value}` が 2 回書かれています (最初は {first} 行目)",
                key_node.start_mark,
            )
        seen[key] = key_node.start_mark.line


MAX_DEPTH = 64  # rule packs need about 8 levels
MAX_NODES = 100_000  # counted with every alias expanded


def _problem(en: str, ja: str, mark: Any) -> Exception:  # a Mark of the Python or the C parser
    """A problem we word ourselves, in both languages (load_yaml passes both on)."""
    import yaml

    error = yaml.constructor.ConstructorError(None, None, en, mark)
    error.problem_ja = ja  # type: ignore[attr-defined]  # read back with getattr in load_yaml
    return error


def _refuse(en: str, ja: str, node_or_event: Node | Event) -> Exception:
    return _problem(f"{en}; refused", f"{ja}。読み込みません", node_or_event.start_mark)


def _may_nest_deeper(source: str) -> bool:
    """Whether the text could hold more than MAX_DEPTH levels: each level opens with a new
    line (indentation), `[`, `{`, `-`, `?` or `:`, so fewer of those than MAX_DEPTH cannot.
    Front matter is far below that, and skips a second parse of the text."""
    return sum(map(source.count, "\n[{-?:")) >= MAX_DEPTH


def _check_nesting(source: str, loader_class: type[Any]) -> None:
    """Stop at the first collection deeper than MAX_DEPTH, before the composer recurses."""
    import yaml

    depth = 0
    for event in yaml.parse(source, Loader=loader_class):
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                raise _refuse(f"nested deeper than {MAX_DEPTH} levels", f"入れ子が {MAX_DEPTH} 段を超えています", event)
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1


def _check_expansion(root: Node) -> None:
    """Height and expanded size of the node graph, each shared (aliased) node measured once."""
    import yaml

    sizes: dict[int, tuple[int, int]] = {}  # id(node) -> (height, expanded size)
    open_nodes: set[int] = set()
    too_deep = (
        f"nested deeper than {MAX_DEPTH} levels through aliases",
        f"エイリアスをたどると入れ子が {MAX_DEPTH} 段を超えます",
    )

    def measure(node: Node, depth: int) -> tuple[int, int]:
        key = id(node)
        if key in sizes:
            return sizes[key]
        if key in open_nodes:
            raise _refuse(
                "an alias refers to its own anchor (recursive data)",
                "エイリアスが自分自身のアンカーを指しています (循環したデータ)",
                node,
            )
        if depth > MAX_DEPTH:  # keeps this recursion shallow
            raise _refuse(*too_deep, node)
        children: list[Node] = []
        if isinstance(node, yaml.SequenceNode):
            children = node.value
        elif isinstance(node, yaml.MappingNode):
            children = [n for pair in node.value for n in pair]
        open_nodes.add(key)
        height, size = 0, 1
        for child in children:
            h, n = measure(child, depth + 1)
            height, size = max(height, h + 1), size + n
            if size > MAX_NODES:
                raise _refuse(
                    f"more than {MAX_NODES} values once aliases are expanded",
                    f"エイリアスを展開すると値が {MAX_NODES} 個を超えます",
                    node,
                )
        if height > MAX_DEPTH:
            raise _refuse(*too_deep, node)
        open_nodes.discard(key)
        sizes[key] = height, size
        return height, size

    measure(root, 0)


# Most front matter is a few `key: value` lines of words and one timestamp. Those are read
# here as PyYAML reads them (tests/test_yamlsafe.py compares the two), without importing it:
# PyYAML costs a cold start about 15 ms. Any other shape (lists, quotes, numbers, comments
# after a value...) goes to PyYAML.
@lru_cache(maxsize=1)
def _flat_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """A `key: value` line; what a plain word cannot start with (YAML indicators, what starts a
    number, a date or a null, which YAML reads as such) or hold (characters YAML refuses or
    reads as line breaks); the strict ISO date and timestamp."""
    return (
        re.compile(r"([A-Za-z_][A-Za-z0-9_-]*):(?:[ ]+(.*?))?[ ]*"),
        re.compile(
            r"[-?:,\[\]{}#&*!|>'\"%@`0-9+.~<=]|.*(?:: |:$| #)"
            r"|.*[\t\x00-\x1f\x7f-\x9f\ufeff\u2028\u2029\ud800-\udfff\ufffe\uffff]"
        ),
        re.compile(
            r"([0-9]{4})-([0-9]{2})-([0-9]{2})(?:T([0-9]{2}):([0-9]{2}):([0-9]{2})(?:(Z)|([-+])([0-9]{2}):([0-9]{2}))?)?"
        ),
    )


_YAML_WORDS = frozenset(
    [
        "yes",
        "Yes",
        "YES",
        "no",
        "No",
        "NO",
        "true",
        "True",
        "TRUE",
        "false",
        "False",
        "FALSE",
        "on",
        "On",
        "ON",
        "off",
        "Off",
        "OFF",
        "null",
        "Null",
        "NULL",
    ]
)


def _timestamp(parts: tuple[Any, ...]) -> date | datetime:  # a match's groups
    """YAML's date or datetime for the strict ISO forms, as PyYAML's SafeConstructor builds it."""
    from datetime import date, datetime, timedelta, timezone

    year, month, day, hour, minute, second, utc, sign, tz_hour, tz_minute = parts
    if hour is None:
        return date(int(year), int(month), int(day))
    tz = None
    if sign:
        delta = timedelta(hours=int(tz_hour), minutes=int(tz_minute))
        tz = timezone(-delta if sign == "-" else delta)
    elif utc:
        tz = UTC
    return datetime(int(year), int(month), int(day), int(hour), int(minute), int(second), 0, tzinfo=tz)


def _flat(source: str, first_line: int) -> LineDict | None:
    """`source` read as PyYAML would if it is only `key: word` (or a strict ISO date or
    timestamp, or nothing) lines, blank lines and comment lines; else None."""
    key_value, not_a_word, timestamp = _flat_patterns()
    result: LineDict | None = None
    for number, line in enumerate(source.split("\n")):
        if not line or line.startswith("#"):
            continue
        found = key_value.fullmatch(line)
        if found is None:
            return None
        key, value = found.groups()
        if key in _YAML_WORDS or (result is not None and key in result):
            return None
        if value:
            stamp = timestamp.fullmatch(value)
            if stamp:
                try:
                    value = _timestamp(stamp.groups())
                except ValueError:  # 2026-13-01: PyYAML's way with it is sm_lint's own (see construct_timestamp)
                    return None
            elif value in _YAML_WORDS or not_a_word.match(value):
                return None
        if result is None:
            result = LineDict(first_line + number)
        result[key] = value or None
        result.key_lines[key] = first_line + number
    return result


def load_yaml(source: str, first_line: int = 1) -> Any:
    """Parse one YAML document; mappings come back as LineDict. Raises YamlError."""
    flat = _flat(source, first_line)
    if flat is not None:
        return flat
    loader_class, yaml_error = _loader_class()
    loader = loader_class(source)
    loader.first_line = first_line
    try:
        if _may_nest_deeper(source):
            _check_nesting(source, loader_class)
        node = loader.get_single_node()
        if node is None:
            return None
        if "*" in source:  # without an alias, no node is shared: nothing can expand
            _check_expansion(node)
        return loader.construct_document(node)
    except yaml_error as exc:
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        problem_ja, opened = getattr(exc, "problem_ja", None), False
        if problem_ja is None:
            from sm_lint.io.yamlwords import in_japanese  # only when a file is wrong

            problem_ja, opened = in_japanese(getattr(exc, "context", None), problem)
        marks = (getattr(exc, "problem_mark", None), getattr(exc, "context_mark", None))
        mark = next((m for m in (marks[::-1] if opened else marks) if m is not None), None)
        line = first_line + mark.line if mark else first_line
        raise YamlError(line, problem, problem_ja) from None
    finally:
        loader.dispose()
