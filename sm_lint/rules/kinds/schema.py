"""`schema`: problems of the front matter against a schema in rules/schema/ (unknown keys,
wrong types, bad values), reported at the key's line. `problems:` chooses which kinds of
problem a rule reports: unknown, type, value, required."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from sm_lint.checks.post.schema import front_matter_problems, load_schema, schema_names
from sm_lint.errors import RuleError
from sm_lint.rules.model import Hit, Matcher
from sm_lint.rules.registry import kind

if TYPE_CHECKING:
    from sm_lint.text.analysis import Analysis

_PROBLEMS = ("unknown", "type", "value", "required")


class SchemaCheck(Matcher):
    def __init__(self, name: str, problems: frozenset[str]) -> None:
        self.name = name
        self.problems = problems

    def find(self, analysis: Analysis) -> Iterable[Hit]:
        if not analysis.draft.front_matter:
            return
        for p in front_matter_problems(analysis, self.name):
            if p.kind in self.problems:
                yield Hit(line=p.line or 1, detail={"key": p.key, "problem": p.ja, "problem_en": p.en})


@kind("schema", options=("problems",))
def compile_schema(spec: dict[str, Any], where: str) -> SchemaCheck:
    name = spec["schema"]
    known = schema_names()
    if name not in known:  # only a name listed there: never a path to some other file
        raise RuleError(
            where,
            f"`schema` には rules/schema/ のファイル名を .yaml を除いて書いてください ({', '.join(known)})",
            f"`schema` names a file of rules/schema/ without .yaml ({', '.join(known)})",
        )
    load_schema(name)  # fail at load time, not on the first draft
    problems = spec.get("problems", list(_PROBLEMS))
    if not isinstance(problems, list) or not all(isinstance(p, str) and p in _PROBLEMS for p in problems):
        raise RuleError(
            where,
            f"`problems` は {', '.join(_PROBLEMS)} から選んだリストで書いてください",
            f"`problems` is a list of: {', '.join(_PROBLEMS)}",
        )
    return SchemaCheck(name, frozenset(problems))
